import { householdGuarantees } from '@gongjian/db/schema';
import { checkGuarantees } from '@gongjian/rules';
import { getTableColumns } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder';
import { actedOn } from '../../shared/dates';
import { WRITE_ERRORS } from '../../shared/error-types';
import { RuleDecisionRef } from '../../shared/rule-decisions';
import { validate } from '../../shared/validate';
import { reread } from '../../spine/write';
import { saveYearRecord } from '../../spine/year-record';
import { HousingGradeEnum } from './enums';
import { Household, writableHousehold } from './household';
import { guaranteeFactsOf, policyForYear, readable, runRule } from './policy';
import { versionSchema, yearSchema } from './validation';

const guaranteeColumns = Object.fromEntries(
  Object.keys(getTableColumns(householdGuarantees)).map((key) => [key, true]),
) as { [K in keyof typeof householdGuarantees.$inferSelect]: true };

const membersForRules = {
  columns: guaranteeColumns,
  with: {
    household: {
      columns: { id: true },
      with: {
        village: { columns: { code: true } },
        members: {
          columns: {
            id: true,
            birthDate: true,
            medicalInsured: true,
            schoolEnrolment: true,
            labourCapacity: true,
          },
        },
      },
    },
  },
} as const;

export const GuaranteeCheck = builder.drizzleNode('householdGuarantees', {
  name: 'GuaranteeCheck',
  description:
    '两不愁三保障核查 (a yearly check of food, clothing, education, medical insurance, housing and water)',
  id: { column: (g) => g.id },
  authScopes: readable,
  fields: (t) => ({
    year: t.exposeInt('year', { description: '年度' }),
    checkedOn: t.expose('checkedOn', { type: 'Date', description: '核查日期' }),
    enoughFood: t.exposeBoolean('enoughFood', { description: '不愁吃' }),
    enoughClothing: t.exposeBoolean('enoughClothing', { description: '不愁穿' }),
    housingGrade: t.expose('housingGrade', { type: HousingGradeEnum, description: '住房安全等级' }),
    relocated: t.exposeBoolean('relocated', { description: '易地扶贫搬迁' }),
    flatHandedOver: t.exposeBoolean('flatHandedOver', { nullable: true, description: '搬迁安置房已交付' }),
    waterLitresPerPersonPerDay: t.exposeInt('waterLitresPerPersonPerDay', {
      description: '人均日供水量 (升)',
    }),
    waterScarceArea: t.exposeBoolean('waterScarceArea', { description: '缺水地区' }),
    waterQualityPassed: t.exposeBoolean('waterQualityPassed', { description: '水质合格' }),
    waterPipedToHome: t.exposeBoolean('waterPipedToHome', { description: '自来水入户' }),
    waterFetchMinutes: t.exposeInt('waterFetchMinutes', {
      nullable: true,
      description: '单次取水时间 (分钟)',
    }),
    waterHorizontalMetres: t.exposeInt('waterHorizontalMetres', {
      nullable: true,
      description: '取水水平距离 (米)',
    }),
    waterVerticalMetres: t.exposeInt('waterVerticalMetres', {
      nullable: true,
      description: '取水垂直距离 (米)',
    }),
    waterOutageDaysPerYear: t.exposeInt('waterOutageDaysPerYear', { description: '年停水天数' }),
    notes: t.exposeString('notes', { description: '备注' }),
    evaluation: t.field({
      type: RuleDecisionRef,
      description: '规则判断 (MET only when every item holds; education and insurance from the members)',
      select: membersForRules,
      resolve: (g) =>
        runRule(() =>
          checkGuarantees(
            guaranteeFactsOf(g, g.household.members),
            policyForYear(g.year, g.household.village.code),
            g.checkedOn,
          ),
        ),
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

const RecordGuaranteeInput = builder.inputType('RecordGuaranteeCheckInput', {
  description: '登记两不愁三保障核查 (one per household and year; send version to edit)',
  fields: (t) => ({
    householdId: t.globalID({ required: true, for: [Household] }),
    year: t.int({ required: true }),
    checkedOn: t.field({ type: 'Date', required: false, description: '核查日期 (默认今天)' }),
    enoughFood: t.boolean({ required: true }),
    enoughClothing: t.boolean({ required: true }),
    housingGrade: t.field({ type: HousingGradeEnum, required: true }),
    relocated: t.boolean({ required: false }),
    flatHandedOver: t.boolean({ required: false }),
    waterLitresPerPersonPerDay: t.int({ required: true }),
    waterScarceArea: t.boolean({ required: false }),
    waterQualityPassed: t.boolean({ required: true }),
    waterPipedToHome: t.boolean({ required: true }),
    waterFetchMinutes: t.int({ required: false }),
    waterHorizontalMetres: t.int({ required: false }),
    waterVerticalMetres: t.int({ required: false }),
    waterOutageDaysPerYear: t.int({ required: false }),
    notes: t.string({ required: false }),
    version: t.int({ required: false }),
  }),
});

const count = (max: number) => z.number().int().min(0, '不能为负数').max(max, `不能超过${max}`);
const GuaranteeSchema = z.object({
  year: yearSchema,
  enoughFood: z.boolean(),
  enoughClothing: z.boolean(),
  housingGrade: z.enum(['A', 'B', 'C', 'D']),
  relocated: z.boolean().default(false),
  flatHandedOver: z.boolean().nullish(),
  waterLitresPerPersonPerDay: count(1000),
  waterScarceArea: z.boolean().default(false),
  waterQualityPassed: z.boolean(),
  waterPipedToHome: z.boolean(),
  waterFetchMinutes: count(600).nullish(),
  waterHorizontalMetres: count(100_000).nullish(),
  waterVerticalMetres: count(10_000).nullish(),
  waterOutageDaysPerYear: count(366).default(0),
  notes: z.string().trim().max(500).default(''),
});

builder.mutationFields((t) => ({
  recordGuaranteeCheck: t.drizzleField({
    type: GuaranteeCheck,
    description: '登记或修改两不愁三保障核查',
    authScopes: { permission: 'household.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RecordGuaranteeInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const household = await writableHousehold(ctx, Number(input.householdId.id));
      const { version, ...values } = validate(
        GuaranteeSchema.extend({ version: versionSchema.nullish() }),
        input,
      );
      const checkedOn = actedOn(input.checkedOn, 'checkedOn');
      const id = await saveYearRecord(ctx, householdGuarantees, {
        household,
        year: values.year,
        version,
        label: '核查',
        entityType: 'GuaranteeCheck',
        auditPrefix: 'guarantee',
        row: { ...values, checkedOn, flatHandedOver: values.flatHandedOver ?? null },
      });
      return reread(ctx.db.query.householdGuarantees.findFirst(query({ where: { id } })), '核查', id);
    },
  }),
}));
