import type { Transaction } from '@gongjian/db';
import { applicationKind, statusApplications } from '@gongjian/db/schema';
import {
  ACTOR_ROLES,
  type ActorRole,
  APPLICATION_STEPS,
  APPLICATION_TRANSITIONS,
  type ApplicationKind,
  addDays,
  applicationKindsFrom,
  applicationOpen,
  type HouseholdStatus,
  type ProcedureStep,
  type Reason,
  STEP_ROLES,
} from '@gongjian/rules';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit';
import { inJurisdiction, inRegionSubtree } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ConflictError, RuleViolationError, StepRefusedError, ValidationError } from '../../errors';
import { actedOn } from '../../shared/dates';
import { WRITE_ERRORS } from '../../shared/error-types';
import { RuleReasonRef } from '../../shared/rule-decisions';
import { validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { requirePermission, viewerMayChange, writableRow } from '../../spine/load';
import { reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Region } from '../geography/region';
import {
  ActorRoleEnum,
  ApplicationKindEnum,
  ApplicationStateEnum,
  HouseholdStatusEnum,
  ProcedureStepEnum,
  RulesAdviceEnum,
} from './enums';
import { adviceOnStarting, factsRequired, type RulesAdvice } from './facts';
import { Household, writableHousehold } from './household';
import { policyForYear, readable, runRule } from './policy';
import { reasonSchema, versionSchema, violatedConstraint, yearSchema } from './validation';

/**
 * Dynamic management (动态调整): status-change applications and their procedure steps. The rules decide
 * order, roles and notice days; the database guarantees one open application per household and one
 * winner when two people act on the same step.
 */

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
    inJurisdiction(table.regionPath, ctx.viewer),
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

const StartSchema = z.object({
  kind: z.enum(applicationKind.enumValues),
  year: yearSchema,
  reason: reasonSchema,
  againstAdviceReason: reasonSchema.nullish(),
});

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

const WithdrawInput = builder.inputType('WithdrawApplicationInput', {
  description: '撤回申请',
  fields: (t) => ({
    applicationId: t.globalID({ required: true, for: [StatusApplication] }),
    version: t.int({ required: true }),
    reason: t.string({ required: true }),
  }),
});

export const APPLICATION_ERRORS = [StepRefusedError, ...WRITE_ERRORS];

/** Load: an application the viewer may act on, with its steps and its village code for the policy. */
export async function loadApplication(ctx: Context, id: number) {
  const application = await ctx.db.query.statusApplications.findFirst({
    where: { id },
    with: {
      steps: { orderBy: { sequence: 'asc' } },
      household: { columns: { id: true }, with: { village: { columns: { code: true } } } },
    },
  });
  return writableRow(ctx, application, { entity: '申请', argument: 'applicationId', id });
}

builder.mutationFields((t) => ({
  startApplication: t.drizzleField({
    type: StatusApplication,
    description:
      '发起动态调整申请 (识别、退出、返贫、错评剔除、漏评补录): the rules’ advice and explanation are stored',
    errors: { types: APPLICATION_ERRORS },
    args: { input: t.arg({ type: StartApplicationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      requirePermission(ctx, 'application.start');
      const household = await writableHousehold(ctx, Number(input.householdId.id));
      const { kind, year, reason, againstAdviceReason } = validate(StartSchema, input);
      const startedOn = actedOn(input.date);
      const advice = await adviceOnStarting(ctx.db, household.id, { kind, year, onDate: startedOn });
      if (!advice) throw factsRequired(year);
      const application = { household, kind, year, reason, advice, startedOn };
      const created = await ctx.db.transaction((tx) =>
        insertApplication(tx, ctx, { ...application, againstAdviceReason: againstAdviceReason ?? null }),
      );
      return reread(
        ctx.db.query.statusApplications.findFirst(query({ where: { id: created.id } })),
        '申请',
        created.id,
      );
    },
  }),
  withdrawApplication: t.drizzleField({
    type: StatusApplication,
    description: '撤回办理中的申请 (with a reason; the household status stays)',
    authScopes: { permission: 'application.step' },
    errors: { types: APPLICATION_ERRORS },
    args: { input: t.arg({ type: WithdrawInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const application = await loadApplication(ctx, Number(input.applicationId.id));
      const { reason, version } = validate(z.object({ reason: reasonSchema, version: versionSchema }), input);
      refuseUnless(applicationOpen(application.state));
      const id = await writeAudited(ctx, async (tx) => {
        const guard = {
          id: application.id,
          version,
          entity: '申请',
          still: eq(statusApplications.state, 'IN_PROGRESS'),
          conflictMessage: '该申请已变化或已结束',
        };
        await updateAtVersion(tx, statusApplications, guard, { state: 'WITHDRAWN', nextStep: null });
        const audit = { before: { state: application.state }, after: { state: 'WITHDRAWN' }, reason };
        return {
          id: application.id,
          audit: {
            action: 'application.withdraw',
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

builder.drizzleObjectFields(Household, (t) => ({
  viewerCanStartApplication: t.boolean({
    description: '我可发起动态调整 (application.start, jurisdiction, and a kind the status allows)',
    select: { columns: { regionPath: true, status: true } },
    resolve: (household, _args, ctx) =>
      viewerMayChange(ctx, 'application.start', household.regionPath) &&
      applicationKindsFrom(household.status).length > 0,
  }),
}));

builder.drizzleObjectFields(StatusApplication, (t) => ({
  viewerCanWithdraw: t.boolean({
    description: '我可撤回 (application.step, jurisdiction and the rule APPLICATION.CLOSED)',
    select: { columns: { regionPath: true, state: true } },
    resolve: (application, _args, ctx) =>
      viewerMayChange(ctx, 'application.step', application.regionPath) &&
      applicationOpen(application.state).outcome === 'PASS',
  }),
}));
