import { describe, expect, it } from 'vitest';
import {
  ACCOUNTABILITY_KINDS,
  ACTOR_ROLES,
  APPLICATION_KINDS,
  ASSESSMENT_CLASSES,
  BUSINESS_KINDS,
  DEFAULT_PARAMETER_ENTRIES,
  DERIVED_TASK_STATUSES,
  describeSourceEn,
  EVIDENCE_GRADES,
  EXCLUSION_RULE_IDS,
  FUND_SOURCE_CATEGORIES,
  HOUSEHOLD_ATTRIBUTES,
  HOUSEHOLD_STATUSES,
  HOUSING_GRADES,
  INCOME_LINE_KINDS,
  LABELS_ZH,
  LABOUR_CAPACITIES,
  MONITORING_INCOME_BASES,
  MONITORING_STEPS,
  MONITORING_TYPES,
  makeReason,
  NOTICE_KINDS,
  OUTCOMES,
  POVERTY_CAUSES,
  PROCEDURE_STEPS,
  PROJECT_STATES,
  REGION_CLASSES,
  REGION_LEVELS,
  REPORT_CATEGORIES,
  REPORT_CHANNELS,
  REPORT_STATES,
  RULES_VERSION,
  SOURCE_DOCUMENTS,
  STEP_REFUSALS,
  source,
  TASK_STATUSES,
  TOWN_PROPERTY_KINDS,
  VEHICLE_KINDS,
  VILLAGE_KINDS,
} from '../src';

const HAN = /\p{Script=Han}/u;

describe('Chinese labels for every enumeration value', () => {
  it.each([
    ['evidenceGrade', EVIDENCE_GRADES],
    ['regionClass', REGION_CLASSES],
    ['incomeLineKind', INCOME_LINE_KINDS],
    ['householdStatus', HOUSEHOLD_STATUSES],
    ['householdAttribute', HOUSEHOLD_ATTRIBUTES],
    ['povertyCause', POVERTY_CAUSES],
    ['applicationKind', APPLICATION_KINDS],
    ['procedureStep', PROCEDURE_STEPS],
    ['monitoringStep', MONITORING_STEPS],
    ['actorRole', ACTOR_ROLES],
    ['stepRefusal', STEP_REFUSALS],
    ['monitoringType', MONITORING_TYPES],
    ['monitoringIncomeBasis', MONITORING_INCOME_BASES],
    ['housingGrade', HOUSING_GRADES],
    ['labourCapacity', LABOUR_CAPACITIES],
    ['exclusionRule', EXCLUSION_RULE_IDS],
    ['vehicleKind', VEHICLE_KINDS],
    ['townPropertyKind', TOWN_PROPERTY_KINDS],
    ['businessKind', BUSINESS_KINDS],
    ['villageKind', VILLAGE_KINDS],
    ['regionLevel', REGION_LEVELS],
    ['taskStatus', DERIVED_TASK_STATUSES],
    ['taskStatus', TASK_STATUSES],
    ['fundSourceCategory', FUND_SOURCE_CATEGORIES],
    ['projectState', PROJECT_STATES],
    ['noticeKind', NOTICE_KINDS],
    ['reportState', REPORT_STATES],
    ['reportChannel', REPORT_CHANNELS],
    ['reportCategory', REPORT_CATEGORIES],
    ['accountabilityKind', ACCOUNTABILITY_KINDS],
    ['assessmentClass', ASSESSMENT_CLASSES],
    ['outcome', OUTCOMES],
  ] as const)('%s: every value has a Chinese label, and no extra ones', (group, values) => {
    const labels = LABELS_ZH[group] as Record<string, string>;
    for (const value of values) expect(labels[value], `${group}.${value}`).toMatch(HAN);
    if (values !== TASK_STATUSES) expect(Object.keys(labels).sort()).toEqual([...values].sort());
  });

  it('labels every parameter the defaults define', () => {
    for (const entry of DEFAULT_PARAMETER_ENTRIES) expect(LABELS_ZH.parameter[entry.key]).toMatch(HAN);
  });

  it('names the labelled source documents and the package version', () => {
    for (const doc of Object.values(SOURCE_DOCUMENTS)) expect(doc.titleZh).toMatch(HAN);
    expect(RULES_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('explanations are plain JSON with a Chinese and an English sentence', () => {
  it('builds the sentence from the rule id and the source', () => {
    const reason = makeReason({
      ruleId: 'EXCLUSION.PUBLIC_EMPLOYEE',
      passed: false,
      facts: { memberIds: ['m2'] },
      source: source('EXCLUSION_LISTS', 'L', 'representative list'),
      zh: '不纳入: 家庭成员为财政供养人员',
      en: 'Excluded: a member is on the public payroll',
    });
    expect(reason).toEqual({
      ruleId: 'EXCLUSION.PUBLIC_EMPLOYEE',
      passed: false,
      params: {},
      facts: { memberIds: ['m2'] },
      source: { document: 'EXCLUSION_LISTS', grade: 'L', note: 'representative list' },
      messageZh:
        '不纳入: 家庭成员为财政供养人员 (规则 EXCLUSION.PUBLIC_EMPLOYEE, 依据 各地"不纳入"清单 地方示例 [L])',
      messageEn:
        'Excluded: a member is on the public payroll (rule EXCLUSION.PUBLIC_EMPLOYEE, source EXCLUSION_LISTS [L])',
    });
    expect(describeSourceEn(source('EXIT_2016', 'N'))).toBe('EXIT_2016 [N]');
    expect(JSON.parse(JSON.stringify(reason))).toEqual(reason);
  });

  it('gives every default parameter a known source document and a grade', () => {
    for (const entry of DEFAULT_PARAMETER_ENTRIES) {
      expect(Object.keys(SOURCE_DOCUMENTS)).toContain(entry.source.document);
      expect(EVIDENCE_GRADES).toContain(entry.source.grade);
    }
  });
});
