import { ageOn, type CalendarDate } from '../calendar';
import type { HousingGrade, LabourCapacity } from '../enums';
import { allPassed, type Decision, makeReason, type Reason } from '../explanation';
import type { Policy } from '../parameters';
import { source } from '../sources';

export interface MemberFacts {
  id: string;
  birthDate: CalendarDate;
  hasBasicMedicalInsurance: boolean;
  /** Enrolled in school (only read for children of compulsory-school age). */
  enrolledInSchool: boolean;
  /** Out of school for health reasons (exempt from the education test). */
  outOfSchoolForHealth?: boolean;
  labourCapacity: LabourCapacity;
}

export interface WaterFacts {
  litresPerPersonPerDay: number;
  waterScarceArea: boolean;
  /** Lab report passed, or a sensory test for dispersed supply. */
  qualityPassed: boolean;
  pipedToHome: boolean;
  /** One fetching trip; null when not measured. */
  fetchMinutes: number | null;
  horizontalMetres: number | null;
  verticalMetres: number | null;
  outageDaysPerYear: number;
}

export interface HousingFacts {
  /** The county housing department's rating of the house the household lives in. */
  grade: HousingGrade;
  /** Present for a relocated household: secure once the new flat is handed over. */
  relocation?: { flatHandedOver: boolean };
}

/** 两不愁三保障 and safe drinking water for one household in one year. */
export interface GuaranteeFacts {
  enoughFood: boolean;
  enoughClothing: boolean;
  housing: HousingFacts;
  water: WaterFacts;
  members: MemberFacts[];
}

const GUARANTEE_SOURCE = source('EXIT_2016', 'N', 'SCIO 2021-04; 两不愁三保障');

function foodAndClothing(facts: GuaranteeFacts): Reason[] {
  return [
    makeReason({
      ruleId: 'GUARANTEE.FOOD',
      passed: facts.enoughFood,
      facts: { enoughFood: facts.enoughFood },
      source: GUARANTEE_SOURCE,
      zh: facts.enoughFood ? '不愁吃: 口粮充足' : '愁吃: 口粮不足',
      en: facts.enoughFood ? 'Enough staple food' : 'Not enough staple food',
    }),
    makeReason({
      ruleId: 'GUARANTEE.CLOTHING',
      passed: facts.enoughClothing,
      facts: { enoughClothing: facts.enoughClothing },
      source: source('EXIT_2016', 'W', 'local definitions'),
      zh: facts.enoughClothing ? '不愁穿: 四季衣物齐备' : '愁穿: 衣物不足',
      en: facts.enoughClothing ? 'Clothes for every season' : 'Not enough clothes',
    }),
  ];
}

/** Children of compulsory-school age (on `onDate`) who are out of school, except for health reasons. */
export function childrenOutOfSchool(
  members: readonly MemberFacts[],
  policy: Policy,
  onDate: CalendarDate,
): string[] {
  const { fromAge, toAge } = policy.get('education.compulsoryAge');
  return members
    .filter((member) => {
      const age = ageOn(member.birthDate, onDate);
      return (
        age >= fromAge && age <= toAge && !member.enrolledInSchool && member.outOfSchoolForHealth !== true
      );
    })
    .map((member) => member.id);
}

function education(facts: GuaranteeFacts, policy: Policy, onDate: CalendarDate): Reason {
  const ages = policy.resolve('education.compulsoryAge');
  const outOfSchool = childrenOutOfSchool(facts.members, policy, onDate);
  const passed = outOfSchool.length === 0;
  return makeReason({
    ruleId: 'GUARANTEE.EDUCATION',
    passed,
    params: { fromAge: ages.value.fromAge, toAge: ages.value.toAge },
    facts: { onDate, childrenOutOfSchool: outOfSchool },
    source: ages.source,
    zh: passed
      ? '义务教育有保障: 无义务教育阶段辍学儿童'
      : `义务教育无保障: ${outOfSchool.length} 名适龄儿童辍学`,
    en: passed
      ? 'Compulsory education secure: no school-age child out of school'
      : `Compulsory education not secure: ${outOfSchool.length} school-age child(ren) out of school`,
  });
}

function medical(facts: GuaranteeFacts): Reason {
  const uninsured = facts.members
    .filter((member) => !member.hasBasicMedicalInsurance)
    .map((member) => member.id);
  const passed = uninsured.length === 0;
  return makeReason({
    ruleId: 'GUARANTEE.MEDICAL',
    passed,
    facts: { uninsuredMembers: uninsured, memberCount: facts.members.length },
    source: source('EXIT_2016', 'P', '城乡居民基本医疗保险 for every member'),
    zh: passed ? '基本医疗有保障: 全员参加基本医疗保险' : `基本医疗无保障: ${uninsured.length} 人未参保`,
    en: passed
      ? 'Basic medical care secure: every member insured'
      : `Basic medical care not secure: ${uninsured.length} member(s) uninsured`,
  });
}

function housing(facts: GuaranteeFacts, policy: Policy): Reason {
  const safeGrades = policy.resolve('housing.safeGrades');
  const relocation = facts.housing.relocation;
  const passed = relocation ? relocation.flatHandedOver : safeGrades.value.includes(facts.housing.grade);
  const describedZh = relocation
    ? `易地搬迁${relocation.flatHandedOver ? ', 已交房' : ', 尚未交房'}`
    : `房屋鉴定 ${facts.housing.grade} 级`;
  const describedEn = relocation
    ? `relocated, flat ${relocation.flatHandedOver ? 'handed over' : 'not yet handed over'}`
    : `house rated ${facts.housing.grade}`;
  return makeReason({
    ruleId: 'GUARANTEE.HOUSING',
    passed,
    params: { safeGrades: safeGrades.value },
    facts: {
      grade: facts.housing.grade,
      relocated: relocation !== undefined,
      flatHandedOver: relocation?.flatHandedOver ?? null,
    },
    source: safeGrades.source,
    zh: passed ? `住房安全有保障: ${describedZh}` : `住房安全无保障: ${describedZh}`,
    en: passed ? `Housing secure: ${describedEn}` : `Housing not secure: ${describedEn}`,
  });
}

function within(value: number | null, max: number): boolean {
  return value !== null && value <= max;
}

/** The four criteria of safe drinking water, one Reason each. */
export function checkWater(water: WaterFacts, policy: Policy): Reason[] {
  const standard = policy.resolve('water.standard');
  const s = standard.value;
  const minLitres = water.waterScarceArea
    ? s.minLitresPerPersonPerDayWaterScarce
    : s.minLitresPerPersonPerDay;
  const quantity = water.litresPerPersonPerDay >= minLitres;
  const access =
    water.pipedToHome ||
    within(water.fetchMinutes, s.maxFetchMinutes) ||
    within(water.horizontalMetres, s.maxHorizontalMetres) ||
    within(water.verticalMetres, s.maxVerticalMetres);
  const reliable = water.outageDaysPerYear <= s.maxOutageDaysPerYear;
  const ref = standard.source;
  return [
    makeReason({
      ruleId: 'WATER.QUANTITY',
      passed: quantity,
      params: { minLitresPerPersonPerDay: minLitres },
      facts: { litresPerPersonPerDay: water.litresPerPersonPerDay, waterScarceArea: water.waterScarceArea },
      source: ref,
      zh: `水量 ${water.litresPerPersonPerDay} 升/人·日${quantity ? '达到' : '低于'} ${minLitres} 升`,
      en: `Water quantity ${water.litresPerPersonPerDay} L/person/day ${quantity ? 'meets' : 'is below'} ${minLitres} L`,
    }),
    makeReason({
      ruleId: 'WATER.QUALITY',
      passed: water.qualityPassed,
      facts: { qualityPassed: water.qualityPassed },
      source: ref,
      zh: water.qualityPassed ? '水质合格' : '水质不合格',
      en: water.qualityPassed ? 'Water quality passes' : 'Water quality fails',
    }),
    makeReason({
      ruleId: 'WATER.ACCESS',
      passed: access,
      params: {
        maxFetchMinutes: s.maxFetchMinutes,
        maxHorizontalMetres: s.maxHorizontalMetres,
        maxVerticalMetres: s.maxVerticalMetres,
      },
      facts: {
        pipedToHome: water.pipedToHome,
        fetchMinutes: water.fetchMinutes,
        horizontalMetres: water.horizontalMetres,
        verticalMetres: water.verticalMetres,
      },
      source: ref,
      zh: access ? '取水方便' : '取水不便: 未通自来水且单次取水超过时间和距离标准',
      en: access
        ? 'Water is within reach'
        : 'Water is not within reach: not piped and too far or too slow to fetch',
    }),
    makeReason({
      ruleId: 'WATER.RELIABILITY',
      passed: reliable,
      params: { maxOutageDaysPerYear: s.maxOutageDaysPerYear },
      facts: { outageDaysPerYear: water.outageDaysPerYear },
      source: ref,
      zh: `年停水 ${water.outageDaysPerYear} 天${reliable ? ', 供水有保证' : `, 超过 ${s.maxOutageDaysPerYear} 天`}`,
      en: `${water.outageDaysPerYear} outage days a year${reliable ? ', supply is reliable' : `, above ${s.maxOutageDaysPerYear}`}`,
    }),
  ];
}

/**
 * 两不愁三保障 and safe water: MET only when every item holds. `onDate` fixes children's ages.
 */
export function checkGuarantees(
  facts: GuaranteeFacts,
  policy: Policy,
  onDate: CalendarDate,
): Decision<'MET' | 'UNMET'> {
  const reasons = [
    ...foodAndClothing(facts),
    education(facts, policy, onDate),
    medical(facts),
    housing(facts, policy),
    ...checkWater(facts.water, policy),
  ];
  return { outcome: allPassed(reasons) ? 'MET' : 'UNMET', reasons };
}
