import { idNumberCheckCharacter } from '@gongjian/rules';
import { globalId, type Scenario } from './harness';

/** Fixtures for the identification tests: valid ID numbers, a fresh household with a year of facts. */

let serial = 0;
/**
 * A valid ID number nobody else has: demo people use sequence numbers 000–499 and generated import files
 * 500–699; tests use 700–799 with a birth date of their own per call.
 */
export function freshIdNumber(male = true): string {
  serial += 1;
  const birth = new Date(Date.UTC(1960, 0, 1) + serial * 3 * 86_400_000).toISOString().slice(0, 10);
  const first17 = `431129${birth.replaceAll('-', '')}${male ? '701' : '702'}`;
  return first17 + idNumberCheckCharacter(first17);
}

export const HEAD = (idNumber = freshIdNumber()) => ({
  name: '盘建国',
  idNumber,
  relation: 'HEAD',
  education: 'PRIMARY',
  health: 'HEALTHY',
  labourCapacity: 'FULL',
});

export async function villageOf(s: Scenario, username: string) {
  const viewer = await s.viewer(username);
  const region = await s.handle.db.query.regions.findFirst({ where: { id: viewer.jurisdictionId } });
  return region!;
}

export const CREATE_HOUSEHOLD = /* GraphQL */ `
  mutation ($input: CreateHouseholdInput!) {
    createHousehold(input: $input) {
      __typename
      ... on MutationCreateHouseholdSuccess { data { id householdNumber status version head { id name idNumber } } }
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }`;

export const RECORD_INCOME = /* GraphQL */ `
  mutation ($input: RecordIncomeInput!) {
    recordIncome(input: $input) {
      __typename
      ... on MutationRecordIncomeSuccess { data { id year householdSize netIncomeYuan perCapitaNetIncomeYuan version } }
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }`;

export const RECORD_GUARANTEE = /* GraphQL */ `
  mutation ($input: RecordGuaranteeCheckInput!) {
    recordGuaranteeCheck(input: $input) {
      __typename
      ... on MutationRecordGuaranteeCheckSuccess { data { id year evaluation { outcome } } }
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }`;

export const SECURE_GUARANTEES = {
  enoughFood: true,
  enoughClothing: true,
  housingGrade: 'B',
  waterLitresPerPersonPerDay: 60,
  waterQualityPassed: true,
  waterPipedToHome: true,
};

let householdSerial = 0;
/**
 * A new household in `username`'s village (created by that user) with a 2019 income record and guarantee
 * check: per-capita income `perCapitaYuan` for its one member.
 */
export async function householdWithFacts(
  s: Scenario,
  options: {
    username?: string;
    perCapitaYuan?: string;
    year?: number;
    secure?: boolean;
    labourCapacity?: string;
  } = {},
) {
  const username = options.username ?? 'village';
  const village = await villageOf(s, username);
  householdSerial += 1;
  const created = await s.run<{ createHousehold: { __typename: string; data: { id: string } } }>(
    username,
    CREATE_HOUSEHOLD,
    {
      input: {
        villageId: globalId('Region', village.id),
        householdNumber: `T${Date.now() % 1_000_000}${householdSerial}`,
        attribute: 'ORDINARY',
        mainCause: 'ILLNESS',
        head: { ...HEAD(), labourCapacity: options.labourCapacity ?? 'FULL' },
      },
    },
  );
  if (created.data?.createHousehold.__typename !== 'MutationCreateHouseholdSuccess')
    throw new Error(JSON.stringify(created));
  const householdId = created.data.createHousehold.data.id;
  await recordFacts(s, householdId, options);
  return householdId;
}

/** Records a year's income (one member's per-capita amount as wages) and a guarantee check. */
export async function recordFacts(
  s: Scenario,
  householdId: string,
  options: { username?: string; perCapitaYuan?: string; year?: number; secure?: boolean } = {},
) {
  const username = options.username ?? 'village';
  const year = options.year ?? 2019;
  const income = await s.run<{ recordIncome: { __typename: string } }>(username, RECORD_INCOME, {
    input: {
      householdId,
      year,
      wagesYuan: options.perCapitaYuan ?? '2000',
      businessIncomeYuan: '0',
      businessCostsYuan: '0',
      propertyIncomeYuan: '0',
      transferIncomeYuan: '0',
    },
  });
  if (income.data?.recordIncome.__typename !== 'MutationRecordIncomeSuccess')
    throw new Error(JSON.stringify(income));
  const guarantee = await s.run<{ recordGuaranteeCheck: { __typename: string } }>(
    username,
    RECORD_GUARANTEE,
    {
      input: {
        householdId,
        year,
        checkedOn: `${year}-06-01`,
        ...SECURE_GUARANTEES,
        housingGrade: options.secure === false ? 'D' : 'B',
      },
    },
  );
  if (guarantee.data?.recordGuaranteeCheck.__typename !== 'MutationRecordGuaranteeCheckSuccess')
    throw new Error(JSON.stringify(guarantee));
}

export const START_APPLICATION = /* GraphQL */ `
  mutation ($input: StartApplicationInput!) {
    startApplication(input: $input) {
      __typename
      ... on MutationStartApplicationSuccess {
        data { id kind state nextStep nextStepRoles stepsDone rulesAdvice rulesOutcome version
          rulesExplanation { ruleId passed messageZh } }
      }
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }`;

export const RECORD_STEP = /* GraphQL */ `
  mutation ($input: RecordApplicationStepInput!) {
    recordApplicationStep(input: $input) {
      __typename
      ... on MutationRecordApplicationStepSuccess {
        data { id state nextStep stepsDone version completedOn noticeEndsOn
          household { status identifiedYear exitedYear }
          steps { sequence step decision actorRole actedOn actorName } }
      }
      ... on StepRefusedError { code ruleId refusals reasons { ruleId passed messageZh } }
      ... on ConflictError { code currentVersion }
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }`;

export interface StepResult {
  recordApplicationStep: {
    __typename: string;
    code?: string;
    refusals?: string[];
    currentVersion?: number;
    data?: {
      state: string;
      nextStep: string | null;
      stepsDone: number;
      version: number;
      noticeEndsOn: string | null;
      household: { status: string; identifiedYear: number | null; exitedYear: number | null };
      steps: { step: string; actorRole: string; actedOn: string }[];
    };
  };
}

export function recordStep(
  s: Scenario,
  username: string,
  input: {
    applicationId: string;
    step: string;
    version: number;
    date?: string;
    decision?: string;
    notes?: string;
  },
) {
  return s.run<StepResult>(username, RECORD_STEP, { input });
}
