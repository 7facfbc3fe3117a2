import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantColumns, versionColumns } from '../columns';
import { cadres } from '../organisation';
import { type StoredReason, stepRecordColumns } from './columns';
import { monitoringProcedureKind, monitoringState, monitoringType, riskKind } from './enums';
import { householdReference } from './households';

/**
 * 监测对象 / 边缘户: a household under monitoring, with one responsible cadre. Identification and risk
 * elimination each run their own procedure (`monitoring_steps`); at most one active object per household.
 */
export const monitoringObjects = pgTable(
  'monitoring_objects',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    householdId: householdReference(),
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
    ...stepRecordColumns(),
  },
  (t) => [
    unique('monitoring_steps_sequence_uq').on(t.monitoringObjectId, t.procedure, t.sequence),
    index('monitoring_steps_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);
