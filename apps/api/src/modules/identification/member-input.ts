import { builder } from '../../builder';
import {
  DisabilityGradeEnum,
  EducationLevelEnum,
  HealthConditionEnum,
  LabourCapacityEnum,
  RelationToHeadEnum,
  SchoolEnrolmentEnum,
  SexEnum,
} from './enums';

/** A member as a write gives it: adding or editing a member, and a new household's head. */
export const MemberInput = builder.inputType('MemberInput', {
  description:
    '家庭成员信息 (sex and birth date default to what the ID number says; if given they must agree)',
  fields: (t) => ({
    idNumber: t.string({ required: true, description: '身份证号 (18位, GB 11643 校验)' }),
    ...memberFields(t),
  }),
});

/** A member's changes: the ID number, which clients see only masked, may be left out to keep the stored one. */
export const MemberChangesInput = builder.inputType('MemberChangesInput', {
  description:
    '修改家庭成员信息 (idNumber left out keeps the registered one; sex and birth date must agree with it)',
  fields: (t) => ({
    idNumber: t.string({
      required: false,
      description: '身份证号 (留空表示不变; 18位, GB 11643 校验)',
    }),
    ...memberFields(t),
  }),
});

type FieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

function memberFields(t: FieldBuilder) {
  return {
    name: t.string({ required: true, description: '姓名' }),
    relation: t.field({ type: RelationToHeadEnum, required: true }),
    sex: t.field({ type: SexEnum, required: false }),
    birthDate: t.field({ type: 'Date', required: false }),
    education: t.field({ type: EducationLevelEnum, required: true }),
    health: t.field({ type: HealthConditionEnum, required: true }),
    disability: t.field({ type: DisabilityGradeEnum, required: false, description: '默认无残疾' }),
    labourCapacity: t.field({ type: LabourCapacityEnum, required: true }),
    schoolEnrolment: t.field({ type: SchoolEnrolmentEnum, required: false, description: '默认不在校' }),
    medicalInsured: t.boolean({ required: false, description: '参加基本医疗保险 (默认是)' }),
  };
}
