import { reportReporters, reports } from '@gongjian/db/schema';
import { canAssignReport, canMergeReport, canTakeReportStep, type ReportState } from '@gongjian/rules';
import { eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { insideJurisdiction } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ForbiddenError, ValidationError } from '../../errors';
import { clock } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { referencedRow, requirePermission, writableRow } from '../../spine/load';
import { reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Region } from '../geography/region';
import { Unit } from '../organisation/unit';
import { ReportCategoryEnum, ReportChannelEnum } from './enums';
import { Report, reportFacts } from './report';

/**
 * The report workflow's writes: intake, assignment to a unit, the handling result, the reply, closure and
 * merging a duplicate. Each step is the rules' REPORT.TRANSITION on a guarded update of the state it was
 * read in, so two people taking the same step at once cannot both succeed.
 */

const versionSchema = z.number().int().min(1, '版本号无效');
const phoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9-]{7,20}$/, '电话号码格式不正确');

const ReceiveSchema = z.object({
  subject: text(100, 4),
  content: text(2000, 10),
  reporterName: text(50).nullish(),
  reporterPhone: phoneSchema.nullish(),
});

const ReceiveReportInput = builder.inputType('ReceiveReportInput', {
  description: '受理举报 (from any channel; leave the reporter out for an anonymous report)',
  fields: (t) => ({
    regionId: t.globalID({ required: true, for: [Region], description: '涉及地区 (乡镇或村)' }),
    channel: t.field({ type: ReportChannelEnum, required: true, description: '渠道' }),
    category: t.field({ type: ReportCategoryEnum, required: true, description: '类别' }),
    subject: t.string({ required: true, description: '事由' }),
    content: t.string({ required: true, description: '反映内容' }),
    concernedUnitId: t.globalID({ required: false, for: [Unit], description: '被反映单位' }),
    reporterName: t.string({ required: false, description: '举报人姓名 (empty: anonymous)' }),
    reporterPhone: t.string({ required: false, description: '举报人电话' }),
  }),
});

const stepped = (state: ReportState) => eq(reports.state, state);

builder.mutationFields((t) => ({
  receiveReport: t.drizzleField({
    type: Report,
    description: '受理举报 (the reporter identity is kept apart and never in the audit details)',
    authScopes: { permission: 'report.intake' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: ReceiveReportInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const regionId = Number(input.regionId.id);
      const region = referencedRow(await ctx.db.query.regions.findFirst({ where: { id: regionId } }), {
        entity: '地区',
        argument: 'regionId',
        id: regionId,
      });
      if (!insideJurisdiction(ctx.viewer, region.regionPath))
        throw new ForbiddenError('regionId: 该地区不在您的管辖范围内');
      if (region.level !== 'TOWNSHIP' && region.level !== 'VILLAGE')
        throw ValidationError.field('regionId', '请选择举报涉及的乡镇或村');
      const values = validate(ReceiveSchema, input);
      if (!values.reporterName && values.reporterPhone)
        throw ValidationError.field('reporterName', '留了电话的举报请填写举报人姓名, 或清空电话作匿名处理');
      const concernedUnitId = input.concernedUnitId ? Number(input.concernedUnitId.id) : null;
      if (concernedUnitId !== null)
        referencedRow(
          await ctx.db.query.units.findFirst({ where: { id: concernedUnitId }, columns: { id: true } }),
          {
            entity: '单位',
            argument: 'concernedUnitId',
            id: concernedUnitId,
          },
        );
      const tenant = { countyId: region.countyId!, regionPath: region.regionPath };
      const now = clock.now();
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(reports)
          .values({
            ...tenant,
            regionId,
            channel: input.channel,
            category: input.category,
            subject: values.subject,
            content: values.content,
            anonymous: !values.reporterName,
            concernedUnitId,
            receivedAt: now.toISOString(),
            receivedOn: clock.today(),
            receivedById: ctx.viewer!.id,
          })
          .returning();
        if (values.reporterName)
          await tx.insert(reportReporters).values({
            ...tenant,
            reportId: created!.id,
            name: values.reporterName,
            phone: values.reporterPhone ?? null,
          });
        return {
          id: created!.id,
          audit: {
            action: 'report.receive',
            entityType: 'Report',
            entityId: created!.id,
            regionPath: tenant.regionPath,
            after: created,
          },
        };
      });
      return reread(ctx.db.query.reports.findFirst(query({ where: { id } })), '举报', id);
    },
  }),
}));

/** Loads the report a step names, inside the jurisdiction, and refuses the step unless the rules allow it. */
async function loadForStep(ctx: Context, input: { id: { id: unknown }; version: number }, to: ReportState) {
  const id = Number(input.id.id);
  const report = writableRow(
    ctx,
    await ctx.db.query.reports.findFirst({ where: { id }, with: { region: { columns: { name: true } } } }),
    { entity: '举报', argument: 'id', id },
  );
  const version = validate(versionSchema, input.version);
  refuseUnless(canTakeReportStep(reportFacts(report), to));
  return { id, report, version };
}

/** The step's guarded update (at the version read, still in the state read) and its audit row. */
async function takeStep(
  ctx: Context,
  step: Awaited<ReturnType<typeof loadForStep>>,
  to: ReportState,
  set: Partial<typeof reports.$inferInsert>,
) {
  const { id, report, version } = step;
  return writeAudited(ctx, async (tx) => {
    await updateAtVersion(
      tx,
      reports,
      {
        id,
        version,
        entity: '举报',
        still: stepped(report.state),
        conflictMessage: '该举报已被他人办理, 请刷新后查看',
      },
      { ...set, state: to },
    );
    return {
      id,
      audit: {
        action: `report.${to.toLowerCase()}`,
        entityType: 'Report',
        entityId: id,
        regionPath: report.regionPath,
        before: { state: report.state },
        after: { state: to, ...set },
      },
    };
  });
}

const AssignReportInput = builder.inputType('AssignReportInput', {
  description: '交办举报 (to a unit whose region contains the report’s)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Report] }),
    version: t.int({ required: true }),
    unitId: t.globalID({ required: true, for: [Unit], description: '承办单位' }),
  }),
});
const HandleReportInput = builder.inputType('RecordReportHandlingInput', {
  description: '登记办理结果',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Report] }),
    version: t.int({ required: true }),
    text: t.string({ required: true, description: '办理结果' }),
  }),
});
const ReplyReportInput = builder.inputType('ReplyToReportInput', {
  description: '答复举报人',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Report] }),
    version: t.int({ required: true }),
    text: t.string({ required: true, description: '答复内容' }),
  }),
});
const CloseReportInput = builder.inputType('CloseReportInput', {
  description: '办结举报',
  fields: (t) => ({ id: t.globalID({ required: true, for: [Report] }), version: t.int({ required: true }) }),
});

const resultText = (value: unknown) => validate(z.object({ text: text(2000, 4) }), { text: value }).text;

builder.mutationFields((t) => ({
  assignReport: t.drizzleField({
    type: Report,
    description: '交办举报 (REPORT.TRANSITION, REPORT.ASSIGNEE_COVERS)',
    authScopes: { permission: 'report.intake' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: AssignReportInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const step = await loadForStep(ctx, input, 'ASSIGNED');
      const unitId = Number(input.unitId.id);
      const unit = referencedRow(await ctx.db.query.units.findFirst({ where: { id: unitId } }), {
        entity: '单位',
        argument: 'unitId',
        id: unitId,
      });
      refuseUnless(
        canAssignReport(
          { id: String(step.id), regionPath: step.report.regionPath, regionName: step.report.region.name },
          unit,
        ),
      );
      await takeStep(ctx, step, 'ASSIGNED', {
        assignedUnitId: unitId,
        assignedAt: clock.now().toISOString(),
      });
      return reread(ctx.db.query.reports.findFirst(query({ where: { id: step.id } })), '举报', step.id);
    },
  }),
  recordReportHandling: t.drizzleField({
    type: Report,
    description: '登记办理结果 (by the assigned unit’s clerks; REPORT.TRANSITION)',
    authScopes: { permission: 'report.handle' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: HandleReportInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const step = await loadForStep(ctx, input, 'HANDLED');
      const handlingResult = resultText(input.text);
      await takeStep(ctx, step, 'HANDLED', { handlingResult, handledAt: clock.now().toISOString() });
      return reread(ctx.db.query.reports.findFirst(query({ where: { id: step.id } })), '举报', step.id);
    },
  }),
  replyToReport: t.drizzleField({
    type: Report,
    description: '答复举报人 (REPORT.TRANSITION)',
    authScopes: { permission: 'report.intake' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: ReplyReportInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const step = await loadForStep(ctx, input, 'REPLIED');
      const reply = resultText(input.text);
      await takeStep(ctx, step, 'REPLIED', { reply, repliedAt: clock.now().toISOString() });
      return reread(ctx.db.query.reports.findFirst(query({ where: { id: step.id } })), '举报', step.id);
    },
  }),
  closeReport: t.drizzleField({
    type: Report,
    description: '办结举报 (REPORT.TRANSITION; of two people closing at once, one wins)',
    authScopes: { permission: 'report.intake' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CloseReportInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const step = await loadForStep(ctx, input, 'CLOSED');
      await takeStep(ctx, step, 'CLOSED', {
        closedAt: clock.now().toISOString(),
        closedById: ctx.viewer!.id,
      });
      return reread(ctx.db.query.reports.findFirst(query({ where: { id: step.id } })), '举报', step.id);
    },
  }),
}));

const MergeReportInput = builder.inputType('MergeReportInput', {
  description: '合并重复举报 (the duplicate keeps its record and points at the report it joins)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Report], description: '重复件' }),
    version: t.int({ required: true }),
    intoId: t.globalID({ required: true, for: [Report], description: '并入的举报' }),
  }),
});

builder.mutationFields((t) => ({
  mergeReport: t.drizzleField({
    type: Report,
    description:
      '合并重复举报 (REPORT.MERGE_DISTINCT, REPORT.MERGE_DUPLICATE_OPEN, REPORT.MERGE_TARGET_STANDING)',
    authScopes: { permission: 'report.intake' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: MergeReportInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      requirePermission(ctx, 'report.intake');
      const id = Number(input.id.id);
      const intoId = Number(input.intoId.id);
      const duplicate = writableRow(ctx, await ctx.db.query.reports.findFirst({ where: { id } }), {
        entity: '举报',
        argument: 'id',
        id,
      });
      const target = writableRow(ctx, await ctx.db.query.reports.findFirst({ where: { id: intoId } }), {
        entity: '举报',
        argument: 'intoId',
        id: intoId,
      });
      const version = validate(versionSchema, input.version);
      refuseUnless(canMergeReport(reportFacts(duplicate), reportFacts(target)));
      await writeAudited(ctx, async (tx) => {
        await updateAtVersion(
          tx,
          reports,
          { id, version, entity: '举报', still: isNull(reports.mergedIntoId) },
          { mergedIntoId: intoId, mergedAt: clock.now().toISOString() },
        );
        return {
          id,
          audit: {
            action: 'report.merge',
            entityType: 'Report',
            entityId: id,
            regionPath: duplicate.regionPath,
            before: { mergedIntoId: null },
            after: { mergedIntoId: intoId },
          },
        };
      });
      return reread(ctx.db.query.reports.findFirst(query({ where: { id } })), '举报', id);
    },
  }),
}));
