import type { Transaction } from '@gongjian/db';
import { applicationKind, applicationSteps, households, statusApplications } from '@gongjian/db/schema';
import {
  ACTOR_ROLES,
  type ActorRole,
  APPLICATION_STEPS,
  APPLICATION_TRANSITIONS,
  type ApplicationKind,
  addDays,
  type HouseholdStatus,
  nextStep,
  type ProcedureStep,
  type Reason,
  STEP_ROLES,
} from '@gongjian/rules';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit';
import { insideJurisdiction, pathPrefix } from '../../auth/jurisdiction';
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
import { Region } from '../geography';
import { RuleReasonRef } from '../rule-decisions';
import {
  ActorRoleEnum,
  ApplicationKindEnum,
  ApplicationStateEnum,
  HouseholdStatusEnum,
  ProcedureStepEnum,
  RulesAdviceEnum,
  StepDecisionEnum,
  StepRefusedError,
} from './enums';
import { adviceOnStarting, factsRequired, type RulesAdvice } from './facts';
import { actedOn, actorRoleOf, policyForYear, runRule } from './policy';
import { Household, inRegionSubtree } from './registry';
import { writableHousehold } from './registry-mutations';
import { reasonSchema, versionSchema, violatedConstraint, yearSchema } from './validation';

/**
 * Dynamic management (动态调整): status-change applications and their procedure steps. The rules decide
 * order, roles and notice days; the database guarantees one open application per household and one
 * winner when two people act on the same step.
 */

const readable = <T extends { regionPath: string }>(row: T) => ({
  $all: { jurisdiction: row.regionPath, permission: 'household.read' as const },
});

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

export const StatusApplication = builder.drizzleNode('statusApplications', {
  name: 'StatusApplication',
  description:
    '动态调整申请 (one status change moving through its procedure; the status changes at the last step)',
  id: { column: (a) => a.id },
  authScopes: readable,
  fields: (t) => ({
    household: t.relation('household', { type: Household, description: '农户' }),
    kind: t.expose('kind', { type: ApplicationKindEnum, description: '类别' }),
    year: t.exposeInt('year', { description: '研判年度 (whose income and guarantees the rules assessed)' }),
    fromStatus: t.expose('fromStatus', { type: HouseholdStatusEnum, description: '原状态' }),
    toStatus: t.expose('toStatus', { type: HouseholdStatusEnum, description: '完成后状态' }),
    state: t.expose('state', { type: ApplicationStateEnum, description: '申请状态' }),
    nextStep: t.expose('nextStep', { type: ProcedureStepEnum, nullable: true, description: '下一步骤' }),
    nextStepRoles: t.field({
      type: [ActorRoleEnum],
      description: '下一步骤由谁办理',
      select: { columns: { nextStep: true } },
      resolve: (a) => (a.nextStep ? [...STEP_ROLES[a.nextStep]] : []),
    }),
    procedureSteps: t.field({
      type: [ProcedureStepEnum],
      description: '本类申请的全部步骤 (in order)',
      select: { columns: { kind: true } },
      resolve: (a) => [...APPLICATION_STEPS[a.kind]],
    }),
    stepsDone: t.exposeInt('stepsDone', { description: '已完成步骤数' }),
    noticeEndsOn: t.field({
      type: 'Date',
      nullable: true,
      description: '公示期满可办理下一步的日期 (when the last step done is a notice)',
      select: {
        columns: { kind: true, year: true },
        with: {
          steps: {
            columns: { step: true, actedOn: true, sequence: true },
            orderBy: { sequence: 'desc' },
            limit: 1,
          },
          household: { columns: { id: true }, with: { village: { columns: { code: true } } } },
        },
      },
      resolve: (a) => {
        const last = a.steps[0];
        if (!last || (last.step !== 'FIRST_NOTICE' && last.step !== 'SECOND_NOTICE')) return null;
        const days = runRule(() =>
          policyForYear(a.year, a.household.village.code).get('procedure.minNoticeDays'),
        );
        return addDays(last.actedOn, days[a.kind]);
      },
    }),
    rulesAdvice: t.expose('rulesAdvice', { type: RulesAdviceEnum, description: '规则意见' }),
    rulesOutcome: t.exposeString('rulesOutcome', { description: '规则结论代码 (INCLUDE, ELIGIBLE, …)' }),
    rulesExplanation: t.field({
      type: [RuleReasonRef],
      description: '规则说明 (every reason, as stored when the application started)',
      select: { columns: { rulesExplanation: true } },
      resolve: (a) => a.rulesExplanation as unknown as Reason[],
    }),
    reason: t.exposeString('reason', { description: '申请理由' }),
    againstAdviceReason: t.exposeString('againstAdviceReason', {
      nullable: true,
      description: '与规则意见不一致的书面理由',
    }),
    startedOn: t.expose('startedOn', { type: 'Date', description: '发起日期' }),
    completedOn: t.expose('completedOn', { type: 'Date', nullable: true, description: '完成日期' }),
    steps: t.relation('steps', { description: '已办理步骤', query: { orderBy: { sequence: 'asc' } } }),
    version: t.exposeInt('version', { description: '版本号 (send it with the next step)' }),
  }),
});

builder.drizzleObjectFields(Household, (t) => ({
  applications: t.relation('applications', {
    type: StatusApplication,
    description: '状态变更历史 (every application with every step, newest first)',
    query: { orderBy: { id: 'desc' } },
  }),
}));

/** Steps each actor role can do, for "awaiting my action" lists. */
function stepsFor(roles: readonly ActorRole[]): ProcedureStep[] {
  return (Object.keys(STEP_ROLES) as ProcedureStep[]).filter((step) =>
    STEP_ROLES[step].some((role) => roles.includes(role)),
  );
}

const actorRoles = (ctx: Context) =>
  (ctx.viewer?.roles ?? []).filter((role): role is ActorRole =>
    (ACTOR_ROLES as readonly string[]).includes(role),
  );

builder.queryField('statusApplications', (t) =>
  t.drizzleConnection({
    type: 'statusApplications',
    description: '动态调整申请列表 (in your jurisdiction; awaitingMyAction: next step is one your role does)',
    authScopes: { permission: 'household.read' },
    args: {
      state: t.arg({ type: ApplicationStateEnum, required: false }),
      kind: t.arg({ type: ApplicationKindEnum, required: false }),
      regionId: t.arg.globalID({ required: false, for: [Region] }),
      awaitingMyAction: t.arg.boolean({ required: false, description: '只看待我办理的' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(statusApplications, applicationFilter(statusApplications, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.statusApplications.findMany(
        query({ where: { RAW: (table) => applicationFilter(table, ctx, args)! }, orderBy: { id: 'desc' } }),
      ),
  }),
);

function applicationFilter(
  table: typeof statusApplications,
  ctx: Context,
  args: {
    state?: (typeof statusApplications.$inferSelect)['state'] | null;
    kind?: ApplicationKind | null;
    regionId?: { id: string | number } | null;
    awaitingMyAction?: boolean | null;
  },
) {
  const mine = stepsFor(actorRoles(ctx));
  return and(
    sql`${table.regionPath} like ${pathPrefix(ctx.viewer!.regionPath)}`,
    inRegionSubtree(table.regionPath, args.regionId),
    args.state ? eq(table.state, args.state) : undefined,
    args.kind ? eq(table.kind, args.kind) : undefined,
    args.awaitingMyAction
      ? mine.length
        ? and(eq(table.state, 'IN_PROGRESS'), inArray(table.nextStep, mine))
        : sql`false`
      : undefined,
  );
}

interface NewApplication {
  household: { id: number; countyId: number; regionPath: string; status: HouseholdStatus };
  kind: ApplicationKind;
  year: number;
  reason: string;
  againstAdviceReason: string | null;
  advice: RulesAdvice;
  startedOn: string;
  exclusionFindingId?: number | null;
}

/** Inserts an application inside the caller's transaction; a second open one for the household is a conflict. */
export async function insertApplication(tx: Transaction, ctx: Context, a: NewApplication) {
  const toStatus = APPLICATION_TRANSITIONS[a.kind][a.household.status];
  if (!toStatus)
    throw new RuleViolationError(
      'STATUS.TRANSITION',
      `状态为 ${a.household.status} 的农户不能办理 ${a.kind} (rule STATUS.TRANSITION)`,
    );
  if (!a.advice.supports && !a.againstAdviceReason)
    throw ValidationError.field('againstAdviceReason', '规则意见不支持此申请, 须填写书面理由');
  const [created] = await tx
    .insert(statusApplications)
    .values({
      countyId: a.household.countyId,
      regionPath: a.household.regionPath,
      householdId: a.household.id,
      kind: a.kind,
      year: a.year,
      fromStatus: a.household.status,
      toStatus,
      nextStep: APPLICATION_STEPS[a.kind][0]!,
      rulesAdvice: a.advice.supports ? 'SUPPORTS' : 'OPPOSES',
      rulesOutcome: a.advice.decision.outcome,
      rulesExplanation: a.advice.decision.reasons,
      reason: a.reason,
      againstAdviceReason: a.advice.supports ? null : a.againstAdviceReason,
      exclusionFindingId: a.exclusionFindingId ?? null,
      startedByUserId: ctx.viewer!.id,
      startedOn: a.startedOn,
    })
    .returning()
    .catch((error) => {
      if (violatedConstraint(error) === 'status_applications_one_open_uq')
        throw new ConflictError(null, '该户已有办理中的动态调整申请');
      throw error;
    });
  await writeAudit(tx, ctx.viewer, {
    action: 'application.start',
    entityType: 'StatusApplication',
    entityId: created!.id,
    regionPath: created!.regionPath,
    after: created,
  });
  return created!;
}

const StartApplicationInput = builder.inputType('StartApplicationInput', {
  description: '发起动态调整申请 (village clerk; the rules assess the year and their advice is stored)',
  fields: (t) => ({
    householdId: t.globalID({ required: true, for: [Household] }),
    kind: t.field({ type: ApplicationKindEnum, required: true }),
    year: t.int({ required: true, description: '研判年度 (needs that year’s income and guarantee check)' }),
    reason: t.string({ required: true, description: '申请理由' }),
    againstAdviceReason: t.string({ required: false, description: '规则意见不支持时必填的书面理由' }),
    date: t.field({ type: 'Date', required: false, description: '发起日期 (默认今天)' }),
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

const WithdrawInput = builder.inputType('WithdrawApplicationInput', {
  description: '撤回申请',
  fields: (t) => ({
    applicationId: t.globalID({ required: true, for: [StatusApplication] }),
    version: t.int({ required: true }),
    reason: t.string({ required: true }),
  }),
});

const APPLICATION_ERRORS = [StepRefusedError, ...WRITE_ERRORS];

async function loadApplication(ctx: Context, id: number) {
  const application = await ctx.db.query.statusApplications.findFirst({
    where: { id },
    with: {
      steps: { orderBy: { sequence: 'asc' } },
      household: { columns: { id: true }, with: { village: { columns: { code: true } } } },
    },
  });
  if (!application) throw new NotFoundError('申请', String(id));
  if (!insideJurisdiction(ctx.viewer, application.regionPath))
    throw new ForbiddenError('applicationId: 该申请不在您的管辖范围内');
  return application;
}

builder.mutationFields((t) => ({
  startApplication: t.drizzleField({
    type: StatusApplication,
    description:
      '发起动态调整申请 (识别、退出、返贫、错评剔除、漏评补录): the rules’ advice and explanation are stored',
    authScopes: { permission: 'application.start' },
    errors: { types: APPLICATION_ERRORS },
    args: { input: t.arg({ type: StartApplicationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(
        z.object({
          kind: z.enum(applicationKind.enumValues),
          year: yearSchema,
          reason: reasonSchema,
          againstAdviceReason: reasonSchema.nullish(),
        }),
        input,
      );
      const startedOn = actedOn(input.date);
      const household = await writableHousehold(ctx, Number(input.householdId.id));
      const advice = await adviceOnStarting(ctx.db, household.id, {
        kind: values.kind,
        year: values.year,
        onDate: startedOn,
      });
      if (!advice) throw factsRequired(values.year);
      const created = await ctx.db.transaction((tx) =>
        insertApplication(tx, ctx, {
          household,
          kind: values.kind,
          year: values.year,
          reason: values.reason,
          againstAdviceReason: values.againstAdviceReason ?? null,
          advice,
          startedOn,
        }),
      );
      return (await ctx.db.query.statusApplications.findFirst(query({ where: { id: created.id } })))!;
    },
  }),
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
  withdrawApplication: t.drizzleField({
    type: StatusApplication,
    description: '撤回办理中的申请 (with a reason; the household status stays)',
    authScopes: { permission: 'application.step' },
    errors: { types: APPLICATION_ERRORS },
    args: { input: t.arg({ type: WithdrawInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { reason, version } = validate(z.object({ reason: reasonSchema, version: versionSchema }), input);
      const application = await loadApplication(ctx, Number(input.applicationId.id));
      await ctx.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(statusApplications)
          .set({
            state: 'WITHDRAWN',
            nextStep: null,
            version: sql`${statusApplications.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(
            and(
              eq(statusApplications.id, application.id),
              eq(statusApplications.version, version),
              eq(statusApplications.state, 'IN_PROGRESS'),
            ),
          )
          .returning();
        if (!updated) throw new ConflictError(application.version, '该申请已变化或已结束');
        await writeAudit(tx, ctx.viewer, {
          action: 'application.withdraw',
          entityType: 'StatusApplication',
          entityId: application.id,
          regionPath: application.regionPath,
          before: { state: application.state },
          after: { state: 'WITHDRAWN' },
          reason,
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
