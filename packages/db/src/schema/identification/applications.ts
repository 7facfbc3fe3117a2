import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../access';
import { tenantColumns, versionColumns } from '../columns';
import { type StoredReason, stepRecordColumns } from './columns';
import { applicationKind, applicationState, householdStatus, procedureStep, rulesAdvice } from './enums';
import { householdReference } from './households';

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
    householdId: householdReference(),
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
    ...stepRecordColumns(),
  },
  (t) => [
    unique('application_steps_sequence_uq').on(t.applicationId, t.sequence),
    index('application_steps_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);
