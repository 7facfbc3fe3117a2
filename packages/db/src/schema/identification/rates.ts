import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { users } from '../access';
import { tenantColumns, versionColumns } from '../columns';
import { regions } from '../geography';
import type { StoredReason } from './columns';
import { exitVerificationOutcome, surveySampleKind } from './enums';
import { householdReference, households } from './households';

/** What the four rates are computed from: exit verifications, survey samples and village populations. */

/** 退出核查: the yearly check that an exit met the standard and followed the procedure. */
export const exitVerifications = pgTable(
  'exit_verifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    householdId: householdReference(),
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

/** 农村人口: a village's rural (agricultural-registered) population in a year, the incidence denominator. */
export const villagePopulations = pgTable(
  'village_populations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    villageId: integer('village_id')
      .notNull()
      .references(() => regions.id),
    year: integer('year').notNull(),
    ruralPopulation: integer('rural_population').notNull(),
    ruralHouseholds: integer('rural_households').notNull(),
    ...versionColumns(),
  },
  (t) => [
    unique('village_populations_village_year_uq').on(t.villageId, t.year),
    index('village_populations_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('village_populations_positive_ck', sql`${t.ruralPopulation} > 0 and ${t.ruralHouseholds} > 0`),
  ],
);
