import { monitoringObjects } from '@gongjian/db/schema';
import {
  type ActorRole,
  classifyMonitoring,
  LABELS_ZH,
  MONITORING_STEP_ROLES,
  MONITORING_STEPS,
  monitoringDeadline,
  type Policy,
  type ProcedureDefinition,
  type Reason,
  source,
} from '@gongjian/rules';
import { and, eq, sql } from 'drizzle-orm';
import { pathPrefix } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { RuleViolationError } from '../../errors';
import { Region } from '../geography';
import { Cadre } from '../organisation';
import { RuleDecisionRef, RuleReasonRef } from '../rule-decisions';
import {
  ActorRoleEnum,
  MonitoringProcedureEnum,
  MonitoringStateEnum,
  MonitoringTypeEnum,
  RiskKindEnum,
  StepDecisionEnum,
} from './enums';
import { householdFacts } from './facts';
import { incomeComponentsOf, policyForYear, runRule } from './policy';
import { Household, inRegionSubtree, Measure } from './registry';
import { writableHousehold } from './registry-mutations';

/**
 * Edge households and monitoring objects (边缘户 / 防返贫监测对象): classification by the rules, one
 * responsible cadre each, identification through the rules' monitoring procedure, and risk elimination
 * through a procedure of its own. A household in which nobody can work is never marked eliminated.
 */

/**
 * Risk elimination (风险消除, MONITOR_2021): visit → deliberation and notice → county approval and
 * announcement. The rules package decides elimination but has no procedure for it, so it is defined here
 * with the rules' own step machinery and the monitoring notice days.
 */
export const ELIMINATION_STEPS = ['ELIMINATION_VISIT', 'ELIMINATION_NOTICE', 'ELIMINATION_APPROVAL'] as const;
export type EliminationStep = (typeof ELIMINATION_STEPS)[number];

const ELIMINATION_STEP_ROLES: Record<EliminationStep, readonly ActorRole[]> = {
  ELIMINATION_VISIT: ['VILLAGE_CLERK'],
  ELIMINATION_NOTICE: ['VILLAGE_CLERK'],
  ELIMINATION_APPROVAL: ['COUNTY_ADMIN'],
};

export function eliminationProcedure(policy: Policy): ProcedureDefinition<EliminationStep> {
  return {
    name: 'RISK_ELIMINATION_PROCEDURE',
    steps: ELIMINATION_STEPS,
    roles: ELIMINATION_STEP_ROLES,
    noticeDays: { ELIMINATION_NOTICE: policy.get('monitor.noticeDays') },
    source: source('MONITOR_2021', 'N'),
  };
}

const ELIMINATION_LABELS: Record<EliminationStep, string> = {
  ELIMINATION_VISIT: '风险消除入户核实',
  ELIMINATION_NOTICE: '风险消除评议公示',
  ELIMINATION_APPROVAL: '县级审定并公告',
};

export const MonitoringStepEnum = builder.enumType('MonitoringStep', {
  description: '监测程序步骤 (identification steps, then risk-elimination steps)',
  values: Object.fromEntries([
    ...MONITORING_STEPS.map((step) => [step, { description: LABELS_ZH.monitoringStep[step] }]),
    ...ELIMINATION_STEPS.map((step) => [step, { description: ELIMINATION_LABELS[step] }]),
  ]) as Record<(typeof MONITORING_STEPS)[number] | EliminationStep, { description: string }>,
});
type AnyMonitoringStep = (typeof MONITORING_STEPS)[number] | EliminationStep;

/**
 * Who may record a step: the roles of the rules' monitoring procedure (identification) or of the
 * risk-elimination procedure above; none for a step that is not in the procedure.
 */
export function monitoringStepRoles(
  procedure: 'IDENTIFICATION' | 'ELIMINATION',
  step: AnyMonitoringStep,
): readonly ActorRole[] {
  const roles: Partial<Record<AnyMonitoringStep, readonly ActorRole[]>> =
    procedure === 'IDENTIFICATION' ? MONITORING_STEP_ROLES : ELIMINATION_STEP_ROLES;
  return roles[step] ?? [];
}

const readable = <T extends { regionPath: string }>(row: T) => ({
  $all: { jurisdiction: row.regionPath, permission: 'household.read' as const },
});

const MonitoringStepRecord = builder.drizzleObject('monitoringSteps', {
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

export function nextStepOf(o: {
  procedure: 'IDENTIFICATION' | 'ELIMINATION';
  stepsDone: number;
  state: string;
}) {
  if (o.state !== 'IDENTIFYING' && o.state !== 'ELIMINATING') return null;
  const steps: readonly AnyMonitoringStep[] =
    o.procedure === 'IDENTIFICATION' ? MONITORING_STEPS : ELIMINATION_STEPS;
  return steps[o.stepsDone] ?? null;
}

export const MonitoringObject = builder.drizzleNode('monitoringObjects', {
  name: 'MonitoringObject',
  description: '监测对象 (边缘户 / 脱贫不稳定户 / 突发严重困难户, with one responsible cadre)',
  id: { column: (o) => o.id },
  authScopes: readable,
  fields: (t) => ({
    household: t.relation('household', { type: Household, description: '农户' }),
    year: t.exposeInt('year', { description: '认定年度' }),
    type: t.expose('type', { type: MonitoringTypeEnum, description: '类型 (classified by the rules)' }),
    state: t.expose('state', { type: MonitoringStateEnum, description: '状态' }),
    riskKinds: t.expose('riskKinds', { type: [RiskKindEnum], description: '风险类别' }),
    riskNote: t.exposeString('riskNote', { description: '风险说明' }),
    responsibleCadreName: t.string({
      description: '帮扶责任人姓名',
      select: { with: { responsibleCadre: { columns: { name: true } } } },
      resolve: (o) => o.responsibleCadre.name,
    }),
    responsibleCadre: t.relation('responsibleCadre', {
      type: Cadre,
      nullable: true,
      description: '帮扶责任人 (null when the cadre sits above your jurisdiction)',
    }),
    procedure: t.expose('procedure', { type: MonitoringProcedureEnum, description: '当前程序' }),
    stepsDone: t.exposeInt('stepsDone', { description: '当前程序已完成步骤数' }),
    nextStep: t.field({
      type: MonitoringStepEnum,
      nullable: true,
      description: '下一步骤',
      select: { columns: { procedure: true, stepsDone: true, state: true } },
      resolve: (o) => nextStepOf(o),
    }),
    nextStepRoles: t.field({
      type: [ActorRoleEnum],
      description: '下一步骤由谁办理 (the roles the procedure allows; empty when no step is next)',
      select: { columns: { procedure: true, stepsDone: true, state: true } },
      resolve: (o) => {
        const step = nextStepOf(o);
        return step ? [...monitoringStepRoles(o.procedure, step)] : [];
      },
    }),
    clueOn: t.expose('clueOn', { type: 'Date', description: '发现风险线索日期' }),
    identificationDeadline: t.field({
      type: 'Date',
      nullable: true,
      description: '认定时限 (from the first clue; null when the year has no time limit)',
      select: {
        columns: { clueOn: true, year: true },
        with: { household: { columns: { id: true }, with: { village: { columns: { code: true } } } } },
      },
      resolve: (o) => {
        try {
          return monitoringDeadline(o.clueOn, policyForYear(o.year, o.household.village.code));
        } catch {
          return null;
        }
      },
    }),
    identifiedOn: t.expose('identifiedOn', { type: 'Date', nullable: true, description: '认定日期' }),
    eliminatedOn: t.expose('eliminatedOn', { type: 'Date', nullable: true, description: '风险消除日期' }),
    classification: t.field({
      type: [RuleReasonRef],
      description: '类型判断的规则说明',
      select: { columns: { classification: true } },
      resolve: (o) => o.classification as unknown as Reason[],
    }),
    eliminationAssessment: t.field({
      type: [RuleReasonRef],
      nullable: true,
      description: '风险消除判断的规则说明',
      select: { columns: { eliminationAssessment: true } },
      resolve: (o) => (o.eliminationAssessment as unknown as Reason[] | null) ?? null,
    }),
    steps: t.relation('steps', {
      type: MonitoringStepRecord,
      query: { orderBy: { id: 'asc' } },
      description: '程序记录',
    }),
    measures: t.relation('measures', { type: Measure, description: '帮扶措施' }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

builder.drizzleObjectFields(Household, (t) => ({
  monitoringObjects: t.relation('monitoringObjects', {
    type: MonitoringObject,
    description: '监测记录 (active and past)',
    query: { orderBy: { id: 'desc' } },
  }),
}));

type MonitoringFilterArgs = {
  type?: 'UNSTABLE_EXITED' | 'EDGE_PRONE' | 'SUDDEN_HARDSHIP' | null;
  state?: (typeof monitoringObjects.$inferSelect)['state'] | null;
  regionId?: { id: string | number } | null;
};

function monitoringFilter(table: typeof monitoringObjects, ctx: Context, args: MonitoringFilterArgs) {
  return and(
    sql`${table.regionPath} like ${pathPrefix(ctx.viewer!.regionPath)}`,
    inRegionSubtree(table.regionPath, args.regionId),
    args.type ? eq(table.type, args.type) : undefined,
    args.state ? eq(table.state, args.state) : undefined,
  );
}

/** Facts for the monitoring rules: the year's income (and guarantees for elimination). */
export async function monitoringFacts(ctx: Context, householdId: number, year: number) {
  const facts = (await householdFacts(ctx.db, householdId, year))!;
  const income = facts.incomes[0];
  if (!income) throw new RuleViolationError('MONITOR.FACTS_REQUIRED', `须先登记 ${year} 年收入`);
  return { facts, income };
}

builder.queryFields((t) => ({
  monitoringObjects: t.drizzleConnection({
    type: 'monitoringObjects',
    description: '监测对象列表 (type, state, region)',
    authScopes: { permission: 'household.read' },
    args: {
      type: t.arg({ type: MonitoringTypeEnum, required: false }),
      state: t.arg({ type: MonitoringStateEnum, required: false }),
      regionId: t.arg.globalID({ required: false, for: [Region] }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(monitoringObjects, monitoringFilter(monitoringObjects, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.monitoringObjects.findMany(
        query({ where: { RAW: (table) => monitoringFilter(table, ctx, args)! }, orderBy: { id: 'desc' } }),
      ),
  }),
  monitoringClassification: t.field({
    type: RuleDecisionRef,
    description: '监测类型预判 (what the rules classify a household as for a year, without writing anything)',
    authScopes: { permission: 'household.sensitive' },
    args: {
      householdId: t.arg.globalID({ required: true, for: [Household] }),
      year: t.arg.int({ required: true }),
      rigidSpendingSurge: t.arg.boolean({ required: false, description: '刚性支出骤增' }),
      sharpIncomeDrop: t.arg.boolean({ required: false, description: '收入大幅缩减' }),
    },
    resolve: async (_root, args, ctx) => {
      const household = await writableHousehold(ctx, Number(args.householdId.id));
      const { income } = await monitoringFacts(ctx, household.id, args.year);
      return runRule(() =>
        classifyMonitoring(
          {
            status: household.status,
            income: incomeComponentsOf(income),
            householdSize: income.householdSize,
            rigidSpendingSurge: args.rigidSpendingSurge ?? false,
            sharpIncomeDrop: args.sharpIncomeDrop ?? false,
          },
          policyForYear(args.year, household.village.code),
        ),
      );
    },
  }),
}));
