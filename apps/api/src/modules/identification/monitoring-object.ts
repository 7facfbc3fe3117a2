import { monitoringObjects, monitoringSteps, riskKind } from '@gongjian/db/schema';
import {
  classifyMonitoring,
  MONITORING_STEP_ROLES,
  monitoringDeadline,
  nextMonitoringStep,
  type Reason,
} from '@gongjian/rules';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, inRegionSubtree } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import {
  ConflictError,
  ForbiddenError,
  RuleViolationError,
  StepRefusedError,
  ValidationError,
} from '../../errors';
import { actedOn } from '../../shared/dates';
import { WRITE_ERRORS } from '../../shared/error-types';
import { RuleDecisionRef, RuleReasonRef } from '../../shared/rule-decisions';
import { validate } from '../../shared/validate';
import { referencedRow, writableRow } from '../../spine/load';
import { reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Region } from '../geography/region';
import { Cadre } from '../organisation/cadre';
import {
  ActorRoleEnum,
  MonitoringProcedureEnum,
  MonitoringStateEnum,
  MonitoringTypeEnum,
  RiskKindEnum,
} from './enums';
import { householdFacts } from './facts';
import { Household, writableHousehold } from './household';
import { Measure } from './measure';
import { MonitoringStepEnum, monitoringStepRoles, nextStepOf } from './monitoring-procedure';
import { actorRoleOf, incomeComponentsOf, policyForYear, readable, runRule } from './policy';
import { versionSchema, violatedConstraint, yearSchema } from './validation';

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
    inJurisdiction(table.regionPath, ctx.viewer),
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

const AssignCadreInput = builder.inputType('AssignResponsibleCadreInput', {
  description: '更换帮扶责任人',
  fields: (t) => ({
    monitoringObjectId: t.globalID({ required: true, for: [MonitoringObject] }),
    version: t.int({ required: true }),
    responsibleCadreId: t.globalID({ required: true, for: [Cadre] }),
  }),
});

export const MONITORING_ERRORS = [StepRefusedError, ...WRITE_ERRORS];

/** A cadre may be responsible for a household in the same county, at or above or below its village. */
export async function responsibleCadre(
  ctx: Context,
  cadreId: number,
  household: { countyId: number; regionPath: string },
) {
  const cadre = referencedRow(await ctx.db.query.cadres.findFirst({ where: { id: cadreId } }), {
    entity: '干部',
    argument: 'responsibleCadreId',
    id: cadreId,
  });
  if (
    cadre.countyId !== household.countyId ||
    !(household.regionPath.startsWith(cadre.regionPath) || cadre.regionPath.startsWith(household.regionPath))
  )
    throw ValidationError.field('responsibleCadreId', '帮扶责任人须为本村或其上级乡镇、县的干部');
  return cadre;
}

/** Load: a monitoring object the viewer may act on, with its steps, village code and members' labour. */
export async function loadObject(ctx: Context, id: number) {
  const object = await ctx.db.query.monitoringObjects.findFirst({
    where: { id },
    with: {
      steps: { orderBy: { id: 'asc' } },
      household: {
        with: { village: { columns: { code: true } }, members: { columns: { labourCapacity: true } } },
      },
    },
  });
  return writableRow(ctx, object, { entity: '监测对象', argument: 'monitoringObjectId', id });
}

/** The version guard of every monitoring write: a stale version means someone acted first. */
export const monitoringGuard = (object: { id: number }, version: number) => ({
  id: object.id,
  version,
  entity: '监测对象',
  conflictMessage: '该监测对象已被他人办理, 请刷新后重试',
});

const StartSchema = z.object({
  year: yearSchema,
  riskKinds: z.array(z.enum(riskKind.enumValues)).min(1, '至少选择一种风险'),
  riskNote: z.string().trim().max(500).default(''),
});

builder.mutationFields((t) => ({
  startMonitoring: t.drizzleField({
    type: MonitoringObject,
    description:
      '启动监测对象认定: classified by the rules (NOT_MONITORED is refused); the first step RISK_CLUE is recorded',
    authScopes: { permission: 'monitoring.write' },
    errors: { types: MONITORING_ERRORS },
    args: { input: t.arg({ type: StartMonitoringInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const household = await writableHousehold(ctx, Number(input.householdId.id));
      const values = validate(StartSchema, { ...input, riskNote: input.riskNote ?? '' });
      const date = actedOn(input.date);
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
      const keys = { countyId: household.countyId, regionPath: household.regionPath };
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(monitoringObjects)
          .values({
            ...keys,
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
          ...keys,
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
        return {
          id: created!.id,
          audit: {
            action: 'monitoring.start',
            entityType: 'MonitoringObject',
            entityId: created!.id,
            regionPath: keys.regionPath,
            after: created,
          },
        };
      });
      return reread(ctx.db.query.monitoringObjects.findFirst(query({ where: { id } })), '监测对象', id);
    },
  }),
  assignResponsibleCadre: t.drizzleField({
    type: MonitoringObject,
    description: '更换帮扶责任人 (one responsible cadre per monitoring object)',
    authScopes: { permission: 'monitoring.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: AssignCadreInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const object = await loadObject(ctx, Number(input.monitoringObjectId.id));
      const version = validate(versionSchema, input.version);
      const cadre = await responsibleCadre(ctx, Number(input.responsibleCadreId.id), object.household);
      const id = await writeAudited(ctx, async (tx) => {
        await updateAtVersion(tx, monitoringObjects, monitoringGuard(object, version), {
          responsibleCadreId: cadre.id,
        });
        const audit = {
          before: { responsibleCadreId: object.responsibleCadreId },
          after: { responsibleCadreId: cadre.id },
        };
        return {
          id: object.id,
          audit: {
            action: 'monitoring.assign-cadre',
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
}));
