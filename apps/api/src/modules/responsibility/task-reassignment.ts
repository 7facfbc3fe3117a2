import { taskReassignments, tasks } from '@gongjian/db/schema';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit';
import { builder } from '../../builder';
import { RuleViolationError, ValidationError } from '../../errors';
import { WRITE_ERRORS } from '../../shared/error-types';
import { validate } from '../../shared/validate';
import { conflictOrMissing } from '../../spine/write';
import { Cadre } from '../organisation/cadre';
import { Unit } from '../organisation/unit';
import { assignmentFields, checkAssignments, optionalId, Task, versionSchema, writableTask } from './task';

export const TaskReassignment = builder.drizzleObject('taskReassignments', {
  name: 'TaskReassignment',
  description: '改派记录 (who moved the task from which unit and person to which, when and why)',
  authScopes: (row) => ({ regionVisible: row.regionPath }),
  fields: (t) => ({
    reassignedAt: t.expose('reassignedAt', { type: 'DateTime', description: '改派时间' }),
    reason: t.exposeString('reason', { description: '改派理由' }),
    fromUnitName: t.string({
      description: '原责任单位',
      select: { with: { fromUnit: { columns: { name: true } } } },
      resolve: (row) => row.fromUnit.name,
    }),
    fromPersonName: t.string({
      description: '原责任人',
      select: { with: { fromPerson: { columns: { name: true } } } },
      resolve: (row) => row.fromPerson.name,
    }),
    toUnitName: t.string({
      description: '新责任单位',
      select: { with: { toUnit: { columns: { name: true } } } },
      resolve: (row) => row.toUnit.name,
    }),
    toPersonName: t.string({
      description: '新责任人',
      select: { with: { toPerson: { columns: { name: true } } } },
      resolve: (row) => row.toPerson.name,
    }),
    reassignedByName: t.string({
      nullable: true,
      description: '操作人',
      select: { with: { reassignedBy: { columns: { displayName: true } } } },
      resolve: (row) => row.reassignedBy?.displayName ?? null,
    }),
  }),
});

const ReassignSchema = z.object({
  id: z.number().int(),
  version: versionSchema,
  responsibleUnitId: assignmentFields.responsibleUnitId,
  responsiblePersonId: assignmentFields.responsiblePersonId,
  reason: z.string().trim().min(2, '请填写改派理由').max(500),
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

builder.mutationFields((t) => ({
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
        if (!updated)
          conflictOrMissing(
            await tx.query.tasks.findFirst({ columns: { version: true }, where: { id: task.id } }),
            '任务',
            task.id,
          );
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
