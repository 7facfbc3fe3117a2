import { taskReassignments, tasks } from '@gongjian/db/schema';
import { canReassignTask } from '@gongjian/rules';
import { z } from 'zod';
import { builder } from '../../builder';
import { ValidationError } from '../../errors';
import { WRITE_ERRORS } from '../../shared/error-types';
import { validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import { audited, reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Cadre } from '../organisation/cadre';
import { Unit } from '../organisation/unit';
import { assignmentFields, checkAssignments, optionalId, Task, versionSchema } from './task';
import { toRuleTask } from './task-tree';

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
      const taskId = Number(input.id.id);
      const task = writableRow(ctx, await ctx.db.query.tasks.findFirst({ where: { id: taskId } }), {
        entity: '任务',
        argument: 'id',
        id: taskId,
      });
      const values = validate(ReassignSchema, {
        ...input,
        responsibleUnitId: optionalId(input.responsibleUnitId) ?? undefined,
        responsiblePersonId: optionalId(input.responsiblePersonId) ?? undefined,
      });
      refuseUnless(canReassignTask(toRuleTask(task)));
      const { responsibleUnitId, responsiblePersonId, reason, version } = values;
      if (task.responsiblePersonId === responsiblePersonId && task.responsibleUnitId === responsibleUnitId)
        throw ValidationError.field('responsiblePersonId', '与原责任人相同');
      await checkAssignments(ctx.db, ctx, [values], () => '');
      await writeAudited(ctx, async (tx) => {
        await updateAtVersion(
          tx,
          tasks,
          { id: task.id, version, entity: '任务' },
          { responsibleUnitId, responsiblePersonId },
        );
        await tx.insert(taskReassignments).values({
          countyId: task.countyId,
          regionPath: task.regionPath,
          taskId: task.id,
          fromUnitId: task.responsibleUnitId,
          fromPersonId: task.responsiblePersonId,
          toUnitId: responsibleUnitId,
          toPersonId: responsiblePersonId,
          reason,
          reassignedById: ctx.viewer!.id,
        });
        const before = {
          responsibleUnitId: task.responsibleUnitId,
          responsiblePersonId: task.responsiblePersonId,
        };
        const after = { responsibleUnitId, responsiblePersonId };
        return audited('Task', 'task.reassign', task, { before, after, reason });
      });
      return reread(ctx.db.query.tasks.findFirst(query({ where: { id: task.id } })), '任务', task.id);
    },
  }),
}));

builder.drizzleObjectFields(Task, (t) => ({
  viewerCanReassign: t.boolean({
    description: '我可改派 (role, jurisdiction and the rule TASK.ALREADY_DONE)',
    select: { columns: { id: true, status: true, regionPath: true } },
    resolve: (task, _args, ctx) =>
      viewerMayChange(ctx, 'task.write', task.regionPath) &&
      canReassignTask({ id: String(task.id), status: task.status }).outcome === 'PASS',
  }),
}));
