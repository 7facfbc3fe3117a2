import {
  ACTOR_ROLES,
  type ActorRole,
  APPLICATION_STEPS,
  APPLICATION_TRANSITIONS,
  type ApplicationKind,
  addDays,
  classifyMonitoring,
  decideHouseholdExit,
  decideInclusion,
  MONITORING_STEP_ROLES,
  MONITORING_STEPS,
  nextStep,
  type Policy,
  type ProcedureStep,
  STEP_ROLES,
} from '@gongjian/rules';
import type { DbExecutor } from '../client';
import {
  applicationSteps,
  householdMeasures,
  monitoringObjects,
  monitoringSteps,
  statusApplications,
} from '../schema/index';
import { bulkInsert } from './bulk';
import {
  type PlannedHousehold,
  type PlannedSectorRecord,
  plannedExclusionFacts,
  plannedGuaranteeFacts,
  plannedIncome,
  type Story,
} from './identification-plan';
import type { Random } from './random';

/** Demo procedures: monitoring objects from the early-2019 screening, and status-change applications. */

export interface StepActors {
  village(villagePath: string): { id: number; name: string };
  township(villagePath: string): { id: number; name: string };
  county: { id: null; name: string };
  helpers(villagePath: string): { id: number; name: string }[];
}

function actorFor(actors: StepActors, role: ActorRole, villagePath: string): string {
  if (role === 'VILLAGE_CLERK') return actors.village(villagePath).name;
  if (role === 'TOWNSHIP_CLERK') return actors.township(villagePath).name;
  return actors.county.name;
}

function day(random: Random, year: number, fromMonth: number, toMonth: number): string {
  return `${year}-${String(random.int(fromMonth, toMonth)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

const RISK_BY_CAUSE: Record<string, 'ILLNESS' | 'DISABILITY' | 'SCHOOLING_COST' | 'INCOME_DROP'> = {
  ILLNESS: 'ILLNESS',
  DISABILITY: 'DISABILITY',
  SCHOOLING: 'SCHOOLING_COST',
};

/** The article's sector measures for edge households: housing, social-assistance floor, education aid, disability relief. */
const EDGE_MEASURES = {
  ILLNESS: { kind: 'MEDICAL', description: '落实医疗救助和大病保险倾斜', department: '县医疗保障局' },
  DISABILITY: { kind: 'DISABILITY_RELIEF', description: '残疾人救助: 两项补贴', department: '县残联' },
  SCHOOLING_COST: { kind: 'EDUCATION_AID', description: '教育助学: 学生资助', department: '县教育局' },
  INCOME_DROP: { kind: 'SOCIAL_ASSISTANCE', description: '兜底保障: 临时救助', department: '县民政局' },
  DISASTER: { kind: 'HOUSING', description: '住房保障: 危房改造补助', department: '县住房和城乡建设局' },
  ACCIDENT: { kind: 'SOCIAL_ASSISTANCE', description: '兜底保障: 临时救助', department: '县民政局' },
} as const;

const MONITORED: Story[] = ['EDGE', 'UNSTABLE_EXITED', 'SUDDEN_HARDSHIP'];

export async function seedMonitoring(
  db: DbExecutor,
  random: Random,
  countyId: number,
  plan: PlannedHousehold[],
  idOf: Map<string, number>,
  actors: StepActors,
  policy: Policy,
) {
  const objects = plan
    .filter((h) => MONITORED.includes(h.story))
    .map((h) => {
      const income = plannedIncome(h, 2019);
      const hardship = h.story === 'SUDDEN_HARDSHIP';
      const decision = classifyMonitoring(
        {
          status: h.status,
          income,
          householdSize: income.householdSize,
          rigidSpendingSurge: hardship,
          sharpIncomeDrop: false,
        },
        policy,
      );
      if (decision.outcome === 'NOT_MONITORED')
        throw new Error(`demo household ${h.householdNumber} is not monitored`);
      const riskKind = hardship
        ? random.pick(['ILLNESS', 'DISASTER', 'ACCIDENT'] as const)
        : (RISK_BY_CAUSE[h.mainCause] ?? 'INCOME_DROP');
      const clueOn = day(random, 2019, 1, 2);
      const steps: { step: string; role: ActorRole; actedOn: string }[] = [];
      let date = clueOn;
      for (const step of MONITORING_STEPS) {
        if (steps.length)
          date = addDays(date, steps.at(-1)!.step === 'VILLAGE_NOTICE' ? 5 : random.int(1, 2));
        steps.push({ step, role: MONITORING_STEP_ROLES[step][0]!, actedOn: date });
      }
      return {
        h,
        decision,
        riskKind,
        clueOn,
        steps,
        cadre: random.pick(actors.helpers(h.village.regionPath)),
      };
    });
  const inserted = await bulkInsert<{ id: number; household_id: number }>(
    db,
    monitoringObjects,
    objects.map((o) => ({
      countyId,
      regionPath: o.h.village.regionPath,
      householdId: idOf.get(o.h.householdNumber)!,
      year: 2019,
      type: o.decision.outcome,
      state: 'MONITORED',
      riskKinds: [o.riskKind],
      riskNote:
        o.h.story === 'SUDDEN_HARDSHIP' ? '突发大病或灾害, 刚性支出骤增' : '收入略高于扶贫标准, 存在致贫风险',
      responsibleCadreId: o.cadre.id,
      procedure: 'IDENTIFICATION',
      stepsDone: o.steps.length,
      clueOn: o.clueOn,
      identifiedOn: o.steps.at(-1)!.actedOn,
      classification: o.decision.reasons,
    })),
    { returning: ['id', 'household_id'] },
  );
  const objectOf = new Map(inserted.map((row) => [row.household_id, row.id]));
  const stepRows = objects.flatMap((o) => {
    const objectId = objectOf.get(idOf.get(o.h.householdNumber)!)!;
    return o.steps.map((s, index) => ({
      countyId: countyId,
      regionPath: o.h.village.regionPath,
      monitoringObjectId: objectId,
      procedure: 'IDENTIFICATION',
      sequence: index + 1,
      step: s.step,
      decision: 'APPROVED',
      actorName: actorFor(actors, s.role, o.h.village.regionPath),
      actorRole: s.role,
      actedOn: s.actedOn,
      notes: '',
    }));
  });
  await bulkInsert(db, monitoringSteps, stepRows);
  await bulkInsert(
    db,
    householdMeasures,
    objects.map((o) => {
      const measure = EDGE_MEASURES[o.riskKind];
      return {
        countyId: countyId,
        regionPath: o.h.village.regionPath,
        householdId: idOf.get(o.h.householdNumber)!,
        monitoringObjectId: objectOf.get(idOf.get(o.h.householdNumber)!)!,
        kind: measure.kind,
        description: measure.description,
        department: measure.department,
        status: 'IN_PROGRESS',
        startedOn: addDays(o.steps.at(-1)!.actedOn, 3),
        completedOn: null,
      };
    }),
  );
}

interface ApplicationPlan {
  h: PlannedHousehold;
  kind: ApplicationKind;
  startedOn: string;
  stepsDone: number;
}

const REASONS: Record<ApplicationKind, string> = {
  IDENTIFY: '农户申请, 经入户核实收入低于标准',
  ADD_MISSED: '排查发现漏评, 申请补录',
  RETURN: '因病因灾返贫, 申请返贫纳入',
  EXIT: '人均纯收入稳定超过标准, 两不愁三保障达标, 户主同意退出',
  REMOVE_WRONGLY_INCLUDED: '部门数据比对发现不符合纳入条件',
  END_POLICY: '帮扶期满, 不再享受政策',
};

function applicationsToPlan(
  random: Random,
  plan: PlannedHousehold[],
  demoVillageId: number,
): ApplicationPlan[] {
  const out: ApplicationPlan[] = [];
  let demoExitIndex = 0;
  for (const h of plan) {
    const inDemoVillage = h.village.id === demoVillageId;
    if (h.story === 'IDENTIFIED_2019')
      out.push({ h, kind: 'IDENTIFY', startedOn: day(random, 2019, 2, 3), stepsDone: 6 });
    if (h.story === 'RETURNED_2019')
      out.push({ h, kind: 'RETURN', startedOn: day(random, 2019, 4, 5), stepsDone: 6 });
    if (h.story === 'REMOVED_2019')
      out.push({ h, kind: 'REMOVE_WRONGLY_INCLUDED', startedOn: day(random, 2019, 5, 6), stepsDone: 5 });
    if (h.story === 'EXIT_READY') {
      const stepsDone = inDemoVillage && demoExitIndex < 3 ? ++demoExitIndex : random.int(0, 4);
      out.push({ h, kind: 'EXIT', startedOn: day(random, 2019, 8, 8), stepsDone });
    }
    if (h.story === 'EDGE_QUALIFIES')
      out.push({
        h,
        kind: 'IDENTIFY',
        startedOn: day(random, 2019, 8, 8),
        stepsDone: inDemoVillage ? 0 : random.int(0, 5),
      });
  }
  return out;
}

function rulesAdvice(a: ApplicationPlan, records: readonly PlannedSectorRecord[], policy: Policy) {
  const income = plannedIncome(a.h, policy.year);
  const guarantees = plannedGuaranteeFacts(a.h, policy.year);
  if (a.kind === 'EXIT' || a.kind === 'END_POLICY') {
    const decision = decideHouseholdExit(
      {
        income,
        householdSize: income.householdSize,
        guarantees,
        identifiedYear: a.h.identifiedYear ?? policy.year,
      },
      policy,
      a.startedOn,
    );
    return {
      supports: decision.outcome === 'ELIGIBLE',
      outcome: decision.outcome,
      reasons: decision.reasons,
    };
  }
  const decision = decideInclusion(
    { income, householdSize: income.householdSize, guarantees, exclusions: plannedExclusionFacts(records) },
    policy,
    a.startedOn,
  );
  const include = decision.outcome === 'INCLUDE';
  return {
    supports: a.kind === 'REMOVE_WRONGLY_INCLUDED' ? !include : include,
    outcome: decision.outcome,
    reasons: decision.reasons,
  };
}

/** Walks each application through the rules' procedure so the demo's steps are ones the API would accept. */
function walk(a: ApplicationPlan, random: Random, policy: Policy, fromStatus: PlannedHousehold['status']) {
  let application = {
    kind: a.kind,
    fromStatus,
    completedSteps: [] as { step: ProcedureStep; date: string; actorRole: ActorRole }[],
  };
  const steps = APPLICATION_STEPS[a.kind].slice(0, a.stepsDone);
  let date = a.startedOn;
  for (const step of steps) {
    const role = STEP_ROLES[step].find((r) => ACTOR_ROLES.includes(r))!;
    const previous = application.completedSteps.at(-1);
    if (previous) {
      const notice = previous.step === 'FIRST_NOTICE' || previous.step === 'SECOND_NOTICE';
      date = addDays(
        previous.date,
        notice ? policy.get('procedure.minNoticeDays')[a.kind] : random.int(1, 3),
      );
    }
    const decision = nextStep(application, step, role, date, policy);
    if (decision.outcome !== 'ACCEPTED')
      throw new Error(`demo step refused: ${decision.refusals.join(', ')}`);
    application = { ...application, completedSteps: [...decision.application.completedSteps] };
  }
  return application.completedSteps;
}

export async function seedApplications(
  db: DbExecutor,
  random: Random,
  countyId: number,
  plan: PlannedHousehold[],
  idOf: Map<string, number>,
  records: Map<string, PlannedSectorRecord[]>,
  actors: StepActors,
  policy: Policy,
  demoVillageId: number,
) {
  const planned = applicationsToPlan(random, plan, demoVillageId).map((a) => {
    const fromStatus: PlannedHousehold['status'] =
      a.kind === 'IDENTIFY' ? 'NON_POOR' : a.kind === 'RETURN' ? 'EXITED' : 'POOR';
    const advice = rulesAdvice(a, records.get(a.h.householdNumber) ?? [], policy);
    const steps = walk(a, random, policy, fromStatus);
    const complete = steps.length === APPLICATION_STEPS[a.kind].length;
    return { a, fromStatus, advice, steps, complete };
  });
  const inserted = await bulkInsert<{ id: number; household_id: number }>(
    db,
    statusApplications,
    planned.map(({ a, fromStatus, advice, steps, complete }) => ({
      countyId: countyId,
      regionPath: a.h.village.regionPath,
      householdId: idOf.get(a.h.householdNumber)!,
      kind: a.kind,
      year: policy.year,
      fromStatus,
      toStatus: APPLICATION_TRANSITIONS[a.kind][fromStatus]!,
      state: complete ? 'COMPLETED' : 'IN_PROGRESS',
      nextStep: complete ? null : APPLICATION_STEPS[a.kind][steps.length]!,
      stepsDone: steps.length,
      rulesAdvice: advice.supports ? 'SUPPORTS' : 'OPPOSES',
      rulesOutcome: advice.outcome,
      rulesExplanation: advice.reasons,
      reason: REASONS[a.kind],
      againstAdviceReason: advice.supports ? null : '经村民代表评议和入户核实, 实际情况与数据比对结果不一致',
      startedOn: a.startedOn,
      completedOn: complete ? steps.at(-1)!.date : null,
      exclusionFindingId: null,
      startedByUserId: null,
    })),
    { returning: ['id', 'household_id'] },
  );
  const applicationOf = new Map(inserted.map((row) => [row.household_id, row.id]));
  await bulkInsert(
    db,
    applicationSteps,
    planned.flatMap(({ a, steps }) =>
      steps.map((s, index) => ({
        countyId: countyId,
        regionPath: a.h.village.regionPath,
        applicationId: applicationOf.get(idOf.get(a.h.householdNumber)!)!,
        sequence: index + 1,
        step: s.step,
        decision: 'APPROVED',
        actorName: actorFor(actors, s.actorRole, a.h.village.regionPath),
        actorRole: s.actorRole,
        actedOn: s.date,
        notes: s.step.endsWith('NOTICE') ? '公示期内无异议' : '',
      })),
    ),
  );
}
