import { resolutions, tasks } from '@gongjian/db/schema';
import { and, ilike } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, visibleUpOrDown } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { countyOfViewer } from '../../spine/load';
import { audited, reread, writeAudited } from '../../spine/write';

export const Resolution = builder.drizzleNode('resolutions', {
  name: 'Resolution',
  description: '决议/决定 (of the people’s congress or a Party plenum)',
  id: { column: (r) => r.id },
  authScopes: (resolution) => ({ regionVisible: resolution.regionPath }),
  fields: (t) => ({
    issuingBody: t.exposeString('issuingBody', { description: '作出机关' }),
    adoptedOn: t.expose('adoptedOn', { type: 'Date', description: '通过日期' }),
    title: t.exposeString('title', { description: '标题' }),
    summary: t.exposeString('summary', { nullable: true, description: '要点' }),
    taskCount: t.relatedCount('tasks', {
      description: '据此下达的任务数 (inside your jurisdiction)',
      where: (_args, ctx) => inJurisdiction(tasks.regionPath, ctx.viewer),
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

function resolutionListFilter(table: typeof resolutions, ctx: Context, search: string | null | undefined) {
  const term = search?.trim().slice(0, 50);
  return and(
    visibleUpOrDown(table.regionPath, ctx.viewer),
    term ? ilike(table.title, `%${term}%`) : undefined,
  )!;
}

builder.queryFields((t) => ({
  resolutions: t.drizzleConnection({
    type: 'resolutions',
    description: '决议列表 (newest first)',
    args: { search: t.arg.string({ required: false, description: '按标题搜索' }) },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(resolutions, resolutionListFilter(resolutions, ctx, args.search)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.resolutions.findMany(
        query({
          where: { RAW: (table) => resolutionListFilter(table, ctx, args.search) },
          orderBy: { adoptedOn: 'desc', id: 'desc' },
        }),
      ),
  }),
}));

export const ResolutionSchema = z.object({
  issuingBody: text(100, 2),
  adoptedOn: z.string(),
  title: text(200, 2),
  summary: text(2000).nullable(),
});

const CreateResolutionInput = builder.inputType('CreateResolutionInput', {
  description: '登记决议',
  fields: (t) => ({
    issuingBody: t.string({ required: true, description: '作出机关' }),
    adoptedOn: t.field({ type: 'Date', required: true, description: '通过日期' }),
    title: t.string({ required: true, description: '标题' }),
    summary: t.string({ required: false, description: '要点' }),
  }),
});

builder.mutationFields((t) => ({
  createResolution: t.drizzleField({
    type: Resolution,
    description: '登记决议',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateResolutionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const tenant = countyOfViewer(ctx);
      const values = validate(ResolutionSchema, { ...input, summary: input.summary || null });
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(resolutions)
          .values({ ...tenant, ...values })
          .returning();
        return audited('Resolution', 'resolution.create', created!, { after: created });
      });
      return reread(ctx.db.query.resolutions.findFirst(query({ where: { id } })), '决议', id);
    },
  }),
}));
