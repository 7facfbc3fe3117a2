import {
  disabilityGrade,
  educationLevel,
  healthCondition,
  householdAttribute,
  labourCapacity,
  povertyCause,
  relationToHead,
  schoolEnrolment,
} from '@gongjian/db/schema';
import { parseIdNumber } from '@gongjian/rules';
import { z } from 'zod';
import { clock } from '../../clock';
import { ValidationError } from '../../errors';

/** Input rules shared by the registry mutations and the Excel import, so both refuse the same things. */

export const nameSchema = z.string().trim().min(1, '不能为空').max(40, '不能超过40个字');
export const householdNumberSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{4,32}$/, '户编号应为4–32位数字、字母或连字符');
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '应为11位手机号或带区号的固定电话');
export const versionSchema = z.number().int().min(1, '版本号无效');
export const yearSchema = z.number().int().min(2013, '年度不早于2013年').max(2100, '年度无效');
export const reasonSchema = z.string().trim().min(2, '请填写理由').max(500, '不能超过500个字');

/**
 * A member: the ID number must pass GB 11643, and sex and birth date, when given, must agree with it
 * (when omitted they are taken from it).
 */
export const memberSchema = z
  .object({
    name: nameSchema,
    idNumber: z.string(),
    relation: z.enum(relationToHead.enumValues),
    sex: z.enum(['MALE', 'FEMALE']).nullish(),
    birthDate: z.string().nullish(),
    education: z.enum(educationLevel.enumValues),
    health: z.enum(healthCondition.enumValues),
    disability: z.enum(disabilityGrade.enumValues).default('NONE'),
    labourCapacity: z.enum(labourCapacity.enumValues),
    schoolEnrolment: z.enum(schoolEnrolment.enumValues).default('NOT_ENROLLED'),
    medicalInsured: z.boolean().default(true),
  })
  .transform((member, ctx) => {
    const parsed = parseIdNumber(member.idNumber, clock.today());
    if ('ruleId' in parsed) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: parsed.error });
      return z.NEVER;
    }
    if (member.sex && member.sex !== parsed.sex)
      ctx.addIssue({ code: 'custom', path: ['sex'], message: '性别与身份证号不一致' });
    if (member.birthDate && member.birthDate !== parsed.birthDate)
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: '出生日期与身份证号不一致' });
    if ((member.health === 'DISABLED') !== (member.disability !== 'NONE'))
      ctx.addIssue({
        code: 'custom',
        path: ['disability'],
        message: '健康状况为残疾时须填写残疾等级, 否则残疾等级为无',
      });
    return { ...member, idNumber: parsed.idNumber, sex: parsed.sex, birthDate: parsed.birthDate };
  });
export type MemberValues = z.output<typeof memberSchema>;

export const householdFieldsSchema = z.object({
  groupName: z.string().trim().max(20, '不能超过20个字').default(''),
  address: z.string().trim().max(100, '不能超过100个字').default(''),
  phone: phoneSchema.nullable(),
  attribute: z.enum(householdAttribute.enumValues),
  mainCause: z.enum(povertyCause.enumValues),
});

/** The PostgreSQL constraint a failed write hit, if any. */
export function violatedConstraint(error: unknown): string | null {
  const cause = (error as { cause?: { code?: string; constraint_name?: string; constraint?: string } }).cause;
  const direct = error as { code?: string; constraint_name?: string; constraint?: string };
  for (const candidate of [cause, direct]) {
    if (candidate?.code === '23505' || candidate?.code === '23514')
      return candidate.constraint_name ?? candidate.constraint ?? 'unknown';
  }
  return null;
}

/** Turns the constraints these writes can hit into validation errors naming the field. */
export function mapConstraint(error: unknown): never {
  const constraint = violatedConstraint(error);
  if (constraint === 'household_members_id_number_uq')
    throw ValidationError.field('idNumber', '该身份证号已登记 (每个身份证号只能登记一次)');
  if (constraint === 'household_members_one_head_uq')
    throw ValidationError.field('relation', '每户只能有一个户主');
  if (constraint === 'households_county_number_uq')
    throw ValidationError.field('householdNumber', '本县已有该户编号');
  throw error;
}
