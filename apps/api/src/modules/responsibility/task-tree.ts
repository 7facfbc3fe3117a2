import type { DbExecutor } from '@gongjian/db';
import { regions, tasks } from '@gongjian/db/schema';
import { checkDecomposition, failedReasons, type Task as RuleTask, rollUpProgress } from '@gongjian/rules';
import { eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit';
import { insideJurisdiction, regionVisible } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ForbiddenError, RuleViolationError, ValidationError } from '../../errors';
import { countyPolicy } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { validate } from '../../shared/validate';
import { Region } from '../geography/region';
import { Cadre } from '../organisation/cadre';
import { Unit } from '../organisation/unit';
import { CombatGroup } from '../work-advancement/command-post';
import { MeetingDecision } from '../work-advancement/meeting';
import { PolicyDocument } from '../work-advancement/policy-document';
import { Resolution } from '../work-advancement/resolution';
import { checkLevel, policyYear } from './responsibility-level';
import {
  assignmentFields,
  checkAssignments,
  optionalId,
  Task,
  TaskSourceKindEnum,
  titleSchema,
  writableTask,
} from './task';

/**
 * One task tree, loaded under a lock on its top task. Every write that changes a tree (decompose, report,
 * complete) takes that lock first, so concurrent writers in one tree run one after another and each
 * rolls up from committed rows; the guarded `version` update then tells a stale writer it lost.
 */

export interface TreeRow {
  id: number;
  parentId: number | null;
  levelId: string;
  regionId: number;
  responsibleUnitId: number;
  responsiblePersonId: number;
  deadline: string;
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE';
  progress: number;
  version: number;
}

export async function lockAndLoadTree(tx: DbExecutor, rootId: number): Promise<TreeRow[]> {
  await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, rootId)).for('update');
  return await tx
    .select({
      id: tasks.id,
      parentId: tasks.parentId,
      levelId: tasks.levelId,
      regionId: tasks.regionId,
      responsibleUnitId: tasks.responsibleUnitId,
      responsiblePersonId: tasks.responsiblePersonId,
      deadline: tasks.deadline,
      status: tasks.status,
      progress: tasks.progress,
      version: tasks.version,
    })
    .from(tasks)
    .where(or(eq(tasks.id, rootId), eq(tasks.rootId, rootId)));
}

export function toRuleTask(row: TreeRow): RuleTask {
  return {
    id: String(row.id),
    parentId: row.parentId === null ? null : String(row.parentId),
    levelId: row.levelId,
    regionId: String(row.regionId),
    responsibleUnit: String(row.responsibleUnitId),
    responsiblePerson: String(row.responsiblePersonId),
    deadline: row.deadline,
    status: row.status,
    progressPercent: row.progress,
  };
}

export const hasChildren = (rows: readonly TreeRow[], id: number) => rows.some((row) => row.parentId === id);

/**
 * Writes the derived state of every task with children: its progress is the rules' roll-up of its
 * children; it is IN_PROGRESS once any task below it has started, NOT_STARTED before, and stays DONE
 * once completed. Only rows that change are written, in one statement. `rows` is the tree as it stands
 * after the caller's own change.
 */
export async function writeRollUp(tx: DbExecutor, rows: readonly TreeRow[]) {
  const progressById = new Map(
    rollUpProgress(rows.map(toRuleTask)).map((p) => [Number(p.taskId), p.percent]),
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const started = new Set<number>();
  for (const row of rows) {
    if (row.status === 'NOT_STARTED') continue;
    for (let id = row.parentId; id !== null && !started.has(id); id = byId.get(id)?.parentId ?? null)
      started.add(id);
  }
  const changes = rows
    .filter((row) => hasChildren(rows, row.id) && row.status !== 'DONE')
    .map((row) => ({
      row,
      progress: progressById.get(row.id)!,
      status: started.has(row.id) ? ('IN_PROGRESS' as const) : ('NOT_STARTED' as const),
    }))
    .filter(({ row, progress, status }) => row.progress !== progress || row.status !== status);
  if (changes.length === 0) return;
  const values = sql.join(
    changes.map(
      ({ row, progress, status }) => sql`(${row.id}::int, ${progress}::int, ${status}::task_status)`,
    ),
    sql`, `,
  );
  await tx.execute(
    sql`update ${tasks} as t set progress = v.progress, status = v.status, updated_at = now()
        from (values ${values}) as v(id, progress, status) where t.id = v.id`,
  );
}

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
}));
