import { householdMembers } from '@gongjian/db/schema';
import { ageOn } from '@gongjian/rules';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { maskIdNumber } from '../../auth/masking';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { WRITE_ERRORS } from '../../shared/error-types';
import { decodeGlobalId } from '../../shared/global-id';
import { revealPersonalData } from '../../shared/reveal';
import { validate } from '../../shared/validate';
import { writableRow } from '../../spine/load';
import { conflictOrMissing, reread, updateAtVersion, writeAudited } from '../../spine/write';
import {
  DisabilityGradeEnum,
  EducationLevelEnum,
  HealthConditionEnum,
  LabourCapacityEnum,
  RelationToHeadEnum,
  SchoolEnrolmentEnum,
  SexEnum,
} from './enums';
import { Household, RevealInput, writableHousehold } from './household';
import { MemberChangesInput, MemberInput } from './member-input';
import { clock, readable, sensitive } from './policy';
import { mapConstraint, memberSchema, reasonSchema, versionSchema } from './validation';

export const HouseholdMember = builder.drizzleNode('householdMembers', {
  name: 'HouseholdMember',
  description: '家庭成员 (a member of a household; the ID number is masked, see revealMemberIdNumber)',
  id: { column: (m) => m.id },
  authScopes: readable,
  fields: (t) => ({
    name: t.exposeString('name', { description: '姓名' }),
    idNumber: t.string({
      description: '身份证号 (always masked, e.g. 431129********1234)',
      select: { columns: { idNumber: true } },
      resolve: (m) => maskIdNumber(m.idNumber)!,
    }),
    relation: t.expose('relation', { type: RelationToHeadEnum, description: '与户主关系' }),
    sex: t.expose('sex', { type: SexEnum, description: '性别' }),
    age: t.int({
      description:
        '年龄 (completed years today, county calendar; the birth date itself is the masked part of the ID number, so it is shown to nobody: revealMemberIdNumber, with a reason, shows both)',
      select: { columns: { birthDate: true } },
      resolve: (m) => ageOn(m.birthDate, clock.today()),
    }),
    education: t.expose('education', { type: EducationLevelEnum, description: '文化程度' }),
    health: t.field({
      type: HealthConditionEnum,
      nullable: true,
      description: '健康状况 (sensitive roles only)',
      select: { columns: { health: true } },
      resolve: (m) => m.health,
      ...sensitive,
    }),
    disability: t.field({
      type: DisabilityGradeEnum,
      nullable: true,
      description: '残疾等级 (sensitive roles only)',
      select: { columns: { disability: true } },
      resolve: (m) => m.disability,
      ...sensitive,
    }),
    labourCapacity: t.expose('labourCapacity', { type: LabourCapacityEnum, description: '劳动能力' }),
    schoolEnrolment: t.expose('schoolEnrolment', { type: SchoolEnrolmentEnum, description: '在校情况' }),
    medicalInsured: t.exposeBoolean('medicalInsured', { description: '参加基本医疗保险' }),
    household: t.relation('household', { description: '所在农户' }),
    version: t.exposeInt('version', { description: '版本号 (send it back when editing)' }),
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
    member: t.field({ type: MemberChangesInput, required: true }),
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

/** Load: a member the viewer may change, decided before anything about the input is checked against it. */
async function writableMember(ctx: Context, id: number) {
  const member = await ctx.db.query.householdMembers.findFirst({ where: { id } });
  return writableRow(ctx, member, { entity: '家庭成员', argument: 'id', id });
}

/** The audit keeps no part of the ID number: its birth-date digits rebuild it from the masked form. */
const maskedIdNumber = <T extends { idNumber: string; birthDate: string }>({ birthDate: _, ...row }: T) => ({
  ...row,
  idNumber: '(masked)',
});

builder.mutationFields((t) => ({
  addMember: t.drizzleField({
    type: HouseholdMember,
    description: '增加家庭成员 (ID number validated and unique; one head per household)',
    authScopes: { permission: 'household.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: AddMemberInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const household = await writableHousehold(ctx, Number(input.householdId.id));
      const member = validate(memberSchema, input.member);
      const { countyId, regionPath } = household;
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(householdMembers)
          .values({ countyId, regionPath, householdId: household.id, ...member })
          .returning();
        const audit = {
          action: 'member.create',
          entityType: 'HouseholdMember',
          after: maskedIdNumber(created!),
        };
        return { id: created!.id, audit: { ...audit, entityId: created!.id, regionPath } };
      }).catch(mapConstraint);
      return reread(ctx.db.query.householdMembers.findFirst(query({ where: { id } })), '家庭成员', id);
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
      const before = await writableMember(ctx, id);
      const member = validate(memberSchema, {
        ...input.member,
        idNumber: input.member.idNumber?.trim() || before.idNumber,
      });
      const version = validate(versionSchema, input.version);
      await writeAudited(ctx, async (tx) => {
        const updated = await updateAtVersion(
          tx,
          householdMembers,
          { id, version, entity: '家庭成员' },
          member,
        );
        const after = { ...maskedIdNumber(updated), idNumberChanged: before.idNumber !== member.idNumber };
        return {
          id,
          audit: {
            action: 'member.update',
            entityType: 'HouseholdMember',
            entityId: id,
            regionPath: before.regionPath,
            before: maskedIdNumber(before),
            after,
          },
        };
      }).catch(mapConstraint);
      return reread(ctx.db.query.householdMembers.findFirst(query({ where: { id } })), '家庭成员', id);
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
      const before = await writableMember(ctx, id);
      const { reason, version } = validate(z.object({ reason: reasonSchema, version: versionSchema }), input);
      if (before.relation === 'HEAD') throw ValidationError.field('id', '不能删除户主, 请先变更户主');
      await writeAudited(ctx, async (tx) => {
        const [deleted] = await tx
          .delete(householdMembers)
          .where(and(eq(householdMembers.id, id), eq(householdMembers.version, version)))
          .returning({ id: householdMembers.id });
        if (!deleted)
          conflictOrMissing(
            await tx.query.householdMembers.findFirst({ columns: { version: true }, where: { id } }),
            '家庭成员',
            id,
          );
        return {
          id,
          audit: {
            action: 'member.remove',
            entityType: 'HouseholdMember',
            entityId: id,
            regionPath: before.regionPath,
            before: maskedIdNumber(before),
            reason,
          },
        };
      });
      const householdId = before.householdId;
      return reread(
        ctx.db.query.households.findFirst(query({ where: { id: householdId } })),
        '农户',
        householdId,
      );
    },
  }),
  revealMemberIdNumber: t.string({
    nullable: true,
    description: '查看成员完整身份证号 (needs the unmask permission; each look is logged with its reason)',
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RevealInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { type, id } = decodeGlobalId(String(input.id));
      const member = await revealPersonalData(ctx, {
        entity: '家庭成员',
        entityType: 'HouseholdMember',
        field: 'idNumber',
        argumentId: String(input.id),
        id: type === 'HouseholdMember' ? id : null,
        reason: input.reason,
        load: (memberId) => ctx.db.query.householdMembers.findFirst({ where: { id: memberId } }),
      });
      return member.idNumber;
    },
  }),
}));
