import { describe, expect, it } from 'vitest';
import {
  type CountyExitInput,
  comprehensiveIncidence,
  DEFAULT_PARAMETERS,
  decideCountyExit,
  decideVillageExit,
  failedRuleIds,
  HUNAN_PROVINCE,
  InvalidInputError,
  isPoorVillageByIncidence,
  JIANGHUA_COUNTY,
  missedRate,
  policyFor,
  povertyIncidence,
  ratesVerdict,
  ratio,
  recognitionRate,
  source,
  withOverrides,
  wrongExitRate,
  yuan,
} from '../src';
import { jianghua, reason } from './helpers';

describe('rate formulas, for any scope', () => {
  it('keeps the counts as the exact fraction and shows a percentage', () => {
    expect(povertyIncidence({ poorPopulation: 3, ruralPopulation: 150 })).toEqual({
      numerator: 3,
      denominator: 150,
      percent: '2.00%',
      approximate: 0.02,
    });
    expect(wrongExitRate({ wrongExitPersons: 1, sampledExitedPersons: 3 }).percent).toBe('33.33%');
    expect(missedRate({ missedPersons: 7, sampledNonRegisteredPersons: 1000 }).percent).toBe('0.70%');
    expect(recognitionRate({ recognisingHouseholds: 450, surveyedHouseholds: 500 }).percent).toBe('90.00%');
  });

  it.each([
    ['an empty population', () => povertyIncidence({ poorPopulation: 0, ruralPopulation: 0 })],
    ['more poor than people', () => povertyIncidence({ poorPopulation: 11, ruralPopulation: 10 })],
    ['a negative count', () => recognitionRate({ recognisingHouseholds: -1, surveyedHouseholds: 10 })],
    ['a fractional count', () => wrongExitRate({ wrongExitPersons: 0.5, sampledExitedPersons: 10 })],
  ])('rejects %s', (_, run) => {
    expect(run).toThrow(InvalidInputError);
  });

  it('estimates wrong exits and missed people exactly and adds them to the remaining poor', () => {
    const result = comprehensiveIncidence({
      remainingPoorPopulation: 1000,
      ruralPopulation: 100_000,
      wrongExit: { wrongExitPersons: 3, sampledExitedPersons: 1000, totalExitedPersons: 50_000 },
      missed: { missedPersons: 1, sampledNonRegisteredPersons: 3000, totalNonRegisteredPersons: 40_000 },
    });
    expect(result.estimatedWrongExitPersons).toEqual({ numerator: 150, denominator: 1 });
    expect(result.estimatedMissedPersons).toEqual({ numerator: 40, denominator: 3 });
    // (1000 + 150 + 40/3) / 100000 = 3490/300000
    expect(result.rate).toMatchObject({ numerator: 349, denominator: 30_000, percent: '1.16%' });
  });

  it('marks a village poor when its incidence is more than twice the province’s', () => {
    expect(isPoorVillageByIncidence(ratio(20, 100), ratio(10, 100))).toBe(false);
    expect(isPoorVillageByIncidence(ratio(201, 1000), ratio(10, 100))).toBe(true);
  });
});

describe('village exit: incidence < 2 % (west < 3 %), Hunan collective income ≥ 40,000 yuan', () => {
  const policy = jianghua(2018);
  it.each([
    ['incidence just under 2 %', 199, 10_000, '40000', 'PASS', []],
    ['incidence exactly 2 %', 200, 10_000, '40000', 'FAIL', ['VILLAGE_EXIT.INCIDENCE']],
    ['collective income 1 fen short', 0, 10_000, '39999.99', 'FAIL', ['VILLAGE_EXIT.COLLECTIVE_INCOME']],
    ['both failing', 300, 10_000, '0', 'FAIL', ['VILLAGE_EXIT.INCIDENCE', 'VILLAGE_EXIT.COLLECTIVE_INCOME']],
  ])('%s → %s', (_, poor, rural, income, outcome, failing) => {
    const decision = decideVillageExit(
      { poorPopulation: poor, ruralPopulation: rural, collectiveIncomeFen: yuan(income) },
      policy,
    );
    expect(decision.outcome).toBe(outcome);
    expect(failedRuleIds(decision)).toEqual(failing);
  });

  it('says exactly-2 % fails in Chinese', () => {
    const decision = decideVillageExit(
      { poorPopulation: 20, ruralPopulation: 1000, collectiveIncomeFen: yuan(50_000) },
      policy,
    );
    expect(reason(decision.reasons, 'VILLAGE_EXIT.INCIDENCE').messageZh).toMatch(
      /^贫困发生率 2\.00% 未低于 2\.00% \(规则 VILLAGE_EXIT\.INCIDENCE, 依据 .*厅字〔2016〕16号 \[N\]\)$/,
    );
  });

  it('uses 3 % for a western county and no income test outside Hunan', () => {
    const west = policyFor(
      withOverrides(DEFAULT_PARAMETERS, [
        {
          key: 'regionClass',
          scope: { level: 'PROVINCE', province: '520000' },
          fromYear: 2014,
          value: 'WEST',
          source: source('EXIT_2016', 'N'),
        },
      ]),
      2018,
      { province: '520000' },
    );
    const decision = decideVillageExit(
      { poorPopulation: 299, ruralPopulation: 10_000, collectiveIncomeFen: 0 },
      west,
    );
    expect(decision.outcome).toBe('PASS');
    expect(decision.reasons.map((r) => r.ruleId)).toEqual(['VILLAGE_EXIT.INCIDENCE']);
    expect(
      decideVillageExit({ poorPopulation: 300, ruralPopulation: 10_000, collectiveIncomeFen: 0 }, west)
        .outcome,
    ).toBe('FAIL');
  });

  it('refuses to judge a year with no exit thresholds', () => {
    expect(() =>
      decideVillageExit({ poorPopulation: 0, ruralPopulation: 10, collectiveIncomeFen: 0 }, jianghua(2021)),
    ).toThrow(/villageExit\.maxIncidence/);
  });
});

describe('county exit: 三率一度, each one a veto', () => {
  const passing: CountyExitInput = {
    remainingPoorPopulation: 1000,
    ruralPopulation: 100_000,
    wrongExit: { wrongExitPersons: 0, sampledExitedPersons: 1000, totalExitedPersons: 50_000 },
    missed: { missedPersons: 0, sampledNonRegisteredPersons: 1000, totalNonRegisteredPersons: 40_000 },
    recognition: { recognisingHouseholds: 950, surveyedHouseholds: 1000 },
  };
  const policy = jianghua(2018);

  it.each([
    ['all within limits', passing, []],
    [
      'comprehensive incidence exactly 2 %',
      { ...passing, remainingPoorPopulation: 2000 },
      ['COUNTY_EXIT.COMPREHENSIVE_INCIDENCE'],
    ],
    [
      'estimated wrong exits (1 % of 100,000 exited) pushing incidence to exactly 2 %',
      { ...passing, wrongExit: { ...passing.wrongExit, wrongExitPersons: 10, totalExitedPersons: 100_000 } },
      ['COUNTY_EXIT.COMPREHENSIVE_INCIDENCE'],
    ],
    [
      'wrong-exit rate exactly 2 %',
      { ...passing, remainingPoorPopulation: 0, wrongExit: { ...passing.wrongExit, wrongExitPersons: 20 } },
      ['COUNTY_EXIT.WRONG_EXIT_RATE'],
    ],
    [
      'wrong-exit rate 1.9 %',
      { ...passing, remainingPoorPopulation: 0, wrongExit: { ...passing.wrongExit, wrongExitPersons: 19 } },
      [],
    ],
    [
      'missed rate exactly 2 %',
      { ...passing, remainingPoorPopulation: 0, missed: { ...passing.missed, missedPersons: 20 } },
      ['COUNTY_EXIT.MISSED_RATE'],
    ],
    [
      'recognition exactly 90 %',
      { ...passing, recognition: { recognisingHouseholds: 900, surveyedHouseholds: 1000 } },
      [],
    ],
    [
      'recognition 89.9 %',
      { ...passing, recognition: { recognisingHouseholds: 899, surveyedHouseholds: 1000 } },
      ['COUNTY_EXIT.RECOGNITION'],
    ],
  ])('%s', (_, input, failing) => {
    const decision = decideCountyExit(input, policy);
    expect(failedRuleIds(decision)).toEqual(failing);
    expect(decision.outcome).toBe(failing.length === 0 ? 'PASS' : 'FAIL');
  });

  it('returns the four rates with the decision', () => {
    const decision = decideCountyExit(passing, policy);
    expect(decision.recognition.percent).toBe('95.00%');
    expect(decision.comprehensive.rate.percent).toBe('1.00%');
    expect(reason(decision.reasons, 'COUNTY_EXIT.RECOGNITION').messageZh).toMatch(
      /^群众认可度 95\.00% 达到 90\.00%/,
    );
    expect(reason(decision.reasons, 'COUNTY_EXIT.RECOGNITION').params).toEqual({
      threshold: { numerator: 90, denominator: 100 },
      comparison: '≥',
    });
  });

  it('applies a county’s stricter 1 % missed-rate threshold', () => {
    const strict = policyFor(
      withOverrides(DEFAULT_PARAMETERS, [
        {
          key: 'countyExit.maxMissedRate',
          scope: { level: 'COUNTY', county: JIANGHUA_COUNTY },
          fromYear: 2018,
          value: ratio(1, 100),
          source: source('PROJECT_DEFAULT', 'L'),
        },
      ]),
      2018,
      { province: HUNAN_PROVINCE, county: JIANGHUA_COUNTY },
    );
    const input = { ...passing, missed: { ...passing.missed, missedPersons: 10 } };
    expect(decideCountyExit(input, policy).outcome).toBe('PASS');
    expect(failedRuleIds(decideCountyExit(input, strict))).toEqual(['COUNTY_EXIT.MISSED_RATE']);
  });
});

describe('the overall verdict of the four rates', () => {
  const pass = { passed: true };
  const fail = { passed: false };
  it.each([
    ['all four assessed and passing', [pass, pass, pass, pass], 'PASSED'],
    ['one failing, even with others not assessed', [pass, null, fail, null], 'FAILED'],
    ['none assessed (a year without samples)', [null, null, null, null], 'NOT_ASSESSED'],
    ['three passing and one not assessed', [pass, pass, null, pass], 'NOT_ASSESSED'],
    ['no rates at all', [], 'NOT_ASSESSED'],
  ] as const)('%s → %s', (_case, rates, verdict) => {
    expect(ratesVerdict(rates)).toBe(verdict);
  });
});
