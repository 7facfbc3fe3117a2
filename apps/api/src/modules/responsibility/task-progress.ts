import { tasks } from '@gongjian/db/schema';
import { canReportTaskProgress, decideTaskCompletion } from '@gongjian/rules';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder';
import { WRITE_ERRORS } from '../../shared/error-types';
import { validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { atVersion, reporterOf, viewerMayChange } from '../../spine/load';
import { audited, reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Task, versionSchema } from './task';
import { lockTreeOf, toRuleTask, writeRollUp } from './task-tree';

/** Reporting progress at a leaf and completing a task: both change the tree's roll-up in the same transaction. */

const ReportSchema = z.object({
  version: versionSchema,
  progress: z.number().int('进度须为整数').min(0, '进度不能小于0').max(100, '进度不能超过100'),
  note: z.string().trim().max(500).nullable(),
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

builder.mutationFields((t) => ({
  reportTaskProgress: t.drizzleField({
    type: Task,
    description: '填报进度 (leaf tasks; the parents’ progress is rolled up in the same transaction)',
    authScopes: { permission: 'task.report' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: ReportTaskProgressInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await writeAudited(ctx, async (tx) => {
        const { task, tree } = await lockTreeOf(tx, ctx, Number(input.id.id), 'id');
        const { version, progress, note } = validate(ReportSchema, { ...input, note: input.note ?? null });
        atVersion(task, version);
        const childCount = tree.filter((row) => row.parentId === task.id).length;
        refuseUnless(canReportTaskProgress(toRuleTask(task), childCount, reporterOf(ctx, task)));
        const change = { progress, status: 'IN_PROGRESS' as const };
        await updateAtVersion(tx, tasks, { id: task.id, version, entity: '任务' }, change);
        await writeRollUp(
          tx,
          tree.map((row) => (row.id === task.id ? { ...row, ...change } : row)),
          [task.id],
        );
        const before = { progress: task.progress, status: task.status };
        return audited('Task', 'task.progress', task, { before, after: change, reason: note });
      });
      return reread(ctx.db.query.tasks.findFirst(query({ where: { id } })), '任务', id);
    },
  }),
  completeTask: t.drizzleField({
    type: Task,
    description: '办结任务 (records who and when; refused while a child is open)',
    authScopes: { permission: 'task.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CompleteTaskInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await writeAudited(ctx, async (tx) => {
        const { task, tree } = await lockTreeOf(tx, ctx, Number(input.id.id), 'id');
        const { version } = validate(z.object({ version: versionSchema }), input);
        atVersion(task, version);
        refuseUnless(decideTaskCompletion(toRuleTask(task), tree.map(toRuleTask)));
        const done = { status: 'DONE' as const, progress: 100 };
        const set = { ...done, completedAt: sql`now()`, completedById: ctx.viewer!.id };
        const updated = await updateAtVersion(tx, tasks, { id: task.id, version, entity: '任务' }, set);
        await writeRollUp(
          tx,
          tree.map((row) => (row.id === task.id ? { ...row, ...done } : row)),
          [task.id],
        );
        const before = { status: task.status, progress: task.progress };
        const after = { status: 'DONE', completedAt: updated.completedAt };
        return audited('Task', 'task.complete', task, { before, after });
      });
      return reread(ctx.db.query.tasks.findFirst(query({ where: { id } })), '任务', id);
    },
  }),
}));

/** A task's columns the permission fields need, and its child counts as subqueries of the same statement. */
const taskFacts = {
  columns: {
    id: true,
    parentId: true,
    levelId: true,
    regionId: true,
    regionPath: true,
    responsibleUnitId: true,
    responsiblePersonId: true,
    deadline: true,
    status: true,
    progress: true,
    version: true,
  },
  extras: {
    childCount: (table: typeof tasks) =>
      sql<number>`(select count(*)::int from tasks c where c.parent_id = ${table.id})`,
    openChildCount: (table: typeof tasks) =>
      sql<number>`(select count(*)::int from tasks c where c.parent_id = ${table.id} and c.status <> 'DONE')`,
  },
} as const;

builder.drizzleObjectFields(Task, (t) => ({
  viewerCanReportProgress: t.boolean({
    description:
      '我可填报进度 (role, jurisdiction and the rules TASK.REPORTER, TASK.PROGRESS_AT_LEAF, TASK.ALREADY_DONE)',
    select: taskFacts,
    resolve: (task, _args, ctx) =>
      viewerMayChange(ctx, 'task.report', task.regionPath) &&
      canReportTaskProgress(toRuleTask(task), task.childCount, reporterOf(ctx, task)).outcome === 'PASS',
  }),
  viewerCanComplete: t.boolean({
    description: '我可办结 (role, jurisdiction and the rules TASK.ALREADY_DONE, TASK.CHILDREN_DONE)',
    select: taskFacts,
    resolve: (task, _args, ctx) => {
      // The task's own facts and its open children stand in for the tree the write loads.
      const rule = { ...toRuleTask(task), parentId: null };
      const openChildren = Array.from({ length: task.openChildCount }, (_, i) => ({
        ...rule,
        id: `open-${i}`,
        parentId: rule.id,
        status: 'IN_PROGRESS' as const,
      }));
      return (
        viewerMayChange(ctx, 'task.write', task.regionPath) &&
        decideTaskCompletion(rule, [rule, ...openChildren]).outcome === 'PASS'
      );
    },
  }),
}));
