import { householdIncomes } from '@gongjian/db/schema';
import { checkIncomeBelowLine, formatYuan, incomeLine, perCapitaNetIncome } from '@gongjian/rules';
import { z } from 'zod';
import { builder } from '../../builder';
import { WRITE_ERRORS } from '../../shared/error-types';
import { fenToYuan, yuanSchema } from '../../shared/money';
import { RuleDecisionRef } from '../../shared/rule-decisions';
import { validate } from '../../shared/validate';
import { reread } from '../../spine/write';
import { saveYearRecord } from '../../spine/year-record';
import { Household, writableHousehold } from './household';
import { incomeComponentsOf, policyForYear, runRule } from './policy';
import { versionSchema, yearSchema } from './validation';

const codeOfVillage = {
  with: { household: { columns: { id: true }, with: { village: { columns: { code: true } } } } },
} as const;

function hasIncomeLine(policy: Parameters<typeof incomeLine>[0]): boolean {
  try {
    incomeLine(policy, 'exit');
    return true;
  } catch {
    return false;
  }
}

export const IncomeRecord = builder.drizzleNode('householdIncomes', {
  name: 'IncomeRecord',
  description: '年度收入 (a household income for one year; per-capita net income is computed by the rules)',
  id: { column: (r) => r.id },
  authScopes: (row) => ({ $all: { jurisdiction: row.regionPath, permission: 'household.sensitive' } }),
  fields: (t) => ({
    year: t.exposeInt('year', { description: '年度' }),
    householdSize: t.exposeInt('householdSize', {
      description: '家庭人口 (counted when the income was recorded)',
    }),
    wagesYuan: t.string({ description: '工资性收入 (元)', resolve: (r) => fenToYuan(r.wagesFen) }),
    businessIncomeYuan: t.string({
      description: '生产经营性收入 (元)',
      resolve: (r) => fenToYuan(r.businessIncomeFen),
    }),
    businessCostsYuan: t.string({
      description: '生产经营性支出 (元)',
      resolve: (r) => fenToYuan(r.businessCostsFen),
    }),
    propertyIncomeYuan: t.string({
      description: '财产性收入 (元)',
      resolve: (r) => fenToYuan(r.propertyIncomeFen),
    }),
    transferIncomeYuan: t.string({
      description: '转移性收入 (元)',
      resolve: (r) => fenToYuan(r.transferIncomeFen),
    }),
    netIncomeYuan: t.string({ description: '家庭纯收入 (元)', resolve: (r) => fenToYuan(r.netIncomeFen) }),
    perCapitaNetIncomeYuan: t.string({
      description: '人均纯收入 (元, computed by the rules, rounded down to the fen)',
      resolve: (r) => fenToYuan(r.perCapitaNetIncomeFen),
    }),
    incomeLineYuan: t.string({
      nullable: true,
      description: '当年扶贫标准 (元; null when the year has no line)',
      select: codeOfVillage,
      resolve: (r) => {
        const policy = policyForYear(r.year, r.household.village.code);
        return hasIncomeLine(policy) ? formatYuan(incomeLine(policy, 'exit')) : null;
      },
    }),
    lineCheck: t.field({
      type: RuleDecisionRef,
      nullable: true,
      description:
        '与扶贫标准比较 (the rule IDENTIFY.INCOME_BELOW_LINE; null when the year has no line, as from 2021, when monitoring ranges replace it)',
      select: codeOfVillage,
      resolve: (r) => {
        const policy = policyForYear(r.year, r.household.village.code);
        if (!hasIncomeLine(policy)) return null;
        return runRule(() =>
          checkIncomeBelowLine(perCapitaNetIncome(incomeComponentsOf(r), r.householdSize), policy),
        );
      },
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

const RecordIncomeInput = builder.inputType('RecordIncomeInput', {
  description:
    '登记年度收入 (amounts in yuan as decimal strings; household size is the current member count; per-capita income is computed). Send version to edit an existing year.',
  fields: (t) => ({
    householdId: t.globalID({ required: true, for: [Household] }),
    year: t.int({ required: true }),
    wagesYuan: t.string({ required: true, description: '工资性收入' }),
    businessIncomeYuan: t.string({ required: true, description: '生产经营性收入' }),
    businessCostsYuan: t.string({ required: true, description: '生产经营性支出' }),
    propertyIncomeYuan: t.string({ required: true, description: '财产性收入' }),
    transferIncomeYuan: t.string({ required: true, description: '转移性收入' }),
    version: t.int({ required: false, description: '修改已有年度时必填' }),
  }),
});

const amounts = {
  wagesYuan: yuanSchema,
  businessIncomeYuan: yuanSchema,
  businessCostsYuan: yuanSchema,
  propertyIncomeYuan: yuanSchema,
  transferIncomeYuan: yuanSchema,
};

builder.mutationFields((t) => ({
  recordIncome: t.drizzleField({
    type: IncomeRecord,
    description: '登记或修改年度收入 (per-capita net income is computed by the rules, never typed in)',
    authScopes: { permission: 'household.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RecordIncomeInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const household = await writableHousehold(ctx, Number(input.householdId.id));
      const values = validate(
        z.object({ year: yearSchema, version: versionSchema.nullish(), ...amounts }),
        input,
      );
      const householdSize = household.members.length;
      const components = {
        wagesFen: values.wagesYuan,
        businessIncomeFen: values.businessIncomeYuan,
        businessCostsFen: values.businessCostsYuan,
        propertyIncomeFen: values.propertyIncomeYuan,
        transferIncomeFen: values.transferIncomeYuan,
      };
      const computed = runRule(() => perCapitaNetIncome(components, householdSize));
      const row = {
        ...components,
        householdSize,
        netIncomeFen: computed.netIncomeFen,
        perCapitaNetIncomeFen: computed.perCapitaFen,
      };
      const id = await saveYearRecord(ctx, householdIncomes, {
        household,
        year: values.year,
        version: values.version,
        label: '收入',
        entityType: 'IncomeRecord',
        auditPrefix: 'income',
        row,
      });
      return reread(ctx.db.query.householdIncomes.findFirst(query({ where: { id } })), '收入', id);
    },
  }),
}));
