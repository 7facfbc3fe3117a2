import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../access';
import { tenantColumns, versionColumns } from '../columns';
import type { StoredReason } from './columns';
import { findingState, sectorRecordKind } from './enums';
import { householdReference } from './households';

/** The exclusion screening (七个不纳入): the sector data it reads and the findings it opens. */

/**
 * 部门比对数据: what a sector's data (财政供养, 村两委名册, 车辆, 房产, 工商登记 …) or a village check says
 * about a person, keyed by ID number; the exclusion screening matches it to members in bulk.
 */
export const sectorRecords = pgTable(
  'sector_records',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    idNumber: text('id_number').notNull(),
    kind: sectorRecordKind('kind').notNull(),
    /** Kind-specific facts: vehicle {vehicleKind, purchasePriceFen, productive}, property {propertyKind}, business {businessKind, registered, operating}. */
    details: jsonb('details').$type<Record<string, string | number | boolean>>().notNull().default({}),
    source: text('source').notNull(),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    ...versionColumns(),
  },
  (t) => [
    index('sector_records_id_number_idx').on(t.idNumber),
    index('sector_records_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
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
    householdId: householdReference(),
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
