import { InvalidInputError, requireCount, requirePositiveCount } from './errors';
import { allPassed, type Decision, makeReason, type Reason } from './explanation';
import { type Fen, formatYuan, requireFen } from './money';
import type { Policy } from './parameters';
import {
  addRatios,
  compareRatio,
  formatPercent,
  isAtLeast,
  isBelow,
  multiplyRatio,
  type Rate,
  type Ratio,
  ratio,
  toRate,
} from './ratio';

/** part ÷ whole as an exact rate; part must not exceed whole. Works for any scope: the caller passes counts. */
function countRate(part: number, whole: number, partField: string, wholeField: string): Rate {
  requireCount(part, partField);
  requirePositiveCount(whole, wholeField);
  if (part > whole) throw new InvalidInputError(partField, `${part} exceeds ${wholeField} (${whole})`);
  return toRate(ratio(part, whole));
}

/** 贫困发生率 = registered poor people not yet out ÷ rural (agricultural-registered) population. */
export function povertyIncidence(input: { poorPopulation: number; ruralPopulation: number }): Rate {
  return countRate(input.poorPopulation, input.ruralPopulation, 'poorPopulation', 'ruralPopulation');
}

/** 错退率 = sampled wrongly exited people ÷ sampled exited people (COUNTY_EVAL_2017). */
export function wrongExitRate(input: { wrongExitPersons: number; sampledExitedPersons: number }): Rate {
  return countRate(
    input.wrongExitPersons,
    input.sampledExitedPersons,
    'wrongExitPersons',
    'sampledExitedPersons',
  );
}

/** 漏评率 = verified missed people ÷ non-registered rural people in the sampled villages (COUNTY_EVAL_2017). */
export function missedRate(input: { missedPersons: number; sampledNonRegisteredPersons: number }): Rate {
  return countRate(
    input.missedPersons,
    input.sampledNonRegisteredPersons,
    'missedPersons',
    'sampledNonRegisteredPersons',
  );
}

/** 群众认可度 = surveyed households that recognise the work ÷ surveyed households (COUNTY_EVAL_2017). */
export function recognitionRate(input: { recognisingHouseholds: number; surveyedHouseholds: number }): Rate {
  return countRate(
    input.recognisingHouseholds,
    input.surveyedHouseholds,
    'recognisingHouseholds',
    'surveyedHouseholds',
  );
}

export interface ComprehensiveIncidenceInput {
  remainingPoorPopulation: number;
  ruralPopulation: number;
  wrongExit: { wrongExitPersons: number; sampledExitedPersons: number; totalExitedPersons: number };
  missed: { missedPersons: number; sampledNonRegisteredPersons: number; totalNonRegisteredPersons: number };
}

export interface ComprehensiveIncidence {
  rate: Rate;
  /** 推算错退人口 = 错退率 × total exited population. */
  estimatedWrongExitPersons: Ratio;
  /** 推算漏评人口 = 漏评率 × total non-registered population. */
  estimatedMissedPersons: Ratio;
}

/**
 * 综合贫困发生率 = (remaining registered poor + estimated wrong exits + estimated missed) ÷ rural
 * population (COUNTY_EVAL_2017), exact: the estimates stay fractions.
 */
export function comprehensiveIncidence(input: ComprehensiveIncidenceInput): ComprehensiveIncidence {
  requireCount(input.remainingPoorPopulation, 'remainingPoorPopulation');
  requirePositiveCount(input.ruralPopulation, 'ruralPopulation');
  const wrong = wrongExitRate(input.wrongExit);
  const missed = missedRate(input.missed);
  const estimatedWrongExitPersons = multiplyRatio(
    wrong,
    ratio(requireCount(input.wrongExit.totalExitedPersons, 'totalExitedPersons'), 1),
  );
  const estimatedMissedPersons = multiplyRatio(
    missed,
    ratio(requireCount(input.missed.totalNonRegisteredPersons, 'totalNonRegisteredPersons'), 1),
  );
  const numerator = addRatios([
    ratio(input.remainingPoorPopulation, 1),
    estimatedWrongExitPersons,
    estimatedMissedPersons,
  ]);
  const rate = multiplyRatio(numerator, ratio(1, input.ruralPopulation));
  return { rate: toRate(rate), estimatedWrongExitPersons, estimatedMissedPersons };
}

function thresholdReason(
  ruleId: string,
  label: { zh: string; en: string },
  value: Ratio,
  threshold: { value: Ratio; source: Reason['source'] },
  mode: 'below' | 'atLeast',
  facts: Reason['facts'],
): Reason {
  const passed = mode === 'below' ? isBelow(value, threshold.value) : isAtLeast(value, threshold.value);
  const shown = formatPercent(value);
  const limit = formatPercent(threshold.value);
  const relationZh = mode === 'below' ? (passed ? '低于' : '未低于') : passed ? '达到' : '低于';
  const relationEn =
    mode === 'below' ? (passed ? 'is below' : 'is not below') : passed ? 'reaches' : 'is below';
  return makeReason({
    ruleId,
    passed,
    params: {
      threshold: { numerator: threshold.value.numerator, denominator: threshold.value.denominator },
      comparison: mode === 'below' ? '<' : '≥',
    },
    facts: { ...facts, numerator: value.numerator, denominator: value.denominator, percent: shown },
    source: threshold.source,
    zh: `${label.zh} ${shown} ${relationZh} ${limit}`,
    en: `${label.en} ${shown} ${relationEn} ${limit}`,
  });
}

export interface VillageExitInput {
  poorPopulation: number;
  ruralPopulation: number;
  /** Village collective income for the year, in fen. */
  collectiveIncomeFen: Fen;
}

export interface VillageExitDecision extends Decision<'PASS' | 'FAIL'> {
  incidence: Rate;
}

/**
 * Village exit: incidence below 2 % (west 3 %) (EXIT_2016), and where the province sets one, collective
 * income at least the minimum (Hunan: 40,000 yuan, HN_EXIT_2016). Exactly 2 % fails.
 */
export function decideVillageExit(input: VillageExitInput, policy: Policy): VillageExitDecision {
  const incidence = povertyIncidence(input);
  const regionClass = policy.get('regionClass');
  const maxIncidence = policy.resolve('villageExit.maxIncidence');
  const reasons = [
    thresholdReason(
      'VILLAGE_EXIT.INCIDENCE',
      { zh: '贫困发生率', en: 'Poverty incidence' },
      incidence,
      { value: maxIncidence.value[regionClass], source: maxIncidence.source },
      'below',
      { regionClass, poorPopulation: input.poorPopulation, ruralPopulation: input.ruralPopulation },
    ),
  ];
  const minIncome = policy.resolve('villageExit.minCollectiveIncome');
  const income = requireFen(input.collectiveIncomeFen, 'collectiveIncomeFen');
  if (minIncome.value !== null) {
    const passed = income >= minIncome.value;
    reasons.push(
      makeReason({
        ruleId: 'VILLAGE_EXIT.COLLECTIVE_INCOME',
        passed,
        params: { minCollectiveIncomeFen: minIncome.value },
        facts: { collectiveIncomeFen: income },
        source: minIncome.source,
        zh: `村集体经济收入 ${formatYuan(income)} 元${passed ? '达到' : '低于'} ${formatYuan(minIncome.value)} 元`,
        en: `Collective income ${formatYuan(income)} yuan ${passed ? 'reaches' : 'is below'} ${formatYuan(minIncome.value)}`,
      }),
    );
  }
  return { outcome: allPassed(reasons) ? 'PASS' : 'FAIL', incidence, reasons };
}

export interface CountyExitInput extends ComprehensiveIncidenceInput {
  recognition: { recognisingHouseholds: number; surveyedHouseholds: number };
}

export interface CountyExitDecision extends Decision<'PASS' | 'FAIL'> {
  comprehensive: ComprehensiveIncidence;
  wrongExit: Rate;
  missed: Rate;
  recognition: Rate;
}

/**
 * County exit, 三率一度: comprehensive incidence below 2 % (west 3 %), wrong-exit rate below 2 %,
 * missed rate below 2 %, recognition at least 90 % (EXIT_2016, COUNTY_EVAL_2017). Each one is a veto.
 */
export function decideCountyExit(input: CountyExitInput, policy: Policy): CountyExitDecision {
  const comprehensive = comprehensiveIncidence(input);
  const wrongExit = wrongExitRate(input.wrongExit);
  const missed = missedRate(input.missed);
  const recognition = recognitionRate(input.recognition);
  const regionClass = policy.get('regionClass');
  const maxIncidence = policy.resolve('countyExit.maxComprehensiveIncidence');
  const reasons = [
    thresholdReason(
      'COUNTY_EXIT.COMPREHENSIVE_INCIDENCE',
      { zh: '综合贫困发生率', en: 'Comprehensive incidence' },
      comprehensive.rate,
      { value: maxIncidence.value[regionClass], source: maxIncidence.source },
      'below',
      {
        regionClass,
        remainingPoorPopulation: input.remainingPoorPopulation,
        ruralPopulation: input.ruralPopulation,
      },
    ),
    thresholdReason(
      'COUNTY_EXIT.WRONG_EXIT_RATE',
      { zh: '错退率', en: 'Wrong-exit rate' },
      wrongExit,
      policy.resolve('countyExit.maxWrongExitRate'),
      'below',
      {},
    ),
    thresholdReason(
      'COUNTY_EXIT.MISSED_RATE',
      { zh: '漏评率', en: 'Missed-identification rate' },
      missed,
      policy.resolve('countyExit.maxMissedRate'),
      'below',
      {},
    ),
    thresholdReason(
      'COUNTY_EXIT.RECOGNITION',
      { zh: '群众认可度', en: 'Public recognition' },
      recognition,
      policy.resolve('countyExit.minRecognition'),
      'atLeast',
      {},
    ),
  ];
  return {
    outcome: allPassed(reasons) ? 'PASS' : 'FAIL',
    comprehensive,
    wrongExit,
    missed,
    recognition,
    reasons,
  };
}

/** A village was identified as poor when its incidence was more than twice the province's [N]. */
export function isPoorVillageByIncidence(village: Ratio, province: Ratio): boolean {
  return compareRatio(village, multiplyRatio(province, ratio(2, 1))) > 0;
}

export type RatesVerdict = 'PASSED' | 'FAILED' | 'NOT_ASSESSED';

/**
 * The overall verdict of a region's four rates: one assessed rate failing fails it; otherwise a rate that could
 * not be computed (nothing sampled, no population) leaves it not assessed, since an unknown rate cannot pass.
 */
export function ratesVerdict(rates: readonly ({ passed: boolean } | null)[]): RatesVerdict {
  if (rates.some((rate) => rate !== null && !rate.passed)) return 'FAILED';
  if (rates.length === 0 || rates.some((rate) => rate === null)) return 'NOT_ASSESSED';
  return 'PASSED';
}
