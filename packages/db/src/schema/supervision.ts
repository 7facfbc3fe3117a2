import { ACCOUNTABILITY_KINDS, REPORT_CATEGORIES, REPORT_CHANNELS, REPORT_STATES } from '@gongjian/rules';
import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
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
import { auditFindings } from './funds';
import { regions } from './geography';
import { units } from './organisation';
import { tasks } from './responsibility';
import { combatGroups } from './work-advancement';

/**
 * 监督考核机制 (mechanism 6): inspections and their findings (each rectified by a task), reports with their
 * workflow (the reporter's identity in a table of its own, read only by supervision roles), village
 * supervisors, accountability, village assessments with their score sheets, unit performance and village
 * exits with their one-time reward. Overdue and the assessment class are derived, never stored. Scores are
 * integer tenths of a point (79.9 → 799).
 */

const fen = (name: string) => bigint(name, { mode: 'number' });
const tenths = (name: string) => integer(name);
const scoreRange = (column: AnyPgColumn | SQL) => sql`${column} between 0 and 1000`;

export const reportChannel = pgEnum('report_channel', REPORT_CHANNELS);
export const reportCategory = pgEnum('report_category', REPORT_CATEGORIES);
export const reportState = pgEnum('report_state', REPORT_STATES);
export const inspectionFindingStatus = pgEnum('inspection_finding_status', ['OPEN', 'CLOSED']);
export const accountabilityKind = pgEnum('accountability_kind', ACCOUNTABILITY_KINDS);

/** 督查巡查: a round of inspection by the supervision group over a scope and a span of days. */
export const inspections = pgTable(
  'inspections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    title: text('title').notNull(),
    scope: text('scope').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    inspectors: text('inspectors').notNull(),
    combatGroupId: integer('combat_group_id').references(() => combatGroups.id),
    recordedById: integer('recorded_by_id').references(() => users.id),
    ...versionColumns(),
  },
  (t) => [
    index('inspections_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    index('inspections_county_day_idx').on(t.countyId, t.startsOn),
    check('inspections_days_ck', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);

/** 督查发现问题: one problem an inspection found in a region; its rectification task is a row of the task tree. */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    description: text('description').notNull(),
    foundOn: date('found_on', { mode: 'string' }).notNull(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    status: inspectionFindingStatus('status').notNull().default('OPEN'),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    recordedById: integer('recorded_by_id').references(() => users.id),
    ...versionColumns(),
  },
  (t) => [
    uniqueIndex('inspection_findings_task_uq').on(t.taskId),
    index('inspection_findings_inspection_idx').on(t.inspectionId),
    index('inspection_findings_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('inspection_findings_closed_ck', sql`(${t.status} = 'CLOSED') = (${t.closedAt} is not null)`),
  ],
);

/**
 * 举报/投诉: received → assigned → handled → replied → closed; each step's instant is set with its state, so
 * the state and the instants cannot disagree. `receivedOn` is the county day of receipt the time limits count
 * from. A duplicate keeps its record and points at the report it was merged into.
 */
export const reports = pgTable(
  'reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    channel: reportChannel('channel').notNull(),
    category: reportCategory('category').notNull(),
    subject: text('subject').notNull(),
    content: text('content').notNull(),
    /** Whether the reporter gave a name; a named reporter's identity is a `report_reporters` row. */
    anonymous: boolean('anonymous').notNull(),
    /** The unit reported on, when the report names one: never shown the reporter's identity. */
    concernedUnitId: integer('concerned_unit_id').references(() => units.id),
    state: reportState('state').notNull().default('RECEIVED'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    receivedById: integer('received_by_id').references(() => users.id),
    assignedUnitId: integer('assigned_unit_id').references(() => units.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'string' }),
    handledAt: timestamp('handled_at', { withTimezone: true, mode: 'string' }),
    handlingResult: text('handling_result'),
    repliedAt: timestamp('replied_at', { withTimezone: true, mode: 'string' }),
    reply: text('reply'),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    closedById: integer('closed_by_id').references(() => users.id),
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => reports.id),
    mergedAt: timestamp('merged_at', { withTimezone: true, mode: 'string' }),
    ...versionColumns(),
  },
  (t) => [
    index('reports_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    index('reports_county_state_idx').on(t.countyId, t.state, t.receivedOn),
    index('reports_merged_idx').on(t.mergedIntoId),
    index('reports_assigned_unit_idx').on(t.assignedUnitId),
    check(
      'reports_steps_ck',
      sql`(${t.assignedAt} is not null) = (${t.state} in ('ASSIGNED', 'HANDLED', 'REPLIED', 'CLOSED'))
        and (${t.assignedUnitId} is not null) = (${t.assignedAt} is not null)
        and (${t.handledAt} is not null) = (${t.state} in ('HANDLED', 'REPLIED', 'CLOSED'))
        and (${t.handledAt} is null or ${t.handlingResult} is not null)
        and (${t.repliedAt} is not null) = (${t.state} in ('REPLIED', 'CLOSED'))
        and (${t.repliedAt} is null or ${t.reply} is not null)
        and (${t.closedAt} is not null) = (${t.state} = 'CLOSED')`,
    ),
    check(
      'reports_merge_ck',
      sql`(${t.mergedIntoId} is null) = (${t.mergedAt} is null) and ${t.mergedIntoId} is distinct from ${t.id}`,
    ),
  ],
);

/** 举报人: a named reporter's identity, apart from the report so no list, join or audit row carries it by accident. */
export const reportReporters = pgTable(
  'report_reporters',
  {
    reportId: integer('report_id')
      .primaryKey()
      .references(() => reports.id),
    ...tenantColumns(),
    name: text('name').notNull(),
    phone: text('phone'),
    ...versionColumns(),
  },
  (t) => [index('report_reporters_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops'))],
);

/** 村级扶贫监督员: one serving supervisor per village with poor residents. */
export const villageSupervisors = pgTable(
  'village_supervisors',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    villageId: integer('village_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    phone: text('phone'),
    appointedOn: date('appointed_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    ...versionColumns(),
  },
  (t) => [
    uniqueIndex('village_supervisors_serving_uq').on(t.villageId).where(sql`${t.endedOn} is null`),
    index('village_supervisors_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('village_supervisors_days_ck', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.appointedOn}`),
  ],
);

/**
 * 作风问责 / 立案: a person held accountable or a case opened, resting on exactly one report, inspection
 * finding or audit finding.
 */
export const accountabilityCases = pgTable(
  'accountability_cases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    kind: accountabilityKind('kind').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    year: integer('year').notNull(),
    personName: text('person_name').notNull(),
    personPost: text('person_post').notNull(),
    unitId: integer('unit_id').references(() => units.id),
    measure: text('measure').notNull(),
    summary: text('summary').notNull(),
    reportId: integer('report_id').references(() => reports.id),
    inspectionFindingId: integer('inspection_finding_id').references(() => inspectionFindings.id),
    auditFindingId: integer('audit_finding_id').references(() => auditFindings.id),
    recordedById: integer('recorded_by_id').references(() => users.id),
    ...versionColumns(),
  },
  (t) => [
    index('accountability_cases_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    index('accountability_cases_county_year_idx').on(t.countyId, t.year, t.kind),
    check(
      'accountability_cases_one_basis_ck',
      sql`num_nonnulls(${t.reportId}, ${t.inspectionFindingId}, ${t.auditFindingId}) = 1`,
    ),
    check('accountability_cases_year_ck', sql`${t.year} = extract(year from ${t.decidedOn})`),
  ],
);

/**
 * 村级核查验收: a village's assessment for a year: the self-assessment score, the county review's score sheet
 * (its total and veto kept with the sheet in one write) and the problem count. The class is the rules'.
 */
export const villageAssessments = pgTable(
  'village_assessments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    villageId: integer('village_id')
      .notNull()
      .references(() => regions.id),
    year: integer('year').notNull(),
    selfScoreTenths: tenths('self_score_tenths').notNull(),
    selfAssessedOn: date('self_assessed_on', { mode: 'string' }).notNull(),
    reviewScoreTenths: tenths('review_score_tenths'),
    reviewedOn: date('reviewed_on', { mode: 'string' }),
    reviewedById: integer('reviewed_by_id').references(() => users.id),
    vetoHit: boolean('veto_hit').notNull().default(false),
    problemCount: integer('problem_count').notNull().default(0),
    ...versionColumns(),
  },
  (t) => [
    unique('village_assessments_village_year_uq').on(t.villageId, t.year),
    index('village_assessments_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('village_assessments_self_ck', scoreRange(t.selfScoreTenths)),
    check(
      'village_assessments_review_ck',
      sql`${t.reviewScoreTenths} is null or ${scoreRange(t.reviewScoreTenths)}`,
    ),
    check(
      'village_assessments_reviewed_ck',
      sql`(${t.reviewScoreTenths} is null) = (${t.reviewedOn} is null)`,
    ),
    check('village_assessments_problems_ck', sql`${t.problemCount} >= 0`),
  ],
);

/** 复核评分表项目: a weighted item (score within its weight) or a veto item of a county review. */
export const assessmentItems = pgTable(
  'assessment_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => villageAssessments.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    weightTenths: tenths('weight_tenths').notNull(),
    scoreTenths: tenths('score_tenths').notNull(),
    veto: boolean('veto').notNull().default(false),
    vetoHit: boolean('veto_hit').notNull().default(false),
    ...versionColumns(),
  },
  (t) => [
    unique('assessment_items_position_uq').on(t.assessmentId, t.position),
    check('assessment_items_weight_ck', sql`${t.scoreTenths} between 0 and ${t.weightTenths}`),
    check('assessment_items_veto_ck', sql`${t.veto} or not ${t.vetoHit}`),
  ],
);

/** 绩效考核: a unit's performance assessment for a year and the share of its bonuses tied to the campaign. */
export const performanceAssessments = pgTable(
  'performance_assessments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    scoreTenths: tenths('score_tenths').notNull(),
    totalBonusFen: fen('total_bonus_fen').notNull(),
    campaignBonusFen: fen('campaign_bonus_fen').notNull(),
    ...versionColumns(),
  },
  (t) => [
    unique('performance_assessments_unit_year_uq').on(t.unitId, t.year),
    index('performance_assessments_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('performance_assessments_score_ck', scoreRange(t.scoreTenths)),
    check(
      'performance_assessments_bonus_ck',
      sql`${t.totalBonusFen} > 0 and ${t.campaignBonusFen} between 0 and ${t.totalBonusFen}`,
    ),
  ],
);

/**
 * 贫困村出列: a poor village's planned and actual exit year, the year its support ends (脱贫不脱政策), and the
 * one-time exit reward, paid at most once (a guarded update of a null `rewardPaidOn`).
 */
export const villageExits = pgTable(
  'village_exits',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    villageId: integer('village_id')
      .notNull()
      .references(() => regions.id),
    scheduledExitYear: integer('scheduled_exit_year').notNull(),
    exitYear: integer('exit_year'),
    supportEndsYear: integer('support_ends_year').notNull(),
    rewardFen: fen('reward_fen'),
    rewardPaidOn: date('reward_paid_on', { mode: 'string' }),
    rewardedById: integer('rewarded_by_id').references(() => users.id),
    ...versionColumns(),
  },
  (t) => [
    unique('village_exits_village_uq').on(t.villageId),
    index('village_exits_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('village_exits_reward_ck', sql`(${t.rewardFen} is null) = (${t.rewardPaidOn} is null)`),
    check('village_exits_reward_exit_ck', sql`${t.rewardFen} is null or ${t.exitYear} is not null`),
  ],
);
