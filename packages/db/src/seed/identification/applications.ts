import {
  ACTOR_ROLES,
  type ActorRole,
  APPLICATION_STEPS,
  APPLICATION_TRANSITIONS,
  type ApplicationKind,
  addDays,
  DEFAULT_PARAMETERS,
  daysBetween,
  decideHouseholdExit,
  decideInclusion,
  JIANGHUA,
  nextStep,
  type Policy,
  type ProcedureStep,
  policyFor,
  STEP_ROLES,
} from '@gongjian/rules';
import type { DbExecutor } from '../../client';
import { applicationSteps, statusApplications } from '../../schema/index';
import { bulkInsert } from '../bulk';
import type { DemoClock } from '../demo-clock';
import { createRandom, type Random, randomDay } from '../random';
import { type PlannedHousehold, plannedGuaranteeFacts, plannedIncome } from './households';
import { type PlannedSectorRecord, plannedExclusionFacts } from './sector-records';
import { actorFor, type StepActors } from './step-actors';

/**
 * Status-change applications (动态调整): finished in 2019, or stopped mid-procedure for the console demo; and
 * the 2018 returns, so that every status a household holds today that its registration years do not explain
 * has the application behind it (the status as of a past date is read from these records). Those still
 * under way stand to the loading day as they stood to 2019-09-11: started and stepped as many days before
 * it (still assessing 2019, the year their facts are of).
 */

interface ApplicationPlan {
  h: PlannedHousehold;
  kind: ApplicationKind;
  startedOn: string;
  stepsDone: number;
  year?: 2018;
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
  const history = createRandom(2018);
  let demoExitIndex = 0;
  for (const h of plan) {
    const inDemoVillage = h.village.id === demoVillageId;
    if (h.story === 'IDENTIFIED_2019')
      out.push({ h, kind: 'IDENTIFY', startedOn: randomDay(random, 2019, 2, 3), stepsDone: 6 });
    if (h.story === 'RETURNED_2018')
      out.push({ h, kind: 'RETURN', startedOn: randomDay(history, 2018, 3, 6), stepsDone: 6, year: 2018 });
    if (h.story === 'RETURNED_2019')
      out.push({ h, kind: 'RETURN', startedOn: randomDay(random, 2019, 4, 5), stepsDone: 6 });
    if (h.story === 'REMOVED_2019')
      out.push({
        h,
        kind: 'REMOVE_WRONGLY_INCLUDED',
        startedOn: randomDay(random, 2019, 5, 6),
        stepsDone: 5,
      });
    if (h.story === 'EXIT_READY') {
      const stepsDone = inDemoVillage && demoExitIndex < 3 ? ++demoExitIndex : random.int(0, 4);
      out.push({ h, kind: 'EXIT', startedOn: randomDay(random, 2019, 8, 8), stepsDone });
    }
    if (h.story === 'EDGE_QUALIFIES')
      out.push({
        h,
        kind: 'IDENTIFY',
        startedOn: randomDay(random, 2019, 8, 8),
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
  { demoVillageId, clock }: { demoVillageId: number; clock: DemoClock },
) {
  const policy2018 = policyFor(DEFAULT_PARAMETERS, 2018, JIANGHUA);
  const history = createRandom(20180);
  const planned = applicationsToPlan(random, plan, demoVillageId).map((a) => {
    const fromStatus: PlannedHousehold['status'] =
      a.kind === 'IDENTIFY' ? 'NON_POOR' : a.kind === 'RETURN' ? 'EXITED' : 'POOR';
    const policyOfYear = a.year === 2018 ? policy2018 : policy;
    const advice = rulesAdvice(a, records.get(a.h.householdNumber) ?? [], policyOfYear);
    const walked = walk(a, a.year === 2018 ? history : random, policyOfYear, fromStatus);
    const complete = walked.length === APPLICATION_STEPS[a.kind].length;
    const last = walked.at(-1)?.date ?? a.startedOn;
    const shift = complete ? 0 : Math.max(0, Math.min(clock.days, daysBetween(last, clock.today)));
    const steps = walked.map((s) => ({ ...s, date: addDays(s.date, shift) }));
    return { a, fromStatus, advice, steps, complete, startedOn: addDays(a.startedOn, shift) };
  });
  const inserted = await bulkInsert<{ id: number; household_id: number }>(
    db,
    statusApplications,
    planned.map(({ a, fromStatus, advice, steps, complete, startedOn }) => ({
      countyId: countyId,
      regionPath: a.h.village.regionPath,
      householdId: idOf.get(a.h.householdNumber)!,
      kind: a.kind,
      year: a.year ?? policy.year,
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
      startedOn,
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
