import type { CalendarDate } from '../calendar';
import { allPassed, type Decision, makeReason } from '../explanation';
import type { Policy } from '../parameters';
import { source } from '../sources';
import { applyExclusions, type ExclusionFacts, type ExclusionRule } from './exclusions';
import { checkGuarantees, type GuaranteeFacts } from './guarantees';
import {
  checkIncomeAboveLine,
  checkIncomeBelowLine,
  type IncomeComponents,
  type PerCapitaIncome,
  perCapitaNetIncome,
} from './income';

export interface InclusionFacts {
  income: IncomeComponents;
  householdSize: number;
  guarantees: GuaranteeFacts;
  exclusions: ExclusionFacts;
}

export interface InclusionDecision extends Decision<'INCLUDE' | 'NOT_INCLUDE' | 'EXCLUDED'> {
  income: PerCapitaIncome;
}

/**
 * Inclusion (识别): poor if per-capita net income is below the line, or at or above it with
 * 两不愁三保障/water unmet; the exclusion rules still apply to a household that qualifies.
 */
export function decideInclusion(
  facts: InclusionFacts,
  policy: Policy,
  onDate: CalendarDate,
  extraExclusionRules: readonly ExclusionRule[] = [],
): InclusionDecision {
  const income = perCapitaNetIncome(facts.income, facts.householdSize);
  const incomeCheck = checkIncomeBelowLine(income, policy);
  const guarantees = checkGuarantees(facts.guarantees, policy, onDate);
  const exclusions = applyExclusions(facts.exclusions, policy, extraExclusionRules);
  const incomeQualifies = incomeCheck.outcome === 'PASS';
  const guaranteesQualify = guarantees.outcome === 'UNMET';
  const qualifies = incomeQualifies || guaranteesQualify;
  const excluded = exclusions.outcome === 'EXCLUDED';
  const outcome = !qualifies ? 'NOT_INCLUDE' : excluded ? 'EXCLUDED' : 'INCLUDE';
  const grounds = [
    incomeQualifies ? '收入低于标准' : '',
    guaranteesQualify ? '两不愁三保障或饮水安全未达标' : '',
  ]
    .filter(Boolean)
    .join('且');
  const summaryZh = {
    INCLUDE: `纳入: ${grounds}`,
    EXCLUDED: `不纳入: 虽${grounds}, 但触及不纳入情形`,
    NOT_INCLUDE: '不纳入: 收入不低于标准且两不愁三保障和饮水安全均达标',
  }[outcome];
  const summaryEn = {
    INCLUDE: 'Include: income below the line or guarantees unmet',
    EXCLUDED: 'Not included: qualifies, but an exclusion rule applies',
    NOT_INCLUDE: 'Not included: income not below the line and every guarantee met',
  }[outcome];
  return {
    outcome,
    income,
    reasons: [
      makeReason({
        ruleId: 'IDENTIFY.INCLUSION',
        passed: outcome === 'INCLUDE',
        facts: { incomeBelowLine: incomeQualifies, guaranteesUnmet: guaranteesQualify, excluded },
        source: source('EXIT_2016', 'N', 'income < line, or guarantees unmet; exclusions still apply'),
        zh: summaryZh,
        en: summaryEn,
      }),
      ...incomeCheck.reasons,
      ...guarantees.reasons,
      ...exclusions.reasons,
    ],
  };
}

export interface HouseholdExitFacts {
  income: IncomeComponents;
  householdSize: number;
  guarantees: GuaranteeFacts;
  /** The year the household was registered as poor (建档立卡). */
  identifiedYear: number;
}

export interface HouseholdExitDecision extends Decision<'ELIGIBLE' | 'NOT_ELIGIBLE'> {
  income: PerCapitaIncome;
}

/**
 * Household exit standard (一超过、两不愁、三保障) for the policy's year: income strictly above the line,
 * every guarantee and water met, and not identified in the same year.
 */
export function decideHouseholdExit(
  facts: HouseholdExitFacts,
  policy: Policy,
  onDate: CalendarDate,
): HouseholdExitDecision {
  const income = perCapitaNetIncome(facts.income, facts.householdSize);
  const incomeCheck = checkIncomeAboveLine(income, policy);
  const guarantees = checkGuarantees(facts.guarantees, policy, onDate);
  const notSameYear = facts.identifiedYear < policy.year;
  const reasons = [
    ...incomeCheck.reasons,
    ...guarantees.reasons,
    makeReason({
      ruleId: 'HOUSEHOLD_EXIT.NOT_SAME_YEAR',
      passed: notSameYear,
      params: { exitYear: policy.year },
      facts: { identifiedYear: facts.identifiedYear },
      source: source('ID_PROCEDURE_2015', 'L', 'a household identified in a year does not exit that year'),
      zh: notSameYear
        ? `${facts.identifiedYear} 年识别, ${policy.year} 年可退出`
        : `${facts.identifiedYear} 年识别的贫困户不能在 ${policy.year} 年退出`,
      en: notSameYear
        ? `Identified in ${facts.identifiedYear}; may exit in ${policy.year}`
        : `Identified in ${facts.identifiedYear}; cannot exit in ${policy.year}`,
    }),
  ];
  return { outcome: allPassed(reasons) ? 'ELIGIBLE' : 'NOT_ELIGIBLE', income, reasons };
}
