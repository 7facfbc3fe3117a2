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
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { tenantColumns, versionColumns } from './columns';
import { cadres } from './organisation';

/**
 * 工作推进机制 (mechanism 1): the command post with its commander and deputies, the combat groups, the
 * meetings with their decisions, the resolutions, and the "1+X+部门" policy documents. Work stations and
 * department poverty sections are `units` (kinds WORK_STATION and COUNTY_DEPARTMENT) with their cadres.
 */

/** 撤回: a withdrawn record stays, marked with the day, the reason and who withdrew it (never deleted). */
const withdrawalColumns = () => ({
  withdrawnOn: date('withdrawn_on', { mode: 'string' }),
  withdrawnReason: text('withdrawn_reason'),
  withdrawnByName: text('withdrawn_by_name'),
});

export const commandRole = pgEnum('command_role', ['COMMANDER', 'DEPUTY_COMMANDER']);

export const meetingType = pgEnum('meeting_type', [
  'COUNTY_STANDING_COMMITTEE',
  'GOVERNMENT_EXECUTIVE',
  'LEADING_GROUP',
  'COUNTY_CONFERENCE',
  'OTHER',
]);

export const policyDocumentKind = pgEnum('policy_document_kind', ['MASTER', 'THEMATIC', 'DEPARTMENT']);

export const policyDocumentStatus = pgEnum('policy_document_status', ['IN_FORCE', 'SUPERSEDED']);

/** 脱贫攻坚战役指挥部. */
export const commandPosts = pgTable(
  'command_posts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    name: text('name').notNull(),
    establishedOn: date('established_on', { mode: 'string' }).notNull(),
    ...versionColumns(),
  },
  (t) => [
    uniqueIndex('command_posts_county_name_uq').on(t.countyId, t.name),
    index('command_posts_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/** 指挥长 / 副指挥长: at most one serving commander per command post. */
export const commandPostMembers = pgTable(
  'command_post_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    commandPostId: integer('command_post_id')
      .notNull()
      .references(() => commandPosts.id),
    cadreId: integer('cadre_id')
      .notNull()
      .references(() => cadres.id),
    role: commandRole('role').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    /** 离任日期: an ended appointment stays as the command post's history. */
    endedOn: date('ended_on', { mode: 'string' }),
    ...versionColumns(),
  },
  (t) => [
    uniqueIndex('command_post_members_cadre_uq')
      .on(t.commandPostId, t.cadreId)
      .where(sql`${t.endedOn} is null`),
    uniqueIndex('command_post_members_one_commander_uq')
      .on(t.commandPostId)
      .where(sql`${t.role} = 'COMMANDER' and ${t.endedOn} is null`),
    index('command_post_members_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/** 战斗组: a leader, members and a remit; owns the tasks of its remit. */
export const combatGroups = pgTable(
  'combat_groups',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    commandPostId: integer('command_post_id')
      .notNull()
      .references(() => commandPosts.id),
    name: text('name').notNull(),
    remit: text('remit').notNull(),
    leaderId: integer('leader_id')
      .notNull()
      .references(() => cadres.id),
    sortOrder: integer('sort_order').notNull().default(0),
    ...versionColumns(),
  },
  (t) => [
    uniqueIndex('combat_groups_post_name_uq').on(t.commandPostId, t.name),
    index('combat_groups_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

export const combatGroupMembers = pgTable(
  'combat_group_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    combatGroupId: integer('combat_group_id')
      .notNull()
      .references(() => combatGroups.id),
    cadreId: integer('cadre_id')
      .notNull()
      .references(() => cadres.id),
    /** Set when the membership ends; the row stays as the group's history. */
    endedOn: date('ended_on', { mode: 'string' }),
    ...versionColumns(),
  },
  (t) => [
    uniqueIndex('combat_group_members_uq').on(t.combatGroupId, t.cadreId).where(sql`${t.endedOn} is null`),
    index('combat_group_members_cadre_idx').on(t.cadreId),
  ],
);

/** 会议: 县委常委会 / 政府常务会 / 扶贫开发领导小组会 / 全县扶贫工作大会 / 其他. */
export const meetings = pgTable(
  'meetings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    type: meetingType('type').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    topic: text('topic').notNull(),
    /** Who attended, as the minutes name them (posts or names). */
    attendees: text('attendees').array().notNull().default(sql`'{}'::text[]`),
    ...withdrawalColumns(),
    ...versionColumns(),
  },
  (t) => [
    index('meetings_county_held_idx').on(t.countyId, t.heldOn),
    index('meetings_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/** 会议决定事项: one decision of a meeting; decisions become tasks. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    sequence: integer('sequence').notNull(),
    content: text('content').notNull(),
    ...versionColumns(),
  },
  (t) => [
    uniqueIndex('meeting_decisions_seq_uq').on(t.meetingId, t.sequence),
    index('meeting_decisions_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/** 决议/决定 of the people's congress or a Party plenum. */
export const resolutions = pgTable(
  'resolutions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    issuingBody: text('issuing_body').notNull(),
    adoptedOn: date('adopted_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    ...withdrawalColumns(),
    ...versionColumns(),
  },
  (t) => [
    index('resolutions_county_adopted_idx').on(t.countyId, t.adoptedOn),
    index('resolutions_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/** 政策文件 of the "1+X+部门" system; a superseded document names the one that replaced it. */
export const policyDocuments = pgTable(
  'policy_documents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    kind: policyDocumentKind('kind').notNull(),
    /** 文号, e.g. 江发〔2019〕3号. */
    documentNumber: text('document_number').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    status: policyDocumentStatus('status').notNull().default('IN_FORCE'),
    supersededById: integer('superseded_by_id').references((): AnyPgColumn => policyDocuments.id),
    ...withdrawalColumns(),
    ...versionColumns(),
  },
  (t) => [
    uniqueIndex('policy_documents_number_uq').on(t.countyId, t.documentNumber),
    index('policy_documents_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check(
      'policy_documents_superseded_link_ck',
      sql`(${t.status} = 'SUPERSEDED') = (${t.supersededById} is not null)`,
    ),
    check('policy_documents_not_self_ck', sql`${t.supersededById} is null or ${t.supersededById} <> ${t.id}`),
  ],
);
