import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './access';
import { tenantColumns, versionColumns } from './columns';
import { regions } from './geography';
import { cadres, units } from './organisation';
import { combatGroups, meetingDecisions, policyDocuments, resolutions } from './work-advancement';

/**
 * 攻坚责任机制 (mechanism 2): the six-level responsibility list. A task has a responsible unit, a
 * responsible person, a deadline, a level and a region. OVERDUE is derived from the deadline, never stored.
 */

export const taskStatus = pgEnum('task_status', ['NOT_STARTED', 'IN_PROGRESS', 'DONE']);

export const taskSourceKind = pgEnum('task_source_kind', [
  'MEETING_DECISION',
  'RESOLUTION',
  'POLICY_DOCUMENT',
  'INSPECTION_FINDING',
  'AUDIT_FINDING',
]);

export const tasks = pgTable(
  'tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    parentId: integer('parent_id').references((): AnyPgColumn => tasks.id),
    /** The top task of this tree; null on the top task itself. Progress roll-ups load one tree by it. */
    rootId: integer('root_id').references((): AnyPgColumn => tasks.id),
    title: text('title').notNull(),
    description: text('description'),
    /** Where the task came from; children inherit their parent's source. */
    sourceKind: taskSourceKind('source_kind').notNull(),
    meetingDecisionId: integer('meeting_decision_id').references(() => meetingDecisions.id),
    resolutionId: integer('resolution_id').references(() => resolutions.id),
    policyDocumentId: integer('policy_document_id').references(() => policyDocuments.id),
    /** Inspection or audit finding, cited as written (the supervision and funds issues add their tables). */
    findingReference: text('finding_reference'),
    combatGroupId: integer('combat_group_id').references(() => combatGroups.id),
    /** Id of a level of the configured responsibility list ('responsibility.levels'). */
    levelId: text('level_id').notNull(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    responsibleUnitId: integer('responsible_unit_id')
      .notNull()
      .references(() => units.id),
    responsiblePersonId: integer('responsible_person_id')
      .notNull()
      .references(() => cadres.id),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: taskStatus('status').notNull().default('NOT_STARTED'),
    /** Whole percent: reported at leaves; on a task with children, the roll-up of its children. */
    progress: integer('progress').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'string' }),
    completedById: integer('completed_by_id').references(() => users.id),
    ...versionColumns(),
  },
  (t) => [
    index('tasks_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    index('tasks_parent_idx').on(t.parentId),
    index('tasks_root_idx').on(t.rootId),
    index('tasks_region_idx').on(t.regionId),
    index('tasks_unit_idx').on(t.responsibleUnitId),
    index('tasks_person_idx').on(t.responsiblePersonId),
    index('tasks_county_deadline_idx').on(t.countyId, t.deadline),
    index('tasks_document_idx').on(t.policyDocumentId),
    index('tasks_decision_idx').on(t.meetingDecisionId),
    index('tasks_resolution_idx').on(t.resolutionId),
    index('tasks_group_idx').on(t.combatGroupId),
    check('tasks_progress_range_ck', sql`${t.progress} between 0 and 100`),
    check(
      'tasks_done_recorded_ck',
      sql`(${t.status} = 'DONE') = (${t.completedAt} is not null) and (${t.status} <> 'DONE' or ${t.progress} = 100)`,
    ),
    check('tasks_not_started_zero_ck', sql`${t.status} <> 'NOT_STARTED' or ${t.progress} = 0`),
    check(
      'tasks_source_ck',
      sql`(${t.sourceKind} <> 'MEETING_DECISION' or ${t.meetingDecisionId} is not null)
        and (${t.sourceKind} <> 'RESOLUTION' or ${t.resolutionId} is not null)
        and (${t.sourceKind} <> 'POLICY_DOCUMENT' or ${t.policyDocumentId} is not null)
        and (${t.sourceKind} not in ('INSPECTION_FINDING', 'AUDIT_FINDING') or ${t.findingReference} is not null)`,
    ),
    check('tasks_tree_ck', sql`(${t.parentId} is null) = (${t.rootId} is null)`),
  ],
);

/** 任务改派记录: who moved a task from which unit and person to which, when and why. */
export const taskReassignments = pgTable(
  'task_reassignments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    fromUnitId: integer('from_unit_id')
      .notNull()
      .references(() => units.id),
    fromPersonId: integer('from_person_id')
      .notNull()
      .references(() => cadres.id),
    toUnitId: integer('to_unit_id')
      .notNull()
      .references(() => units.id),
    toPersonId: integer('to_person_id')
      .notNull()
      .references(() => cadres.id),
    reason: text('reason').notNull(),
    reassignedAt: timestamp('reassigned_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    reassignedById: integer('reassigned_by_id').references(() => users.id),
    ...versionColumns(),
  },
  (t) => [
    index('task_reassignments_task_idx').on(t.taskId, t.reassignedAt),
    index('task_reassignments_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/**
 * 任务状态变更记录: each status a task entered and when, appended in the transaction of every status write, so
 * a task's status on a past day is the last one entered by that day (none: not started).
 */
export const taskStatusChanges = pgTable(
  'task_status_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    status: taskStatus('status').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('task_status_changes_task_idx').on(t.taskId, t.changedAt),
    index('task_status_changes_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);
