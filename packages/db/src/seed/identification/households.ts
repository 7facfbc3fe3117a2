import { type GuaranteeFacts, perCapitaNetIncome } from '@gongjian/rules';
import type { SeededCounty } from '../demo-step';
import { mobilePhone } from '../people';
import { type Random, randomDay, weighted } from '../random';
import {
  generateFamily,
  guaranteeFacts,
  type IncomeComponentsFen,
  type MemberRow,
  splitIncome,
} from './family';

/**
 * The in-memory plan of the demo registry: every household with its members, incomes and guarantee
 * checks, and the part it plays in the demo (its "story"), before anything is written.
 */

export type Story =
  | 'EXITED'
  | 'UNSTABLE_EXITED'
  | 'SUDDEN_HARDSHIP'
  | 'POOR'
  | 'EXIT_READY'
  | 'IDENTIFIED_2019'
  | 'EXCLUSION_HIT'
  | 'RETURNED_2018'
  | 'RETURNED_2019'
  | 'EDGE'
  | 'EDGE_QUALIFIES'
  | 'REMOVED_2019';

export interface PlannedIncome extends IncomeComponentsFen {
  year: number;
  householdSize: number;
  netIncomeFen: number;
  perCapitaNetIncomeFen: number;
}

export type PlannedGuarantee = ReturnType<typeof guaranteeFacts> & { year: number; checkedOn: string };

export interface PlannedHousehold {
  householdNumber: string;
  village: SeededCounty['villages'][number];
  story: Story;
  status: 'NON_POOR' | 'POOR' | 'EXITED' | 'RETURNED';
  attribute: 'ORDINARY' | 'MINIMUM_LIVELIHOOD' | 'EXTREME_POVERTY_SUPPORT';
  mainCause: string;
  identifiedYear: number | null;
  exitedYear: number | null;
  groupName: string;
  address: string;
  phone: string | null;
  members: MemberRow[];
  incomes: PlannedIncome[];
  guarantees: PlannedGuarantee[];
}

const CAUSES = [
  ['ILLNESS', 30],
  ['DISABILITY', 12],
  ['SCHOOLING', 8],
  ['DISASTER', 2],
  ['LACK_OF_LAND', 3],
  ['LACK_OF_WATER', 2],
  ['LACK_OF_SKILLS', 15],
  ['LACK_OF_LABOUR', 10],
  ['LACK_OF_CAPITAL', 12],
  ['POOR_TRANSPORT', 3],
  ['LACK_OF_MOTIVATION', 2],
  ['OTHER', 1],
] as const;

const SIZES = [
  [1, 10],
  [2, 16],
  [3, 21],
  [4, 24],
  [5, 17],
  [6, 9],
  [7, 3],
] as const;

/** Per-capita net income (yuan) for 2018 and 2019 by story; lines: 2995 (2018), 3218 (2019); 1.5 × 3218 = 4827. */
const PER_CAPITA_YUAN: Record<Story, { y2019: [number, number]; y2018: [number, number] }> = {
  EXITED: { y2019: [5000, 14000], y2018: [4200, 12000] },
  UNSTABLE_EXITED: { y2019: [3300, 4750], y2018: [3050, 4500] },
  SUDDEN_HARDSHIP: { y2019: [5200, 9000], y2018: [5200, 9000] },
  POOR: { y2019: [1500, 3150], y2018: [1300, 2900] },
  EXIT_READY: { y2019: [3600, 6500], y2018: [2200, 2950] },
  IDENTIFIED_2019: { y2019: [1800, 3100], y2018: [1800, 2900] },
  EXCLUSION_HIT: { y2019: [2000, 3100], y2018: [1900, 2900] },
  RETURNED_2018: { y2019: [1600, 3100], y2018: [1600, 2900] },
  RETURNED_2019: { y2019: [1600, 3100], y2018: [3100, 4200] },
  EDGE: { y2019: [3350, 4750], y2018: [3050, 4500] },
  EDGE_QUALIFIES: { y2019: [2400, 3150], y2018: [2800, 3600] },
  REMOVED_2019: { y2019: [6000, 15000], y2018: [6000, 15000] },
};

const STATUS_OF: Record<Story, PlannedHousehold['status']> = {
  EXITED: 'EXITED',
  UNSTABLE_EXITED: 'EXITED',
  SUDDEN_HARDSHIP: 'EXITED',
  POOR: 'POOR',
  EXIT_READY: 'POOR',
  IDENTIFIED_2019: 'POOR',
  EXCLUSION_HIT: 'POOR',
  RETURNED_2018: 'RETURNED',
  RETURNED_2019: 'RETURNED',
  EDGE: 'NON_POOR',
  EDGE_QUALIFIES: 'NON_POOR',
  REMOVED_2019: 'NON_POOR',
};

function yearsFor(
  random: Random,
  story: Story,
): { identifiedYear: number | null; exitedYear: number | null } {
  if (story === 'EDGE' || story === 'EDGE_QUALIFIES') return { identifiedYear: null, exitedYear: null };
  if (story === 'IDENTIFIED_2019') return { identifiedYear: 2019, exitedYear: null };
  const identifiedYear = weighted(random, [
    [2014, 80],
    [2015, 8],
    [2016, 5],
    [2017, 4],
    [2018, 3],
  ] as const);
  if (story === 'POOR' || story === 'EXIT_READY' || story === 'EXCLUSION_HIT' || story === 'REMOVED_2019')
    return { identifiedYear: Math.min(identifiedYear, 2018), exitedYear: null };
  const exitedYear = Math.max(
    identifiedYear + 1,
    weighted(random, [
      [2014, 4],
      [2015, 12],
      [2016, 26],
      [2017, 27],
      [2018, 31],
    ] as const),
  );
  if (story === 'RETURNED_2018' || story === 'RETURNED_2019')
    return { identifiedYear, exitedYear: Math.min(exitedYear, story === 'RETURNED_2018' ? 2017 : 2018) };
  return { identifiedYear, exitedYear: Math.min(exitedYear, 2018) };
}

function income(
  random: Random,
  story: Story,
  year: 2018 | 2019,
  size: number,
  supported: boolean,
): PlannedIncome {
  const [low, high] = year === 2019 ? PER_CAPITA_YUAN[story].y2019 : PER_CAPITA_YUAN[story].y2018;
  const perCapitaFen = random.int(low * 100, high * 100);
  const components = splitIncome(random, perCapitaFen * size, supported);
  const computed = perCapitaNetIncome(components, size);
  return {
    year,
    householdSize: size,
    ...components,
    netIncomeFen: computed.netIncomeFen,
    perCapitaNetIncomeFen: computed.perCapitaFen,
  };
}

/** Stories whose households have an unmet guarantee in 2019 some of the time. */
const INSECURE_SHARE: Partial<Record<Story, number>> = {
  POOR: 0.4,
  IDENTIFIED_2019: 0.5,
  RETURNED_2018: 0.3,
  RETURNED_2019: 0.3,
  EXCLUSION_HIT: 0.2,
};

export function planHousehold(
  random: Random,
  issueId: (birthDate: string, male: boolean) => string,
  village: SeededCounty['villages'][number],
  townshipName: string,
  householdNumber: string,
  story: Story,
): PlannedHousehold {
  const attribute = weighted(random, [
    ['ORDINARY', 70],
    ['MINIMUM_LIVELIHOOD', 24],
    ['EXTREME_POVERTY_SUPPORT', 6],
  ] as const);
  const mainCause = weighted(random, CAUSES);
  const size = attribute === 'EXTREME_POVERTY_SUPPORT' ? random.int(1, 2) : weighted(random, SIZES);
  const members = generateFamily(
    random,
    issueId,
    size,
    mainCause === 'ILLNESS' || mainCause === 'DISABILITY',
  );
  const supported = attribute !== 'ORDINARY';
  const group = `${random.int(1, 12)}组`;
  const insecure = random.next() < (INSECURE_SHARE[story] ?? 0);
  return {
    householdNumber,
    village,
    story,
    status: STATUS_OF[story],
    attribute:
      story === 'EDGE' || story === 'EDGE_QUALIFIES' || story === 'REMOVED_2019' ? 'ORDINARY' : attribute,
    mainCause,
    ...yearsFor(random, story),
    groupName: group,
    address: `江华瑶族自治县${townshipName}${village.name}${group}`,
    phone: random.next() < 0.8 ? mobilePhone(random) : null,
    members,
    incomes: [income(random, story, 2018, size, supported), income(random, story, 2019, size, supported)],
    guarantees: [
      { year: 2018, checkedOn: randomDay(random, 2018, 3, 6), ...guaranteeFacts(random, true) },
      { year: 2019, checkedOn: randomDay(random, 2019, 3, 6), ...guaranteeFacts(random, !insecure) },
    ],
  };
}

/** The rules' view of a planned household's guarantees in a year (members as registered). */
export function plannedGuaranteeFacts(household: PlannedHousehold, year: number): GuaranteeFacts {
  const g = household.guarantees.find((guarantee) => guarantee.year === year)!;
  return {
    enoughFood: g.enoughFood,
    enoughClothing: g.enoughClothing,
    housing: { grade: g.housingGrade },
    water: {
      litresPerPersonPerDay: g.waterLitresPerPersonPerDay,
      waterScarceArea: g.waterScarceArea,
      qualityPassed: g.waterQualityPassed,
      pipedToHome: g.waterPipedToHome,
      fetchMinutes: g.waterFetchMinutes,
      horizontalMetres: g.waterHorizontalMetres,
      verticalMetres: g.waterVerticalMetres,
      outageDaysPerYear: g.waterOutageDaysPerYear,
    },
    members: household.members.map((member) => ({
      id: member.idNumber,
      birthDate: member.birthDate,
      hasBasicMedicalInsurance: member.medicalInsured ?? true,
      enrolledInSchool: member.schoolEnrolment === 'ENROLLED',
      outOfSchoolForHealth: member.schoolEnrolment === 'OUT_FOR_HEALTH',
      labourCapacity: member.labourCapacity,
    })),
  };
}

export function plannedIncome(household: PlannedHousehold, year: number) {
  return household.incomes.find((record) => record.year === year)!;
}
