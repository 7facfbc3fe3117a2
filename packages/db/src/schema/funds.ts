import { FUND_SOURCE_CATEGORIES, OBJECTION_STATUSES, PROJECT_STATES } from '@gongjian/rules';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { users } from './access';
import { tenantColumns, versionColumns } from './columns';
import { regions } from './geography';
import { units } from './organisation';
import { tasks } from './responsibility';

/**
 * 资金整合机制 (mechanism 5): fund sources with their declared overlaps and reported totals, the project
 * library and its lifecycle, allocations and payments under their caps, notices and audit findings.
 * Money is integer fen (bigint). The caps are columns the writes move with a guarded update and that a
 * check constraint bounds, so concurrent writers cannot pass them.
 */

const fen = (name: string) => bigint(name, { mode: 'number' });

export const fundSourceCategory = pgEnum('fund_source_category', FUND_SOURCE_CATEGORIES);
export const projectState = pgEnum('project_state', PROJECT_STATES);
export const noticeSubject = pgEnum('notice_subject', ['PLAN', 'ALLOCATION', 'PROJECT']);
export const auditFindingStatus = pgEnum('audit_finding_status', ['OPEN', 'CLOSED']);
export const noticeObjectionStatus = pgEnum('notice_objection_status', OBJECTION_STATUSES);

/** 资金来源: a category's money for a year or a run of years (fromYear = toYear for one year). */
export const fundSources = pgTable(
  'fund_sources',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    category: fundSourceCategory('category').notNull(),
    name: text('name').notNull(),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    amountFen: fen('amount_fen').notNull(),
    /** Sum of the allocations from this source, moved by each allocation in the same transaction. */
    allocatedFen: fen('allocated_fen').notNull().default(0),
    notes: text('notes'),
    ...versionColumns(),
  },
  (t) => [
    index('fund_sources_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    index('fund_sources_county_year_idx').on(t.countyId, t.fromYear, t.toYear),
    check('fund_sources_years_ck', sql`${t.fromYear} <= ${t.toYear}`),
    check('fund_sources_cap_ck', sql`${t.allocatedFen} >= 0 and ${t.allocatedFen} <= ${t.amountFen}`),
  ],
);

/** 资金包含关系: "source `containerId` includes `amountFen` of source `containedId`". */
export const fundOverlaps = pgTable(
  'fund_overlaps',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    containerId: integer('container_id')
      .notNull()
      .references(() => fundSources.id),
    containedId: integer('contained_id')
      .notNull()
      .references(() => fundSources.id),
    amountFen: fen('amount_fen').notNull(),
    notes: text('notes'),
    ...versionColumns(),
  },
  (t) => [
    unique('fund_overlaps_pair_uq').on(t.containerId, t.containedId),
    index('fund_overlaps_contained_idx').on(t.containedId),
    index('fund_overlaps_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('fund_overlaps_distinct_ck', sql`${t.containerId} <> ${t.containedId}`),
    check('fund_overlaps_amount_ck', sql`${t.amountFen} > 0`),
  ],
);

/** 上报总额: a total as published or reported upward for a run of years. */
export const fundReportedTotals = pgTable(
  'fund_reported_totals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    amountFen: fen('amount_fen').notNull(),
    /** Where the figure was published or to whom it was reported. */
    reportedIn: text('reported_in').notNull(),
    ...versionColumns(),
  },
  (t) => [
    index('fund_reported_totals_county_idx').on(t.countyId, t.fromYear, t.toYear),
    check('fund_reported_totals_years_ck', sql`${t.fromYear} <= ${t.toYear}`),
    check('fund_reported_totals_amount_ck', sql`${t.amountFen} >= 0`),
  ],
);

/** 扶贫项目 (项目库): a project of a village, its budget, beneficiaries, target and lifecycle state. */
export const projects = pgTable(
  'projects',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    name: text('name').notNull(),
    /** 项目类别 (产业发展, 基础设施, 公共服务, …). */
    category: text('category').notNull(),
    year: integer('year').notNull(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    responsibleUnitId: integer('responsible_unit_id')
      .notNull()
      .references(() => units.id),
    budgetFen: fen('budget_fen').notNull(),
    beneficiaryHouseholds: integer('beneficiary_households').notNull().default(0),
    beneficiaryPeople: integer('beneficiary_people').notNull().default(0),
    beneficiaryPoorPeople: integer('beneficiary_poor_people').notNull().default(0),
    performanceTarget: text('performance_target').notNull(),
    povertyLink: text('poverty_link').notNull(),
    state: projectState('state').notNull().default('APPLICATION'),
    /** Sums of the project's allocations and payments, moved by each write in the same transaction. */
    allocatedFen: fen('allocated_fen').notNull().default(0),
    disbursedFen: fen('disbursed_fen').notNull().default(0),
    ...versionColumns(),
  },
  (t) => [
    index('projects_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    index('projects_county_year_idx').on(t.countyId, t.year),
    index('projects_region_idx').on(t.regionId),
    index('projects_unit_idx').on(t.responsibleUnitId),
    check('projects_budget_ck', sql`${t.budgetFen} >= 0`),
    check('projects_target_ck', sql`length(trim(${t.performanceTarget})) > 0`),
    check(
      'projects_beneficiaries_ck',
      sql`${t.beneficiaryHouseholds} >= 0 and ${t.beneficiaryPoorPeople} >= 0 and ${t.beneficiaryPoorPeople} <= ${t.beneficiaryPeople}`,
    ),
    check(
      'projects_cap_ck',
      sql`${t.allocatedFen} >= 0 and ${t.disbursedFen} >= 0 and ${t.disbursedFen} <= ${t.allocatedFen}`,
    ),
  ],
);

/** 项目流程记录: each lifecycle step, who took it, when and with which notes. */
export const projectSteps = pgTable(
  'project_steps',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    fromState: projectState('from_state'),
    toState: projectState('to_state').notNull(),
    actedOn: date('acted_on', { mode: 'string' }).notNull(),
    actedById: integer('acted_by_id').references(() => users.id),
    notes: text('notes'),
    ...versionColumns(),
  },
  (t) => [
    index('project_steps_project_idx').on(t.projectId, t.id),
    index('project_steps_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/** 资金安排: money from a source to a project. */
export const fundAllocations = pgTable(
  'fund_allocations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => fundSources.id),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    amountFen: fen('amount_fen').notNull(),
    allocatedOn: date('allocated_on', { mode: 'string' }).notNull(),
    allocatedById: integer('allocated_by_id').references(() => users.id),
    notes: text('notes'),
    ...versionColumns(),
  },
  (t) => [
    index('fund_allocations_source_idx').on(t.sourceId),
    index('fund_allocations_project_idx').on(t.projectId),
    index('fund_allocations_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('fund_allocations_amount_ck', sql`${t.amountFen} > 0`),
  ],
);

/** 资金拨付: a payment against a project. */
export const disbursements = pgTable(
  'disbursements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    amountFen: fen('amount_fen').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    paidById: integer('paid_by_id').references(() => users.id),
    notes: text('notes'),
    ...versionColumns(),
  },
  (t) => [
    index('disbursements_project_idx').on(t.projectId, t.paidOn),
    index('disbursements_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('disbursements_amount_ck', sql`${t.amountFen} > 0`),
  ],
);

/** 公告公示: a notice of a plan, an allocation or a project, where and from when to when it was posted. */
export const disclosureNotices = pgTable(
  'disclosure_notices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    subject: noticeSubject('subject').notNull(),
    projectId: integer('project_id').references(() => projects.id),
    title: text('title').notNull(),
    postingPlace: text('posting_place').notNull(),
    postedOn: date('posted_on', { mode: 'string' }).notNull(),
    lastDayPosted: date('last_day_posted', { mode: 'string' }).notNull(),
    publishedById: integer('published_by_id').references(() => users.id),
    ...versionColumns(),
  },
  (t) => [
    index('disclosure_notices_project_idx').on(t.projectId),
    index('disclosure_notices_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('disclosure_notices_period_ck', sql`${t.postedOn} <= ${t.lastDayPosted}`),
    check('disclosure_notices_project_ck', sql`${t.subject} <> 'PROJECT' or ${t.projectId} is not null`),
  ],
);

/**
 * 公示异议: an objection to a notice, raised during or after its period, answered by the township or the county.
 * The objector's name and phone are personal data: read masked, never written to the audit log.
 */
export const noticeObjections = pgTable(
  'notice_objections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    noticeId: integer('notice_id')
      .notNull()
      .references(() => disclosureNotices.id),
    raisedOn: date('raised_on', { mode: 'string' }).notNull(),
    content: text('content').notNull(),
    objectorName: text('objector_name'),
    objectorPhone: text('objector_phone'),
    status: noticeObjectionStatus('status').notNull().default('OPEN'),
    answer: text('answer'),
    answeredOn: date('answered_on', { mode: 'string' }),
    answeredById: integer('answered_by_id').references(() => users.id),
    recordedById: integer('recorded_by_id').references(() => users.id),
    ...versionColumns(),
  },
  (t) => [
    index('notice_objections_notice_idx').on(t.noticeId, t.status),
    index('notice_objections_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check(
      'notice_objections_answer_ck',
      sql`(${t.status} = 'ANSWERED') = (${t.answer} is not null) and (${t.answer} is null) = (${t.answeredOn} is null)`,
    ),
  ],
);

/** 审计发现: a problem an audit found in a source or a project, rectified by a task in the task tree. */
export const auditFindings = pgTable(
  'audit_findings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    projectId: integer('project_id').references(() => projects.id),
    sourceId: integer('source_id').references(() => fundSources.id),
    description: text('description').notNull(),
    /** The sum the finding concerns (misused, idle, unpaid), when it names one. */
    amountFen: fen('amount_fen'),
    foundOn: date('found_on', { mode: 'string' }).notNull(),
    auditor: text('auditor').notNull(),
    status: auditFindingStatus('status').notNull().default('OPEN'),
    taskId: integer('task_id').references(() => tasks.id),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    recordedById: integer('recorded_by_id').references(() => users.id),
    ...versionColumns(),
  },
  (t) => [
    index('audit_findings_project_idx').on(t.projectId),
    index('audit_findings_source_idx').on(t.sourceId),
    index('audit_findings_task_idx').on(t.taskId),
    index('audit_findings_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('audit_findings_subject_ck', sql`${t.projectId} is not null or ${t.sourceId} is not null`),
    check('audit_findings_amount_ck', sql`${t.amountFen} is null or ${t.amountFen} >= 0`),
    check('audit_findings_closed_ck', sql`(${t.status} = 'CLOSED') = (${t.closedAt} is not null)`),
  ],
);
