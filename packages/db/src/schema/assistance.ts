import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './access';
import { tenantColumns, versionColumns } from './columns';
import { regions } from './geography';
import { households } from './identification/households';
import { cadres, units } from './organisation';

/**
 * 帮扶工作机制 (mechanism 4): village work teams, helper–household pairings and visits. Days are Shanghai
 * calendar days; an end date is the last day served (inclusive), null while open.
 */

export const workTeamRole = pgEnum('work_team_role', ['CAPTAIN', 'FIRST_SECRETARY', 'MEMBER']);
export const visitMode = pgEnum('visit_mode', ['IN_PERSON', 'PHONE', 'OTHER']);

export const activityKind = pgEnum('assistance_activity_kind', ['CAMPAIGN', 'PUBLICITY']);

export type WorkTeamRole = (typeof workTeamRole.enumValues)[number];
export type ActivityKind = (typeof activityKind.enumValues)[number];
export type VisitMode = (typeof visitMode.enumValues)[number];

/** 驻村工作队: one open team per village, sent by a backing unit. */
export const workTeams = pgTable(
  'work_teams',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    villageId: integer('village_id')
      .notNull()
      .references(() => regions.id),
    backingUnitId: integer('backing_unit_id')
      .notNull()
      .references(() => units.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    /** 撤销原因: set when the team is withdrawn (its end date is then the withdrawal day); null otherwise. */
    withdrawnReason: text('withdrawn_reason'),
    ...versionColumns(),
  },
  (t) => [
    uniqueIndex('work_teams_open_village_uq').on(t.villageId).where(sql`${t.endDate} is null`),
    index('work_teams_unit_idx').on(t.backingUnitId),
    index('work_teams_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('work_teams_dates_ck', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

/** 工作队队员: a cadre on a team as captain (队长), first secretary (第一书记) or member (队员). */
export const workTeamMembers = pgTable(
  'work_team_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    workTeamId: integer('work_team_id')
      .notNull()
      .references(() => workTeams.id),
    cadreId: integer('cadre_id')
      .notNull()
      .references(() => cadres.id),
    role: workTeamRole('role').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    ...versionColumns(),
  },
  (t) => [
    index('work_team_members_team_idx').on(t.workTeamId),
    index('work_team_members_cadre_idx').on(t.cadreId),
    uniqueIndex('work_team_members_open_cadre_uq')
      .on(t.workTeamId, t.cadreId)
      .where(sql`${t.endDate} is null`),
    index('work_team_members_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('work_team_members_dates_ck', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * 结对帮扶: a helper (cadre) and a household. At most one open pairing per household (the unique partial
 * index) and at most 5 open pairings per helper (the trigger `pairings_helper_cap`, which locks the
 * helper's cadre row, see the migration). An ended pairing's end date may be the day before its start
 * when it is replaced on its first day.
 */
export const pairings = pgTable(
  'pairings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    helperId: integer('helper_id')
      .notNull()
      .references(() => cadres.id),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    ...versionColumns(),
  },
  (t) => [
    uniqueIndex('pairings_open_household_uq').on(t.householdId).where(sql`${t.endDate} is null`),
    index('pairings_helper_idx').on(t.helperId, t.endDate),
    index('pairings_household_idx').on(t.householdId, t.startDate),
    index('pairings_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('pairings_dates_ck', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate} - 1`),
  ],
);

/**
 * 走访: one visit of a pairing's helper to the household, with the signatures 三走访三签字 asks for
 * (household, helper, village). The idempotency key a device sends is unique per helper, so a replay
 * after a lost response stores nothing new.
 */
export const visits = pgTable(
  'visits',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    pairingId: integer('pairing_id')
      .notNull()
      .references(() => pairings.id),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    helperId: integer('helper_id')
      .notNull()
      .references(() => cadres.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    mode: visitMode('mode').notNull(),
    notes: text('notes').notNull().default(''),
    householdSigned: boolean('household_signed').notNull().default(false),
    helperSigned: boolean('helper_signed').notNull().default(false),
    villageSigned: boolean('village_signed').notNull().default(false),
    idempotencyKey: text('idempotency_key'),
    recordedById: integer('recorded_by_id').references(() => users.id),
    ...versionColumns(),
  },
  (t) => [
    unique('visits_helper_key_uq').on(t.helperId, t.idempotencyKey),
    index('visits_household_time_idx').on(t.householdId, t.occurredAt),
    index('visits_pairing_idx').on(t.pairingId),
    index('visits_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/**
 * 专项活动 and 政策宣传: a campaign (三走访三签字, 千名干部下基层, 户帮户亲帮亲) or a publicity drive
 * (手册, 告知书, 挂图) held in a region (the county, a township or a village) over inclusive days, with the
 * number of participants and of copies distributed.
 */
export const assistanceActivities = pgTable(
  'assistance_activities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    kind: activityKind('kind').notNull(),
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    participants: integer('participants').notNull().default(0),
    copiesDistributed: integer('copies_distributed').notNull().default(0),
    materials: text('materials').notNull().default(''),
    notes: text('notes').notNull().default(''),
    ...versionColumns(),
  },
  (t) => [
    index('assistance_activities_start_idx').on(t.countyId, t.startDate),
    index('assistance_activities_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('assistance_activities_dates_ck', sql`${t.endDate} >= ${t.startDate}`),
    check('assistance_activities_counts_ck', sql`${t.participants} >= 0 and ${t.copiesDistributed} >= 0`),
  ],
);
