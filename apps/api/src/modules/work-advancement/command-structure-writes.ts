import { combatGroupMembers, combatGroups, commandPostMembers, commandPosts } from '@gongjian/db/schema';
import {
  canAddCombatGroupMember,
  canAddCommandPostMember,
  canCreateCommandPost,
  canEndCombatGroupMembership,
  canEndCommandPostMembership,
} from '@gongjian/rules';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder';
import { clock } from '../../clock';
import type { Context } from '../../context';
import { RuleViolationError, ValidationError } from '../../errors';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { countyOfViewer, viewerMayChange, writableRow } from '../../spine/load';
import { audited, reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Cadre } from '../organisation/cadre';
import {
  CombatGroup,
  CombatGroupMembership,
  CommandPost,
  CommandPostMember,
  CommandRoleEnum,
} from './command-post';

/**
 * Writes of the command structure (county records, permission work.write): the command post and its
 * commander and deputies, the combat groups, and their memberships. Ending a membership dates it and keeps it.
 */

const version = z.number().int().min(1);
const PostSchema = z.object({ name: text(100, 4), establishedOn: z.string() });
const GroupSchema = z.object({
  name: text(60, 2),
  remit: text(500, 2),
  sortOrder: z.number().int().min(0).max(999),
});

function duplicateAs(ruleId: string, message: string) {
  return (error: unknown): never => {
    const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
    if (cause?.code === '23505') throw new RuleViolationError(ruleId, message);
    throw error;
  };
}

async function countyCadre(ctx: Context, id: number, argument: string) {
  const ref = { entity: '干部', argument, id };
  return writableRow(ctx, await ctx.db.query.cadres.findFirst({ where: { id } }), ref);
}

async function writablePost(ctx: Context, id: number, argument: string) {
  const post = await ctx.db.query.commandPosts.findFirst({
    where: { id },
    with: { members: { columns: { cadreId: true, role: true }, where: { endedOn: { isNull: true } } } },
  });
  return writableRow(ctx, post, { entity: '指挥部', argument, id });
}

async function writableGroup(ctx: Context, id: number, argument: string) {
  const group = await ctx.db.query.combatGroups.findFirst({
    where: { id },
    with: { memberships: { columns: { cadreId: true }, where: { endedOn: { isNull: true } } } },
  });
  return writableRow(ctx, group, { entity: '战斗组', argument, id });
}

const PostInput = builder.inputType('CommandPostInput', {
  description: '指挥部 (new: no id; edit: id and the version read)',
  fields: (t) => ({
    id: t.globalID({ required: false, for: [CommandPost] }),
    version: t.int({ required: false }),
    name: t.string({ required: true, description: '名称' }),
    establishedOn: t.field({ type: 'Date', required: true, description: '成立日期' }),
  }),
});

const PostMemberInput = builder.inputType('AddCommandPostMemberInput', {
  description: '任命指挥长或副指挥长',
  fields: (t) => ({
    commandPostId: t.globalID({ required: true, for: [CommandPost] }),
    cadreId: t.globalID({ required: true, for: [Cadre], description: '干部' }),
    role: t.field({ type: CommandRoleEnum, required: true }),
  }),
});

const GroupInput = builder.inputType('CombatGroupInput', {
  description: '战斗组 (new: commandPostId; edit: id and the version read)',
  fields: (t) => ({
    id: t.globalID({ required: false, for: [CombatGroup] }),
    version: t.int({ required: false }),
    commandPostId: t.globalID({ required: false, for: [CommandPost] }),
    name: t.string({ required: true, description: '组名' }),
    remit: t.string({ required: true, description: '职责' }),
    leaderId: t.globalID({ required: true, for: [Cadre], description: '组长' }),
    sortOrder: t.int({ required: true, description: '排序' }),
  }),
});

const GroupMemberInput = builder.inputType('AddCombatGroupMemberInput', {
  description: '战斗组增加成员',
  fields: (t) => ({
    combatGroupId: t.globalID({ required: true, for: [CombatGroup] }),
    cadreId: t.globalID({ required: true, for: [Cadre], description: '干部' }),
  }),
});

const EndPostMemberInput = builder.inputType('EndCommandPostMembershipInput', {
  description: '指挥长或副指挥长离任 (dated today and kept as the command post’s history)',
  fields: (t) => ({
    membershipId: t.globalID({ required: true, for: [CommandPostMember], description: '任职记录' }),
    version: t.int({ required: true }),
  }),
});

const EndMembershipInput = builder.inputType('EndCombatGroupMembershipInput', {
  description: '成员离组 (the membership is dated and kept as history)',
  fields: (t) => ({
    membershipId: t.globalID({ required: true, for: [CombatGroupMembership], description: '成员记录' }),
    version: t.int({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  saveCommandPost: t.drizzleField({
    type: CommandPost,
    description: '建立或修改本县指挥部 (rule COMMAND_POST.ONE_PER_COUNTY)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: PostInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const tenant = countyOfViewer(ctx);
      const postId = input.id ? Number(input.id.id) : null;
      const post = postId === null ? null : await writablePost(ctx, postId, 'id');
      const values = validate(PostSchema, input);
      if (!post) {
        refuseUnless(
          canCreateCommandPost(await ctx.db.$count(commandPosts, eq(commandPosts.countyId, tenant.countyId))),
        );
      }
      const id = await writeAudited(ctx, async (tx) => {
        if (!post) {
          const [created] = await tx
            .insert(commandPosts)
            .values({ ...tenant, ...values })
            .returning();
          return audited('CommandPost', 'command-post.create', created!, { after: created });
        }
        const guard = { id: post.id, version: validate(version, input.version), entity: '指挥部' };
        await updateAtVersion(tx, commandPosts, guard, values);
        const before = { name: post.name, establishedOn: post.establishedOn };
        return audited('CommandPost', 'command-post.update', post, { before, after: values });
      });
      return reread(ctx.db.query.commandPosts.findFirst(query({ where: { id } })), '指挥部', id);
    },
  }),
  addCommandPostMember: t.drizzleField({
    type: CommandPost,
    description: '任命指挥长或副指挥长 (rules COMMAND_POST.ONE_COMMANDER, COMMAND_POST.MEMBER_ONCE)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: PostMemberInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const post = await writablePost(ctx, Number(input.commandPostId.id), 'commandPostId');
      const cadre = await countyCadre(ctx, Number(input.cadreId.id), 'cadreId');
      refuseUnless(
        canAddCommandPostMember(
          { cadreId: String(cadre.id), role: input.role },
          {
            cadreIds: post.members.map((m) => String(m.cadreId)),
            hasCommander: post.members.some((m) => m.role === 'COMMANDER'),
          },
        ),
      );
      const values = { cadreId: cadre.id, role: input.role, sortOrder: input.role === 'COMMANDER' ? 0 : 10 };
      await writeAudited(ctx, async (tx) => {
        const [member] = await tx
          .insert(commandPostMembers)
          .values({ countyId: post.countyId, regionPath: post.regionPath, commandPostId: post.id, ...values })
          .returning();
        return audited('CommandPost', 'command-post.add-member', post, { after: member });
      }).catch(duplicateAs('COMMAND_POST.MEMBER_ONCE', '该干部已在指挥部任职或指挥长已有人担任'));
      return reread(
        ctx.db.query.commandPosts.findFirst(query({ where: { id: post.id } })),
        '指挥部',
        post.id,
      );
    },
  }),
  endCommandPostMembership: t.drizzleField({
    type: CommandPost,
    description: '指挥长或副指挥长离任 (dated today, kept as history; rule COMMAND_POST.MEMBERSHIP_OPEN)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: EndPostMemberInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.membershipId.id);
      const member = await ctx.db.query.commandPostMembers.findFirst({
        where: { id },
        with: { commandPost: { columns: { id: true, regionPath: true } } },
      });
      const ref = { entity: '指挥部成员', argument: 'membershipId', id };
      const post = writableRow(ctx, member?.commandPost, ref);
      refuseUnless(canEndCommandPostMembership(member!));
      const endedOn = clock.today();
      await writeAudited(ctx, async (tx) => {
        const guard = { id, version: validate(version, input.version), entity: '指挥部成员' };
        await updateAtVersion(tx, commandPostMembers, guard, { endedOn });
        const { cadreId, role } = member!;
        return audited('CommandPost', 'command-post.end-member', post, {
          before: { membershipId: id, cadreId, role, endedOn: null },
          after: { membershipId: id, cadreId, role, endedOn },
        });
      });
      return reread(
        ctx.db.query.commandPosts.findFirst(query({ where: { id: post.id } })),
        '指挥部',
        post.id,
      );
    },
  }),
  saveCombatGroup: t.drizzleField({
    type: CombatGroup,
    description: '建立或修改战斗组 (name, remit, leader, order)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: GroupInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const group = input.id ? await writableGroup(ctx, Number(input.id.id), 'id') : null;
      if (!group && !input.commandPostId) throw ValidationError.field('commandPostId', '请选择指挥部');
      const post = group ? null : await writablePost(ctx, Number(input.commandPostId!.id), 'commandPostId');
      const leader = await countyCadre(ctx, Number(input.leaderId.id), 'leaderId');
      const values = { ...validate(GroupSchema, input), leaderId: leader.id };
      const id = await writeAudited(ctx, async (tx) => {
        if (post) {
          const [created] = await tx
            .insert(combatGroups)
            .values({
              countyId: post.countyId,
              regionPath: post.regionPath,
              commandPostId: post.id,
              ...values,
            })
            .returning();
          return audited('CombatGroup', 'combat-group.create', created!, { after: created });
        }
        const guard = { id: group!.id, version: validate(version, input.version), entity: '战斗组' };
        await updateAtVersion(tx, combatGroups, guard, values);
        const { name, remit, leaderId, sortOrder } = group!;
        return audited('CombatGroup', 'combat-group.update', group!, {
          before: { name, remit, leaderId, sortOrder },
          after: values,
        });
      }).catch(duplicateAs('COMBAT_GROUP.NAME_ONCE', '指挥部已有同名战斗组'));
      return reread(ctx.db.query.combatGroups.findFirst(query({ where: { id } })), '战斗组', id);
    },
  }),
  addCombatGroupMember: t.drizzleField({
    type: CombatGroup,
    description: '战斗组增加成员 (rule COMBAT_GROUP.MEMBER_ONCE)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: GroupMemberInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const group = await writableGroup(ctx, Number(input.combatGroupId.id), 'combatGroupId');
      const cadre = await countyCadre(ctx, Number(input.cadreId.id), 'cadreId');
      refuseUnless(
        canAddCombatGroupMember(String(cadre.id), {
          leaderId: String(group.leaderId),
          currentMemberIds: group.memberships.map((m) => String(m.cadreId)),
        }),
      );
      await writeAudited(ctx, async (tx) => {
        const [member] = await tx
          .insert(combatGroupMembers)
          .values({
            countyId: group.countyId,
            regionPath: group.regionPath,
            combatGroupId: group.id,
            cadreId: cadre.id,
          })
          .returning();
        return audited('CombatGroup', 'combat-group.add-member', group, { after: member });
      }).catch(duplicateAs('COMBAT_GROUP.MEMBER_ONCE', '该干部已是本战斗组成员'));
      return reread(
        ctx.db.query.combatGroups.findFirst(query({ where: { id: group.id } })),
        '战斗组',
        group.id,
      );
    },
  }),
  endCombatGroupMembership: t.drizzleField({
    type: CombatGroup,
    description: '成员离组 (dated today, kept as the group’s history; rule COMBAT_GROUP.MEMBERSHIP_OPEN)',
    authScopes: { permission: 'work.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: EndMembershipInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.membershipId.id);
      const membership = await ctx.db.query.combatGroupMembers.findFirst({
        where: { id },
        with: { combatGroup: { columns: { id: true, regionPath: true } } },
      });
      const ref = { entity: '战斗组成员', argument: 'membershipId', id };
      const group = writableRow(ctx, membership?.combatGroup, ref);
      refuseUnless(canEndCombatGroupMembership(membership!));
      const endedOn = clock.today();
      await writeAudited(ctx, async (tx) => {
        const guard = { id, version: validate(version, input.version), entity: '战斗组成员' };
        await updateAtVersion(tx, combatGroupMembers, guard, { endedOn });
        return audited('CombatGroup', 'combat-group.end-member', group, {
          before: { membershipId: id, cadreId: membership!.cadreId, endedOn: null },
          after: { membershipId: id, cadreId: membership!.cadreId, endedOn },
        });
      });
      return reread(
        ctx.db.query.combatGroups.findFirst(query({ where: { id: group.id } })),
        '战斗组',
        group.id,
      );
    },
  }),
}));

builder.drizzleObjectFields(CommandPost, (t) => ({
  viewerCanEdit: t.boolean({
    description: '我可修改指挥部及其成员 (role work.write and jurisdiction)',
    select: { columns: { regionPath: true } },
    resolve: (post, _args, ctx) => viewerMayChange(ctx, 'work.write', post.regionPath),
  }),
}));

builder.drizzleObjectFields(CombatGroup, (t) => ({
  viewerCanEdit: t.boolean({
    description: '我可修改本战斗组及其成员 (role work.write and jurisdiction)',
    select: { columns: { regionPath: true } },
    resolve: (group, _args, ctx) => viewerMayChange(ctx, 'work.write', group.regionPath),
  }),
}));
