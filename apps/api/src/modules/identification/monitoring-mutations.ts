import type { Transaction } from '@gongjian/db';
import { households, monitoringObjects, monitoringSteps, riskKind } from '@gongjian/db/schema';
import {
  attemptStep,
  type CompletedStep,
  classifyMonitoring,
  decideRiskElimination,
  MONITORING_STEP_ROLES,
  type MONITORING_STEPS,
  nextMonitoringStep,
} from '@gongjian/rules';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit';
import { insideJurisdiction } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
  ValidationError,
} from '../../errors';
import { validate, WRITE_ERRORS } from '../common';
import { Cadre } from '../organisation';
import { RiskKindEnum, StepDecisionEnum, StepRefusedError } from './enums';
import {
  type EliminationStep,
  eliminationProcedure,
  MonitoringObject,
  MonitoringStepEnum,
  monitoringFacts,
  monitoringStepRoles,
} from './monitoring';
import { actedOn, actorRoleOf, guaranteeFactsOf, incomeComponentsOf, policyForYear, runRule } from './policy';
import { Household } from './registry';
import { writableHousehold } from './registry-mutations';
import { versionSchema, violatedConstraint, yearSchema } from './validation';

/** Writes for monitoring objects: start, steps of both procedures, risk elimination, responsible cadre. */

const StartMonitoringInput = builder.inputType('StartMonitoringInput', {
  description: '发现风险线索, 启动监测对象认定 (the rules classify the household; RISK_CLUE is recorded)',
  fields: (t) => ({
    householdId: t.globalID({ required: true, for: [Household] }),
    year: t.int({ required: true }),
    riskKinds: t.field({ type: [RiskKindEnum], required: true }),
    riskNote: t.string({ required: false }),
    responsibleCadreId: t.globalID({
      required: true,
      for: [Cadre],
      description: '帮扶责任人 (one per household)',
    }),
    rigidSpendingSurge: t.boolean({ required: false }),
    sharpIncomeDrop: t.boolean({ required: false }),
    date: t.field({ type: 'Date', required: false }),
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

const AssignCadreInput = builder.inputType('AssignResponsibleCadreInput', {
  description: '更换帮扶责任人',
  fields: (t) => ({
    monitoringObjectId: t.globalID({ required: true, for: [MonitoringObject] }),
    version: t.int({ required: true }),
    responsibleCadreId: t.globalID({ required: true, for: [Cadre] }),
  }),
});

const MONITORING_ERRORS = [StepRefusedError, ...WRITE_ERRORS];

/** A cadre may be responsible for a household in the same county, at or above or below its village. */
async function responsibleCadre(
  ctx: Context,
  cadreId: number,
  household: { countyId: number; regionPath: string },
) {
  const cadre = await ctx.db.query.cadres.findFirst({ where: { id: cadreId } });
  if (
    !cadre ||
    cadre.countyId !== household.countyId ||
    !(household.regionPath.startsWith(cadre.regionPath) || cadre.regionPath.startsWith(household.regionPath))
  )
    throw ValidationError.field('responsibleCadreId', '帮扶责任人须为本村或其上级乡镇、县的干部');
  return cadre;
}

async function loadObject(ctx: Context, id: number) {
  const object = await ctx.db.query.monitoringObjects.findFirst({
    where: { id },
    with: {
      steps: { orderBy: { id: 'asc' } },
      household: {
        with: { village: { columns: { code: true } }, members: { columns: { labourCapacity: true } } },
      },
    },
  });
  if (!object) throw new NotFoundError('监测对象', String(id));
  if (!insideJurisdiction(ctx.viewer, object.regionPath))
    throw new ForbiddenError('monitoringObjectId: 该监测对象不在您的管辖范围内');
  return object;
}

/** Guarded update of a monitoring object: zero rows means someone acted first. */
async function guardedUpdate(
  tx: Transaction,
  object: { id: number; version: number },
  version: number,
  set: Partial<typeof monitoringObjects.$inferInsert>,
) {
  const [updated] = await tx
    .update(monitoringObjects)
    .set({ ...set, version: sql`${monitoringObjects.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(monitoringObjects.id, object.id), eq(monitoringObjects.version, version)))
    .returning();
  if (!updated) throw new ConflictError(object.version, '该监测对象已被他人办理, 请刷新后重试');
  return updated;
}

const noLabour = (members: readonly { labourCapacity: string }[]) =>
  members.every((member) => member.labourCapacity === 'NONE');

builder.mutationFields((t) => ({
  startMonitoring: t.drizzleField({
    type: MonitoringObject,
    description:
      '启动监测对象认定: classified by the rules (NOT_MONITORED is refused); the first step RISK_CLUE is recorded',
    authScopes: { permission: 'monitoring.write' },
    errors: { types: MONITORING_ERRORS },
    args: { input: t.arg({ type: StartMonitoringInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(
        z.object({
          year: yearSchema,
          riskKinds: z.array(z.enum(riskKind.enumValues)).min(1, '至少选择一种风险'),
          riskNote: z.string().trim().max(500).default(''),
        }),
        { ...input, riskNote: input.riskNote ?? '' },
      );
      const date = actedOn(input.date);
      const household = await writableHousehold(ctx, Number(input.householdId.id));
      const cadre = await responsibleCadre(ctx, Number(input.responsibleCadreId.id), household);
      const { income } = await monitoringFacts(ctx, household.id, values.year);
      const policy = policyForYear(values.year, household.village.code);
      const classification = runRule(() =>
        classifyMonitoring(
          {
            status: household.status,
            income: incomeComponentsOf(income),
            householdSize: income.householdSize,
            rigidSpendingSurge: input.rigidSpendingSurge ?? false,
            sharpIncomeDrop: input.sharpIncomeDrop ?? false,
          },
          policy,
        ),
      );
      if (classification.outcome === 'NOT_MONITORED')
        throw new RuleViolationError(
          'MONITOR.NOT_MONITORED',
          `按规则不属于监测对象: ${classification.reasons.map((r) => r.messageZh).join('; ')}`,
        );
      const role = actorRoleOf(ctx.viewer!, MONITORING_STEP_ROLES.RISK_CLUE);
      if (!role) throw new ForbiddenError('您的角色不能办理监测程序');
      const attempt = runRule(() => nextMonitoringStep([], 'RISK_CLUE', role, date, policy));
      if (attempt.outcome === 'REFUSED') throw new StepRefusedError(attempt.refusals, attempt.reasons);
      const id = await ctx.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(monitoringObjects)
          .values({
            countyId: household.countyId,
            regionPath: household.regionPath,
            householdId: household.id,
            year: values.year,
            type: classification.outcome as 'UNSTABLE_EXITED' | 'EDGE_PRONE' | 'SUDDEN_HARDSHIP',
            riskKinds: values.riskKinds,
            riskNote: values.riskNote,
            responsibleCadreId: cadre.id,
            stepsDone: 1,
            clueOn: date,
            classification: classification.reasons,
          })
          .returning()
          .catch((error) => {
            if (violatedConstraint(error) === 'monitoring_objects_one_active_uq')
              throw new ConflictError(null, '该户已是监测对象或正在认定');
            throw error;
          });
        await tx.insert(monitoringSteps).values({
          countyId: household.countyId,
          regionPath: household.regionPath,
          monitoringObjectId: created!.id,
          procedure: 'IDENTIFICATION',
          sequence: 1,
          step: 'RISK_CLUE',
          decision: 'APPROVED',
          actorUserId: ctx.viewer!.id,
          actorName: ctx.viewer!.displayName,
          actorRole: role,
          actedOn: date,
          notes: values.riskNote,
        });
        await writeAudit(tx, ctx.viewer, {
          action: 'monitoring.start',
          entityType: 'MonitoringObject',
          entityId: created!.id,
          regionPath: household.regionPath,
          after: created,
        });
        return created!.id;
      });
      return (await ctx.db.query.monitoringObjects.findFirst(query({ where: { id } })))!;
    },
  }),
  recordMonitoringStep: t.drizzleField({
    type: MonitoringObject,
    description:
      '办理监测程序步骤 (identification: the household becomes monitored at COUNTY_APPROVAL; elimination: risk eliminated at ELIMINATION_APPROVAL)',
    authScopes: { permission: 'monitoring.write' },
    errors: { types: MONITORING_ERRORS },
    args: { input: t.arg({ type: MonitoringStepInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const version = validate(versionSchema, input.version);
      const notes = validate(z.string().trim().max(500), input.notes ?? '');
      const date = actedOn(input.date);
      const decision = input.decision ?? 'APPROVED';
      const object = await loadObject(ctx, Number(input.monitoringObjectId.id));
      if (object.version !== version) throw new ConflictError(object.version);
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
      if (finished && !identification && noLabour(object.household.members)) {
        throw new RuleViolationError('RISK_ELIMINATION.HAS_LABOUR', '无劳动能力家庭不标注风险消除, 继续监测');
      }
      const lateNote = attempt.reasons.find((r) => r.ruleId === 'MONITOR_PROCEDURE.TIME_LIMIT' && !r.passed);
      await ctx.db.transaction(async (tx) => {
        const state =
          decision === 'REJECTED'
            ? identification
              ? 'REJECTED'
              : 'MONITORED'
            : finished
              ? identification
                ? 'MONITORED'
                : 'RISK_ELIMINATED'
              : object.state;
        await guardedUpdate(tx, object, version, {
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
              version: sql`${households.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(eq(households.id, object.householdId));
        await writeAudit(tx, ctx.viewer, {
          action: `monitoring.step.${input.step}`,
          entityType: 'MonitoringObject',
          entityId: object.id,
          regionPath: object.regionPath,
          before: { state: object.state, stepsDone: object.stepsDone },
          after: { state, decision, date, role },
        });
      });
      return (await ctx.db.query.monitoringObjects.findFirst(query({ where: { id: object.id } })))!;
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
      const { version, year } = validate(z.object({ version: versionSchema, year: yearSchema }), input);
      const asOf = actedOn(input.date);
      const object = await loadObject(ctx, Number(input.monitoringObjectId.id));
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
      if (decision.outcome !== 'ELIMINATED') {
        const failed = decision.reasons.filter((r) => !r.passed);
        throw new RuleViolationError(
          decision.outcome === 'KEEP_MONITORING_NO_LABOUR'
            ? 'RISK_ELIMINATION.HAS_LABOUR'
            : failed[0]!.ruleId,
          failed.map((r) => r.messageZh).join('; '),
        );
      }
      await ctx.db.transaction(async (tx) => {
        await guardedUpdate(tx, object, version, {
          state: 'ELIMINATING',
          procedure: 'ELIMINATION',
          stepsDone: 0,
          eliminationAssessment: decision.reasons,
        });
        await writeAudit(tx, ctx.viewer, {
          action: 'monitoring.elimination.start',
          entityType: 'MonitoringObject',
          entityId: object.id,
          regionPath: object.regionPath,
          after: { outcome: decision.outcome, year, asOf },
        });
      });
      return (await ctx.db.query.monitoringObjects.findFirst(query({ where: { id: object.id } })))!;
    },
  }),
  assignResponsibleCadre: t.drizzleField({
    type: MonitoringObject,
    description: '更换帮扶责任人 (one responsible cadre per monitoring object)',
    authScopes: { permission: 'monitoring.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: AssignCadreInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const version = validate(versionSchema, input.version);
      const object = await loadObject(ctx, Number(input.monitoringObjectId.id));
      const cadre = await responsibleCadre(ctx, Number(input.responsibleCadreId.id), object.household);
      await ctx.db.transaction(async (tx) => {
        await guardedUpdate(tx, object, version, { responsibleCadreId: cadre.id });
        await writeAudit(tx, ctx.viewer, {
          action: 'monitoring.assign-cadre',
          entityType: 'MonitoringObject',
          entityId: object.id,
          regionPath: object.regionPath,
          before: { responsibleCadreId: object.responsibleCadreId },
          after: { responsibleCadreId: cadre.id },
        });
      });
      return (await ctx.db.query.monitoringObjects.findFirst(query({ where: { id: object.id } })))!;
    },
  }),
}));
