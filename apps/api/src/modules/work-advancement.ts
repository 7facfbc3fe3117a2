import { meetings, policyDocuments, resolutions, tasks } from '@gongjian/db/schema';
import { checkWorkStationStaffing } from '@gongjian/rules';
import { and, eq, gte, ilike, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { pathPrefix } from '../auth/jurisdiction';
import { builder } from '../builder';
import type { Context } from '../context';
import { clock, policyForYear, runRule } from '../policy';
import { Region } from './geography';
import { Cadre, Unit } from './organisation';
import { RuleDecisionRef } from './rule-decisions';

/**
 * 工作推进机制: the command structure (command post, combat groups, work stations, department sections),
 * meetings with their decisions, resolutions and the "1+X+部门" policy documents. These are county-level
 * records: everyone in the county may read them (like the regions above one's jurisdiction); lists of
 * units and staff stay inside the jurisdiction. Writes live in work-advancement-mutations.ts.
 */

/** Rows at or above the viewer's region, or inside it: county records a township clerk may read. */
export function visibleUpOrDown(column: AnyPgColumn | SQL, ctx: Context): SQL {
  const viewerPath = ctx.viewer?.regionPath ?? '/none/';
  return sql`(${column} like ${pathPrefix(viewerPath)} or ${viewerPath} like ${column} || '%')`;
}

export const CommandRoleEnum = builder.enumType('CommandRole', {
  description: '指挥部职务',
  values: {
    COMMANDER: { description: '指挥长 (the county Party secretary)' },
    DEPUTY_COMMANDER: { description: '副指挥长' },
  },
});

export const MeetingTypeEnum = builder.enumType('MeetingType', {
  description: '会议类型',
  values: {
    COUNTY_STANDING_COMMITTEE: { description: '县委常委会' },
    GOVERNMENT_EXECUTIVE: { description: '县政府常务会' },
    LEADING_GROUP: { description: '扶贫开发领导小组会' },
    COUNTY_CONFERENCE: { description: '全县扶贫工作大会' },
    OTHER: { description: '其他会议' },
  },
});

export const PolicyDocumentKindEnum = builder.enumType('PolicyDocumentKind', {
  description: '"1+X+部门" 政策文件类别',
  values: {
    MASTER: { description: '"1": 县委总体决定 (master decision)' },
    THEMATIC: { description: '"X": 专项配套文件 (thematic document)' },
    DEPARTMENT: { description: '"部门": 部门实施方案 (department plan)' },
  },
});

export const PolicyDocumentStatusEnum = builder.enumType('PolicyDocumentStatus', {
  description: '文件状态',
  values: {
    IN_FORCE: { description: '现行有效' },
    SUPERSEDED: { description: '已被替代 (see supersededBy)' },
  },
});

const CommandPostMember = builder.drizzleObject('commandPostMembers', {
  name: 'CommandPostMember',
  description: '指挥部成员 (commander or deputy commander)',
  authScopes: (member) => ({ regionVisible: member.regionPath }),
  fields: (t) => ({
    role: t.expose('role', { type: CommandRoleEnum, description: '职务' }),
    name: t.string({
      description: '姓名',
      select: { with: { cadre: { columns: { name: true } } } },
      resolve: (member) => member.cadre.name,
    }),
    post: t.string({
      description: '本职 (post held in the county leadership)',
      select: { with: { cadre: { columns: { post: true } } } },
      resolve: (member) => member.cadre.post,
    }),
  }),
});

export const CombatGroup = builder.drizzleNode('combatGroups', {
  name: 'CombatGroup',
  description: '战斗组 (a combat group of the command post: leader, members, remit; owns tasks)',
  id: { column: (g) => g.id },
  authScopes: (group) => ({ regionVisible: group.regionPath }),
  fields: (t) => ({
    name: t.exposeString('name', { description: '组名' }),
    remit: t.exposeString('remit', { description: '职责 (remit)' }),
    sortOrder: t.exposeInt('sortOrder', { description: '排序' }),
    leaderName: t.string({
      description: '组长姓名',
      select: { with: { leader: { columns: { name: true } } } },
      resolve: (group) => group.leader.name,
    }),
    leaderPost: t.string({
      description: '组长职务',
      select: { with: { leader: { columns: { post: true } } } },
      resolve: (group) => group.leader.post,
    }),
    leader: t.relation('leader', {
      type: Cadre,
      description: '组长 (as a cadre; inside your jurisdiction only)',
    }),
    memberNames: t.stringList({
      description: '成员姓名',
      select: { with: { members: { columns: { name: true }, orderBy: { id: 'asc' } } } },
      resolve: (group) => group.members.map((m) => m.name),
    }),
    memberCount: t.relatedCount('memberships', { description: '成员人数' }),
    taskCount: t.relatedCount('tasks', {
      description: '本组任务数 (tasks inside your jurisdiction)',
      where: (_args, ctx) => sql`${tasks.regionPath} like ${pathPrefix(ctx.viewer?.regionPath ?? '/0/')}`,
    }),
  }),
});

export const CommandPost = builder.drizzleNode('commandPosts', {
  name: 'CommandPost',
  description: '脱贫攻坚战役指挥部 (the command post: commander, deputies, combat groups)',
  id: { column: (p) => p.id },
  authScopes: (post) => ({ regionVisible: post.regionPath }),
  fields: (t) => ({
    name: t.exposeString('name', { description: '名称' }),
    establishedOn: t.expose('establishedOn', { type: 'Date', description: '成立日期' }),
    members: t.relation('members', {
      type: CommandPostMember,
      description: '指挥长与副指挥长 (commander first)',
      query: { orderBy: { sortOrder: 'asc', id: 'asc' } },
    }),
    combatGroups: t.relation('combatGroups', {
      type: CombatGroup,
      description: '战斗组',
      query: { orderBy: { sortOrder: 'asc', id: 'asc' } },
    }),
  }),
});

/** A township work station (扶贫工作站) with its staff, flagged when outside 2–5. */
const WorkStation = builder.drizzleObject('units', {
  variant: 'WorkStation',
  description: '乡镇扶贫工作站 (a township work station and its staff; 2–5 staff is the rule)',
  authScopes: (unit) => ({ jurisdiction: unit.regionPath }),
  fields: (t) => ({
    unit: t.variant(Unit, { description: '单位' }),
    name: t.exposeString('name', { description: '名称' }),
    township: t.relation('region', { type: Region, description: '所在乡镇' }),
    staffCount: t.int({
      description: '工作人员数',
      select: { with: { cadres: { columns: { id: true } } } },
      resolve: (unit) => unit.cadres.length,
    }),
    staffNames: t.stringList({
      description: '工作人员 (姓名·职务)',
      select: { with: { cadres: { columns: { name: true, post: true }, orderBy: { id: 'asc' } } } },
      resolve: (unit) => unit.cadres.map((c) => `${c.name}·${c.post}`),
    }),
    staffCheck: t.field({
      type: RuleDecisionRef,
      description: '人数核查 (rule WORK_STATION.STAFF: 2–5 staff, a county parameter)',
      select: { with: { cadres: { columns: { id: true } }, region: { columns: { code: true } } } },
      resolve: (unit) =>
        runRule(() =>
          checkWorkStationStaffing(
            unit.cadres.length,
            policyForYear(Number(clock.today().slice(0, 4)), unit.region.code),
          ),
        ),
    }),
    staffWithinRange: t.boolean({
      description: '人数是否在规定范围内 (rule WORK_STATION.STAFF)',
      select: { with: { cadres: { columns: { id: true } }, region: { columns: { code: true } } } },
      resolve: (unit) =>
        runRule(() =>
          checkWorkStationStaffing(
            unit.cadres.length,
            policyForYear(Number(clock.today().slice(0, 4)), unit.region.code),
          ),
        ).outcome === 'PASS',
    }),
  }),
});

/** A county department's poverty-alleviation section (扶贫业务股室) with its named staff. */
const DepartmentSection = builder.drizzleObject('units', {
  variant: 'DepartmentSection',
  description: '行业部门扶贫业务股室 (a department poverty section with named staff)',
  authScopes: (unit) => ({ regionVisible: unit.regionPath }),
  fields: (t) => ({
    name: t.exposeString('name', { description: '名称' }),
    staffNames: t.stringList({
      description: '专人 (姓名·职务)',
      select: { with: { cadres: { columns: { name: true, post: true }, orderBy: { id: 'asc' } } } },
      resolve: (unit) => unit.cadres.map((c) => `${c.name}·${c.post}`),
    }),
    staffCount: t.int({
      description: '人数',
      select: { with: { cadres: { columns: { id: true } } } },
      resolve: (unit) => unit.cadres.length,
    }),
  }),
});

export const MeetingDecision = builder.drizzleNode('meetingDecisions', {
  name: 'MeetingDecision',
  description: '会议决定事项 (one decision of a meeting; decisions become tasks)',
  id: { column: (d) => d.id },
  authScopes: (decision) => ({ regionVisible: decision.regionPath }),
  fields: (t) => ({
    sequence: t.exposeInt('sequence', { description: '序号' }),
    content: t.exposeString('content', { description: '决定内容' }),
    meeting: t.relation('meeting', { description: '所属会议' }),
    taskCount: t.relatedCount('tasks', {
      description: '据此下达的任务数 (inside your jurisdiction)',
      where: (_args, ctx) => sql`${tasks.regionPath} like ${pathPrefix(ctx.viewer?.regionPath ?? '/0/')}`,
    }),
  }),
});

export const Meeting = builder.drizzleNode('meetings', {
  name: 'Meeting',
  description: '会议 (a meeting: type, date, topic, attendees, decisions)',
  id: { column: (m) => m.id },
  authScopes: (meeting) => ({ regionVisible: meeting.regionPath }),
  fields: (t) => ({
    type: t.expose('type', { type: MeetingTypeEnum, description: '会议类型' }),
    heldOn: t.expose('heldOn', { type: 'Date', description: '召开日期' }),
    topic: t.exposeString('topic', { description: '议题' }),
    attendees: t.exposeStringList('attendees', { description: '出席 (as the minutes name them)' }),
    decisions: t.relation('decisions', {
      type: MeetingDecision,
      description: '决定事项',
      query: { orderBy: { sequence: 'asc' } },
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

export const Resolution = builder.drizzleNode('resolutions', {
  name: 'Resolution',
  description: '决议/决定 (of the people’s congress or a Party plenum)',
  id: { column: (r) => r.id },
  authScopes: (resolution) => ({ regionVisible: resolution.regionPath }),
  fields: (t) => ({
    issuingBody: t.exposeString('issuingBody', { description: '作出机关' }),
    adoptedOn: t.expose('adoptedOn', { type: 'Date', description: '通过日期' }),
    title: t.exposeString('title', { description: '标题' }),
    summary: t.exposeString('summary', { nullable: true, description: '要点' }),
    taskCount: t.relatedCount('tasks', {
      description: '据此下达的任务数 (inside your jurisdiction)',
      where: (_args, ctx) => sql`${tasks.regionPath} like ${pathPrefix(ctx.viewer?.regionPath ?? '/0/')}`,
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

export const PolicyDocument = builder.drizzleNode('policyDocuments', {
  name: 'PolicyDocument',
  description: '政策文件 ("1+X+部门": master decision, thematic documents, department plans)',
  id: { column: (d) => d.id },
  authScopes: (document) => ({ regionVisible: document.regionPath }),
  fields: (t) => ({
    kind: t.expose('kind', { type: PolicyDocumentKindEnum, description: '类别' }),
    documentNumber: t.exposeString('documentNumber', { description: '文号' }),
    title: t.exposeString('title', { description: '标题' }),
    issuer: t.exposeString('issuer', { description: '发文机关' }),
    issuedOn: t.expose('issuedOn', { type: 'Date', description: '印发日期' }),
    status: t.expose('status', { type: PolicyDocumentStatusEnum, description: '状态' }),
    supersededBy: t.relation('supersededBy', { nullable: true, description: '被哪份文件替代' }),
    taskCount: t.relatedCount('tasks', {
      description: '落实任务数 (tasks implementing it, inside your jurisdiction)',
      where: (_args, ctx) => sql`${tasks.regionPath} like ${pathPrefix(ctx.viewer?.regionPath ?? '/0/')}`,
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

interface MeetingListArgs {
  type?: (typeof meetings.$inferSelect)['type'] | null;
  from?: string | null;
  to?: string | null;
  search?: string | null;
}

function meetingListFilter(table: typeof meetings, ctx: Context, args: MeetingListArgs) {
  const term = args.search?.trim().slice(0, 50);
  return and(
    visibleUpOrDown(table.regionPath, ctx),
    args.type ? eq(table.type, args.type) : undefined,
    args.from ? gte(table.heldOn, args.from) : undefined,
    args.to ? lte(table.heldOn, args.to) : undefined,
    term ? ilike(table.topic, `%${term}%`) : undefined,
  )!;
}

interface DocumentListArgs {
  kind?: (typeof policyDocuments.$inferSelect)['kind'] | null;
  status?: (typeof policyDocuments.$inferSelect)['status'] | null;
  search?: string | null;
}

function documentListFilter(table: typeof policyDocuments, ctx: Context, args: DocumentListArgs) {
  const term = args.search?.trim().slice(0, 50);
  return and(
    visibleUpOrDown(table.regionPath, ctx),
    args.kind ? eq(table.kind, args.kind) : undefined,
    args.status ? eq(table.status, args.status) : undefined,
    term
      ? sql`(${ilike(table.title, `%${term}%`)} or ${ilike(table.documentNumber, `%${term}%`)})`
      : undefined,
  )!;
}

function resolutionListFilter(table: typeof resolutions, ctx: Context, search: string | null | undefined) {
  const term = search?.trim().slice(0, 50);
  return and(visibleUpOrDown(table.regionPath, ctx), term ? ilike(table.title, `%${term}%`) : undefined)!;
}

builder.queryFields((t) => ({
  commandPost: t.drizzleField({
    type: CommandPost,
    nullable: true,
    description: '本县脱贫攻坚战役指挥部',
    resolve: async (query, _root, _args, ctx) =>
      await ctx.db.query.commandPosts.findFirst(
        query({ where: { countyId: ctx.viewer?.countyId ?? -1 }, orderBy: { id: 'asc' } }),
      ),
  }),
  combatGroups: t.drizzleField({
    type: [CombatGroup],
    description: '战斗组 (the 12 combat groups in Jianghua)',
    resolve: async (query, _root, _args, ctx) =>
      await ctx.db.query.combatGroups.findMany(
        query({
          where: { RAW: (table) => visibleUpOrDown(table.regionPath, ctx) },
          orderBy: { sortOrder: 'asc', id: 'asc' },
        }),
      ),
  }),
  workStations: t.drizzleField({
    type: [WorkStation],
    description: '乡镇扶贫工作站 (in your jurisdiction, with staff counts and the 2–5 flag)',
    resolve: async (query, _root, _args, ctx) =>
      await ctx.db.query.units.findMany(
        query({
          where: {
            kind: 'WORK_STATION',
            RAW: (table) => sql`${table.regionPath} like ${pathPrefix(ctx.viewer?.regionPath ?? '/0/')}`,
          },
          orderBy: { regionId: 'asc', id: 'asc' },
        }),
      ),
  }),
  departmentSections: t.drizzleField({
    type: [DepartmentSection],
    description: '行业部门扶贫业务股室 (county departments’ poverty sections and their staff)',
    resolve: async (query, _root, _args, ctx) =>
      await ctx.db.query.units.findMany(
        query({
          where: { kind: 'COUNTY_DEPARTMENT', RAW: (table) => visibleUpOrDown(table.regionPath, ctx) },
          orderBy: { id: 'asc' },
        }),
      ),
  }),
  meetings: t.drizzleConnection({
    type: 'meetings',
    description: '会议列表 (newest first; filter by type, date range and topic)',
    args: {
      type: t.arg({ type: MeetingTypeEnum, required: false }),
      from: t.arg({ type: 'Date', required: false, description: '起始日期 (inclusive)' }),
      to: t.arg({ type: 'Date', required: false, description: '截止日期 (inclusive)' }),
      search: t.arg.string({ required: false, description: '按议题搜索' }),
    },
    totalCount: (_parent, args, ctx) => ctx.db.$count(meetings, meetingListFilter(meetings, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.meetings.findMany(
        query({
          where: { RAW: (table) => meetingListFilter(table, ctx, args) },
          orderBy: { heldOn: 'desc', id: 'desc' },
        }),
      ),
  }),
  resolutions: t.drizzleConnection({
    type: 'resolutions',
    description: '决议列表 (newest first)',
    args: { search: t.arg.string({ required: false, description: '按标题搜索' }) },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(resolutions, resolutionListFilter(resolutions, ctx, args.search)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.resolutions.findMany(
        query({
          where: { RAW: (table) => resolutionListFilter(table, ctx, args.search) },
          orderBy: { adoptedOn: 'desc', id: 'desc' },
        }),
      ),
  }),
  policyDocuments: t.drizzleConnection({
    type: 'policyDocuments',
    description: '政策文件列表 ("1+X+部门"; master first, then by date)',
    args: {
      kind: t.arg({ type: PolicyDocumentKindEnum, required: false }),
      status: t.arg({ type: PolicyDocumentStatusEnum, required: false }),
      search: t.arg.string({ required: false, description: '按标题或文号搜索' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(policyDocuments, documentListFilter(policyDocuments, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.policyDocuments.findMany(
        query({
          where: { RAW: (table) => documentListFilter(table, ctx, args) },
          orderBy: { kind: 'asc', issuedOn: 'desc', id: 'desc' },
        }),
      ),
  }),
}));
