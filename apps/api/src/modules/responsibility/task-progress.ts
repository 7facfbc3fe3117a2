import { tasks } from '@gongjian/db/schema';
import { canCompleteTask } from '@gongjian/rules';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit';
import { builder } from '../../builder';
import { ConflictError, RuleViolationError } from '../../errors';
import { WRITE_ERRORS } from '../../shared/error-types';
import { validate } from '../../shared/validate';
import { conflictOrMissing } from '../../spine/write';
import { Task, versionSchema, writableTask } from './task';
import { hasChildren, lockAndLoadTree, type TreeRow, toRuleTask, writeRollUp } from './task-tree';

const ReportSchema = z.object({
  id: z.number().int(),
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

const ruleTaskOf = (rows: readonly TreeRow[], taskId: number) =>
  toRuleTask(rows.find((r) => r.id === taskId)!);

builder.mutationFields((t) => ({
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
        if (!updated)
          conflictOrMissing(
            await tx.query.tasks.findFirst({ columns: { version: true }, where: { id: task.id } }),
            '任务',
            task.id,
          );
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
        if (!updated)
          conflictOrMissing(
            await tx.query.tasks.findFirst({ columns: { version: true }, where: { id: task.id } }),
            '任务',
            task.id,
          );
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
}));
