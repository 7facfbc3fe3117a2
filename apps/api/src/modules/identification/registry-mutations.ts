import { householdMembers, households } from '@gongjian/db/schema';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit';
import { insideJurisdiction } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import { validate, WRITE_ERRORS } from '../common';
import { Region } from '../geography';
import {
  DisabilityGradeEnum,
  EducationLevelEnum,
  HealthConditionEnum,
  HouseholdAttributeEnum,
  LabourCapacityEnum,
  PovertyCauseEnum,
  RelationToHeadEnum,
  SchoolEnrolmentEnum,
  SexEnum,
} from './enums';
import { Household, HouseholdMember } from './registry';
import {
  householdFieldsSchema,
  householdNumberSchema,
  memberSchema,
  reasonSchema,
  versionSchema,
  violatedConstraint,
} from './validation';

/** Writes to the registry: households and members. Incomes, guarantees, measures and reveals: records-mutations.ts. */

/** Turns the constraints these writes can hit into validation errors naming the field. */
function mapConstraint(error: unknown): never {
  const constraint = violatedConstraint(error);
  if (constraint === 'household_members_id_number_uq')
    throw ValidationError.field('idNumber', '该身份证号已登记 (每个身份证号只能登记一次)');
  if (constraint === 'household_members_one_head_uq')
    throw ValidationError.field('relation', '每户只能有一个户主');
  if (constraint === 'households_county_number_uq')
    throw ValidationError.field('householdNumber', '本县已有该户编号');
  throw error;
}

/** Loads a household for a write: it must exist and lie inside the viewer's jurisdiction. */
export async function writableHousehold(ctx: Context, id: number, field = 'householdId') {
  const household = await ctx.db.query.households.findFirst({
    where: { id },
    with: { village: { columns: { code: true } } },
  });
  if (!household) throw new NotFoundError('农户', String(id));
  if (!insideJurisdiction(ctx.viewer, household.regionPath))
    throw new ForbiddenError(`${field}: 该农户不在您的管辖范围内`);
  return household;
}

/** Loads a village for a write: it must be a village inside the viewer's jurisdiction. */
export async function writableVillage(ctx: Context, id: number) {
  const village = await ctx.db.query.regions.findFirst({ where: { id } });
  if (village?.level !== 'VILLAGE' || village.countyId === null)
    throw ValidationError.field('villageId', '请选择一个村');
  if (!insideJurisdiction(ctx.viewer, village.regionPath))
    throw new ForbiddenError('villageId: 该村不在您的管辖范围内');
  return village;
}

const MemberInput = builder.inputType('MemberInput', {
  description:
    '家庭成员信息 (sex and birth date default to what the ID number says; if given they must agree)',
  fields: (t) => ({
    name: t.string({ required: true, description: '姓名' }),
    idNumber: t.string({ required: true, description: '身份证号 (18位, GB 11643 校验)' }),
    relation: t.field({ type: RelationToHeadEnum, required: true }),
    sex: t.field({ type: SexEnum, required: false }),
    birthDate: t.field({ type: 'Date', required: false }),
    education: t.field({ type: EducationLevelEnum, required: true }),
    health: t.field({ type: HealthConditionEnum, required: true }),
    disability: t.field({ type: DisabilityGradeEnum, required: false, description: '默认无残疾' }),
    labourCapacity: t.field({ type: LabourCapacityEnum, required: true }),
    schoolEnrolment: t.field({ type: SchoolEnrolmentEnum, required: false, description: '默认不在校' }),
    medicalInsured: t.boolean({ required: false, description: '参加基本医疗保险 (默认是)' }),
  }),
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
    phone: t.string({ required: false, description: '留空表示删除号码' }),
    attribute: t.field({ type: HouseholdAttributeEnum, required: true }),
    mainCause: t.field({ type: PovertyCauseEnum, required: true }),
  }),
});

const AddMemberInput = builder.inputType('AddMemberInput', {
  description: '增加家庭成员',
  fields: (t) => ({
    householdId: t.globalID({ required: true, for: [Household] }),
    member: t.field({ type: MemberInput, required: true }),
  }),
});

const UpdateMemberInput = builder.inputType('UpdateMemberInput', {
  description: '修改家庭成员',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [HouseholdMember] }),
    version: t.int({ required: true }),
    member: t.field({ type: MemberInput, required: true }),
  }),
});

const RemoveMemberInput = builder.inputType('RemoveMemberInput', {
  description: '减少家庭成员 (自然减员: death, marriage out…; the head cannot be removed)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [HouseholdMember] }),
    version: t.int({ required: true }),
    reason: t.string({ required: true, description: '减员原因' }),
  }),
});

/** Zero rows from a guarded update: the row changed (conflict) or is gone. */
export function conflict(current: { version: number } | undefined, entity: string, id: number): never {
  if (!current) throw new NotFoundError(entity, String(id));
  throw new ConflictError(current.version);
}

export const decodeGlobalId = (value: string) => {
  const [type, id] = Buffer.from(value, 'base64').toString('utf8').split(':');
  return { type, id: Number(id) };
};

export async function currentMemberCount(ctx: Context, householdId: number) {
  return ctx.db.$count(householdMembers, eq(householdMembers.householdId, householdId));
}

builder.mutationFields((t) => ({
  createHousehold: t.drizzleField({
    type: Household,
    description: '新建农户及户主 (needs household.write; the village must be in your jurisdiction)',
    authScopes: { permission: 'household.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateHouseholdInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(
        householdFieldsSchema.extend({ householdNumber: householdNumberSchema, head: memberSchema }),
        { ...input, phone: input.phone || null },
      );
      if (values.head.relation !== 'HEAD') throw ValidationError.field('head.relation', '户主的关系应为户主');
      const village = await writableVillage(ctx, Number(input.villageId.id));
      const base = { countyId: village.countyId!, regionPath: village.regionPath };
      const id = await ctx.db
        .transaction(async (tx) => {
          const { head, ...fields } = values;
          const [household] = await tx
            .insert(households)
            .values({ ...base, ...fields, villageId: village.id, status: 'NON_POOR' })
            .returning();
          const [member] = await tx
            .insert(householdMembers)
            .values({ ...base, ...head, householdId: household!.id })
            .returning();
          await writeAudit(tx, ctx.viewer, {
            action: 'household.create',
            entityType: 'Household',
            entityId: household!.id,
            regionPath: household!.regionPath,
            after: { ...household, phone: household!.phone ? '(masked)' : null, headMemberId: member!.id },
          });
          return household!.id;
        })
        .catch(mapConstraint);
      return (await ctx.db.query.households.findFirst(query({ where: { id } })))!;
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
      const values = validate(householdFieldsSchema.extend({ version: versionSchema }), {
        ...input,
        phone: input.phone || null,
      });
      const before = await writableHousehold(ctx, id, 'id');
      await ctx.db.transaction(async (tx) => {
        const { version, ...fields } = values;
        const [updated] = await tx
          .update(households)
          .set({ ...fields, version: sql`${households.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(households.id, id), eq(households.version, version)))
          .returning();
        if (!updated) conflict(await tx.query.households.findFirst({ where: { id } }), '农户', id);
        await writeAudit(tx, ctx.viewer, {
          action: 'household.update',
          entityType: 'Household',
          entityId: id,
          regionPath: before.regionPath,
          before: { ...before, phone: before.phone ? '(masked)' : null },
          after: { ...updated, phone: updated!.phone ? '(masked)' : null },
        });
      });
      return (await ctx.db.query.households.findFirst(query({ where: { id } })))!;
    },
  }),
  addMember: t.drizzleField({
    type: HouseholdMember,
    description: '增加家庭成员 (ID number validated and unique; one head per household)',
    authScopes: { permission: 'household.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: AddMemberInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const member = validate(memberSchema, input.member);
      const household = await writableHousehold(ctx, Number(input.householdId.id));
      const id = await ctx.db
        .transaction(async (tx) => {
          const [created] = await tx
            .insert(householdMembers)
            .values({
              countyId: household.countyId,
              regionPath: household.regionPath,
              householdId: household.id,
              ...member,
            })
            .returning();
          await writeAudit(tx, ctx.viewer, {
            action: 'member.create',
            entityType: 'HouseholdMember',
            entityId: created!.id,
            regionPath: household.regionPath,
            after: { ...created, idNumber: '(masked)' },
          });
          return created!.id;
        })
        .catch(mapConstraint);
      return (await ctx.db.query.householdMembers.findFirst(query({ where: { id } })))!;
    },
  }),
  updateMember: t.drizzleField({
    type: HouseholdMember,
    description: '修改家庭成员',
    authScopes: { permission: 'household.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: UpdateMemberInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const member = validate(memberSchema, input.member);
      const version = validate(versionSchema, input.version);
      const before = await ctx.db.query.householdMembers.findFirst({ where: { id } });
      if (!before) throw new NotFoundError('家庭成员', String(id));
      if (!insideJurisdiction(ctx.viewer, before.regionPath))
        throw new ForbiddenError('该成员不在您的管辖范围内');
      await ctx.db
        .transaction(async (tx) => {
          const [updated] = await tx
            .update(householdMembers)
            .set({ ...member, version: sql`${householdMembers.version} + 1`, updatedAt: sql`now()` })
            .where(and(eq(householdMembers.id, id), eq(householdMembers.version, version)))
            .returning();
          if (!updated)
            conflict(await tx.query.householdMembers.findFirst({ where: { id } }), '家庭成员', id);
          await writeAudit(tx, ctx.viewer, {
            action: 'member.update',
            entityType: 'HouseholdMember',
            entityId: id,
            regionPath: before.regionPath,
            before: { ...before, idNumber: '(masked)' },
            after: { ...updated, idNumber: '(masked)', idNumberChanged: before.idNumber !== member.idNumber },
          });
        })
        .catch(mapConstraint);
      return (await ctx.db.query.householdMembers.findFirst(query({ where: { id } })))!;
    },
  }),
  removeMember: t.drizzleField({
    type: Household,
    description: '减少家庭成员, returns the household (the head cannot be removed: change the head first)',
    authScopes: { permission: 'household.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RemoveMemberInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const { reason, version } = validate(z.object({ reason: reasonSchema, version: versionSchema }), input);
      const before = await ctx.db.query.householdMembers.findFirst({ where: { id } });
      if (!before) throw new NotFoundError('家庭成员', String(id));
      if (!insideJurisdiction(ctx.viewer, before.regionPath))
        throw new ForbiddenError('该成员不在您的管辖范围内');
      if (before.relation === 'HEAD') throw ValidationError.field('id', '不能删除户主, 请先变更户主');
      await ctx.db.transaction(async (tx) => {
        const [deleted] = await tx
          .delete(householdMembers)
          .where(and(eq(householdMembers.id, id), eq(householdMembers.version, version)))
          .returning();
        if (!deleted) conflict(await tx.query.householdMembers.findFirst({ where: { id } }), '家庭成员', id);
        await writeAudit(tx, ctx.viewer, {
          action: 'member.remove',
          entityType: 'HouseholdMember',
          entityId: id,
          regionPath: before.regionPath,
          before: { ...before, idNumber: '(masked)' },
          reason,
        });
      });
      return (await ctx.db.query.households.findFirst(query({ where: { id: before.householdId } })))!;
    },
  }),
}));
