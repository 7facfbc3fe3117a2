/**
 * Every enumeration the rules use, as const arrays (for iteration and validation) with their union types.
 * Chinese labels for each value live in labels.ts.
 */

/** Where a parameter lookup happens: province code (e.g. '430000' Hunan) and optionally county code. */
export interface RegionRef {
  province: string;
  county?: string;
}

export const EVIDENCE_GRADES = ['N', 'P', 'L', 'A', 'W'] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

export const REGION_CLASSES = ['CENTRAL', 'WEST'] as const;
export type RegionClass = (typeof REGION_CLASSES)[number];

export const INCOME_LINE_KINDS = ['nbs', 'exit'] as const;
export type IncomeLineKind = (typeof INCOME_LINE_KINDS)[number];

export const HOUSEHOLD_STATUSES = ['NON_POOR', 'POOR', 'EXITED', 'EXITED_NO_POLICY', 'RETURNED'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const HOUSEHOLD_ATTRIBUTES = ['ORDINARY', 'MINIMUM_LIVELIHOOD', 'EXTREME_POVERTY_SUPPORT'] as const;
export type HouseholdAttribute = (typeof HOUSEHOLD_ATTRIBUTES)[number];

export const POVERTY_CAUSES = [
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
] as const;
export type PovertyCause = (typeof POVERTY_CAUSES)[number];

export const APPLICATION_KINDS = [
  'IDENTIFY',
  'EXIT',
  'RETURN',
  'REMOVE_WRONGLY_INCLUDED',
  'ADD_MISSED',
  'END_POLICY',
] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export const PROCEDURE_STEPS = [
  'VILLAGE_DELIBERATION',
  'FIRST_NOTICE',
  'TOWNSHIP_REVIEW',
  'SECOND_NOTICE',
  'COUNTY_APPROVAL',
  'ANNOUNCEMENT',
] as const;
export type ProcedureStep = (typeof PROCEDURE_STEPS)[number];

export const MONITORING_STEPS = [
  'RISK_CLUE',
  'HOUSEHOLD_VISIT',
  'DATA_CROSS_CHECK',
  'VILLAGE_NOTICE',
  'TOWNSHIP_REVIEW',
  'COUNTY_APPROVAL',
] as const;
export type MonitoringStep = (typeof MONITORING_STEPS)[number];

export const ACTOR_ROLES = ['VILLAGE_CLERK', 'TOWNSHIP_CLERK', 'COUNTY_ADMIN'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const STEP_REFUSALS = [
  'TRANSITION_NOT_ALLOWED',
  'ALREADY_COMPLETE',
  'STEP_NOT_IN_PROCEDURE',
  'OUT_OF_ORDER',
  'WRONG_ROLE',
  'DATE_BEFORE_PREVIOUS_STEP',
  'NOTICE_NOT_ELAPSED',
] as const;
export type StepRefusal = (typeof STEP_REFUSALS)[number];

export const MONITORING_TYPES = ['UNSTABLE_EXITED', 'EDGE_PRONE', 'SUDDEN_HARDSHIP'] as const;
export type MonitoringType = (typeof MONITORING_TYPES)[number];

export const MONITORING_INCOME_BASES = ['EDGE_MULTIPLIER', 'ANNUAL_RANGE'] as const;
export type MonitoringIncomeBasis = (typeof MONITORING_INCOME_BASES)[number];

export const HOUSING_GRADES = ['A', 'B', 'C', 'D'] as const;
export type HousingGrade = (typeof HOUSING_GRADES)[number];

export const LABOUR_CAPACITIES = ['FULL', 'PARTIAL', 'NONE'] as const;
export type LabourCapacity = (typeof LABOUR_CAPACITIES)[number];

export const EXCLUSION_RULE_IDS = [
  'PUBLIC_EMPLOYEE',
  'VILLAGE_CADRE',
  'VEHICLE',
  'TOWN_HOUSE',
  'BUSINESS',
  'EMPLOYER',
  'SPLIT_OR_GHOST_HOUSEHOLD',
  'OTHER',
] as const;
export type ExclusionRuleId = (typeof EXCLUSION_RULE_IDS)[number];

export const VEHICLE_KINDS = ['CAR', 'LARGE_FARM_VEHICLE', 'CONSTRUCTION_MACHINERY', 'SHIP'] as const;
export type VehicleKind = (typeof VEHICLE_KINDS)[number];

export const TOWN_PROPERTY_KINDS = ['COMMERCIAL_HOUSE', 'SHOP', 'STOREFRONT'] as const;
export type TownPropertyKind = (typeof TOWN_PROPERTY_KINDS)[number];

export const BUSINESS_KINDS = ['COMPANY', 'SHOP', 'TRANSPORT'] as const;
export type BusinessKind = (typeof BUSINESS_KINDS)[number];

export const VILLAGE_KINDS = ['POOR_VILLAGE', 'NON_POOR_WITH_POOR', 'NON_POOR', 'COMMUNITY'] as const;
export type VillageKind = (typeof VILLAGE_KINDS)[number];

export const REGION_LEVELS = ['COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const TASK_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** OVERDUE is derived from the deadline and the day asked about, never stored. */
export const DERIVED_TASK_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'OVERDUE'] as const;
export type DerivedTaskStatus = (typeof DERIVED_TASK_STATUSES)[number];

export const FUND_SOURCE_CATEGORIES = [
  'FISCAL_POVERTY',
  'INTEGRATED_AGRI',
  'CREDIT',
  'SECTOR',
  'SOCIAL',
  'COUNTY_BUDGET',
  'OTHER',
] as const;
export type FundSourceCategory = (typeof FUND_SOURCE_CATEGORIES)[number];

export const PROJECT_STATES = [
  'APPLICATION',
  'TOWNSHIP_REVIEW',
  'COUNTY_APPRAISAL',
  'APPROVED',
  'IN_LIBRARY',
  'IMPLEMENTATION',
  'COMPLETION_ACCEPTANCE',
  'ASSET_HANDOVER',
  'REMOVED',
] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

export const NOTICE_KINDS = ['FUND_PROJECT', 'HOUSEHOLD', 'VILLAGE'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const REPORT_STATES = ['RECEIVED', 'ASSIGNED', 'HANDLED', 'REPLIED', 'CLOSED'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_CHANNELS = ['HOTLINE_12345', 'PUBLISHED_PHONE', 'SUPERVISOR', 'WALK_IN'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** 举报类别: what a report is about; each has its own time limits ('report.categoryTimeLimitDays'). */
export const REPORT_CATEGORIES = [
  'POLICY_CONSULTATION',
  'IDENTIFICATION',
  'ASSISTANCE',
  'FUND_MISUSE',
  'CONDUCT',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** 问责类型: people held accountable for conduct (作风问责), and cases opened (立案). */
export const ACCOUNTABILITY_KINDS = ['CONDUCT_ACCOUNTABILITY', 'CASE_OPENED'] as const;
export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number];

export const ASSESSMENT_CLASSES = ['CONSOLIDATE', 'RECTIFY', 'YELLOW_CARD', 'KEY_MANAGEMENT'] as const;
export type AssessmentClass = (typeof ASSESSMENT_CLASSES)[number];

/** Outcome codes the decisions return (each decision uses a subset). */
export const OUTCOMES = [
  'PASS',
  'FAIL',
  'WARNING',
  'INCLUDE',
  'NOT_INCLUDE',
  'EXCLUDED',
  'MET',
  'UNMET',
  'ELIGIBLE',
  'NOT_ELIGIBLE',
  'NOT_MONITORED',
  'ELIMINATED',
  'NOT_ELIMINATED',
  'KEEP_MONITORING_NO_LABOUR',
  'ACCEPTED',
  'REFUSED',
  'MATCHES_GROSS',
  'MATCHES_NET',
  'UNEXPLAINED',
  'COMPLIANT',
  'NON_COMPLIANT',
  'NOT_REQUIRED',
  'SERVING',
  'SHORT',
  'ON_TIME',
  'OVERDUE',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
