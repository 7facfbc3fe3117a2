import { disclosureNotices } from '@gongjian/db/schema';
import { canPublishNotice, daysBetween } from '@gongjian/rules';
import { and, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { visibleUpOrDown } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { clock, policyForYear, runRule } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { writableRow } from '../../spine/load';
import { reread, writeAudited } from '../../spine/write';
import { NoticeSubjectEnum } from './enums';
import { countyFunds } from './fund-source';
import { Project } from './project';

export const DisclosureNotice = builder.drizzleNode('disclosureNotices', {
  name: 'DisclosureNotice',
  description: '公告公示 (a notice of a plan, an allocation or a project: where and from when to when)',
  id: { column: (notice) => notice.id },
  authScopes: (notice) => ({ regionVisible: notice.regionPath }),
  fields: (t) => ({
    subject: t.expose('subject', { type: NoticeSubjectEnum, description: '公示内容' }),
    project: t.relation('project', { type: Project, nullable: true, description: '项目' }),
    title: t.exposeString('title', { description: '标题' }),
    postingPlace: t.exposeString('postingPlace', { description: '公示地点' }),
    postedOn: t.expose('postedOn', { type: 'Date', description: '公示开始' }),
    lastDayPosted: t.expose('lastDayPosted', { type: 'Date', description: '公示结束 (last day up)' }),
    daysPosted: t.int({
      description: '公示天数 (the posting day counts as day 1)',
      select: { columns: { postedOn: true, lastDayPosted: true } },
      resolve: (n) => daysBetween(n.postedOn, n.lastDayPosted) + 1,
    }),
    ended: t.boolean({
      description: '公示已结束 (its last day is before today)',
      select: { columns: { lastDayPosted: true } },
      resolve: (n) => n.lastDayPosted < clock.today(),
    }),
  }),
});

/** Notices inside the jurisdiction, and the county's own notices above it (plans, allocation results). */
export function noticeListFilter(
  table: typeof disclosureNotices,
  ctx: Context,
  args: { subject?: 'PLAN' | 'ALLOCATION' | 'PROJECT' | null },
): SQL {
  return and(
    visibleUpOrDown(table.regionPath, ctx.viewer),
    args.subject ? eq(table.subject, args.subject) : undefined,
  )!;
}

builder.queryFields((t) => ({
  disclosureNotices: t.drizzleConnection({
    type: 'disclosureNotices',
    description: '公告公示列表 (newest first)',
    args: { subject: t.arg({ type: NoticeSubjectEnum, required: false }) },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(disclosureNotices, noticeListFilter(disclosureNotices, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.disclosureNotices.findMany(
        query({
          where: { RAW: (table) => noticeListFilter(table, ctx, args) },
          orderBy: { postedOn: 'desc', id: 'desc' },
        }),
      ),
  }),
}));

const NoticeSchema = z.object({
  subject: z.enum(['PLAN', 'ALLOCATION', 'PROJECT']),
  title: text(200, 2),
  postingPlace: text(200, 2),
  postedOn: z.string(),
  lastDayPosted: z.string(),
});

const PublishNoticeInput = builder.inputType('PublishNoticeInput', {
  description: '发布公告公示 (fund and project notices run at least 10 days)',
  fields: (t) => ({
    subject: t.field({ type: NoticeSubjectEnum, required: true }),
    projectId: t.globalID({
      required: false,
      for: [Project],
      description: '项目 (required for a project notice)',
    }),
    title: t.string({ required: true, description: '标题' }),
    postingPlace: t.string({ required: true, description: '公示地点 (村务公开栏, 网站, …)' }),
    postedOn: t.field({ type: 'Date', required: true, description: '公示开始' }),
    lastDayPosted: t.field({ type: 'Date', required: true, description: '公示结束' }),
  }),
});

builder.mutationFields((t) => ({
  publishNotice: t.drizzleField({
    type: DisclosureNotice,
    description: '发布公告公示 (a notice shorter than its days is refused by DISCLOSURE.PERIOD)',
    authScopes: { permission: 'notice.publish' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: PublishNoticeInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const projectId = input.projectId ? Number(input.projectId.id) : null;
      const project =
        projectId === null
          ? null
          : writableRow(
              ctx,
              await ctx.db.query.projects.findFirst({
                where: { id: projectId },
                with: { region: { columns: { code: true } } },
              }),
              { entity: '项目', argument: 'projectId', id: projectId },
            );
      const tenant = project
        ? { countyId: project.countyId, regionPath: project.regionPath }
        : countyFunds(ctx);
      const values = validate(NoticeSchema, input);
      if (values.subject === 'PROJECT' && !project)
        throw ValidationError.field('projectId', '项目公示须指明项目');
      if (values.lastDayPosted < values.postedOn)
        throw ValidationError.field(
          'lastDayPosted',
          `公示结束 ${values.lastDayPosted} 早于公示开始 ${values.postedOn}`,
        );
      const code = project?.region.code ?? (await countyCode(ctx));
      const policy = runRule(() => policyForYear(Number(values.postedOn.slice(0, 4)), code));
      refuseUnless(canPublishNotice(values.postedOn, values.lastDayPosted, policy));
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(disclosureNotices)
          .values({ ...tenant, ...values, projectId, publishedById: ctx.viewer!.id })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'notice.publish',
            entityType: 'DisclosureNotice',
            entityId: created!.id,
            regionPath: tenant.regionPath,
            after: created,
          },
        };
      });
      return reread(ctx.db.query.disclosureNotices.findFirst(query({ where: { id } })), '公告公示', id);
    },
  }),
}));

async function countyCode(ctx: Context): Promise<string> {
  const county = await ctx.db.query.regions.findFirst({
    where: { id: ctx.viewer!.countyId! },
    columns: { code: true },
  });
  return county?.code ?? '';
}
