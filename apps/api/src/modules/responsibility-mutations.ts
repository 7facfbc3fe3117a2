import type { DbExecutor } from '@gongjian/db';
import { cadres, regions, taskReassignments, tasks, units } from '@gongjian/db/schema';
import { canCompleteTask, checkDecomposition, failedReasons, type Policy } from '@gongjian/rules';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../audit';
import { insideJurisdiction, regionVisible } from '../auth/jurisdiction';
import { builder } from '../builder';
import type { Context } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../errors';
import { validate, WRITE_ERRORS } from './common';
import { Region } from './geography';
import { Cadre, Unit } from './organisation';
import { countyPolicy, countyToday, Task, TaskSourceKindEnum } from './responsibility';
import { hasChildren, lockAndLoadTree, type TreeRow, toRuleTask, writeRollUp } from './task-tree';
import { CombatGroup, MeetingDecision, PolicyDocument, Resolution } from './work-advancement';

/** Task writes: create (from a decision, resolution, document or finding), decompose, report, complete, reassign. */

const id = (message: string) => z.number({ error: message }).int();
const assignmentFields = {
  responsibleUnitId: id('请选择责任单位'),
  responsiblePersonId: id('请选择责任人'),
  deadline: z.string({ error: '请填写完成时限' }),
};
const titleSchema = z.string().trim().min(2, '至少2个字').max(200, '不能超过200个字');
const versionSchema = z.number().int().min(1, '版本号无效');

const CreateTaskSchema = z.object({
  title: titleSchema,
  description: z.string().trim().max(2000).nullable(),
  sourceKind: z.enum([
    'MEETING_DECISION',
    'RESOLUTION',
    'POLICY_DOCUMENT',
    'INSPECTION_FINDING',
    'AUDIT_FINDING',
  ]),
  sourceId: z.number().int().nullable(),
  findingReference: z.string().trim().max(200).nullable(),
  combatGroupId: z.number().int().nullable(),
  level: z.string().min(1, '请选择责任层级'),
  regionId: z.number().int(),
  ...assignmentFields,
});

const DecomposeSchema = z.object({
  parentId: z.number().int(),
  children: z
    .array(
      z.object({
        title: titleSchema.nullable(),
        level: z.string().min(1).nullable(),
        regionId: z.number().int(),
        ...assignmentFields,
      }),
    )
    .min(1, '至少分解出一项下级任务')
    .max(400, '一次最多分解400项'),
});

const ReportSchema = z.object({
  id: z.number().int(),
  version: versionSchema,
  progress: z.number().int('进度须为整数').min(0, '进度不能小于0').max(100, '进度不能超过100'),
  note: z.string().trim().max(500).nullable(),
});

const ReassignSchema = z.object({
  id: z.number().int(),
  version: versionSchema,
  responsibleUnitId: assignmentFields.responsibleUnitId,
  responsiblePersonId: assignmentFields.responsiblePersonId,
  reason: z.string().trim().min(2, '请填写改派理由').max(500),
});

const CreateTaskInput = builder.inputType('CreateTaskInput', {
  description:
    '下达任务 (from a meeting decision, resolution, policy document, or an inspection/audit finding)',
  fields: (t) => ({
    title: t.string({ required: true, description: '任务内容' }),
    description: t.string({ required: false, description: '说明' }),
    sourceKind: t.field({ type: TaskSourceKindEnum, required: true, description: '来源类别' }),
    sourceId: t.globalID({
      required: false,
      for: [MeetingDecision, Resolution, PolicyDocument],
      description: '来源 (the decision, resolution or document; matches sourceKind)',
    }),
    findingReference: t.string({ required: false, description: '督查/审计问题出处 (for findings)' }),
    combatGroupId: t.globalID({ required: false, for: [CombatGroup], description: '所属战斗组' }),
    level: t.string({ required: true, description: '责任层级 (a level id of responsibilityLevels)' }),
    regionId: t.globalID({ required: true, for: [Region], description: '所在区划' }),
    responsibleUnitId: t.globalID({ required: false, for: [Unit], description: '责任单位 (required)' }),
    responsiblePersonId: t.globalID({
      required: false,
      for: [Cadre],
      description: '责任人 (a cadre of that unit; required)',
    }),
    deadline: t.field({ type: 'Date', required: false, description: '完成时限 (required)' }),
  }),
});

const DecomposeChildInput = builder.inputType('DecomposeChildInput', {
  description: '一项下级任务 (one child: region, unit, person, deadline)',
  fields: (t) => ({
    title: t.string({ required: false, description: '任务内容 (default: region name + the parent’s title)' }),
    level: t.string({ required: false, description: '责任层级 (default: one below the parent)' }),
    regionId: t.globalID({ required: true, for: [Region], description: '所在区划' }),
    responsibleUnitId: t.globalID({ required: false, for: [Unit], description: '责任单位 (required)' }),
    responsiblePersonId: t.globalID({
      required: false,
      for: [Cadre],
      description: '责任人 (a cadre of that unit; required)',
    }),
    deadline: t.field({ type: 'Date', required: false, description: '完成时限 (required)' }),
  }),
});

const DecomposeTaskInput = builder.inputType('DecomposeTaskInput', {
  description: '分解任务 (all children are created in one transaction, or none)',
  fields: (t) => ({
    parentId: t.globalID({ required: true, for: [Task] }),
    children: t.field({ type: [DecomposeChildInput], required: true }),
  }),
});

const ReportTaskProgressInput = builder.inputType('ReportTaskProgressInput', {
  description: '填报进度 (leaf tasks only)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Task] }),
    version: t.int({ required: true }),
    progress: t.int({ required: true, description: '进度% (0–100)' }),
    note: t.string({ required: false, description: '进展说明 (kept in the audit log)' }),
  }),
});

const CompleteTaskInput = builder.inputType('CompleteTaskInput', {
  description: '办结任务 (records who and when; a parent needs every child done)',
  fields: (t) => ({ id: t.globalID({ required: true, for: [Task] }), version: t.int({ required: true }) }),
});

const ReassignTaskInput = builder.inputType('ReassignTaskInput', {
  description: '改派任务 (keeps a history row)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Task] }),
    version: t.int({ required: true }),
    responsibleUnitId: t.globalID({ required: false, for: [Unit] }),
    responsiblePersonId: t.globalID({ required: false, for: [Cadre] }),
    reason: t.string({ required: true, description: '改派理由' }),
  }),
});

const optionalId = (value: { id: string | number } | null | undefined) => (value ? Number(value.id) : null);

/** A task the viewer may change: it exists and lies inside the jurisdiction. */
async function writableTask(ctx: Context, taskId: number) {
  const task = await ctx.db.query.tasks.findFirst({ where: { id: taskId } });
  if (!task) throw new NotFoundError('任务', String(taskId));
  if (!insideJurisdiction(ctx.viewer, task.regionPath)) throw new ForbiddenError('该任务不在您的管辖范围内');
  return task;
}

interface Assignment {
  responsibleUnitId: number;
  responsiblePersonId: number;
}

/** Loads the units and people of several assignments in two statements and checks each one. */
async function checkAssignments(
  ctx: Context,
  assignments: Assignment[],
  fieldPrefix: (index: number) => string,
) {
  const unitIds = [...new Set(assignments.map((a) => a.responsibleUnitId))];
  const personIds = [...new Set(assignments.map((a) => a.responsiblePersonId))];
  const unitRows = await ctx.db.select().from(units).where(inArray(units.id, unitIds));
  const personRows = await ctx.db
    .select({ id: cadres.id, unitId: cadres.unitId })
    .from(cadres)
    .where(inArray(cadres.id, personIds));
  for (const [index, assignment] of assignments.entries()) {
    const unit = unitRows.find((u) => u.id === assignment.responsibleUnitId);
    if (!unit) throw ValidationError.field(`${fieldPrefix(index)}responsibleUnitId`, '责任单位不存在');
    if (!insideJurisdiction(ctx.viewer, unit.regionPath))
      throw new ForbiddenError('责任单位不在您的管辖范围内');
    const person = personRows.find((p) => p.id === assignment.responsiblePersonId);
    if (person?.unitId !== unit.id)
      throw ValidationError.field(`${fieldPrefix(index)}responsiblePersonId`, '责任人须为责任单位的干部');
  }
}

function checkLevel(policy: Policy, level: string, field: string) {
  if (!policy.get('responsibility.levels').some((l) => l.id === level))
    throw ValidationError.field(field, '不是已配置的责任层级');
}

const policyYear = () => Number(countyToday().slice(0, 4));

async function loadSource(
  ctx: Context,
  kind: z.output<typeof CreateTaskSchema>['sourceKind'],
  sourceId: number | null,
) {
  if (kind === 'INSPECTION_FINDING' || kind === 'AUDIT_FINDING') return {};
  if (sourceId === null) throw ValidationError.field('sourceId', '请选择任务来源');
  const row =
    kind === 'MEETING_DECISION'
      ? await ctx.db.query.meetingDecisions.findFirst({ where: { id: sourceId } })
      : kind === 'RESOLUTION'
        ? await ctx.db.query.resolutions.findFirst({ where: { id: sourceId } })
        : await ctx.db.query.policyDocuments.findFirst({ where: { id: sourceId } });
  if (!row || !regionVisible(ctx.viewer, row.regionPath))
    throw ValidationError.field('sourceId', '任务来源不存在');
  if (kind === 'MEETING_DECISION') return { meetingDecisionId: sourceId };
  if (kind === 'RESOLUTION') return { resolutionId: sourceId };
  return { policyDocumentId: sourceId };
}

function refuseUnlessPassed(decision: ReturnType<typeof checkDecomposition>) {
  const [failed] = failedReasons(decision.reasons);
  if (failed) throw new RuleViolationError(failed.ruleId, failed.messageZh);
}

async function conflictOrMissing(tx: DbExecutor, taskId: number): Promise<never> {
  const current = await tx.query.tasks.findFirst({ columns: { version: true }, where: { id: taskId } });
  if (!current) throw new NotFoundError('任务', String(taskId));
  throw new ConflictError(current.version);
}

const ruleTaskOf = (rows: readonly TreeRow[], taskId: number) =>
  toRuleTask(rows.find((r) => r.id === taskId)!);

builder.mutationFields((t) => ({
  createTask: t.drizzleField({
    type: Task,
    description: '下达任务 (a top task from a decision, resolution, document or finding)',
    authScopes: { permission: 'task.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateTaskInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(CreateTaskSchema, {
        ...input,
        description: input.description ?? null,
        sourceId: optionalId(input.sourceId),
        findingReference: input.findingReference ?? null,
        combatGroupId: optionalId(input.combatGroupId),
        regionId: Number(input.regionId.id),
        responsibleUnitId: optionalId(input.responsibleUnitId) ?? undefined,
        responsiblePersonId: optionalId(input.responsiblePersonId) ?? undefined,
        deadline: input.deadline ?? undefined,
      });
      const sourceTypename = input.sourceId?.typename;
      const expected = {
        MEETING_DECISION: 'MeetingDecision',
        RESOLUTION: 'Resolution',
        POLICY_DOCUMENT: 'PolicyDocument',
      };
      if (sourceTypename && expected[values.sourceKind as keyof typeof expected] !== sourceTypename)
        throw ValidationError.field('sourceId', '来源与来源类别不符');
      if (['INSPECTION_FINDING', 'AUDIT_FINDING'].includes(values.sourceKind) && !values.findingReference)
        throw ValidationError.field('findingReference', '请填写问题出处');
      const region = await ctx.db.query.regions.findFirst({ where: { id: values.regionId } });
      if (!region || region.countyId === null)
        throw ValidationError.field('regionId', '区划不存在或不在县内');
      if (!insideJurisdiction(ctx.viewer, region.regionPath))
        throw new ForbiddenError('该区划不在您的管辖范围内');
      checkLevel(await countyPolicy(ctx.db, region.countyId, policyYear()), values.level, 'level');
      await checkAssignments(ctx, [values], () => '');
      const source = await loadSource(ctx, values.sourceKind, values.sourceId);
      const taskId = await ctx.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(tasks)
          .values({
            countyId: region.countyId!,
            regionPath: region.regionPath,
            regionId: region.id,
            title: values.title,
            description: values.description,
            sourceKind: values.sourceKind,
            ...source,
            findingReference: values.findingReference,
            combatGroupId: values.combatGroupId,
            levelId: values.level,
            responsibleUnitId: values.responsibleUnitId,
            responsiblePersonId: values.responsiblePersonId,
            deadline: values.deadline,
          })
          .returning();
        await writeAudit(tx, ctx.viewer, {
          action: 'task.create',
          entityType: 'Task',
          entityId: created!.id,
          regionPath: created!.regionPath,
          after: created,
        });
        return created!.id;
      });
      return (await ctx.db.query.tasks.findFirst(query({ where: { id: taskId } })))!;
    },
  }),
  decomposeTask: t.drizzleField({
    type: Task,
    description: '分解任务 (children one level down, deadlines not after the parent’s; all or nothing)',
    authScopes: { permission: 'task.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: DecomposeTaskInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(DecomposeSchema, {
        parentId: Number(input.parentId.id),
        children: input.children.map((child) => ({
          title: child.title ?? null,
          level: child.level ?? null,
          regionId: Number(child.regionId.id),
          responsibleUnitId: optionalId(child.responsibleUnitId) ?? undefined,
          responsiblePersonId: optionalId(child.responsiblePersonId) ?? undefined,
          deadline: child.deadline ?? undefined,
        })),
      });
      const parent = await writableTask(ctx, values.parentId);
      const policy = await countyPolicy(ctx.db, parent.countyId, policyYear());
      const levels = policy.get('responsibility.levels');
      const nextLevel = levels[levels.findIndex((l) => l.id === parent.levelId) + 1]?.id ?? null;
      const regionRows = await ctx.db
        .select()
        .from(regions)
        .where(inArray(regions.id, [...new Set(values.children.map((c) => c.regionId))]));
      const children = values.children.map((child, index) => {
        const field = `children.${index}.`;
        const region = regionRows.find((r) => r.id === child.regionId);
        if (!region) throw ValidationError.field(`${field}regionId`, '区划不存在');
        if (!insideJurisdiction(ctx.viewer, region.regionPath))
          throw new ForbiddenError('该区划不在您的管辖范围内');
        if (!region.regionPath.startsWith(parent.regionPath))
          throw new RuleViolationError('TASK.REGION', `下级任务的区划 ${region.name} 不在上级任务的区划之内`);
        const level = child.level ?? nextLevel ?? parent.levelId;
        checkLevel(policy, level, `${field}level`);
        const parentRule = toRuleTask(parent);
        const childRule = { ...parentRule, id: `new-${index}`, parentId: parentRule.id, levelId: level };
        refuseUnlessPassed(
          checkDecomposition(parentRule, { ...childRule, deadline: child.deadline }, policy),
        );
        return { ...child, level, region, title: child.title ?? `${region.name}:${parent.title}` };
      });
      await checkAssignments(ctx, children, (index) => `children.${index}.`);
      const rootId = parent.rootId ?? parent.id;
      await ctx.db.transaction(async (tx) => {
        const tree = await lockAndLoadTree(tx, rootId);
        if (tree.find((row) => row.id === parent.id)?.status === 'DONE')
          throw new RuleViolationError('TASK.PARENT_OPEN', '已完成的任务不能再分解');
        const created = await tx
          .insert(tasks)
          .values(
            children.map((child) => ({
              countyId: parent.countyId,
              regionPath: child.region.regionPath,
              regionId: child.region.id,
              parentId: parent.id,
              rootId,
              title: child.title,
              sourceKind: parent.sourceKind,
              meetingDecisionId: parent.meetingDecisionId,
              resolutionId: parent.resolutionId,
              policyDocumentId: parent.policyDocumentId,
              findingReference: parent.findingReference,
              combatGroupId: parent.combatGroupId,
              levelId: child.level,
              responsibleUnitId: child.responsibleUnitId,
              responsiblePersonId: child.responsiblePersonId,
              deadline: child.deadline,
            })),
          )
          .returning();
        await writeRollUp(tx, [...tree, ...created.map((row) => ({ ...row, parentId: parent.id }))]);
        await writeAudit(tx, ctx.viewer, {
          action: 'task.decompose',
          entityType: 'Task',
          entityId: parent.id,
          regionPath: parent.regionPath,
          after: { children: created },
        });
      });
      return (await ctx.db.query.tasks.findFirst(query({ where: { id: parent.id } })))!;
    },
  }),
  reportTaskProgress: t.drizzleField({
    type: Task,
    description: '填报进度 (leaf tasks; the parents’ progress is rolled up in the same transaction)',
    authScopes: { permission: 'task.report' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: ReportTaskProgressInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(ReportSchema, { ...input, id: Number(input.id.id), note: input.note ?? null });
      const task = await writableTask(ctx, values.id);
      await ctx.db.transaction(async (tx) => {
        const tree = await lockAndLoadTree(tx, task.rootId ?? task.id);
        const current = tree.find((row) => row.id === task.id)!;
        if (current.version !== values.version) throw new ConflictError(current.version);
        if (hasChildren(tree, task.id))
          throw new RuleViolationError(
            'TASK.PROGRESS_AT_LEAF',
            '进度只在末级任务填报,上级任务的进度由下级汇总',
          );
        if (current.status === 'DONE')
          throw new RuleViolationError('TASK.ALREADY_DONE', '任务已完成,不能再填报进度');
        const [updated] = await tx
          .update(tasks)
          .set({
            progress: values.progress,
            status: 'IN_PROGRESS',
            version: sql`${tasks.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(and(eq(tasks.id, task.id), eq(tasks.version, values.version)))
          .returning();
        if (!updated) await conflictOrMissing(tx, task.id);
        await writeRollUp(
          tx,
          tree.map((row) =>
            row.id === task.id ? { ...row, progress: values.progress, status: 'IN_PROGRESS' } : row,
          ),
        );
        await writeAudit(tx, ctx.viewer, {
          action: 'task.progress',
          entityType: 'Task',
          entityId: task.id,
          regionPath: task.regionPath,
          before: { progress: current.progress, status: current.status },
          after: { progress: values.progress, status: 'IN_PROGRESS' },
          reason: values.note,
        });
      });
      return (await ctx.db.query.tasks.findFirst(query({ where: { id: task.id } })))!;
    },
  }),
  completeTask: t.drizzleField({
    type: Task,
    description: '办结任务 (records who and when; refused while a child is open)',
    authScopes: { permission: 'task.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CompleteTaskInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(z.object({ id: z.number().int(), version: versionSchema }), {
        id: Number(input.id.id),
        version: input.version,
      });
      const task = await writableTask(ctx, values.id);
      await ctx.db.transaction(async (tx) => {
        const tree = await lockAndLoadTree(tx, task.rootId ?? task.id);
        const current = tree.find((row) => row.id === task.id)!;
        if (current.version !== values.version) throw new ConflictError(current.version);
        if (current.status === 'DONE') throw new RuleViolationError('TASK.ALREADY_DONE', '任务已完成');
        const decision = canCompleteTask(ruleTaskOf(tree, task.id), tree.map(toRuleTask));
        if (decision.outcome === 'FAIL')
          throw new RuleViolationError(decision.reasons[0]!.ruleId, decision.reasons[0]!.messageZh);
        const [updated] = await tx
          .update(tasks)
          .set({
            status: 'DONE',
            progress: 100,
            completedAt: sql`now()`,
            completedById: ctx.viewer!.id,
            version: sql`${tasks.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(and(eq(tasks.id, task.id), eq(tasks.version, values.version)))
          .returning();
        if (!updated) await conflictOrMissing(tx, task.id);
        await writeRollUp(
          tx,
          tree.map((row) => (row.id === task.id ? { ...row, progress: 100, status: 'DONE' } : row)),
        );
        await writeAudit(tx, ctx.viewer, {
          action: 'task.complete',
          entityType: 'Task',
          entityId: task.id,
          regionPath: task.regionPath,
          before: { status: task.status, progress: task.progress },
          after: { status: 'DONE', completedAt: updated!.completedAt },
        });
      });
      return (await ctx.db.query.tasks.findFirst(query({ where: { id: task.id } })))!;
    },
  }),
  reassignTask: t.drizzleField({
    type: Task,
    description: '改派任务 (another unit and person; the history keeps who, when, from, to and why)',
    authScopes: { permission: 'task.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: ReassignTaskInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(ReassignSchema, {
        ...input,
        id: Number(input.id.id),
        responsibleUnitId: optionalId(input.responsibleUnitId) ?? undefined,
        responsiblePersonId: optionalId(input.responsiblePersonId) ?? undefined,
      });
      const task = await writableTask(ctx, values.id);
      if (task.status === 'DONE') throw new RuleViolationError('TASK.ALREADY_DONE', '已完成的任务不能改派');
      if (
        task.responsiblePersonId === values.responsiblePersonId &&
        task.responsibleUnitId === values.responsibleUnitId
      )
        throw ValidationError.field('responsiblePersonId', '与原责任人相同');
      await checkAssignments(ctx, [values], () => '');
      await ctx.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(tasks)
          .set({
            responsibleUnitId: values.responsibleUnitId,
            responsiblePersonId: values.responsiblePersonId,
            version: sql`${tasks.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(and(eq(tasks.id, task.id), eq(tasks.version, values.version)))
          .returning();
        if (!updated) await conflictOrMissing(tx, task.id);
        await tx.insert(taskReassignments).values({
          countyId: task.countyId,
          regionPath: task.regionPath,
          taskId: task.id,
          fromUnitId: task.responsibleUnitId,
          fromPersonId: task.responsiblePersonId,
          toUnitId: values.responsibleUnitId,
          toPersonId: values.responsiblePersonId,
          reason: values.reason,
          reassignedById: ctx.viewer!.id,
        });
        await writeAudit(tx, ctx.viewer, {
          action: 'task.reassign',
          entityType: 'Task',
          entityId: task.id,
          regionPath: task.regionPath,
          before: {
            responsibleUnitId: task.responsibleUnitId,
            responsiblePersonId: task.responsiblePersonId,
          },
          after: {
            responsibleUnitId: values.responsibleUnitId,
            responsiblePersonId: values.responsiblePersonId,
          },
          reason: values.reason,
        });
      });
      return (await ctx.db.query.tasks.findFirst(query({ where: { id: task.id } })))!;
    },
  }),
}));
