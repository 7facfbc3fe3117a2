import type { Transaction } from '@gongjian/db';
import { applicationSteps, households, statusApplications } from '@gongjian/db/schema';
import { applicationAfterStep, applicationOpen, nextStep, STEP_ROLES } from '@gongjian/rules';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder';
import { ConflictError, ForbiddenError, StepRefusedError } from '../../errors';
import { actedOn } from '../../shared/dates';
import { validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { atVersion, viewerMayChange } from '../../spine/load';
import { nextVersion, reread, updateAtVersion, writeAudited } from '../../spine/write';
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

const StepSchema = z.object({ notes: z.string().trim().max(500).default(''), version: versionSchema });

builder.mutationFields((t) => ({
  recordApplicationStep: t.drizzleField({
    type: StatusApplication,
    description:
      '办理程序步骤: village clerk deliberation + first notice, township clerk review + second notice, county admin approval + announcement; the household status changes in the same transaction as the last step',
    authScopes: { permission: 'application.step' },
    errors: { types: APPLICATION_ERRORS },
    args: { input: t.arg({ type: RecordStepInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const application = await loadApplication(ctx, Number(input.applicationId.id));
      const { notes, version } = validate(StepSchema, { notes: input.notes ?? '', version: input.version });
      const date = actedOn(input.date);
      const decision = input.decision ?? 'APPROVED';
      atVersion(application, version);
      refuseUnless(applicationOpen(application.state));
      const role = actorRoleOf(ctx.viewer!, STEP_ROLES[input.step]);
      if (!role) throw new ForbiddenError('您的角色不能办理程序步骤');
      const attempt = runRule(() =>
        nextStep(procedureState(application), input.step, role, date, policyOf(application)),
      );
      if (attempt.outcome === 'REFUSED') throw new StepRefusedError(attempt.refusals, attempt.reasons);
      const after = applicationAfterStep(application, decision, attempt.complete);
      const id = await writeAudited(ctx, async (tx) => {
        const still = and(
          eq(statusApplications.stepsDone, application.stepsDone),
          eq(statusApplications.state, 'IN_PROGRESS'),
        );
        const guard = {
          id: application.id,
          version,
          entity: '申请',
          still,
          conflictMessage: '该申请已被他人办理, 请刷新后重试',
        };
        const closed = after.state !== 'IN_PROGRESS';
        const set = {
          stepsDone: sql`${statusApplications.stepsDone} + 1`,
          nextStep: after.nextStep,
          state: after.state,
          completedOn: closed ? date : null,
        };
        const updated = await updateAtVersion(tx, statusApplications, guard, set);
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
        if (after.changesStatus) await completeStatusChange(tx, application);
        const before = { state: application.state, stepsDone: application.stepsDone, version };
        const audit = {
          before,
          after: { state: updated.state, stepsDone: updated.stepsDone, decision, notes, date, role },
        };
        return {
          id: application.id,
          audit: {
            action: `application.step.${input.step}`,
            entityType: 'StatusApplication',
            entityId: application.id,
            regionPath: application.regionPath,
            ...audit,
          },
        };
      });
      return reread(ctx.db.query.statusApplications.findFirst(query({ where: { id } })), '申请', id);
    },
  }),
}));

type LoadedApplication = Awaited<ReturnType<typeof loadApplication>>;

/** The application as the rules' procedure sees it: its kind, starting status and completed steps. */
const procedureState = (application: LoadedApplication) => ({
  kind: application.kind,
  fromStatus: application.fromStatus,
  completedSteps: application.steps.map((s) => ({ step: s.step, date: s.actedOn, actorRole: s.actorRole })),
});

const policyOf = (application: LoadedApplication) =>
  runRule(() => policyForYear(application.year, application.household.village.code));

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
      ...nextVersion(households),
    })
    .where(and(eq(households.id, application.householdId), eq(households.status, application.fromStatus)))
    .returning();
  if (!changed) throw new ConflictError(null, '农户状态已被其他申请改变, 本申请无法完成');
}

builder.drizzleObjectFields(StatusApplication, (t) => ({
  viewerCanRecordStep: t.boolean({
    description:
      '我可办理下一步骤 (application.step, jurisdiction, APPLICATION.CLOSED and a role the next step allows)',
    select: { columns: { regionPath: true, state: true, nextStep: true } },
    resolve: (application, _args, ctx) =>
      viewerMayChange(ctx, 'application.step', application.regionPath) &&
      applicationOpen(application.state).outcome === 'PASS' &&
      application.nextStep !== null &&
      STEP_ROLES[application.nextStep].some((role) => ctx.viewer!.roles.includes(role)),
  }),
}));
