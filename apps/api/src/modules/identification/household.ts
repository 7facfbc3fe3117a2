import { householdMembers, households } from '@gongjian/db/schema';
import { applicationKindsFrom } from '@gongjian/rules';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { pairedWithHelper } from '../../auth/helper-households';
import { inJurisdiction, inRegionSubtree, inSubtree } from '../../auth/jurisdiction';
import { maskPhone } from '../../auth/masking';
import { builder } from '../../builder';
import type { Context, Viewer } from '../../context';
import { ValidationError } from '../../errors';
import { WRITE_ERRORS } from '../../shared/error-types';
import { decodeGlobalId } from '../../shared/global-id';
import { revealPersonalData } from '../../shared/reveal';
import { validate } from '../../shared/validate';
import { viewerMayChange, writableRow } from '../../spine/load';
import { reread, updateAtVersion, writeAudited } from '../../spine/write';

import { Region, writableVillage } from '../geography/region';
import { ApplicationKindEnum, HouseholdAttributeEnum, HouseholdStatusEnum, PovertyCauseEnum } from './enums';
import { MemberInput } from './member-input';
import { readableHousehold, sensitive } from './policy';
import {
  householdFieldsSchema,
  householdNumberSchema,
  mapConstraint,
  memberSchema,
  versionSchema,
} from './validation';

/** 农户 (the register, 建档立卡): households, their list, their assessment and their writes. */

export const Household = builder.drizzleNode('households', {
  name: 'Household',
  description: '农户 (a household in the register; its status changes only through a completed application)',
  id: { column: (h) => h.id },
  authScopes: readableHousehold,
  fields: (t) => ({
    householdNumber: t.exposeString('householdNumber', { description: '户编号 (unique in the county)' }),
    village: t.relation('village', { type: Region, description: '所在村' }),
    groupName: t.exposeString('groupName', { description: '村民小组' }),
    address: t.exposeString('address', { description: '住址' }),
    phone: t.string({
      nullable: true,
      description: '联系电话 (always masked; see revealHouseholdPhone)',
      select: { columns: { phone: true } },
      resolve: (h) => maskPhone(h.phone),
    }),
    attribute: t.expose('attribute', { type: HouseholdAttributeEnum, description: '户属性' }),
    mainCause: t.expose('mainCause', { type: PovertyCauseEnum, description: '主要致贫原因' }),
    status: t.expose('status', { type: HouseholdStatusEnum, description: '贫困状态' }),
    identifiedYear: t.exposeInt('identifiedYear', { nullable: true, description: '识别年度' }),
    exitedYear: t.exposeInt('exitedYear', { nullable: true, description: '脱贫年度' }),
    monitored: t.exposeBoolean('monitored', {
      description: '监测对象标识 (has an active monitoring object)',
    }),
    head: t.relation('head', { nullable: true, description: '户主' }),
    memberCount: t.relatedCount('members', { description: '家庭人口' }),
    members: t.relation('members', { description: '家庭成员', query: { orderBy: { id: 'asc' } } }),
    incomes: t.relation('incomes', {
      nullable: true,
      description: '历年收入 (newest first; sensitive roles only)',
      query: { orderBy: { year: 'desc' } },
      ...sensitive,
    }),
    guarantees: t.relation('guarantees', {
      description: '两不愁三保障核查 (newest first)',
      query: { orderBy: { year: 'desc' } },
    }),
    measures: t.relation('measures', { description: '帮扶措施', query: { orderBy: { id: 'asc' } } }),
    availableApplicationKinds: t.field({
      type: [ApplicationKindEnum],
      description: '可发起的动态调整类别 (from the current status)',
      select: { columns: { status: true } },
      resolve: (h) => applicationKindsFrom(h.status),
    }),
    version: t.exposeInt('version', { description: '版本号 (send it back when editing)' }),
  }),
});

export interface HouseholdListArgs {
  search?: string | null;
  regionId?: { id: string | number } | null;
  status?: readonly (typeof households.$inferSelect)['status'][] | null;
  attribute?: (typeof households.$inferSelect)['attribute'] | null;
  mainCause?: (typeof households.$inferSelect)['mainCause'] | null;
  monitored?: boolean | null;
}

/** A masked ID number or its last four characters: "1234", "123X", "431129********1234". */
const ID_TAIL = /^(?:\d{6}\*{8})?(\d{3}[\dXx])$/;

/**
 * The one filter of the household list, its count and its Excel export: jurisdiction (in SQL), region
 * subtree, status, attribute, cause, monitoring flag, and a search by head name, household number or the
 * last four characters of a member's ID number.
 */
export function householdListFilter(table: typeof households, viewer: Viewer, args: HouseholdListArgs) {
  const term = args.search?.trim().slice(0, 30);
  const tail = term ? ID_TAIL.exec(term)?.[1]?.toUpperCase() : undefined;
  return and(
    inSubtree(table.regionPath, viewer.regionPath),
    pairedWithHelper(table.id, viewer),
    inRegionSubtree(table.regionPath, args.regionId),
    args.status?.length ? inArray(table.status, [...args.status]) : undefined,
    args.attribute ? eq(table.attribute, args.attribute) : undefined,
    args.mainCause ? eq(table.mainCause, args.mainCause) : undefined,
    args.monitored === null || args.monitored === undefined ? undefined : eq(table.monitored, args.monitored),
    tail
      ? sql`exists (select 1 from household_members m where m.household_id = ${table.id} and right(m.id_number, 4) = ${tail})`
      : term
        ? sql`(${table.householdNumber} like ${`${term}%`} or exists (select 1 from household_members m where m.household_id = ${table.id} and m.relation = 'HEAD' and m.name like ${`%${term}%`}))`
        : undefined,
  );
}

builder.queryFields((t) => ({
  households: t.drizzleConnection({
    type: 'households',
    description: '农户列表 (households in your jurisdiction; search and filters; masked personal data)',
    authScopes: { permission: 'household.read' },
    args: {
      search: t.arg.string({ required: false, description: '户主姓名、户编号或身份证号后四位' }),
      regionId: t.arg.globalID({ required: false, for: [Region], description: '乡镇或村 (含下级)' }),
      status: t.arg({ type: [HouseholdStatusEnum], required: false, description: '贫困状态 (any of)' }),
      attribute: t.arg({ type: HouseholdAttributeEnum, required: false }),
      mainCause: t.arg({ type: PovertyCauseEnum, required: false }),
      monitored: t.arg.boolean({ required: false, description: '监测对象' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(households, householdListFilter(households, ctx.viewer!, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.households.findMany(
        query({
          where: { RAW: (table) => householdListFilter(table, ctx.viewer!, args)! },
          orderBy: { id: 'asc' },
        }),
      ),
  }),
  household: t.drizzleField({
    type: Household,
    nullable: true,
    description: '农户详情 (null when not found or outside your jurisdiction)',
    authScopes: { permission: 'household.read' },
    args: { id: t.arg.globalID({ required: true, for: [Household] }) },
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.households.findFirst(
        query({
          where: {
            id: Number(args.id.id),
            RAW: (table) =>
              and(inJurisdiction(table.regionPath, ctx.viewer), pairedWithHelper(table.id, ctx.viewer))!,
          },
        }),
      ),
  }),
}));

/** Load: a household the viewer may change, with its village code for the policy lookup. */
export async function writableHousehold(ctx: Context, id: number, argument = 'householdId') {
  const household = await ctx.db.query.households.findFirst({
    where: { id },
    with: { village: { columns: { code: true } }, members: { columns: { id: true } } },
  });
  return writableRow(ctx, household, { entity: '农户', argument, id });
}

/** Phones and ID numbers never reach the audit log. */
export const maskedPhone = <T extends { phone: string | null }>(row: T) => ({
  ...row,
  phone: row.phone ? '(masked)' : null,
});

const CreateHouseholdInput = builder.inputType('CreateHouseholdInput', {
  description: '新建农户 (enters the register as NON_POOR; identification is an application)',
  fields: (t) => ({
    villageId: t.globalID({ required: true, for: [Region], description: '所在村' }),
    householdNumber: t.string({ required: true, description: '户编号 (unique in the county)' }),
    groupName: t.string({ required: false, description: '村民小组' }),
    address: t.string({ required: false, description: '住址' }),
    phone: t.string({ required: false, description: '联系电话' }),
    attribute: t.field({ type: HouseholdAttributeEnum, required: true }),
    mainCause: t.field({ type: PovertyCauseEnum, required: true }),
    head: t.field({ type: MemberInput, required: true, description: '户主 (relation must be HEAD)' }),
  }),
});

const UpdateHouseholdInput = builder.inputType('UpdateHouseholdInput', {
  description: '修改农户基本信息 (status changes only through applications)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Household] }),
    version: t.int({ required: true }),
    groupName: t.string({ required: false }),
    address: t.string({ required: false }),
    phone: t.string({
      required: false,
      description: '联系电话 (left out: the number stays; null or empty: the number is removed)',
    }),
    attribute: t.field({ type: HouseholdAttributeEnum, required: true }),
    mainCause: t.field({ type: PovertyCauseEnum, required: true }),
  }),
});

export const RevealInput = builder.inputType('RevealPersonalDataInput', {
  description: '查看完整个人信息 (needs the unmask permission; logged with the reason)',
  fields: (t) => ({
    id: t.id({ required: true, description: '成员或农户的全局ID' }),
    reason: t.string({ required: true, description: '查看理由' }),
  }),
});

/** The optional text fields: null (as a client may send for an empty input) is the empty text. */
const blankAsEmpty = (input: { groupName?: string | null; address?: string | null }) => ({
  groupName: input.groupName ?? '',
  address: input.address ?? '',
});

builder.mutationFields((t) => ({
  createHousehold: t.drizzleField({
    type: Household,
    description: '新建农户及户主 (needs household.write; the village must be in your jurisdiction)',
    authScopes: { permission: 'household.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateHouseholdInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const village = await writableVillage(ctx, Number(input.villageId.id));
      const { head, ...fields } = validate(
        householdFieldsSchema.extend({ householdNumber: householdNumberSchema, head: memberSchema }),
        { ...input, ...blankAsEmpty(input), phone: input.phone || null },
      );
      if (head.relation !== 'HEAD') throw ValidationError.field('head.relation', '户主的关系应为户主');
      const base = { countyId: village.countyId!, regionPath: village.regionPath };
      const id = await writeAudited(ctx, async (tx) => {
        const [household] = await tx
          .insert(households)
          .values({ ...base, ...fields, villageId: village.id, status: 'NON_POOR' })
          .returning();
        const [member] = await tx
          .insert(householdMembers)
          .values({ ...base, ...head, householdId: household!.id })
          .returning();
        const after = { ...maskedPhone(household!), headMemberId: member!.id };
        return {
          id: household!.id,
          audit: {
            action: 'household.create',
            entityType: 'Household',
            entityId: household!.id,
            regionPath: base.regionPath,
            after,
          },
        };
      }).catch(mapConstraint);
      return reread(ctx.db.query.households.findFirst(query({ where: { id } })), '农户', id);
    },
  }),
  updateHousehold: t.drizzleField({
    type: Household,
    description: '修改农户基本信息 (optimistic: a stale version gets a ConflictError)',
    authScopes: { permission: 'household.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: UpdateHouseholdInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const { village: _village, members: _members, ...before } = await writableHousehold(ctx, id, 'id');
      const { version, ...fields } = validate(householdFieldsSchema.extend({ version: versionSchema }), {
        ...input,
        ...blankAsEmpty(input),
        phone: input.phone === undefined ? before.phone : input.phone || null,
      });
      await writeAudited(ctx, async (tx) => {
        const updated = await updateAtVersion(tx, households, { id, version, entity: '农户' }, fields);
        const audit = { before: maskedPhone(before), after: maskedPhone(updated) };
        return {
          id,
          audit: {
            action: 'household.update',
            entityType: 'Household',
            entityId: id,
            regionPath: before.regionPath,
            ...audit,
          },
        };
      });
      return reread(ctx.db.query.households.findFirst(query({ where: { id } })), '农户', id);
    },
  }),
  revealHouseholdPhone: t.string({
    nullable: true,
    description: '查看农户完整联系电话 (needs the unmask permission; logged with the reason)',
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RevealInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { type, id } = decodeGlobalId(String(input.id));
      const household = await revealPersonalData(ctx, {
        entity: '农户',
        entityType: 'Household',
        field: 'phone',
        argumentId: String(input.id),
        id: type === 'Household' ? id : null,
        reason: input.reason,
        load: (householdId) => ctx.db.query.households.findFirst({ where: { id: householdId } }),
      });
      return household.phone;
    },
  }),
}));

builder.drizzleObjectFields(Household, (t) => ({
  viewerCanEdit: t.boolean({
    description:
      '我可修改 (household.write and the household inside your jurisdiction, as updateHousehold checks)',
    select: { columns: { regionPath: true } },
    resolve: (household, _args, ctx) => viewerMayChange(ctx, 'household.write', household.regionPath),
  }),
}));
