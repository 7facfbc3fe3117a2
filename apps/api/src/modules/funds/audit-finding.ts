import { auditFindings } from '@gongjian/db/schema';
import { canCloseAuditFinding } from '@gongjian/rules';
import { and, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { WRITE_ERRORS } from '../../shared/error-types';
import { enteredAmountSchema, fenToWanYuan } from '../../shared/money';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import {
  checkRectification,
  closeFinding,
  loadRectifier,
  openRectificationTask,
} from '../../spine/rectification';
import { reread, writeAudited } from '../../spine/write';
import { Cadre } from '../organisation/cadre';
import { Unit } from '../organisation/unit';
import { Task } from '../responsibility/task';
import { AuditFindingStatusEnum } from './enums';
import { FundSource } from './fund-source';
import { Project } from './project';

export const AuditFinding = builder.drizzleNode('auditFindings', {
  name: 'AuditFinding',
  description: '审计发现 (a problem an audit found in a source or a project, rectified by a task)',
  id: { column: (finding) => finding.id },
  authScopes: (finding) => ({ jurisdiction: finding.regionPath }),
  fields: (t) => ({
    project: t.relation('project', { type: Project, nullable: true, description: '项目' }),
    source: t.relation('source', { type: FundSource, nullable: true, description: '资金来源' }),
    description: t.exposeString('description', { description: '问题' }),
    amountWanYuan: t.string({
      nullable: true,
      description: '涉及金额 (万元)',
      resolve: (f) => (f.amountFen === null ? null : fenToWanYuan(f.amountFen)),
    }),
    foundOn: t.expose('foundOn', { type: 'Date', description: '发现日期' }),
    auditor: t.exposeString('auditor', { description: '审计机关' }),
    status: t.expose('status', { type: AuditFindingStatusEnum, description: '状态' }),
    task: t.relation('task', { type: Task, nullable: true, description: '整改任务 (in the task tree)' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: '销号时间' }),
    viewerCanClose: t.boolean({
      description: '我可销号 (role, jurisdiction and AUDIT.TASK_DONE)',
      select: {
        columns: { id: true, regionPath: true, status: true },
        with: { task: { columns: { status: true } } },
      },
      resolve: (f, _args, ctx) =>
        viewerMayChange(ctx, 'audit.finding', f.regionPath) &&
        canCloseAuditFinding({
          id: String(f.id),
          closed: f.status === 'CLOSED',
          taskDone: f.task?.status === 'DONE',
        }).outcome === 'PASS',
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

export function findingListFilter(
  table: typeof auditFindings,
  ctx: Context,
  args: { status?: 'OPEN' | 'CLOSED' | null },
): SQL {
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
    args.status ? eq(table.status, args.status) : undefined,
  )!;
}

builder.queryFields((t) => ({
  auditFindings: t.drizzleConnection({
    type: 'auditFindings',
    description: '审计发现列表 (inside your jurisdiction, newest first)',
    args: { status: t.arg({ type: AuditFindingStatusEnum, required: false }) },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(auditFindings, findingListFilter(auditFindings, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.auditFindings.findMany(
        query({
          where: { RAW: (table) => findingListFilter(table, ctx, args) },
          orderBy: { foundOn: 'desc', id: 'desc' },
        }),
      ),
  }),
}));

const FindingSchema = z.object({
  description: text(500, 4),
  auditor: text(100, 2),
  foundOn: z.string(),
  deadline: z.string(),
});

const RecordAuditFindingInput = builder.inputType('RecordAuditFindingInput', {
  description: '登记审计发现 (on a project or a source; opens its rectification task)',
  fields: (t) => ({
    projectId: t.globalID({ required: false, for: [Project], description: '项目' }),
    sourceId: t.globalID({
      required: false,
      for: [FundSource],
      description: '资金来源 (when not a project)',
    }),
    description: t.string({ required: true, description: '问题' }),
    amountYuan: t.string({ required: false, description: '涉及金额 (元)' }),
    amountWanYuan: t.string({ required: false, description: '涉及金额 (万元)' }),
    foundOn: t.field({ type: 'Date', required: true, description: '发现日期' }),
    auditor: t.string({ required: true, description: '审计机关' }),
    responsibleUnitId: t.globalID({ required: true, for: [Unit], description: '整改责任单位' }),
    responsiblePersonId: t.globalID({ required: true, for: [Cadre], description: '整改责任人' }),
    deadline: t.field({ type: 'Date', required: true, description: '整改时限' }),
  }),
});

/** The finding's subject: a project inside the jurisdiction, or a county source. */
async function findingSubject(
  ctx: Context,
  input: { projectId?: { id: number | string } | null; sourceId?: { id: number | string } | null },
) {
  if (input.projectId) {
    const id = Number(input.projectId.id);
    const project = writableRow(ctx, await ctx.db.query.projects.findFirst({ where: { id } }), {
      entity: '项目',
      argument: 'projectId',
      id,
    });
    const { countyId, regionPath, regionId, name } = project;
    return { projectId: id, sourceId: null, countyId, regionPath, regionId, name };
  }
  if (!input.sourceId) throw ValidationError.field('projectId', '请指明审计发现涉及的项目或资金来源');
  const id = Number(input.sourceId.id);
  const source = writableRow(ctx, await ctx.db.query.fundSources.findFirst({ where: { id } }), {
    entity: '资金来源',
    argument: 'sourceId',
    id,
  });
  const { countyId, regionPath, name } = source;
  return { projectId: null, sourceId: id, countyId, regionPath, regionId: countyId, name };
}

builder.mutationFields((t) => ({
  recordAuditFinding: t.drizzleField({
    type: AuditFinding,
    description: '登记审计发现 (and its rectification task in the task tree, in one transaction)',
    authScopes: { permission: 'audit.finding' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RecordAuditFindingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const subject = await findingSubject(ctx, input);
      const rectifier = await loadRectifier(ctx, input);
      const values = validate(FindingSchema, input);
      const amountFen = input.amountYuan || input.amountWanYuan ? validate(enteredAmountSchema, input) : null;
      checkRectification(rectifier, { ...values, countyId: subject.countyId, foundOnLabel: '发现日期' });
      const tenant = { countyId: subject.countyId, regionPath: subject.regionPath };
      const id = await writeAudited(ctx, async (tx) => {
        const taskId = await openRectificationTask(tx, rectifier, {
          ...tenant,
          regionId: subject.regionId,
          title: `整改: ${subject.name}${values.description}`,
          sourceKind: 'AUDIT_FINDING',
          findingReference: `${values.auditor}审计发现 (${values.foundOn}): ${values.description}`,
          fallbackLevel: 'COUNTY_DEPARTMENT',
          deadline: values.deadline,
        });
        const [created] = await tx
          .insert(auditFindings)
          .values({
            ...tenant,
            projectId: subject.projectId,
            sourceId: subject.sourceId,
            description: values.description,
            amountFen,
            foundOn: values.foundOn,
            auditor: values.auditor,
            taskId,
            recordedById: ctx.viewer!.id,
          })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'audit-finding.record',
            entityType: 'AuditFinding',
            entityId: created!.id,
            regionPath: tenant.regionPath,
            after: created,
          },
        };
      });
      return reread(ctx.db.query.auditFindings.findFirst(query({ where: { id } })), '审计发现', id);
    },
  }),
}));

const CloseAuditFindingInput = builder.inputType('CloseAuditFindingInput', {
  description: '审计发现销号 (only when its rectification task is done)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [AuditFinding] }),
    version: t.int({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  closeAuditFinding: t.drizzleField({
    type: AuditFinding,
    description: '审计发现销号 (refused by AUDIT.TASK_DONE while its task is open)',
    authScopes: { permission: 'audit.finding' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CloseAuditFindingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const finding = writableRow(
        ctx,
        await ctx.db.query.auditFindings.findFirst({
          where: { id },
          with: { task: { columns: { status: true } } },
        }),
        { entity: '审计发现', argument: 'id', id },
      );
      const version = validate(z.number().int().min(1), input.version);
      refuseUnless(
        canCloseAuditFinding({
          id: String(id),
          closed: finding.status === 'CLOSED',
          taskDone: finding.task?.status === 'DONE',
        }),
      );
      await closeFinding(
        ctx,
        auditFindings,
        { ...finding, version },
        {
          entity: '审计发现',
          action: 'audit-finding.close',
          entityType: 'AuditFinding',
        },
      );
      return reread(ctx.db.query.auditFindings.findFirst(query({ where: { id } })), '审计发现', id);
    },
  }),
}));
