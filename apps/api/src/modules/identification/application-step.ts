import type { Transaction } from '@gongjian/db';
import { applicationSteps, households, statusApplications } from '@gongjian/db/schema';
import { APPLICATION_STEPS, nextStep, STEP_ROLES } from '@gongjian/rules';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit';
import { builder } from '../../builder';
import { ConflictError, ForbiddenError, RuleViolationError, StepRefusedError } from '../../errors';
import { actedOn } from '../../shared/dates';
import { validate } from '../../shared/validate';
import { ActorRoleEnum, ProcedureStepEnum, StepDecisionEnum } from './enums';
import { actorRoleOf, policyForYear, readable, runRule } from './policy';
import { APPLICATION_ERRORS, loadApplication, StatusApplication } from './status-application';
import { versionSchema } from './validation';

export const ApplicationStep = builder.drizzleObject('applicationSteps', {
  name: 'ApplicationStep',
  description: '程序步骤记录 (who did which step, on which day, with what decision)',
  authScopes: readable,
  fields: (t) => ({
    sequence: t.exposeInt('sequence', { description: '序号' }),
    step: t.expose('step', { type: ProcedureStepEnum, description: '步骤' }),
    decision: t.expose('decision', { type: StepDecisionEnum, description: '结论' }),
    actorName: t.exposeString('actorName', { description: '经办人' }),
    actorRole: t.expose('actorRole', { type: ActorRoleEnum, description: '经办角色' }),
    actedOn: t.expose('actedOn', { type: 'Date', description: '办理日期' }),
    notes: t.exposeString('notes', { description: '意见/备注' }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime', description: '录入时间' }),
  }),
});

const RecordStepInput = builder.inputType('RecordApplicationStepInput', {
  description: '办理下一步骤 (the rules check order, role and notice days; send the version you read)',
  fields: (t) => ({
    applicationId: t.globalID({ required: true, for: [StatusApplication] }),
    step: t.field({ type: ProcedureStepEnum, required: true }),
    decision: t.field({ type: StepDecisionEnum, required: false, description: '默认 APPROVED' }),
    notes: t.string({ required: false, description: '意见/备注' }),
    date: t.field({ type: 'Date', required: false, description: '办理日期 (默认今天, 不能晚于今天)' }),
    version: t.int({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  recordApplicationStep: t.drizzleField({
    type: StatusApplication,
    description:
      '办理程序步骤: village clerk deliberation + first notice, township clerk review + second notice, county admin approval + announcement; the household status changes in the same transaction as the last step',
    authScopes: { permission: 'application.step' },
    errors: { types: APPLICATION_ERRORS },
    args: { input: t.arg({ type: RecordStepInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { notes, version } = validate(
        z.object({ notes: z.string().trim().max(500).default(''), version: versionSchema }),
        { notes: input.notes ?? '', version: input.version },
      );
      const date = actedOn(input.date);
      const decision = input.decision ?? 'APPROVED';
      const application = await loadApplication(ctx, Number(input.applicationId.id));
      if (application.version !== version) throw new ConflictError(application.version);
      if (application.state !== 'IN_PROGRESS')
        throw new RuleViolationError(
          'APPLICATION.CLOSED',
          `该申请已${application.state === 'COMPLETED' ? '完成' : '结束'}, 不能再办理步骤`,
        );
      const role = actorRoleOf(ctx.viewer!, STEP_ROLES[input.step]);
      if (!role) throw new ForbiddenError('您的角色不能办理程序步骤');
      const policy = runRule(() => policyForYear(application.year, application.household.village.code));
      const attempt = runRule(() =>
        nextStep(
          {
            kind: application.kind,
            fromStatus: application.fromStatus,
            completedSteps: application.steps.map((s) => ({
              step: s.step,
              date: s.actedOn,
              actorRole: s.actorRole,
            })),
          },
          input.step,
          role,
          date,
          policy,
        ),
      );
      if (attempt.outcome === 'REFUSED') throw new StepRefusedError(attempt.refusals, attempt.reasons);
      const complete = attempt.complete && decision === 'APPROVED';
      const steps = APPLICATION_STEPS[application.kind];
      await ctx.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(statusApplications)
          .set({
            stepsDone: sql`${statusApplications.stepsDone} + 1`,
            nextStep: decision === 'REJECTED' || attempt.complete ? null : steps[application.stepsDone + 1]!,
            state: decision === 'REJECTED' ? 'REJECTED' : complete ? 'COMPLETED' : 'IN_PROGRESS',
            completedOn: decision === 'REJECTED' || complete ? date : null,
            version: sql`${statusApplications.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(
            and(
              eq(statusApplications.id, application.id),
              eq(statusApplications.version, version),
              eq(statusApplications.stepsDone, application.stepsDone),
              eq(statusApplications.state, 'IN_PROGRESS'),
            ),
          )
          .returning();
        if (!updated) {
          const current = await tx.query.statusApplications.findFirst({ where: { id: application.id } });
          throw new ConflictError(current?.version ?? null, '该申请已被他人办理, 请刷新后重试');
        }
        await tx.insert(applicationSteps).values({
          countyId: application.countyId,
          regionPath: application.regionPath,
          applicationId: application.id,
          sequence: application.stepsDone + 1,
          step: input.step,
          decision,
          actorUserId: ctx.viewer!.id,
          actorName: ctx.viewer!.displayName,
          actorRole: role,
          actedOn: date,
          notes,
        });
        if (complete) await completeStatusChange(tx, application);
        await writeAudit(tx, ctx.viewer, {
          action: `application.step.${input.step}`,
          entityType: 'StatusApplication',
          entityId: application.id,
          regionPath: application.regionPath,
          before: { state: application.state, stepsDone: application.stepsDone, version },
          after: { state: updated.state, stepsDone: updated.stepsDone, decision, notes, date, role },
        });
      });
      return (await ctx.db.query.statusApplications.findFirst(query({ where: { id: application.id } })))!;
    },
  }),
}));

/**
 * The household's status changes here and only here, in the transaction of the last step, guarded on
 * the status the application started from (a household changed meanwhile is a conflict).
 */
async function completeStatusChange(tx: Transaction, application: typeof statusApplications.$inferSelect) {
  const entering = application.kind === 'IDENTIFY' || application.kind === 'ADD_MISSED';
  const [changed] = await tx
    .update(households)
    .set({
      status: application.toStatus,
      ...(entering ? { identifiedYear: application.year } : {}),
      ...(application.kind === 'EXIT' ? { exitedYear: application.year } : {}),
      version: sql`${households.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(households.id, application.householdId), eq(households.status, application.fromStatus)))
    .returning();
  if (!changed) throw new ConflictError(null, '农户状态已被其他申请改变, 本申请无法完成');
}
