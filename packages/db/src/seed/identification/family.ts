import type { householdMembers } from '../../schema/index';
import { DEMO_DATE } from '../demo-step';
import { personName } from '../people';
import { type Random, weighted } from '../random';

/** Members, incomes and guarantee checks of one demo household, as plain rows (no ids yet). */

export type MemberRow = Omit<
  typeof householdMembers.$inferInsert,
  'id' | 'householdId' | 'countyId' | 'regionPath' | 'version' | 'createdAt' | 'updatedAt'
>;

/** Ages are counted on the demo day. */
const DEMO_YEAR = Number(DEMO_DATE.slice(0, 4));

function birthDate(random: Random, age: number): string {
  const year = DEMO_YEAR - age - (random.next() < 0.3 ? 1 : 0);
  const month = random.int(1, 12);
  const day = random.int(1, month === 2 ? 28 : 30);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function ageOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = DEMO_DATE.split('-').map(Number) as [number, number, number];
  return ry - y - (rm < m || (rm === m && rd < d) ? 1 : 0);
}

const ADULT_EDUCATION = [
  ['ILLITERATE', 14],
  ['PRIMARY', 40],
  ['JUNIOR_SECONDARY', 36],
  ['SENIOR_SECONDARY', 8],
  ['COLLEGE_OR_ABOVE', 2],
] as const;

type Relation = MemberRow['relation'];

/** One person: education, health, disability, labour capacity and school enrolment follow from age. */
function person(
  random: Random,
  issueId: (birthDate: string, male: boolean) => string,
  relation: Relation,
  age: number,
  male: boolean,
  sicker: boolean,
): MemberRow {
  const born = birthDate(random, Math.max(0, age));
  const realAge = ageOf(born);
  const ill = random.next() < (sicker ? 0.45 : 0.14) + (realAge > 60 ? 0.15 : 0);
  const health: MemberRow['health'] = !ill
    ? 'HEALTHY'
    : weighted(random, [
        ['CHRONIC_ILLNESS', 60],
        ['SERIOUS_ILLNESS', 20],
        ['DISABLED', 20],
      ] as const);
  const disability: MemberRow['disability'] =
    health === 'DISABLED' ? random.pick(['GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4'] as const) : 'NONE';
  let labourCapacity: MemberRow['labourCapacity'] = 'FULL';
  if (realAge < 16 || realAge > 75 || health === 'SERIOUS_ILLNESS' || disability === 'GRADE_1')
    labourCapacity = 'NONE';
  else if (realAge > 60 || health !== 'HEALTHY') labourCapacity = 'PARTIAL';
  const schoolAge = realAge >= 6 && realAge <= 15;
  const schoolEnrolment: MemberRow['schoolEnrolment'] = schoolAge
    ? health === 'SERIOUS_ILLNESS'
      ? 'OUT_FOR_HEALTH'
      : 'ENROLLED'
    : realAge >= 16 && realAge <= 18 && random.next() < 0.6
      ? 'ENROLLED'
      : 'NOT_ENROLLED';
  const education: MemberRow['education'] =
    realAge < 6
      ? 'PRESCHOOL'
      : realAge <= 12
        ? 'PRIMARY'
        : realAge <= 15
          ? 'JUNIOR_SECONDARY'
          : weighted(random, ADULT_EDUCATION);
  return {
    name: personName(random),
    idNumber: issueId(born, male),
    relation,
    sex: male ? 'MALE' : 'FEMALE',
    birthDate: born,
    education,
    health,
    disability,
    labourCapacity,
    schoolEnrolment,
    medicalInsured: true,
  };
}

/**
 * A plausible family of `size`: a head, usually a spouse, then children; an older head lives with a
 * married son and grandchildren. Households in poverty through illness or disability are sicker.
 */
export function generateFamily(
  random: Random,
  issueId: (birthDate: string, male: boolean) => string,
  size: number,
  sicker: boolean,
): MemberRow[] {
  const headAge = size === 1 ? random.int(45, 88) : random.int(28, 78);
  const headMale = random.next() < 0.82;
  const members = [person(random, issueId, 'HEAD', headAge, headMale, sicker)];
  if (size >= 2 && random.next() < 0.85) {
    members.push(
      person(
        random,
        issueId,
        'SPOUSE',
        headAge + random.int(-6, 4),
        !headMale,
        sicker && random.next() < 0.5,
      ),
    );
  }
  const olderFamily = headAge >= 55 && size - members.length >= 3;
  if (olderFamily) {
    const sonAge = headAge - random.int(22, 30);
    members.push(person(random, issueId, 'SON', sonAge, true, false));
    members.push(person(random, issueId, 'DAUGHTER_IN_LAW', sonAge + random.int(-4, 2), false, false));
    while (members.length < size) {
      const male = random.next() < 0.52;
      members.push(
        person(
          random,
          issueId,
          male ? 'GRANDSON' : 'GRANDDAUGHTER',
          sonAge - random.int(20, 30),
          male,
          false,
        ),
      );
    }
  }
  while (members.length < size) {
    const male = random.next() < 0.52;
    const age = Math.max(0, headAge - random.int(20, 36));
    members.push(person(random, issueId, male ? 'SON' : 'DAUGHTER', age, male, false));
  }
  return members;
}

export interface IncomeComponentsFen {
  wagesFen: number;
  businessIncomeFen: number;
  businessCostsFen: number;
  propertyIncomeFen: number;
  transferIncomeFen: number;
}

/**
 * Splits a household's net income (fen) into components: transfers weigh more for 低保 and 特困 households,
 * business income carries its costs, wages take the rest.
 */
export function splitIncome(random: Random, netFen: number, supported: boolean): IncomeComponentsFen {
  const transferIncomeFen = Math.round(
    netFen * (supported ? 0.35 + random.next() * 0.3 : 0.05 + random.next() * 0.15),
  );
  const propertyIncomeFen = Math.round(netFen * random.next() * 0.03);
  const businessNet = Math.round(netFen * random.next() * 0.3);
  const businessCostsFen = Math.round(businessNet * (0.2 + random.next() * 0.3));
  const businessIncomeFen = businessNet + businessCostsFen;
  const wagesFen = netFen - transferIncomeFen - propertyIncomeFen - businessNet;
  return { wagesFen, businessIncomeFen, businessCostsFen, propertyIncomeFen, transferIncomeFen };
}

export type HousingGradeValue = 'A' | 'B' | 'C' | 'D';

/** 两不愁三保障 and water facts for one year; `secure` false gives the household one unmet item. */
export function guaranteeFacts(random: Random, secure: boolean) {
  const gap = secure
    ? null
    : weighted(random, [
        ['housing', 55],
        ['water', 30],
        ['food', 15],
      ] as const);
  const piped = gap === 'water' ? false : random.next() < 0.86;
  const housingGrade: HousingGradeValue =
    gap === 'housing' ? random.pick(['C', 'D'] as const) : random.next() < 0.55 ? 'A' : 'B';
  return {
    enoughFood: gap !== 'food',
    enoughClothing: true,
    housingGrade,
    relocated: false,
    flatHandedOver: null,
    waterLitresPerPersonPerDay: random.int(40, 90),
    waterScarceArea: false,
    waterQualityPassed: true,
    waterPipedToHome: piped,
    waterFetchMinutes: piped ? null : gap === 'water' ? random.int(25, 50) : random.int(5, 18),
    waterHorizontalMetres: piped ? null : gap === 'water' ? random.int(900, 1500) : random.int(100, 700),
    waterVerticalMetres: null,
    waterOutageDaysPerYear: random.int(0, 12),
  };
}
