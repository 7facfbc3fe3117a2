import { households, monitoringObjects, monitoringSteps } from '@gongjian/db/schema';
import {
  attemptStep,
  type CompletedStep,
  type Decision,
  decideRiskElimination,
  householdHasLabour,
  type MONITORING_STEPS,
  nextMonitoringStep,
  type Reason,
} from '@gongjian/rules';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder';
import { ForbiddenError, RuleViolationError, StepRefusedError } from '../../errors';
import { actedOn } from '../../shared/dates';
import { validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { atVersion, viewerMayChange } from '../../spine/load';
import { nextVersion, reread, updateAtVersion, writeAudited } from '../../spine/write';
import { ActorRoleEnum, MonitoringProcedureEnum, StepDecisionEnum } from './enums';
import {
  loadObject,
  MONITORING_ERRORS,
  MonitoringObject,
  monitoringFacts,
  monitoringGuard,
} from './monitoring-object';
import {
  type AnyMonitoringStep,
  type EliminationStep,
  eliminationProcedure,
  MonitoringStepEnum,
  monitoringStepRoles,
  nextStepOf,
} from './monitoring-procedure';
import {
  actorRoleOf,
  guaranteeFactsOf,
  incomeComponentsOf,
  policyForYear,
  readable,
  runRule,
} from './policy';
import { versionSchema, yearSchema } from './validation';

export const MonitoringStepRecord = builder.drizzleObject('monitoringSteps', {
  name: 'MonitoringStepRecord',
  description: '监测程序步骤记录',
  authScopes: readable,
  fields: (t) => ({
    procedure: t.expose('procedure', { type: MonitoringProcedureEnum, description: '程序' }),
    sequence: t.exposeInt('sequence', { description: '序号' }),
    step: t.field({
      type: MonitoringStepEnum,
      description: '步骤',
      select: { columns: { step: true } },
      resolve: (s) => s.step as AnyMonitoringStep,
    }),
    decision: t.expose('decision', { type: StepDecisionEnum, description: '结论' }),
    actorName: t.exposeString('actorName', { description: '经办人' }),
    actorRole: t.expose('actorRole', { type: ActorRoleEnum, description: '经办角色' }),
    actedOn: t.expose('actedOn', { type: 'Date', description: '办理日期' }),
    notes: t.exposeString('notes', { description: '意见/备注' }),
  }),
});

const MonitoringStepInput = builder.inputType('RecordMonitoringStepInput', {
  description: '办理监测程序的下一步骤',
  fields: (t) => ({
    monitoringObjectId: t.globalID({ required: true, for: [MonitoringObject] }),
    step: t.field({ type: MonitoringStepEnum, required: true }),
    decision: t.field({ type: StepDecisionEnum, required: false }),
    notes: t.string({ required: false }),
    date: t.field({ type: 'Date', required: false }),
    version: t.int({ required: true }),
  }),
});

const StartEliminationInput = builder.inputType('StartRiskEliminationInput', {
  description: '申请风险消除 (the rules decide; a household without labour capacity stays monitored)',
  fields: (t) => ({
    monitoringObjectId: t.globalID({ required: true, for: [MonitoringObject] }),
    version: t.int({ required: true }),
    year: t.int({ required: true, description: '研判年度 (income and guarantee check of that year)' }),
    incomeAboveRangeSince: t.field({
      type: 'Date',
      required: false,
      description: '收入持续高于监测范围的起始日',
    }),
    rigidSpendingResolved: t.boolean({ required: true }),
    date: t.field({ type: 'Date', required: false }),
  }),
});

/** The monitoring object's state after an accepted step of its current procedure. */
function stateAfterStep(
  object: { state: 'IDENTIFYING' | 'MONITORED' | 'ELIMINATING' | 'RISK_ELIMINATED' | 'REJECTED' },
  identification: boolean,
  decision: 'APPROVED' | 'REJECTED',
  finished: boolean,
) {
  if (decision === 'REJECTED') return identification ? 'REJECTED' : 'MONITORED';
  if (!finished) return object.state;
  return identification ? 'MONITORED' : 'RISK_ELIMINATED';
}

builder.mutationFields((t) => ({
  recordMonitoringStep: t.drizzleField({
    type: MonitoringObject,
    description:
      '办理监测程序步骤 (identification: the household becomes monitored at COUNTY_APPROVAL; elimination: risk eliminated at ELIMINATION_APPROVAL)',
    authScopes: { permission: 'monitoring.write' },
    errors: { types: MONITORING_ERRORS },
    args: { input: t.arg({ type: MonitoringStepInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const object = await loadObject(ctx, Number(input.monitoringObjectId.id));
      const version = validate(versionSchema, input.version);
      const notes = validate(z.string().trim().max(500), input.notes ?? '');
      const date = actedOn(input.date);
      const decision = input.decision ?? 'APPROVED';
      atVersion(object, version);
      if (object.state !== 'IDENTIFYING' && object.state !== 'ELIMINATING')
        throw new RuleViolationError('MONITOR.NO_PROCEDURE', '该监测对象当前没有办理中的程序');
      const policy = policyForYear(object.year, object.household.village.code);
      const current = object.steps
        .filter((s) => s.procedure === object.procedure)
        .map((s) => ({ step: s.step, date: s.actedOn, actorRole: s.actorRole }));
      const identification = object.procedure === 'IDENTIFICATION';
      const role = actorRoleOf(ctx.viewer!, monitoringStepRoles(object.procedure, input.step));
      if (!role) throw new ForbiddenError('您的角色不能办理监测程序');
      const attempt = runRule(() =>
        identification
          ? nextMonitoringStep(
              current as CompletedStep<(typeof MONITORING_STEPS)[number]>[],
              input.step as (typeof MONITORING_STEPS)[number],
              role,
              date,
              policy,
            )
          : attemptStep(
              eliminationProcedure(policy),
              current as CompletedStep<EliminationStep>[],
              input.step as EliminationStep,
              role,
              date,
            ),
      );
      if (attempt.outcome === 'REFUSED') throw new StepRefusedError(attempt.refusals, attempt.reasons);
      const finished = attempt.complete && decision === 'APPROVED';
      if (finished && !identification) refuseUnless(decisionOf(householdHasLabour(object.household.members)));
      const lateNote = attempt.reasons.find((r) => r.ruleId === 'MONITOR_PROCEDURE.TIME_LIMIT' && !r.passed);
      const state = stateAfterStep(object, identification, decision, finished);
      const id = await writeAudited(ctx, async (tx) => {
        await updateAtVersion(tx, monitoringObjects, monitoringGuard(object, version), {
          state,
          stepsDone: object.stepsDone + 1,
          ...(finished && identification ? { identifiedOn: date } : {}),
          ...(finished && !identification ? { eliminatedOn: date } : {}),
        });
        await tx.insert(monitoringSteps).values({
          countyId: object.countyId,
          regionPath: object.regionPath,
          monitoringObjectId: object.id,
          procedure: object.procedure,
          sequence: object.stepsDone + 1,
          step: input.step,
          decision,
          actorUserId: ctx.viewer!.id,
          actorName: ctx.viewer!.displayName,
          actorRole: role,
          actedOn: date,
          notes: lateNote ? `${notes} ${lateNote.messageZh}`.trim() : notes,
        });
        if (finished)
          await tx
            .update(households)
            .set({
              monitored: identification,
              ...nextVersion(households),
            })
            .where(eq(households.id, object.householdId));
        const audit = {
          before: { state: object.state, stepsDone: object.stepsDone },
          after: { state, decision, date, role },
        };
        return {
          id: object.id,
          audit: {
            action: `monitoring.step.${input.step}`,
            entityType: 'MonitoringObject',
            entityId: object.id,
            regionPath: object.regionPath,
            ...audit,
          },
        };
      });
      return reread(ctx.db.query.monitoringObjects.findFirst(query({ where: { id } })), '监测对象', id);
    },
  }),
  startRiskElimination: t.drizzleField({
    type: MonitoringObject,
    description:
      '申请风险消除: the rules must find income stably above the range, guarantees secure and spending resolved; a household without labour capacity is refused (RISK_ELIMINATION.HAS_LABOUR)',
    authScopes: { permission: 'monitoring.write' },
    errors: { types: MONITORING_ERRORS },
    args: { input: t.arg({ type: StartEliminationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const object = await loadObject(ctx, Number(input.monitoringObjectId.id));
      const { version, year } = validate(z.object({ version: versionSchema, year: yearSchema }), input);
      const asOf = actedOn(input.date);
      if (object.state !== 'MONITORED')
        throw new RuleViolationError('MONITOR.NOT_MONITORED', '只有监测帮扶中的对象可以申请风险消除');
      const { facts, income } = await monitoringFacts(ctx, object.householdId, year);
      const guarantee = facts.guarantees[0];
      if (!guarantee)
        throw new RuleViolationError('MONITOR.FACTS_REQUIRED', `须先登记 ${year} 年两不愁三保障核查`);
      const decision = runRule(() =>
        decideRiskElimination(
          {
            income: incomeComponentsOf(income),
            householdSize: income.householdSize,
            incomeAboveRangeSince: input.incomeAboveRangeSince ?? null,
            guarantees: guaranteeFactsOf(guarantee, facts.members),
            rigidSpendingResolved: input.rigidSpendingResolved,
          },
          policyForYear(year, facts.village.code),
          asOf,
        ),
      );
      refuseUnless(decision, ['ELIMINATED']);
      const id = await writeAudited(ctx, async (tx) => {
        const set = {
          state: 'ELIMINATING' as const,
          procedure: 'ELIMINATION' as const,
          stepsDone: 0,
          eliminationAssessment: decision.reasons,
        };
        await updateAtVersion(tx, monitoringObjects, monitoringGuard(object, version), set);
        const after = { outcome: decision.outcome, year, asOf };
        return {
          id: object.id,
          audit: {
            action: 'monitoring.elimination.start',
            entityType: 'MonitoringObject',
            entityId: object.id,
            regionPath: object.regionPath,
            after,
          },
        };
      });
      return reread(ctx.db.query.monitoringObjects.findFirst(query({ where: { id } })), '监测对象', id);
    },
  }),
}));

/** A single rule's reason as a decision, so the spine can refuse on it. */
function decisionOf(reason: Reason): Decision<'PASS' | 'FAIL'> {
  return { outcome: reason.passed ? 'PASS' : 'FAIL', reasons: [reason] };
}

builder.drizzleObjectFields(MonitoringObject, (t) => ({
  viewerCanRecordStep: t.boolean({
    description:
      '我可办理下一步骤 (monitoring.write, jurisdiction, a procedure in progress and a role its next step allows)',
    select: { columns: { regionPath: true, procedure: true, stepsDone: true, state: true } },
    resolve: (object, _args, ctx) => {
      const step = nextStepOf(object);
      return (
        viewerMayChange(ctx, 'monitoring.write', object.regionPath) &&
        step !== null &&
        monitoringStepRoles(object.procedure, step).some((role) => ctx.viewer!.roles.includes(role))
      );
    },
  }),
  viewerCanStartRiskElimination: t.boolean({
    description:
      '我可申请风险消除 (monitoring.write, jurisdiction, an object under monitoring, RISK_ELIMINATION.HAS_LABOUR)',
    select: {
      columns: { regionPath: true, state: true },
      with: {
        household: { columns: { id: true }, with: { members: { columns: { labourCapacity: true } } } },
      },
    },
    resolve: (object, _args, ctx) =>
      viewerMayChange(ctx, 'monitoring.write', object.regionPath) &&
      object.state === 'MONITORED' &&
      householdHasLabour(object.household.members).passed,
  }),
  viewerCanAssignCadre: t.boolean({
    description: '我可更换帮扶责任人 (monitoring.write and the object inside your jurisdiction)',
    select: { columns: { regionPath: true } },
    resolve: (object, _args, ctx) => viewerMayChange(ctx, 'monitoring.write', object.regionPath),
  }),
}));
