import {
  DEFAULT_PARAMETERS,
  type GuaranteeFacts,
  type IncomeComponents,
  JIANGHUA,
  type MemberFacts,
  type Policy,
  policyFor,
  type Reason,
  yuan,
} from '../src';

/** The parameters in force in Jianghua for a year. */
export function jianghua(year: number): Policy {
  return policyFor(DEFAULT_PARAMETERS, year, JIANGHUA);
}

export function adult(id: string, overrides: Partial<MemberFacts> = {}): MemberFacts {
  return {
    id,
    birthDate: '1980-05-01',
    hasBasicMedicalInsurance: true,
    enrolledInSchool: false,
    labourCapacity: 'FULL',
    ...overrides,
  };
}

/** A household where every guarantee and every water criterion holds. */
export function secureGuarantees(overrides: Partial<GuaranteeFacts> = {}): GuaranteeFacts {
  return {
    enoughFood: true,
    enoughClothing: true,
    housing: { grade: 'A' },
    water: {
      litresPerPersonPerDay: 60,
      waterScarceArea: false,
      qualityPassed: true,
      pipedToHome: true,
      fetchMinutes: null,
      horizontalMetres: null,
      verticalMetres: null,
      outageDaysPerYear: 0,
    },
    members: [adult('m1'), adult('m2')],
    ...overrides,
  };
}

/** Income made only of wages, in yuan (a decimal string or integer). */
export function wagesOnly(amountYuan: string | number): IncomeComponents {
  return {
    wagesFen: yuan(amountYuan),
    businessIncomeFen: 0,
    businessCostsFen: 0,
    propertyIncomeFen: 0,
    transferIncomeFen: 0,
  };
}

export function reason(reasons: readonly Reason[], ruleId: string): Reason {
  const found = reasons.find((r) => r.ruleId === ruleId);
  if (!found) throw new Error(`no reason ${ruleId} among ${reasons.map((r) => r.ruleId).join(', ')}`);
  return found;
}

/** The error `run` throws; fails the test when it throws nothing. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}
