import type { DbExecutor } from '@gongjian/db';
import { regions, tasks } from '@gongjian/db/schema';
import {
  canDecomposeTask,
  checkChildRegion,
  checkDecomposition,
  type Policy,
  type Task as RuleTask,
  rollUpProgress,
} from '@gongjian/rules';
import { asc, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { insideJurisdiction } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ForbiddenError } from '../../errors';
import { policyForYear } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { referencedRow, viewerMayChange, writableRow } from '../../spine/load';
import { audited, reread, writeAudited } from '../../spine/write';
import { Region } from '../geography/region';
import { Cadre } from '../organisation/cadre';
import { Unit } from '../organisation/unit';
import { checkLevelTier, configuredLevel, policyYear } from './responsibility-level';
import { assignmentFields, checkAssignments, optionalId, Task, titleSchema } from './task';
import { appendTaskStatus } from './task-status-history';

/**
 * One task tree, loaded under a lock on its top task. Every write that changes a tree (decompose, report,
 * complete) takes that lock first, so concurrent writers in one tree run one after another and each
 * rolls up from committed rows; the guarded `version` update then tells a stale writer it lost.
 */

export interface TreeRow {
  id: number;
  regionPath?: string;
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

/**
 * Load: the whole tree holding `taskId` in one statement, every row locked in id order (the top task, created
 * first, is locked first). The task itself must be one the viewer may change.
 */
export async function lockTreeOf(tx: DbExecutor, ctx: Context, taskId: number, argument: string) {
  const tree = await tx
    .select()
    .from(tasks)
    .where(
      sql`coalesce(${tasks.rootId}, ${tasks.id}) = (select coalesce(t.root_id, t.id) from tasks t where t.id = ${taskId})`,
    )
    .orderBy(asc(tasks.id))
    .for('update');
  const task = writableRow(
    ctx,
    tree.find((row) => row.id === taskId),
    { entity: '任务', argument, id: taskId },
  );
  return { task, tree };
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
export async function writeRollUp(tx: DbExecutor, rows: readonly TreeRow[], statusWritten: number[] = []) {
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
  const moved = changes.filter(({ row, status }) => row.status !== status).map(({ row }) => row.id);
  if (changes.length === 0) return appendTaskStatus(tx, statusWritten);
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
  await appendTaskStatus(tx, [...statusWritten, ...moved]);
}

const DecomposeSchema = z.object({
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

type ChildValues = z.output<typeof DecomposeSchema>['children'][number];
type TaskRow = typeof tasks.$inferSelect;
type RegionRow = typeof regions.$inferSelect;

/** Decide one child of a decomposition: its region (in the jurisdiction and the parent's), level and deadline. */
function planChild(
  ctx: Context,
  parent: TaskRow,
  child: ChildValues,
  index: number,
  regionRows: RegionRow[],
  policy: Policy,
) {
  const field = `children.${index}.`;
  const region = referencedRow(
    regionRows.find((r) => r.id === child.regionId),
    { entity: '区划', argument: `${field}regionId`, id: child.regionId },
  );
  if (!insideJurisdiction(ctx.viewer, region.regionPath))
    throw new ForbiddenError(`${field}regionId: 该区划不在您的管辖范围内`);
  refuseUnless(
    checkChildRegion(parent.regionPath, { regionPath: region.regionPath, regionName: region.name }),
  );
  const levels = policy.get('responsibility.levels');
  const nextLevel = levels[levels.findIndex((l) => l.id === parent.levelId) + 1]?.id ?? null;
  const level = child.level ?? nextLevel ?? parent.levelId;
  const levelEntry = configuredLevel(policy, level, `${field}level`);
  const parentRule = toRuleTask(parent);
  const childRule = {
    ...parentRule,
    id: `new-${index}`,
    parentId: parentRule.id,
    levelId: level,
    deadline: child.deadline,
  };
  refuseUnless(checkDecomposition(parentRule, childRule, policy));
  checkLevelTier(ctx, levelEntry, region);
  return { ...child, level, region, title: child.title ?? `${region.name}:${parent.title}` };
}

builder.mutationFields((t) => ({
  decomposeTask: t.drizzleField({
    type: Task,
    description: '分解任务 (children one level down, deadlines not after the parent’s; all or nothing)',
    authScopes: { permission: 'task.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: DecomposeTaskInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await writeAudited(ctx, async (tx) => {
        const { task: parent, tree } = await lockTreeOf(tx, ctx, Number(input.parentId.id), 'parentId');
        const values = validate(DecomposeSchema, { children: input.children.map(childValuesOf) });
        refuseUnless(canDecomposeTask(toRuleTask(parent)));
        const regionIds = [...new Set(values.children.map((c) => c.regionId))];
        const regionRows = await tx.select().from(regions).where(inArray(regions.id, regionIds));
        const policy = policyForYear(policyYear(), regionRows[0]?.code ?? '');
        const children = values.children.map((child, i) =>
          planChild(ctx, parent, child, i, regionRows, policy),
        );
        await checkAssignments(tx, ctx, children, (index) => `children.${index}.`);
        const inherited = {
          countyId: parent.countyId,
          parentId: parent.id,
          rootId: parent.rootId ?? parent.id,
          sourceKind: parent.sourceKind,
          meetingDecisionId: parent.meetingDecisionId,
          resolutionId: parent.resolutionId,
          policyDocumentId: parent.policyDocumentId,
          findingReference: parent.findingReference,
          combatGroupId: parent.combatGroupId,
        };
        const rows = children.map((child) => ({
          ...inherited,
          regionPath: child.region.regionPath,
          regionId: child.region.id,
          title: child.title,
          levelId: child.level,
          responsibleUnitId: child.responsibleUnitId,
          responsiblePersonId: child.responsiblePersonId,
          deadline: child.deadline,
        }));
        const created = await tx.insert(tasks).values(rows).returning();
        await writeRollUp(tx, [...tree, ...created]);
        return audited('Task', 'task.decompose', parent, { after: { children: created } });
      });
      return reread(ctx.db.query.tasks.findFirst(query({ where: { id } })), '任务', id);
    },
  }),
}));

function childValuesOf(child: {
  title?: string | null;
  level?: string | null;
  regionId: { id: string | number };
  responsibleUnitId?: { id: string | number } | null;
  responsiblePersonId?: { id: string | number } | null;
  deadline?: string | null;
}) {
  return {
    title: child.title ?? null,
    level: child.level ?? null,
    regionId: Number(child.regionId.id),
    responsibleUnitId: optionalId(child.responsibleUnitId) ?? undefined,
    responsiblePersonId: optionalId(child.responsiblePersonId) ?? undefined,
    deadline: child.deadline ?? undefined,
  };
}

builder.drizzleObjectFields(Task, (t) => ({
  viewerCanDecompose: t.boolean({
    description: '我可分解 (role, jurisdiction and the rule TASK.PARENT_OPEN)',
    select: { columns: { id: true, status: true, regionPath: true } },
    resolve: (task, _args, ctx) =>
      viewerMayChange(ctx, 'task.write', task.regionPath) &&
      canDecomposeTask({ id: String(task.id), status: task.status }).outcome === 'PASS',
  }),
}));
