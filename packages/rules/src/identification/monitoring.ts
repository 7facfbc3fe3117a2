import { addDays, addMonths, type CalendarDate, requireCalendarDate } from '../calendar';
import type { ActorRole, HouseholdStatus, MonitoringStep, MonitoringType } from '../enums';
import { type Decision, makeReason, type Reason } from '../explanation';
import { LABELS_ZH } from '../labels';
import { type Fen, formatYuan } from '../money';
import type { Policy } from '../parameters';
import { compareRatio, floorRatio, multiplyRatio, type Ratio, ratio } from '../ratio';
import { type SourceRef, source } from '../sources';
import { checkGuarantees, type GuaranteeFacts } from './guarantees';
import { type IncomeComponents, incomeFacts, perCapitaNetIncome } from './income';
import { attemptStep, type CompletedStep, type ProcedureDefinition, type StepAttempt } from './procedure';

export interface MonitoringCeiling {
  /** Exact per-capita income ceiling in fen: income below it is "within the monitoring range". */
  ceiling: Ratio;
  /** Rounded down to the fen, for display. */
  ceilingFen: Fen;
  params: Record<string, number | string>;
  source: SourceRef;
}

/**
 * The monitoring range for the policy's year: 2019–2020 a multiple of the NBS line (MONITOR_2020,
 * 1.5 × line); from 2021 the amount each province publishes (MONITOR_2021).
 */
export function monitoringCeiling(policy: Policy): MonitoringCeiling {
  const basis = policy.get('monitor.incomeBasis');
  if (basis === 'EDGE_MULTIPLIER') {
    const multiplier = policy.resolve('edge.multiplier');
    const line = policy.get('incomeLine.nbs');
    const ceiling = multiplyRatio(ratio(line, 1), multiplier.value);
    return {
      ceiling,
      ceilingFen: floorRatio(ceiling),
      params: {
        basis,
        nbsLineFen: line,
        multiplier: `${multiplier.value.numerator}/${multiplier.value.denominator}`,
      },
      source: multiplier.source,
    };
  }
  const range = policy.resolve('monitor.range');
  return {
    ceiling: ratio(range.value, 1),
    ceilingFen: range.value,
    params: { basis, rangeFen: range.value },
    source: range.source,
  };
}

export interface MonitoringFacts {
  status: HouseholdStatus;
  income: IncomeComponents;
  householdSize: number;
  /** Rigid spending (illness, disability, disaster, accident) clearly above last year's income. */
  rigidSpendingSurge: boolean;
  /** Income collapsed (sharp drop) after illness, disaster or accident. */
  sharpIncomeDrop: boolean;
}

const MONITOR_SOURCE = source('MONITOR_2021', 'N');

/**
 * The three monitoring types: an exited household within the range → 脱贫不稳定户; an ordinary
 * household within the range → 边缘易致贫户; any non-poor or exited household above the range whose
 * rigid spending surged or income collapsed → 突发严重困难户. Registered poor households (POOR,
 * RETURNED) are assisted as poor, not monitored.
 */
export function classifyMonitoring(
  facts: MonitoringFacts,
  policy: Policy,
): Decision<MonitoringType | 'NOT_MONITORED'> {
  const income = perCapitaNetIncome(facts.income, facts.householdSize);
  const range = monitoringCeiling(policy);
  const registeredPoor = facts.status === 'POOR' || facts.status === 'RETURNED';
  const exited = facts.status === 'EXITED' || facts.status === 'EXITED_NO_POLICY';
  const inRange = compareRatio(income.exact, range.ceiling) < 0;
  const hardship = facts.rigidSpendingSurge || facts.sharpIncomeDrop;
  let outcome: MonitoringType | 'NOT_MONITORED' = 'NOT_MONITORED';
  if (!registeredPoor && inRange) outcome = exited ? 'UNSTABLE_EXITED' : 'EDGE_PRONE';
  else if (!registeredPoor && hardship) outcome = 'SUDDEN_HARDSHIP';
  const ceilingShown = `${formatYuan(range.ceilingFen)} 元`;
  const reasons: Reason[] = [
    makeReason({
      ruleId: 'MONITOR.NOT_REGISTERED_POOR',
      passed: !registeredPoor,
      facts: { status: facts.status },
      source: MONITOR_SOURCE,
      zh: registeredPoor ? '建档立卡贫困户按贫困户帮扶, 不作为监测对象' : '非在册贫困户, 可作为监测对象',
      en: registeredPoor
        ? 'A registered poor household is assisted as poor, not monitored'
        : 'Not a registered poor household',
    }),
    makeReason({
      ruleId: 'MONITOR.INCOME_IN_RANGE',
      passed: inRange,
      params: range.params,
      facts: incomeFacts(income),
      source: range.source,
      zh: `人均纯收入 ${formatYuan(income.perCapitaFen)} 元${inRange ? '低于' : '不低于'}监测范围 ${ceilingShown}`,
      en: `Per-capita income ${formatYuan(income.perCapitaFen)} is ${inRange ? 'within' : 'above'} the monitoring range (${ceilingShown})`,
    }),
    makeReason({
      ruleId: 'MONITOR.SUDDEN_HARDSHIP',
      passed: hardship,
      facts: { rigidSpendingSurge: facts.rigidSpendingSurge, sharpIncomeDrop: facts.sharpIncomeDrop },
      source: MONITOR_SOURCE,
      zh: hardship ? '刚性支出骤增或收入大幅缩减' : '无刚性支出骤增或收入大幅缩减',
      en: hardship ? 'Rigid spending surged or income collapsed' : 'No spending surge or income collapse',
    }),
  ];
  return { outcome, reasons };
}

export interface RiskEliminationFacts {
  income: IncomeComponents;
  householdSize: number;
  /** First day from which income has stayed above the range; null if it is not above it. */
  incomeAboveRangeSince: CalendarDate | null;
  guarantees: GuaranteeFacts;
  rigidSpendingResolved: boolean;
}

/**
 * RISK_ELIMINATION.HAS_LABOUR: a household is marked risk-eliminated only if at least one member can work.
 * A household with no members recorded has nobody who can work, so it is never marked eliminated either.
 */
export function householdHasLabour(members: readonly { labourCapacity: string }[]): Reason {
  const hasLabour = members.some((member) => member.labourCapacity !== 'NONE');
  return makeReason({
    ruleId: 'RISK_ELIMINATION.HAS_LABOUR',
    passed: hasLabour,
    facts: { labourCapacities: members.map((member) => member.labourCapacity) },
    source: MONITOR_SOURCE,
    zh: hasLabour ? '家庭有劳动能力' : '无劳动能力家庭不标注风险消除, 继续监测',
    en: hasLabour ? 'The household has labour capacity' : 'No member can work: stays under monitoring',
  });
}

/**
 * Risk elimination (风险消除) as of `asOf`: income above the range for at least the minimum months,
 * 三保障 and water secure, rigid spending resolved. A household in which no member can work is never
 * marked eliminated: it stays under monitoring (KEEP_MONITORING_NO_LABOUR).
 */
export function decideRiskElimination(
  facts: RiskEliminationFacts,
  policy: Policy,
  asOf: CalendarDate,
): Decision<'ELIMINATED' | 'NOT_ELIMINATED' | 'KEEP_MONITORING_NO_LABOUR'> {
  requireCalendarDate(asOf, 'asOf');
  const income = perCapitaNetIncome(facts.income, facts.householdSize);
  const range = monitoringCeiling(policy);
  const months = policy.resolve('monitor.minStableMonthsForElimination');
  const aboveNow = compareRatio(income.exact, range.ceiling) >= 0;
  const since = facts.incomeAboveRangeSince;
  const stableFrom = since === null ? null : addMonths(since, months.value, 'incomeAboveRangeSince');
  const stable = aboveNow && stableFrom !== null && stableFrom <= asOf;
  const guarantees = checkGuarantees(facts.guarantees, policy, asOf);
  const reasons: Reason[] = [
    makeReason({
      ruleId: 'RISK_ELIMINATION.INCOME_STABLE',
      passed: stable,
      params: { ...range.params, minStableMonths: months.value },
      facts: { ...incomeFacts(income), incomeAboveRangeSince: since, asOf, stableFrom },
      source: months.source,
      zh: stable
        ? `收入自 ${since} 起持续高于监测范围已满 ${months.value} 个月`
        : `收入未持续高于监测范围满 ${months.value} 个月`,
      en: stable
        ? `Income above the range since ${since}, at least ${months.value} months`
        : `Income not above the range for ${months.value} months`,
    }),
    ...guarantees.reasons,
    makeReason({
      ruleId: 'RISK_ELIMINATION.RIGID_SPENDING_RESOLVED',
      passed: facts.rigidSpendingResolved,
      facts: { rigidSpendingResolved: facts.rigidSpendingResolved },
      source: MONITOR_SOURCE,
      zh: facts.rigidSpendingResolved ? '大额刚性支出问题已解决' : '大额刚性支出问题未解决',
      en: facts.rigidSpendingResolved ? 'Large rigid spending resolved' : 'Large rigid spending not resolved',
    }),
    householdHasLabour(facts.guarantees.members),
  ];
  const conditionsMet = reasons.slice(0, -1).every((reason) => reason.passed);
  const noLabour = !reasons[reasons.length - 1]!.passed;
  const outcome = !conditionsMet ? 'NOT_ELIMINATED' : noLabour ? 'KEEP_MONITORING_NO_LABOUR' : 'ELIMINATED';
  return { outcome, reasons };
}

export const MONITORING_STEP_ROLES: Record<MonitoringStep, readonly ActorRole[]> = {
  RISK_CLUE: ['VILLAGE_CLERK', 'TOWNSHIP_CLERK', 'COUNTY_ADMIN'],
  HOUSEHOLD_VISIT: ['VILLAGE_CLERK'],
  DATA_CROSS_CHECK: ['TOWNSHIP_CLERK', 'COUNTY_ADMIN'],
  VILLAGE_NOTICE: ['VILLAGE_CLERK'],
  TOWNSHIP_REVIEW: ['TOWNSHIP_CLERK'],
  COUNTY_APPROVAL: ['COUNTY_ADMIN'],
};

export function monitoringProcedure(policy: Policy): ProcedureDefinition<MonitoringStep> {
  return {
    name: 'MONITOR_PROCEDURE',
    steps: [
      'RISK_CLUE',
      'HOUSEHOLD_VISIT',
      'DATA_CROSS_CHECK',
      'VILLAGE_NOTICE',
      'TOWNSHIP_REVIEW',
      'COUNTY_APPROVAL',
    ],
    roles: MONITORING_STEP_ROLES,
    noticeDays: { VILLAGE_NOTICE: policy.get('monitor.noticeDays') },
    source: MONITOR_SOURCE,
    labelsZh: { steps: LABELS_ZH.monitoringStep, roles: LABELS_ZH.actorRole },
  };
}

/** The last day by which the county should approve, counted from the first risk clue. */
export function monitoringDeadline(clueDate: CalendarDate, policy: Policy): CalendarDate {
  return addDays(clueDate, policy.get('monitor.maxDaysToIdentify'), 'clueDate');
}

export interface MonitoringStepDecision extends StepAttempt<MonitoringStep> {
  /** Only set on an accepted COUNTY_APPROVAL: whether it came within the time limit from the clue. */
  withinTimeLimit: boolean | null;
}

/**
 * Records the next step of identifying a monitoring object. Approval after the time limit is still
 * recorded (the household needs help either way) but carries a failed MONITOR_PROCEDURE.TIME_LIMIT reason.
 */
export function nextMonitoringStep(
  completed: readonly CompletedStep<MonitoringStep>[],
  step: MonitoringStep,
  actorRole: ActorRole,
  date: CalendarDate,
  policy: Policy,
): MonitoringStepDecision {
  const attempt = attemptStep(monitoringProcedure(policy), completed, step, actorRole, date);
  if (attempt.outcome === 'REFUSED' || step !== 'COUNTY_APPROVAL')
    return { ...attempt, withinTimeLimit: null };
  // An accepted approval means every earlier step, the risk clue first, is on record.
  const clue = attempt.completedSteps[0]!;
  const deadline = monitoringDeadline(clue.date, policy);
  const withinTimeLimit = date <= deadline;
  const maxDays = policy.resolve('monitor.maxDaysToIdentify');
  const reason = makeReason({
    ruleId: 'MONITOR_PROCEDURE.TIME_LIMIT',
    passed: withinTimeLimit,
    params: { maxDaysToIdentify: maxDays.value },
    facts: { clueDate: clue.date, approvedOn: date, deadline },
    source: maxDays.source,
    zh: withinTimeLimit
      ? `自发现风险线索 ${clue.date} 起 ${maxDays.value} 天内完成认定`
      : `认定超时: 应于 ${deadline} 前完成, 实际 ${date}`,
    en: withinTimeLimit
      ? `Identified within ${maxDays.value} days of the first clue (${clue.date})`
      : `Late: due by ${deadline}, approved on ${date}`,
  });
  return { ...attempt, reasons: [...attempt.reasons, reason], withinTimeLimit };
}
