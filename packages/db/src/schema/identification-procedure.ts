import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './access';
import { tenantColumns, versionColumns } from './columns';
import { regions } from './geography';
import {
  actorRole,
  applicationKind,
  applicationState,
  exitVerificationOutcome,
  findingState,
  householdStatus,
  measureKind,
  measureStatus,
  monitoringProcedureKind,
  monitoringState,
  monitoringType,
  procedureStep,
  riskKind,
  rulesAdvice,
  stepDecision,
  surveySampleKind,
} from './identification-enums';
import { households } from './identification-registry';
import { cadres } from './organisation';

/** A rule's reason as the rules package returns it, stored with the decision it explains. */
export interface StoredReason {
  ruleId: string;
  passed: boolean;
  params: Record<string, unknown>;
  facts: Record<string, unknown>;
  source: { document: string; grade: string; note?: string };
  messageZh: string;
  messageEn: string;
}

const recordedAt = () =>
  timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();

/**
 * 动态调整申请: one status change of one household moving through its procedure. At most one application
 * per household is in progress (partial unique index); a step is recorded only by the guarded update that
 * moves `stepsDone` on from the value the actor read, so two actors cannot both record the same step.
 */
export const statusApplications = pgTable(
  'status_applications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    kind: applicationKind('kind').notNull(),
    /** The year whose income and guarantees the rules assessed. */
    year: integer('year').notNull(),
    fromStatus: householdStatus('from_status').notNull(),
    toStatus: householdStatus('to_status').notNull(),
    state: applicationState('state').notNull().default('IN_PROGRESS'),
    nextStep: procedureStep('next_step'),
    stepsDone: integer('steps_done').notNull().default(0),
    rulesAdvice: rulesAdvice('rules_advice').notNull(),
    rulesOutcome: text('rules_outcome').notNull(),
    rulesExplanation: jsonb('rules_explanation').$type<StoredReason[]>().notNull(),
    reason: text('reason').notNull(),
    againstAdviceReason: text('against_advice_reason'),
    exclusionFindingId: integer('exclusion_finding_id'),
    startedByUserId: integer('started_by_user_id').references(() => users.id),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    ...versionColumns(),
  },
  (t) => [
    uniqueIndex('status_applications_one_open_uq').on(t.householdId).where(sql`${t.state} = 'IN_PROGRESS'`),
    index('status_applications_household_idx').on(t.householdId),
    index('status_applications_state_step_idx').on(t.state, t.nextStep),
    index('status_applications_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check(
      'status_applications_against_advice_ck',
      sql`${t.rulesAdvice} = 'SUPPORTS' or coalesce(length(trim(${t.againstAdviceReason})), 0) > 0`,
    ),
  ],
);

/** 程序步骤: who did which step of an application, on which day, with what decision and notes. */
export const applicationSteps = pgTable(
  'application_steps',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => statusApplications.id),
    sequence: integer('sequence').notNull(),
    step: procedureStep('step').notNull(),
    decision: stepDecision('decision').notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    actorRole: actorRole('actor_role').notNull(),
    actedOn: date('acted_on', { mode: 'string' }).notNull(),
    notes: text('notes').notNull().default(''),
    recordedAt: recordedAt(),
  },
  (t) => [
    unique('application_steps_sequence_uq').on(t.applicationId, t.sequence),
    index('application_steps_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/**
 * 七个不纳入 screening hit: the rule, its evidence and where it came from. The digest of the evidence makes
 * re-screening idempotent: unchanged evidence never opens a second finding, whatever became of the first.
 */
export const exclusionFindings = pgTable(
  'exclusion_findings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    ruleId: text('rule_id').notNull(),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    evidenceDigest: text('evidence_digest').notNull(),
    sources: text('sources').array().notNull(),
    explanation: jsonb('explanation').$type<StoredReason>().notNull(),
    state: findingState('state').notNull().default('OPEN'),
    screenedOn: date('screened_on', { mode: 'string' }).notNull(),
    decisionReason: text('decision_reason'),
    decidedByUserId: integer('decided_by_user_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    applicationId: integer('application_id'),
    ...versionColumns(),
  },
  (t) => [
    unique('exclusion_findings_evidence_uq').on(t.householdId, t.ruleId, t.evidenceDigest),
    index('exclusion_findings_state_idx').on(t.state),
    index('exclusion_findings_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check(
      'exclusion_findings_dismiss_reason_ck',
      sql`${t.state} <> 'DISMISSED' or coalesce(length(trim(${t.decisionReason})), 0) > 0`,
    ),
  ],
);

/**
 * 监测对象 / 边缘户: a household under monitoring, with one responsible cadre. Identification and risk
 * elimination each run their own procedure (`monitoring_steps`); at most one active object per household.
 */
export const monitoringObjects = pgTable(
  'monitoring_objects',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    year: integer('year').notNull(),
    type: monitoringType('type').notNull(),
    state: monitoringState('state').notNull().default('IDENTIFYING'),
    riskKinds: riskKind('risk_kinds').array().notNull(),
    riskNote: text('risk_note').notNull().default(''),
    responsibleCadreId: integer('responsible_cadre_id')
      .notNull()
      .references(() => cadres.id),
    /** The procedure under way (identification, then elimination) and how many of its steps are done. */
    procedure: monitoringProcedureKind('procedure').notNull().default('IDENTIFICATION'),
    stepsDone: integer('steps_done').notNull().default(0),
    clueOn: date('clue_on', { mode: 'string' }).notNull(),
    identifiedOn: date('identified_on', { mode: 'string' }),
    eliminatedOn: date('eliminated_on', { mode: 'string' }),
    classification: jsonb('classification').$type<StoredReason[]>().notNull(),
    eliminationAssessment: jsonb('elimination_assessment').$type<StoredReason[]>(),
    ...versionColumns(),
  },
  (t) => [
    uniqueIndex('monitoring_objects_one_active_uq')
      .on(t.householdId)
      .where(sql`${t.state} not in ('RISK_ELIMINATED', 'REJECTED')`),
    index('monitoring_objects_household_idx').on(t.householdId),
    index('monitoring_objects_cadre_idx').on(t.responsibleCadreId),
    index('monitoring_objects_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/** 帮扶措施: one measure for a household (or for its monitoring object), with its state. */
export const householdMeasures = pgTable(
  'household_measures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    monitoringObjectId: integer('monitoring_object_id').references(() => monitoringObjects.id),
    kind: measureKind('kind').notNull(),
    status: measureStatus('status').notNull().default('PLANNED'),
    description: text('description').notNull(),
    department: text('department').notNull().default(''),
    startedOn: date('started_on', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
    ...versionColumns(),
  },
  (t) => [
    index('household_measures_household_idx').on(t.householdId),
    index('household_measures_monitoring_idx').on(t.monitoringObjectId),
    index('household_measures_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

export const monitoringSteps = pgTable(
  'monitoring_steps',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    monitoringObjectId: integer('monitoring_object_id')
      .notNull()
      .references(() => monitoringObjects.id),
    procedure: monitoringProcedureKind('procedure').notNull(),
    sequence: integer('sequence').notNull(),
    step: text('step').notNull(),
    decision: stepDecision('decision').notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    actorRole: actorRole('actor_role').notNull(),
    actedOn: date('acted_on', { mode: 'string' }).notNull(),
    notes: text('notes').notNull().default(''),
    recordedAt: recordedAt(),
  },
  (t) => [
    unique('monitoring_steps_sequence_uq').on(t.monitoringObjectId, t.procedure, t.sequence),
    index('monitoring_steps_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/** 退出核查: the yearly check that an exit met the standard and followed the procedure. */
export const exitVerifications = pgTable(
  'exit_verifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    year: integer('year').notNull(),
    verifiedOn: date('verified_on', { mode: 'string' }).notNull(),
    verifierUserId: integer('verifier_user_id').references(() => users.id),
    procedureFollowed: boolean('procedure_followed').notNull(),
    householdAgreed: boolean('household_agreed').notNull(),
    findings: text('findings').notNull().default(''),
    outcome: exitVerificationOutcome('outcome').notNull(),
    explanation: jsonb('explanation').$type<StoredReason[]>().notNull(),
    ...versionColumns(),
  },
  (t) => [
    unique('exit_verifications_household_year_uq').on(t.householdId, t.year),
    index('exit_verifications_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/**
 * 抽样调查: one surveyed household. EXITED samples feed 错退率, NON_REGISTERED samples 漏评率, and every
 * sample 群众认可度. A non-registered household need not be in the registry (`householdId` null).
 */
export const surveySamples = pgTable(
  'survey_samples',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    villageId: integer('village_id')
      .notNull()
      .references(() => regions.id),
    householdId: integer('household_id').references(() => households.id),
    year: integer('year').notNull(),
    kind: surveySampleKind('kind').notNull(),
    respondentName: text('respondent_name').notNull(),
    persons: integer('persons').notNull(),
    wrongExit: boolean('wrong_exit'),
    missed: boolean('missed'),
    recognises: boolean('recognises').notNull(),
    surveyedOn: date('surveyed_on', { mode: 'string' }).notNull(),
    surveyorUserId: integer('surveyor_user_id').references(() => users.id),
    notes: text('notes').notNull().default(''),
    ...versionColumns(),
  },
  (t) => [
    index('survey_samples_village_year_idx').on(t.villageId, t.year),
    index('survey_samples_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check(
      'survey_samples_findings_ck',
      sql`${t.persons} > 0 and (${t.kind} = 'EXITED') = (${t.wrongExit} is not null) and (${t.kind} = 'NON_REGISTERED') = (${t.missed} is not null)`,
    ),
  ],
);
