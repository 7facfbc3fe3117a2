import { inspectionFindings } from '@gongjian/db/schema';
import { canCloseInspectionFinding } from '@gongjian/rules';
import { and, eq, ilike, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, inRegionSubtree } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { referencedRow, viewerMayChange, writableRow } from '../../spine/load';
import {
  checkRectification,
  closeFinding,
  loadRectifier,
  openRectificationTask,
} from '../../spine/rectification';
import { reread, writeAudited } from '../../spine/write';
import { Region } from '../geography/region';
import { Cadre } from '../organisation/cadre';
import { Unit } from '../organisation/unit';
import { Task } from '../responsibility/task';
import { FindingStatusEnum } from './enums';
import { Inspection } from './inspection';

/**
 * 督查发现问题: each finding opens its rectification task in the task tree (source INSPECTION_FINDING, in the
 * inspection's combat group) in the same transaction, and closes (销号) only once that task is done.
 */

const findingFacts = (f: { id: number; status: string; task: { status: string } | null }) => ({
  id: String(f.id),
  closed: f.status === 'CLOSED',
  taskDone: f.task?.status === 'DONE',
});

export const InspectionFinding = builder.drizzleNode('inspectionFindings', {
  name: 'InspectionFinding',
  description: '督查发现问题 (one problem an inspection found, rectified by a task of the task tree)',
  id: { column: (row) => row.id },
  authScopes: (row) => ({ $all: { jurisdiction: row.regionPath, permission: 'supervision.read' } }),
  fields: (t) => ({
    inspection: t.relation('inspection', { type: Inspection, description: '所属督查' }),
    region: t.relation('region', { type: Region, description: '问题所在地区' }),
    description: t.exposeString('description', { description: '问题' }),
    foundOn: t.expose('foundOn', { type: 'Date', description: '反馈日期' }),
    task: t.relation('task', { type: Task, description: '整改任务 (in the task tree)' }),
    status: t.expose('status', { type: FindingStatusEnum, description: '状态' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: '销号时间' }),
    viewerCanClose: t.boolean({
      description: '我可销号 (role, jurisdiction and INSPECTION.TASK_DONE)',
      select: {
        columns: { id: true, regionPath: true, status: true },
        with: { task: { columns: { status: true } } },
      },
      resolve: (f, _args, ctx) =>
        viewerMayChange(ctx, 'supervision.write', f.regionPath) &&
        canCloseInspectionFinding(findingFacts(f)).outcome === 'PASS',
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

const FindingFilter = builder.inputType('InspectionFindingFilter', {
  description: '督查问题筛选',
  fields: (t) => ({
    status: t.field({ type: FindingStatusEnum, required: false, description: '状态' }),
    inspectionId: t.globalID({ required: false, for: [Inspection], description: '所属督查' }),
    regionId: t.globalID({ required: false, for: [Region], description: '乡镇或村' }),
    search: t.string({ required: false, description: '问题包含' }),
  }),
});

export type FindingFilterInput = typeof FindingFilter.$inferInput;

export function findingListFilter(
  table: typeof inspectionFindings,
  viewer: Context['viewer'],
  filter: FindingFilterInput | null | undefined,
): SQL {
  const search = filter?.search?.trim();
  return and(
    inJurisdiction(table.regionPath, viewer),
    filter?.status ? eq(table.status, filter.status) : undefined,
    filter?.inspectionId ? eq(table.inspectionId, Number(filter.inspectionId.id)) : undefined,
    inRegionSubtree(table.regionPath, filter?.regionId),
    search ? ilike(table.description, `%${search}%`) : undefined,
  )!;
}

builder.queryFields((t) => ({
  inspectionFindings: t.drizzleConnection({
    type: 'inspectionFindings',
    description: '督查发现问题列表 (inside your jurisdiction, newest first)',
    authScopes: { permission: 'supervision.read' },
    args: { filter: t.arg({ type: FindingFilter, required: false }) },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(inspectionFindings, findingListFilter(inspectionFindings, ctx.viewer, args.filter)),
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.inspectionFindings.findMany(
        query({
          where: { RAW: (table) => findingListFilter(table, ctx.viewer, args.filter) },
          orderBy: { foundOn: 'desc', id: 'desc' },
        }),
      ),
  }),
}));

const day = z.iso.date('日期格式应为 YYYY-MM-DD');
const FindingSchema = z.object({ description: text(500, 4), foundOn: day, deadline: day });

const RecordFindingInput = builder.inputType('RecordInspectionFindingInput', {
  description: '登记督查发现问题 (opens its rectification task)',
  fields: (t) => ({
    inspectionId: t.globalID({ required: true, for: [Inspection], description: '所属督查' }),
    regionId: t.globalID({ required: true, for: [Region], description: '问题所在乡镇或村' }),
    description: t.string({ required: true, description: '问题' }),
    foundOn: t.field({ type: 'Date', required: true, description: '反馈日期' }),
    responsibleUnitId: t.globalID({ required: true, for: [Unit], description: '整改责任单位' }),
    responsiblePersonId: t.globalID({ required: true, for: [Cadre], description: '整改责任人' }),
    deadline: t.field({ type: 'Date', required: true, description: '整改时限' }),
  }),
});

builder.mutationFields((t) => ({
  recordInspectionFinding: t.drizzleField({
    type: InspectionFinding,
    description: '登记督查发现问题 (and its rectification task in the task tree, in one transaction)',
    authScopes: { permission: 'supervision.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RecordFindingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const regionId = Number(input.regionId.id);
      const region = writableRow(ctx, await ctx.db.query.regions.findFirst({ where: { id: regionId } }), {
        entity: '地区',
        argument: 'regionId',
        id: regionId,
      });
      const inspectionId = Number(input.inspectionId.id);
      const inspection = referencedRow(
        await ctx.db.query.inspections.findFirst({ where: { id: inspectionId } }),
        { entity: '督查', argument: 'inspectionId', id: inspectionId },
      );
      const rectifier = await loadRectifier(ctx, input);
      const values = validate(FindingSchema, input);
      if (region.level !== 'TOWNSHIP' && region.level !== 'VILLAGE')
        throw ValidationError.field('regionId', '请选择问题所在的乡镇或村');
      if (!region.regionPath.startsWith(inspection.regionPath))
        throw ValidationError.field('regionId', '该地区不在这次督查的范围内');
      if (values.foundOn < inspection.startsOn)
        throw ValidationError.field('foundOn', `反馈日期不能早于督查开始日期 (${inspection.startsOn})`);
      checkRectification(rectifier, { ...values, countyId: region.countyId!, foundOnLabel: '反馈日期' });
      const tenant = { countyId: region.countyId!, regionPath: region.regionPath };
      const id = await writeAudited(ctx, async (tx) => {
        const taskId = await openRectificationTask(tx, rectifier, {
          ...tenant,
          regionId,
          title: `${region.name}:整改${values.description}`,
          sourceKind: 'INSPECTION_FINDING',
          findingReference: `${inspection.title}反馈问题 (${values.foundOn}): ${values.description}`,
          combatGroupId: inspection.combatGroupId,
          fallbackLevel: 'TOWNSHIP',
          deadline: values.deadline,
        });
        const [created] = await tx
          .insert(inspectionFindings)
          .values({
            ...tenant,
            inspectionId,
            regionId,
            description: values.description,
            foundOn: values.foundOn,
            taskId,
            recordedById: ctx.viewer!.id,
          })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'inspection-finding.record',
            entityType: 'InspectionFinding',
            entityId: created!.id,
            regionPath: tenant.regionPath,
            after: created,
          },
        };
      });
      return reread(ctx.db.query.inspectionFindings.findFirst(query({ where: { id } })), '督查问题', id);
    },
  }),
}));

const CloseFindingInput = builder.inputType('CloseInspectionFindingInput', {
  description: '督查问题销号 (only when its rectification task is done)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [InspectionFinding] }),
    version: t.int({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  closeInspectionFinding: t.drizzleField({
    type: InspectionFinding,
    description: '督查问题销号 (refused by INSPECTION.TASK_DONE while its task is open)',
    authScopes: { permission: 'supervision.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CloseFindingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const finding = writableRow(
        ctx,
        await ctx.db.query.inspectionFindings.findFirst({
          where: { id },
          with: { task: { columns: { status: true } } },
        }),
        { entity: '督查问题', argument: 'id', id },
      );
      const version = validate(z.number().int().min(1, '版本号无效'), input.version);
      refuseUnless(canCloseInspectionFinding(findingFacts(finding)));
      await closeFinding(
        ctx,
        inspectionFindings,
        { ...finding, version },
        {
          entity: '督查问题',
          action: 'inspection-finding.close',
          entityType: 'InspectionFinding',
        },
      );
      return reread(ctx.db.query.inspectionFindings.findFirst(query({ where: { id } })), '督查问题', id);
    },
  }),
}));
