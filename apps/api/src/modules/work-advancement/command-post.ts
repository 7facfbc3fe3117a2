import { combatGroupMembers, tasks } from '@gongjian/db/schema';
import { checkWorkStationStaffing } from '@gongjian/rules';
import { isNull } from 'drizzle-orm';
import { inJurisdiction, visibleUpOrDown } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import { clock, policyForYear, runRule } from '../../policy';
import { RuleDecisionRef } from '../../shared/rule-decisions';
import { Region } from '../geography/region';
import { Cadre } from '../organisation/cadre';
import { Unit } from '../organisation/unit';

/**
 * 工作推进机制: the command structure (command post, combat groups, work stations, department sections),
 * meetings with their decisions, resolutions and the "1+X+部门" policy documents. These are county-level
 * records: everyone in the county may read them (like the regions above one's jurisdiction); lists of
 * units and staff stay inside the jurisdiction. Meetings, resolutions and documents have their own files.
 */

export const CommandRoleEnum = builder.enumType('CommandRole', {
  description: '指挥部职务',
  values: {
    COMMANDER: { description: '指挥长 (the county Party secretary)' },
    DEPUTY_COMMANDER: { description: '副指挥长' },
  },
});

export const CommandPostMember = builder.drizzleNode('commandPostMembers', {
  name: 'CommandPostMember',
  description: '指挥部成员 (commander or deputy commander; one who left office stays with the day)',
  id: { column: (m) => m.id },
  authScopes: (member) => ({ regionVisible: member.regionPath }),
  fields: (t) => ({
    version: t.exposeInt('version', { description: '版本号' }),
    endedOn: t.expose('endedOn', { type: 'Date', nullable: true, description: '离任日期 (空 = 现任)' }),
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

export const CombatGroupMembership = builder.drizzleNode('combatGroupMembers', {
  name: 'CombatGroupMembership',
  description: '战斗组成员记录 (an ended one stays as history with its end day)',
  id: { column: (m) => m.id },
  authScopes: (membership) => ({ regionVisible: membership.regionPath }),
  fields: (t) => ({
    version: t.exposeInt('version', { description: '版本号' }),
    endedOn: t.expose('endedOn', { type: 'Date', nullable: true, description: '离组日期 (空 = 现任)' }),
    name: t.string({
      description: '姓名',
      select: { with: { cadre: { columns: { name: true } } } },
      resolve: (m) => m.cadre.name,
    }),
    post: t.string({
      description: '职务',
      select: { with: { cadre: { columns: { post: true } } } },
      resolve: (m) => m.cadre.post,
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
    version: t.exposeInt('version', { description: '版本号' }),
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
      description: '现任成员姓名',
      select: {
        with: {
          memberships: {
            where: { endedOn: { isNull: true } },
            orderBy: { id: 'asc' },
            with: { cadre: { columns: { name: true } } },
          },
        },
      },
      resolve: (group) => group.memberships.map((m) => m.cadre.name),
    }),
    memberCount: t.relatedCount('memberships', {
      description: '现任成员人数',
      where: isNull(combatGroupMembers.endedOn),
    }),
    memberships: t.relation('memberships', {
      type: CombatGroupMembership,
      description: '成员记录 (current first, then those who left, with the day they left)',
      query: { orderBy: { endedOn: 'desc', id: 'asc' } },
    }),
    taskCount: t.relatedCount('tasks', {
      description: '本组任务数 (tasks inside your jurisdiction)',
      where: (_args, ctx) => inJurisdiction(tasks.regionPath, ctx.viewer),
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
    version: t.exposeInt('version', { description: '版本号' }),
    members: t.relation('members', {
      type: CommandPostMember,
      description: '现任指挥长与副指挥长 (serving, commander first)',
      query: { where: { endedOn: { isNull: true } }, orderBy: { sortOrder: 'asc', id: 'asc' } },
    }),
    memberships: t.relation('members', {
      type: CommandPostMember,
      description: '任职记录 (serving first, commander first, then those who left office, latest first)',
      query: { orderBy: { endedOn: 'desc', sortOrder: 'asc', id: 'asc' } },
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
          where: { RAW: (table) => visibleUpOrDown(table.regionPath, ctx.viewer) },
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
            RAW: (table) => inJurisdiction(table.regionPath, ctx.viewer),
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
          where: { kind: 'COUNTY_DEPARTMENT', RAW: (table) => visibleUpOrDown(table.regionPath, ctx.viewer) },
          orderBy: { id: 'asc' },
        }),
      ),
  }),
}));
