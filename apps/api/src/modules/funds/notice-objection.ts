import { noticeObjections } from '@gongjian/db/schema';
import { canAnswerObjection, canRaiseObjection } from '@gongjian/rules';
import { and, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction } from '../../auth/jurisdiction';
import { maskPhone } from '../../auth/masking';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { clock } from '../../policy';
import { actedOn } from '../../shared/dates';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import { reread, updateAtVersion, writeAudited } from '../../spine/write';
import { ObjectionStatusEnum } from './enums';
import { DisclosureNotice } from './notice';

/**
 * 公示异议: objections to a notice, recorded by whoever keeps the board, answered by the township or the county.
 * The objector's name and phone are read masked and kept out of the audit log; an open objection to a project
 * notice holds the project at its step (PROJECT.OBJECTION_OPEN, in advanceProject).
 */

/** 张** : the surname and a star for each other character. */
const maskName = (name: string | null) =>
  name === null ? null : `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}`;

export const NoticeObjection = builder.drizzleNode('noticeObjections', {
  name: 'NoticeObjection',
  description: '公示异议 (an objection to a notice, open until the township or the county answers it)',
  id: { column: (objection) => objection.id },
  authScopes: (objection) => ({ jurisdiction: objection.regionPath }),
  fields: (t) => ({
    notice: t.relation('notice', { type: DisclosureNotice, description: '公告公示' }),
    raisedOn: t.expose('raisedOn', { type: 'Date', description: '提出日期' }),
    content: t.exposeString('content', { description: '异议内容' }),
    objectorName: t.string({
      nullable: true,
      description: '异议人 (masked: 张**; null when anonymous)',
      select: { columns: { objectorName: true } },
      resolve: (o) => maskName(o.objectorName),
    }),
    objectorPhone: t.string({
      nullable: true,
      description: '联系电话 (masked: 138****1234)',
      select: { columns: { objectorPhone: true } },
      resolve: (o) => maskPhone(o.objectorPhone),
    }),
    status: t.expose('status', { type: ObjectionStatusEnum, description: '状态' }),
    answer: t.exposeString('answer', { nullable: true, description: '答复意见' }),
    answeredOn: t.expose('answeredOn', { type: 'Date', nullable: true, description: '答复日期' }),
    answeredByName: t.string({
      nullable: true,
      description: '答复人',
      select: { with: { answeredBy: { columns: { displayName: true } } } },
      resolve: (o) => o.answeredBy?.displayName ?? null,
    }),
    viewerCanAnswer: t.boolean({
      description: '我可答复 (role, jurisdiction and OBJECTION.OPEN)',
      select: { columns: { id: true, regionPath: true, status: true } },
      resolve: (o, _args, ctx) =>
        viewerMayChange(ctx, 'notice.objection', o.regionPath) &&
        canAnswerObjection({ id: String(o.id), status: o.status }).outcome === 'PASS',
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

builder.drizzleObjectFields(DisclosureNotice, (t) => ({
  viewerCanRecordObjection: t.boolean({
    description: '我可登记异议 (role and jurisdiction; from the posting day on)',
    select: { columns: { regionPath: true, postedOn: true } },
    resolve: (n, _args, ctx) =>
      viewerMayChange(ctx, 'notice.publish', n.regionPath) && n.postedOn <= clock.today(),
  }),
}));

interface ObjectionArgs {
  noticeId?: { id: string | number } | null;
  status?: 'OPEN' | 'ANSWERED' | null;
}

export function objectionListFilter(table: typeof noticeObjections, ctx: Context, args: ObjectionArgs): SQL {
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
    args.noticeId ? eq(table.noticeId, Number(args.noticeId.id)) : undefined,
    args.status ? eq(table.status, args.status) : undefined,
  )!;
}

builder.queryFields((t) => ({
  noticeObjections: t.drizzleConnection({
    type: 'noticeObjections',
    description: '公示异议列表 (objections inside the jurisdiction, newest first)',
    args: {
      noticeId: t.arg.globalID({ required: false, for: [DisclosureNotice], description: '公告公示' }),
      status: t.arg({ type: ObjectionStatusEnum, required: false }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(noticeObjections, objectionListFilter(noticeObjections, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.noticeObjections.findMany(
        query({
          where: { RAW: (table) => objectionListFilter(table, ctx, args) },
          orderBy: { raisedOn: 'desc', id: 'desc' },
        }),
      ),
  }),
}));

const phoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9-]{7,20}$/, '电话号码格式不正确');

const RecordSchema = z.object({
  content: text(2000, 4),
  objectorName: text(50).nullish(),
  objectorPhone: phoneSchema.nullish(),
});

const RecordNoticeObjectionInput = builder.inputType('RecordNoticeObjectionInput', {
  description: '登记公示异议 (during the notice period or after it; leave the objector out when anonymous)',
  fields: (t) => ({
    noticeId: t.globalID({ required: true, for: [DisclosureNotice], description: '公告公示' }),
    raisedOn: t.field({ type: 'Date', required: false, description: '提出日期 (default today)' }),
    content: t.string({ required: true, description: '异议内容' }),
    objectorName: t.string({ required: false, description: '异议人姓名' }),
    objectorPhone: t.string({ required: false, description: '异议人电话' }),
  }),
});

const AnswerNoticeObjectionInput = builder.inputType('AnswerNoticeObjectionInput', {
  description: '答复公示异议 (the township or the county, once)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [NoticeObjection] }),
    version: t.int({ required: true }),
    answer: t.string({ required: true, description: '答复意见 (核实情况及处理结果)' }),
  }),
});

const AnswerSchema = z.object({ version: z.number().int().min(1), answer: text(2000, 4) });

/** What the audit log keeps of an objection: never the objector's name or phone. */
const auditable = (row: typeof noticeObjections.$inferSelect) => {
  const { objectorName, objectorPhone, ...rest } = row;
  return { ...rest, objectorNamed: objectorName !== null, objectorPhoneGiven: objectorPhone !== null };
};

builder.mutationFields((t) => ({
  recordNoticeObjection: t.drizzleField({
    type: NoticeObjection,
    description:
      '登记公示异议 (refused before the posting day or after today by OBJECTION.RAISED_ON; the objector is kept out of the audit log)',
    authScopes: { permission: 'notice.publish' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RecordNoticeObjectionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const noticeId = Number(input.noticeId.id);
      const notice = writableRow(
        ctx,
        await ctx.db.query.disclosureNotices.findFirst({ where: { id: noticeId } }),
        { entity: '公告公示', argument: 'noticeId', id: noticeId },
      );
      const values = validate(RecordSchema, input);
      if (!values.objectorName && values.objectorPhone)
        throw ValidationError.field('objectorName', '留了电话的异议请填写异议人姓名, 或清空电话作匿名处理');
      const raisedOn = actedOn(input.raisedOn, 'raisedOn');
      refuseUnless(canRaiseObjection(notice, raisedOn, clock.today()));
      const tenant = { countyId: notice.countyId, regionPath: notice.regionPath };
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(noticeObjections)
          .values({
            ...tenant,
            noticeId,
            raisedOn,
            content: values.content,
            objectorName: values.objectorName ?? null,
            objectorPhone: values.objectorPhone ?? null,
            recordedById: ctx.viewer!.id,
          })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'notice-objection.record',
            entityType: 'NoticeObjection',
            entityId: created!.id,
            regionPath: tenant.regionPath,
            after: auditable(created!),
          },
        };
      });
      return reread(ctx.db.query.noticeObjections.findFirst(query({ where: { id } })), '公示异议', id);
    },
  }),
  answerNoticeObjection: t.drizzleField({
    type: NoticeObjection,
    description:
      '答复公示异议 (an answered objection no longer holds its project; OBJECTION.OPEN refuses a second answer)',
    authScopes: { permission: 'notice.objection' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: AnswerNoticeObjectionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const objection = writableRow(
        ctx,
        await ctx.db.query.noticeObjections.findFirst({
          where: { id },
          columns: { id: true, regionPath: true, status: true },
        }),
        { entity: '公示异议', argument: 'id', id },
      );
      const values = validate(AnswerSchema, input);
      refuseUnless(canAnswerObjection({ id: String(id), status: objection.status }));
      const answeredOn = clock.today();
      await writeAudited(ctx, async (tx) => {
        await updateAtVersion(
          tx,
          noticeObjections,
          { id, version: values.version, entity: '公示异议', still: eq(noticeObjections.status, 'OPEN') },
          { status: 'ANSWERED', answer: values.answer, answeredOn, answeredById: ctx.viewer!.id },
        );
        return {
          id,
          audit: {
            action: 'notice-objection.answer',
            entityType: 'NoticeObjection',
            entityId: id,
            regionPath: objection.regionPath,
            before: { status: objection.status },
            after: { status: 'ANSWERED', answer: values.answer, answeredOn },
          },
        };
      });
      return reread(ctx.db.query.noticeObjections.findFirst(query({ where: { id } })), '公示异议', id);
    },
  }),
}));
