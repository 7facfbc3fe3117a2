import { describe, expect, it } from 'vitest';
import {
  applyExclusions,
  BUILT_IN_EXCLUSION_RULES,
  checkGuarantees,
  clearExclusionFacts,
  compareWithLine,
  DEFAULT_PARAMETERS,
  decideHouseholdExit,
  decideInclusion,
  type ExclusionFacts,
  type ExclusionRule,
  failedRuleIds,
  InvalidInputError,
  JIANGHUA,
  JIANGHUA_COUNTY,
  perCapitaNetIncome,
  policyFor,
  source,
  withOverrides,
  yuan,
} from '../src';
import { adult, jianghua, reason, secureGuarantees, wagesOnly } from './helpers';

describe('per-capita net income (wages + business − costs + property + transfers) ÷ size', () => {
  it('adds the components and divides exactly', () => {
    const income = perCapitaNetIncome(
      {
        wagesFen: yuan(8000),
        businessIncomeFen: yuan(3000),
        businessCostsFen: yuan(1200),
        propertyIncomeFen: yuan(200),
        transferIncomeFen: yuan('1000.50'),
      },
      4,
    );
    expect(income.netIncomeFen).toBe(yuan('11000.50'));
    expect(income.perCapitaFen).toBe(yuan('2750.12'));
    expect(income.exact).toEqual({ numerator: 1_100_050, denominator: 4 });
  });

  it.each([
    [100, 3, 33],
    [-100, 3, -34],
    [0, 5, 0],
  ])('rounds %i fen ÷ %i down to %i fen', (total, size, shown) => {
    const income = perCapitaNetIncome(
      { ...wagesOnly(0), wagesFen: Math.max(total, 0), businessCostsFen: Math.max(-total, 0) },
      size,
    );
    expect(income.perCapitaFen).toBe(shown);
  });

  it('compares the exact amount with a line, not the rounded one', () => {
    // 3 people with 8,856.01 yuan: 2,952.0033… per person, rounded down to 2,952.00 but above a 2,952 line.
    const income = perCapitaNetIncome(wagesOnly('8856.01'), 3);
    expect(income.perCapitaFen).toBe(yuan(2952));
    expect(compareWithLine(income, yuan(2952))).toBe(1);
    expect(compareWithLine(perCapitaNetIncome(wagesOnly(8856), 3), yuan(2952))).toBe(0);
  });

  it.each([
    ['a household of 0', () => perCapitaNetIncome(wagesOnly(1000), 0)],
    ['a negative component', () => perCapitaNetIncome({ ...wagesOnly(0), propertyIncomeFen: -1 }, 2)],
    ['a float in fen', () => perCapitaNetIncome({ ...wagesOnly(0), transferIncomeFen: 0.5 }, 2)],
  ])('rejects %s', (_, run) => {
    expect(run).toThrow(InvalidInputError);
  });
});

describe('两不愁三保障 and safe water', () => {
  const on = '2019-06-30';

  it('is MET when every item holds', () => {
    const decision = checkGuarantees(secureGuarantees(), jianghua(2019), on);
    expect(decision.outcome).toBe('MET');
    expect(decision.reasons.map((r) => r.ruleId)).toEqual([
      'GUARANTEE.FOOD',
      'GUARANTEE.CLOTHING',
      'GUARANTEE.EDUCATION',
      'GUARANTEE.MEDICAL',
      'GUARANTEE.HOUSING',
      'WATER.QUANTITY',
      'WATER.QUALITY',
      'WATER.ACCESS',
      'WATER.RELIABILITY',
    ]);
  });

  it.each([
    ['A', true],
    ['B', true],
    ['C', false],
    ['D', false],
  ] as const)('housing rated %s is secure: %s', (grade, secure) => {
    const decision = checkGuarantees(secureGuarantees({ housing: { grade } }), jianghua(2019), on);
    expect(reason(decision.reasons, 'GUARANTEE.HOUSING').passed).toBe(secure);
    expect(decision.outcome).toBe(secure ? 'MET' : 'UNMET');
  });

  it.each([
    [false, false],
    [true, true],
  ])('a relocated household in a D house: flat handed over %s → secure %s', (handedOver, secure) => {
    const facts = secureGuarantees({ housing: { grade: 'D', relocation: { flatHandedOver: handedOver } } });
    expect(reason(checkGuarantees(facts, jianghua(2019), on).reasons, 'GUARANTEE.HOUSING').passed).toBe(
      secure,
    );
  });

  it.each([
    ['a 10-year-old out of school', { birthDate: '2009-01-01', enrolledInSchool: false }, false],
    [
      'a 10-year-old out of school for health reasons',
      { birthDate: '2009-01-01', enrolledInSchool: false, outOfSchoolForHealth: true },
      true,
    ],
    ['a 10-year-old in school', { birthDate: '2009-01-01', enrolledInSchool: true }, true],
    ['a child turning 6 on the assessment day', { birthDate: '2013-06-30', enrolledInSchool: false }, false],
    ['a child turning 6 the day after', { birthDate: '2013-07-01', enrolledInSchool: false }, true],
    ['a 15-year-old out of school', { birthDate: '2003-07-01', enrolledInSchool: false }, false],
    ['a 16-year-old out of school', { birthDate: '2003-06-30', enrolledInSchool: false }, true],
  ])('%s: education secure %s', (_, child, secure) => {
    const facts = secureGuarantees({ members: [adult('m1'), adult('child', child)] });
    const education = reason(checkGuarantees(facts, jianghua(2019), on).reasons, 'GUARANTEE.EDUCATION');
    expect(education.passed).toBe(secure);
    expect(education.facts.childrenOutOfSchool).toEqual(secure ? [] : ['child']);
  });

  it('requires medical insurance for every member', () => {
    const facts = secureGuarantees({
      members: [adult('m1'), adult('m2', { hasBasicMedicalInsurance: false })],
    });
    const decision = checkGuarantees(facts, jianghua(2019), on);
    expect(decision.outcome).toBe('UNMET');
    expect(failedRuleIds(decision)).toEqual(['GUARANTEE.MEDICAL']);
    expect(reason(decision.reasons, 'GUARANTEE.MEDICAL').facts.uninsuredMembers).toEqual(['m2']);
  });

  it.each([
    ['food', { enoughFood: false }, 'GUARANTEE.FOOD'],
    ['clothing', { enoughClothing: false }, 'GUARANTEE.CLOTHING'],
  ])('fails on %s', (_, overrides, ruleId) => {
    expect(failedRuleIds(checkGuarantees(secureGuarantees(overrides), jianghua(2019), on))).toEqual([ruleId]);
  });

  const water = secureGuarantees().water;
  it.each([
    ['35 L a day', { litresPerPersonPerDay: 35 }, []],
    ['34 L a day', { litresPerPersonPerDay: 34 }, ['WATER.QUANTITY']],
    ['20 L a day in a water-scarce area', { litresPerPersonPerDay: 20, waterScarceArea: true }, []],
    [
      '19 L a day in a water-scarce area',
      { litresPerPersonPerDay: 19, waterScarceArea: true },
      ['WATER.QUANTITY'],
    ],
    ['failed quality test', { qualityPassed: false }, ['WATER.QUALITY']],
    ['not piped, 20-minute trip', { pipedToHome: false, fetchMinutes: 20 }, []],
    ['not piped, 21-minute trip, no distances', { pipedToHome: false, fetchMinutes: 21 }, ['WATER.ACCESS']],
    ['not piped, 800 m away', { pipedToHome: false, fetchMinutes: 30, horizontalMetres: 800 }, []],
    ['not piped, 80 m climb', { pipedToHome: false, horizontalMetres: 900, verticalMetres: 80 }, []],
    [
      'not piped, 801 m and 81 m',
      { pipedToHome: false, horizontalMetres: 801, verticalMetres: 81 },
      ['WATER.ACCESS'],
    ],
    ['36 outage days', { outageDaysPerYear: 36 }, []],
    ['37 outage days', { outageDaysPerYear: 37 }, ['WATER.RELIABILITY']],
  ])('water with %s fails %j', (_, overrides, failing) => {
    const decision = checkGuarantees(
      secureGuarantees({ water: { ...water, ...overrides } }),
      jianghua(2019),
      on,
    );
    expect(failedRuleIds(decision)).toEqual(failing);
  });
});

describe('the exclusion rules (七个不纳入)', () => {
  const policy = jianghua(2019);
  const cases: [string, Partial<ExclusionFacts>, string | null][] = [
    ['a member on the public payroll', { publicEmployeeMemberIds: ['m2'] }, 'PUBLIC_EMPLOYEE'],
    ['a serving village cadre', { villageCadreMemberIds: ['m1'] }, 'VILLAGE_CADRE'],
    [
      'a private car bought for 30,000 yuan',
      { vehicles: [{ kind: 'CAR', purchasePriceFen: yuan(30_000), productive: false }] },
      'VEHICLE',
    ],
    [
      'a private car bought for 29,999 yuan',
      { vehicles: [{ kind: 'CAR', purchasePriceFen: yuan(29_999), productive: false }] },
      null,
    ],
    [
      'a car used for production',
      { vehicles: [{ kind: 'CAR', purchasePriceFen: yuan(50_000), productive: true }] },
      null,
    ],
    [
      'construction machinery',
      { vehicles: [{ kind: 'CONSTRUCTION_MACHINERY', purchasePriceFen: yuan(80_000), productive: true }] },
      'VEHICLE',
    ],
    ['a shop in town', { townProperties: [{ kind: 'SHOP' }] }, 'TOWN_HOUSE'],
    ['a luxury fit-out', { luxuryRenovation: true }, 'TOWN_HOUSE'],
    [
      'an operating registered company',
      { businesses: [{ kind: 'COMPANY', registered: true, operating: true }] },
      'BUSINESS',
    ],
    [
      'a registered company that does not operate',
      { businesses: [{ kind: 'COMPANY', registered: true, operating: false }] },
      null,
    ],
    [
      'an unregistered company',
      { businesses: [{ kind: 'COMPANY', registered: false, operating: true }] },
      null,
    ],
    [
      'a transport business',
      { businesses: [{ kind: 'TRANSPORT', registered: false, operating: true }] },
      'BUSINESS',
    ],
    ['a long-term employer', { longTermEmployer: true }, 'EMPLOYER'],
    ['a large-scale farmer', { largeScaleFarmer: true }, 'EMPLOYER'],
    ['a contractor', { contractor: true }, 'EMPLOYER'],
    ['a split household', { splitToQualify: true }, 'SPLIT_OR_GHOST_HOUSEHOLD'],
    ['a ghost registration', { ghostRegistration: true }, 'SPLIT_OR_GHOST_HOUSEHOLD'],
    ['commercial pension insurance (OTHER is off by default)', { commercialPensionInsurance: true }, null],
    ['nothing', {}, null],
  ];

  it.each(cases)('%s → excluded by %s', (_, overrides, ruleId) => {
    const decision = applyExclusions({ ...clearExclusionFacts(), ...overrides }, policy);
    expect(decision.outcome).toBe(ruleId ? 'EXCLUDED' : 'PASS');
    expect(failedRuleIds(decision)).toEqual(ruleId ? [`EXCLUSION.${ruleId}`] : []);
    expect(decision.reasons).toHaveLength(7);
  });

  it('explains an exclusion in Chinese with the rule id, the evidence and the source', () => {
    const decision = applyExclusions({ ...clearExclusionFacts(), publicEmployeeMemberIds: ['m2'] }, policy);
    const hit = reason(decision.reasons, 'EXCLUSION.PUBLIC_EMPLOYEE');
    expect(hit.messageZh).toMatch(
      /^不纳入: 家庭成员为国家公职人员或财政供养人员 \(规则 EXCLUSION\.PUBLIC_EMPLOYEE, 依据 .+\[L\]\)$/,
    );
    expect(hit.facts).toEqual({ memberIds: ['m2'] });
    expect(hit.source).toEqual({ document: 'EXCLUSION_LISTS', grade: 'L' });
    expect(JSON.parse(JSON.stringify(decision))).toEqual(decision);
  });

  it('records the vehicle price threshold it used', () => {
    const decision = applyExclusions(clearExclusionFacts(), policy);
    expect(reason(decision.reasons, 'EXCLUSION.VEHICLE').params).toEqual({
      vehicleMinPriceFen: yuan(30_000),
      vehicleMinPriceYuan: '30000.00',
    });
  });

  const countyTable = withOverrides(DEFAULT_PARAMETERS, [
    {
      key: 'exclusions.enabled',
      scope: { level: 'COUNTY', county: JIANGHUA_COUNTY },
      fromYear: 2019,
      value: ['PUBLIC_EMPLOYEE', 'OTHER', 'HIGH_DEPOSITS'],
      source: source('PROJECT_DEFAULT', 'L', 'county list'),
    },
  ]);
  const deposits: ExclusionRule = {
    id: 'HIGH_DEPOSITS',
    labelZh: '家庭存款超过20万元',
    labelEn: 'Deposits above 200,000 yuan',
    source: source('PROJECT_DEFAULT', 'L'),
    evaluate: () => ({ hit: true, evidence: { depositsYuan: 250_000 } }),
  };

  it('lets a county switch rules on and off and add its own', () => {
    const county = policyFor(countyTable, 2019, JIANGHUA);
    const decision = applyExclusions(
      { ...clearExclusionFacts(), unexplainedReport: true, longTermEmployer: true },
      county,
      [deposits],
    );
    expect(decision.reasons.map((r) => r.ruleId)).toEqual([
      'EXCLUSION.PUBLIC_EMPLOYEE',
      'EXCLUSION.OTHER',
      'EXCLUSION.HIGH_DEPOSITS',
    ]);
    expect(failedRuleIds(decision)).toEqual(['EXCLUSION.OTHER', 'EXCLUSION.HIGH_DEPOSITS']);
  });

  it('refuses an enabled rule id that has no rule behind it', () => {
    expect(() => applyExclusions(clearExclusionFacts(), policyFor(countyTable, 2019, JIANGHUA))).toThrow(
      /HIGH_DEPOSITS/,
    );
  });

  it('defines a label and a source for every built-in rule', () => {
    for (const rule of Object.values(BUILT_IN_EXCLUSION_RULES)) {
      expect(rule.labelZh.length).toBeGreaterThan(3);
      expect(rule.source.document).toBe('EXCLUSION_LISTS');
    }
  });
});

describe('inclusion: income below the line OR guarantees unmet; exclusions still apply', () => {
  const policy = jianghua(2019); // line 3,218 yuan
  const base = { householdSize: 2, guarantees: secureGuarantees(), exclusions: clearExclusionFacts() };

  it.each([
    ['income 1 fen below the line', '6435.98', secureGuarantees(), 'INCLUDE'],
    ['income exactly at the line', '6436', secureGuarantees(), 'NOT_INCLUDE'],
    [
      'income above the line, dangerous house',
      '9000',
      secureGuarantees({ housing: { grade: 'C' } }),
      'INCLUDE',
    ],
    [
      'income below the line and a dangerous house',
      '3000',
      secureGuarantees({ housing: { grade: 'D' } }),
      'INCLUDE',
    ],
  ])('%s → %s', (_, wages, guarantees, outcome) => {
    const decision = decideInclusion({ ...base, income: wagesOnly(wages), guarantees }, policy, '2019-06-30');
    expect(decision.outcome).toBe(outcome);
    expect(reason(decision.reasons, 'IDENTIFY.INCLUSION').passed).toBe(outcome === 'INCLUDE');
  });

  it('excludes a qualifying household with a public employee, and says why', () => {
    const decision = decideInclusion(
      {
        ...base,
        income: wagesOnly(3000),
        exclusions: { ...clearExclusionFacts(), publicEmployeeMemberIds: ['m2'] },
      },
      policy,
      '2019-06-30',
    );
    expect(decision.outcome).toBe('EXCLUDED');
    expect(decision.reasons[0]?.messageZh).toMatch(/^不纳入: 虽收入低于标准, 但触及不纳入情形/);
    expect(failedRuleIds(decision)).toContain('EXCLUSION.PUBLIC_EMPLOYEE');
    expect(decision.income.perCapitaFen).toBe(yuan(1500));
  });

  it('states both grounds when both hold', () => {
    const decision = decideInclusion(
      { ...base, income: wagesOnly(3000), guarantees: secureGuarantees({ enoughFood: false }) },
      policy,
      '2019-06-30',
    );
    expect(decision.reasons[0]?.messageZh).toMatch(/^纳入: 收入低于标准且两不愁三保障或饮水安全未达标/);
    expect(reason(decision.reasons, 'IDENTIFY.INCOME_BELOW_LINE').params).toEqual({
      incomeLineFen: yuan(3218),
      year: 2019,
    });
  });

  it('does not ignore exclusions for a household that does not qualify anyway', () => {
    const decision = decideInclusion(
      { ...base, income: wagesOnly(20_000), exclusions: { ...clearExclusionFacts(), contractor: true } },
      policy,
      '2019-06-30',
    );
    expect(decision.outcome).toBe('NOT_INCLUDE');
  });
});

describe('household exit: income above the line, guarantees hold, not identified the same year', () => {
  const policy = jianghua(2018); // line 2,995 yuan
  it.each([
    ['income 1 fen above the line', '5990.02', 2016, 'ELIGIBLE', []],
    ['income exactly at the line', '5990', 2016, 'NOT_ELIGIBLE', ['HOUSEHOLD_EXIT.INCOME_ABOVE_LINE']],
    ['identified the same year', '9000', 2018, 'NOT_ELIGIBLE', ['HOUSEHOLD_EXIT.NOT_SAME_YEAR']],
    ['identified the year before', '9000', 2017, 'ELIGIBLE', []],
  ])('%s → %s', (_, wages, identifiedYear, outcome, failing) => {
    const decision = decideHouseholdExit(
      { income: wagesOnly(wages), householdSize: 2, guarantees: secureGuarantees(), identifiedYear },
      policy,
      '2018-10-01',
    );
    expect(decision.outcome).toBe(outcome);
    expect(failedRuleIds(decision)).toEqual(failing);
  });

  it('keeps a household whose guarantees fail even with a high income', () => {
    const decision = decideHouseholdExit(
      {
        income: wagesOnly(20_000),
        householdSize: 2,
        guarantees: secureGuarantees({ housing: { grade: 'C' } }),
        identifiedYear: 2015,
      },
      policy,
      '2018-10-01',
    );
    expect(decision.outcome).toBe('NOT_ELIGIBLE');
    expect(failedRuleIds(decision)).toEqual(['GUARANTEE.HOUSING']);
    expect(reason(decision.reasons, 'HOUSEHOLD_EXIT.INCOME_ABOVE_LINE').messageZh).toContain(
      '超过 2018 年扶贫标准 2995.00 元',
    );
  });
});
