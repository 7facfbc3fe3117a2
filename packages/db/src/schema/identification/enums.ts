import { pgEnum } from 'drizzle-orm/pg-core';

/** Enumerations of the precise-identification mechanism (精准识别). Values match `@gongjian/rules` enums. */

export const householdStatus = pgEnum('household_status', [
  'NON_POOR',
  'POOR',
  'EXITED',
  'EXITED_NO_POLICY',
  'RETURNED',
]);

export const householdAttribute = pgEnum('household_attribute', [
  'ORDINARY',
  'MINIMUM_LIVELIHOOD',
  'EXTREME_POVERTY_SUPPORT',
]);

export const povertyCause = pgEnum('poverty_cause', [
  'ILLNESS',
  'DISABILITY',
  'SCHOOLING',
  'DISASTER',
  'LACK_OF_LAND',
  'LACK_OF_WATER',
  'LACK_OF_SKILLS',
  'LACK_OF_LABOUR',
  'LACK_OF_CAPITAL',
  'POOR_TRANSPORT',
  'LACK_OF_MOTIVATION',
  'OTHER',
]);

export const relationToHead = pgEnum('relation_to_head', [
  'HEAD',
  'SPOUSE',
  'SON',
  'DAUGHTER',
  'SON_IN_LAW',
  'DAUGHTER_IN_LAW',
  'GRANDSON',
  'GRANDDAUGHTER',
  'FATHER',
  'MOTHER',
  'SIBLING',
  'OTHER',
]);

export const sex = pgEnum('sex', ['MALE', 'FEMALE']);

export const educationLevel = pgEnum('education_level', [
  'PRESCHOOL',
  'ILLITERATE',
  'PRIMARY',
  'JUNIOR_SECONDARY',
  'SENIOR_SECONDARY',
  'COLLEGE_OR_ABOVE',
]);

export const healthCondition = pgEnum('health_condition', [
  'HEALTHY',
  'CHRONIC_ILLNESS',
  'SERIOUS_ILLNESS',
  'DISABLED',
]);

export const disabilityGrade = pgEnum('disability_grade', [
  'NONE',
  'GRADE_1',
  'GRADE_2',
  'GRADE_3',
  'GRADE_4',
]);

export const labourCapacity = pgEnum('labour_capacity', ['FULL', 'PARTIAL', 'NONE']);

export const schoolEnrolment = pgEnum('school_enrolment', ['NOT_ENROLLED', 'ENROLLED', 'OUT_FOR_HEALTH']);

export const housingGrade = pgEnum('housing_grade', ['A', 'B', 'C', 'D']);

export const measureKind = pgEnum('measure_kind', [
  'HOUSING',
  'SOCIAL_ASSISTANCE',
  'EDUCATION_AID',
  'MEDICAL',
  'DISABILITY_RELIEF',
  'INDUSTRY',
  'EMPLOYMENT',
  'RELOCATION',
  'MICROCREDIT',
  'OTHER',
]);

export const measureStatus = pgEnum('measure_status', ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED']);

export const applicationKind = pgEnum('application_kind', [
  'IDENTIFY',
  'EXIT',
  'RETURN',
  'REMOVE_WRONGLY_INCLUDED',
  'ADD_MISSED',
  'END_POLICY',
]);

export const applicationState = pgEnum('application_state', [
  'IN_PROGRESS',
  'COMPLETED',
  'REJECTED',
  'WITHDRAWN',
]);

export const procedureStep = pgEnum('procedure_step', [
  'VILLAGE_DELIBERATION',
  'FIRST_NOTICE',
  'TOWNSHIP_REVIEW',
  'SECOND_NOTICE',
  'COUNTY_APPROVAL',
  'ANNOUNCEMENT',
]);

export const stepDecision = pgEnum('step_decision', ['APPROVED', 'REJECTED']);

export const actorRole = pgEnum('actor_role', ['VILLAGE_CLERK', 'TOWNSHIP_CLERK', 'COUNTY_ADMIN']);

export const rulesAdvice = pgEnum('rules_advice', ['SUPPORTS', 'OPPOSES']);

export const sectorRecordKind = pgEnum('sector_record_kind', [
  'PUBLIC_PAYROLL',
  'VILLAGE_CADRE',
  'VEHICLE',
  'TOWN_PROPERTY',
  'LUXURY_RENOVATION',
  'BUSINESS',
  'LONG_TERM_EMPLOYER',
  'LARGE_SCALE_FARMER',
  'CONTRACTOR',
  'SPLIT_HOUSEHOLD',
  'GHOST_REGISTRATION',
  'SELF_FUNDED_STUDY_ABROAD',
  'COMMERCIAL_PENSION',
  'UNRECTIFIED_ILLEGAL_ACT',
  'UNEXPLAINED_REPORT',
]);

export const findingState = pgEnum('finding_state', ['OPEN', 'CONFIRMED', 'DISMISSED']);

export const monitoringType = pgEnum('monitoring_type', ['UNSTABLE_EXITED', 'EDGE_PRONE', 'SUDDEN_HARDSHIP']);

export const monitoringState = pgEnum('monitoring_state', [
  'IDENTIFYING',
  'MONITORED',
  'ELIMINATING',
  'RISK_ELIMINATED',
  'REJECTED',
]);

export const riskKind = pgEnum('risk_kind', [
  'ILLNESS',
  'DISABILITY',
  'DISASTER',
  'ACCIDENT',
  'INCOME_DROP',
  'EMPLOYMENT_LOSS',
  'SCHOOLING_COST',
  'OTHER',
]);

export const monitoringProcedureKind = pgEnum('monitoring_procedure', ['IDENTIFICATION', 'ELIMINATION']);

export const exitVerificationOutcome = pgEnum('exit_verification_outcome', ['CORRECT_EXIT', 'WRONG_EXIT']);

export const surveySampleKind = pgEnum('survey_sample_kind', ['EXITED', 'NON_REGISTERED', 'REGISTERED_POOR']);

export type HouseholdStatusValue = (typeof householdStatus.enumValues)[number];
export type ApplicationKindValue = (typeof applicationKind.enumValues)[number];
export type ProcedureStepValue = (typeof procedureStep.enumValues)[number];
export type SectorRecordKindValue = (typeof sectorRecordKind.enumValues)[number];
