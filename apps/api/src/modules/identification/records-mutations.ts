import type { DbExecutor } from '@gongjian/db';
import {
  householdGuarantees,
  householdIncomes,
  householdMeasures,
  measureKind,
  measureStatus,
} from '@gongjian/db/schema';
import { perCapitaNetIncome } from '@gongjian/rules';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit';
import { insideJurisdiction } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import { validate, WRITE_ERRORS } from '../common';
import { HousingGradeEnum, MeasureKindEnum, MeasureStatusEnum } from './enums';
import { actedOn, runRule, yuanSchema } from './policy';
import { GuaranteeCheck, Household, IncomeRecord, Measure } from './registry';
import { conflict, currentMemberCount, decodeGlobalId, writableHousehold } from './registry-mutations';
import { reasonSchema, versionSchema, yearSchema } from './validation';

/** Yearly records of a household (incomes, guarantee checks), its measures, and audited reveals of personal data. */

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

const MeasureInput = builder.inputType('MeasureInput', {
  description: '帮扶措施 (id + version to edit; householdId to add)',
  fields: (t) => ({
    id: t.globalID({ required: false, for: [Measure] }),
    version: t.int({ required: false }),
    householdId: t.globalID({ required: false, for: [Household] }),
    kind: t.field({ type: MeasureKindEnum, required: true }),
    status: t.field({ type: MeasureStatusEnum, required: true }),
    description: t.string({ required: true }),
    department: t.string({ required: false }),
    startedOn: t.field({ type: 'Date', required: false }),
    completedOn: t.field({ type: 'Date', required: false }),
  }),
});

const RevealInput = builder.inputType('RevealPersonalDataInput', {
  description: '查看完整个人信息 (needs the unmask permission; logged with the reason)',
  fields: (t) => ({
    id: t.id({ required: true, description: '成员或农户的全局ID' }),
    reason: t.string({ required: true, description: '查看理由' }),
  }),
});

const amounts = {
  wagesYuan: yuanSchema,
  businessIncomeYuan: yuanSchema,
  businessCostsYuan: yuanSchema,
  propertyIncomeYuan: yuanSchema,
  transferIncomeYuan: yuanSchema,
};

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

const MeasureSchema = z.object({
  kind: z.enum(measureKind.enumValues),
  status: z.enum(measureStatus.enumValues),
  description: z.string().trim().min(1, '不能为空').max(200),
  department: z.string().trim().max(60).default(''),
  startedOn: z.string().nullish(),
  completedOn: z.string().nullish(),
});

interface YearRecordSave<Row extends { id: number; version: number }> {
  household: { id: number; countyId: number; regionPath: string };
  year: number;
  /** The version the editor read; required when the year is already recorded. */
  version: number | null | undefined;
  label: string;
  entityType: string;
  auditPrefix: string;
  find: () => Promise<Row | undefined>;
  update: (existing: Row, version: number) => Promise<Row[]>;
  insert: () => Promise<Row[]>;
}

const householdKeys = (household: { id: number; countyId: number; regionPath: string }) => ({
  countyId: household.countyId,
  regionPath: household.regionPath,
  householdId: household.id,
});

/**
 * One record per household and year (incomes, guarantee checks): inserts the first, edits later ones only at
 * the version the editor read (a concurrent insert or edit is a conflict), and audits the write.
 */
async function saveYearRecord<Row extends { id: number; version: number }>(
  tx: DbExecutor,
  ctx: Context,
  save: YearRecordSave<Row>,
): Promise<number> {
  const existing = await save.find();
  if (existing && save.version == null) {
    throw ValidationError.field('version', `${save.year} 年${save.label}已登记, 修改时请提供版本号`);
  }
  const [written] = existing ? await save.update(existing, save.version!) : await save.insert();
  if (!written) conflict(existing ?? (await save.find()), save.label, save.household.id);
  await writeAudit(tx, ctx.viewer, {
    action: `${save.auditPrefix}.${existing ? 'update' : 'create'}`,
    entityType: save.entityType,
    entityId: written.id,
    regionPath: save.household.regionPath,
    before: existing ?? null,
    after: written,
  });
  return written.id;
}

builder.mutationFields((t) => ({
  recordIncome: t.drizzleField({
    type: IncomeRecord,
    description: '登记或修改年度收入 (per-capita net income is computed by the rules, never typed in)',
    authScopes: { permission: 'household.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RecordIncomeInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(
        z.object({ year: yearSchema, version: versionSchema.nullish(), ...amounts }),
        input,
      );
      const household = await writableHousehold(ctx, Number(input.householdId.id));
      const householdSize = await currentMemberCount(ctx, household.id);
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
      const id = await ctx.db.transaction((tx) =>
        saveYearRecord(tx, ctx, {
          household,
          year: values.year,
          version: values.version,
          label: '收入',
          entityType: 'IncomeRecord',
          auditPrefix: 'income',
          find: () =>
            tx.query.householdIncomes.findFirst({ where: { householdId: household.id, year: values.year } }),
          update: (existing, version) =>
            tx
              .update(householdIncomes)
              .set({ ...row, version: sql`${householdIncomes.version} + 1`, updatedAt: sql`now()` })
              .where(and(eq(householdIncomes.id, existing.id), eq(householdIncomes.version, version)))
              .returning(),
          insert: () =>
            tx
              .insert(householdIncomes)
              .values({ ...householdKeys(household), year: values.year, ...row })
              .onConflictDoNothing()
              .returning(),
        }),
      );
      return (await ctx.db.query.householdIncomes.findFirst(query({ where: { id } })))!;
    },
  }),
  recordGuaranteeCheck: t.drizzleField({
    type: GuaranteeCheck,
    description: '登记或修改两不愁三保障核查',
    authScopes: { permission: 'household.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RecordGuaranteeInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { version, ...values } = validate(
        GuaranteeSchema.extend({ version: versionSchema.nullish() }),
        input,
      );
      const checkedOn = actedOn(input.checkedOn, 'checkedOn');
      const household = await writableHousehold(ctx, Number(input.householdId.id));
      const row = { ...values, checkedOn, flatHandedOver: values.flatHandedOver ?? null };
      const id = await ctx.db.transaction((tx) =>
        saveYearRecord(tx, ctx, {
          household,
          year: values.year,
          version,
          label: '核查',
          entityType: 'GuaranteeCheck',
          auditPrefix: 'guarantee',
          find: () =>
            tx.query.householdGuarantees.findFirst({
              where: { householdId: household.id, year: values.year },
            }),
          update: (existing, current) =>
            tx
              .update(householdGuarantees)
              .set({ ...row, version: sql`${householdGuarantees.version} + 1`, updatedAt: sql`now()` })
              .where(and(eq(householdGuarantees.id, existing.id), eq(householdGuarantees.version, current)))
              .returning(),
          insert: () =>
            tx
              .insert(householdGuarantees)
              .values({ ...householdKeys(household), ...row })
              .onConflictDoNothing()
              .returning(),
        }),
      );
      return (await ctx.db.query.householdGuarantees.findFirst(query({ where: { id } })))!;
    },
  }),
  saveMeasure: t.drizzleField({
    type: Measure,
    description: '新增或修改帮扶措施',
    authScopes: { permission: 'household.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: MeasureInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(MeasureSchema, input);
      if (values.startedOn) actedOn(values.startedOn, 'startedOn');
      if (values.completedOn) actedOn(values.completedOn, 'completedOn');
      const row = { ...values, startedOn: values.startedOn ?? null, completedOn: values.completedOn ?? null };
      const id = await ctx.db.transaction(async (tx) => {
        if (input.id) {
          const measureId = Number(input.id.id);
          const version = validate(versionSchema, input.version);
          const before = await tx.query.householdMeasures.findFirst({ where: { id: measureId } });
          if (!before) throw new NotFoundError('帮扶措施', String(measureId));
          if (!insideJurisdiction(ctx.viewer, before.regionPath))
            throw new ForbiddenError('该措施不在您的管辖范围内');
          const [updated] = await tx
            .update(householdMeasures)
            .set({ ...row, version: sql`${householdMeasures.version} + 1`, updatedAt: sql`now()` })
            .where(and(eq(householdMeasures.id, measureId), eq(householdMeasures.version, version)))
            .returning();
          if (!updated)
            conflict(
              await tx.query.householdMeasures.findFirst({ where: { id: measureId } }),
              '帮扶措施',
              measureId,
            );
          await writeAudit(tx, ctx.viewer, {
            action: 'measure.update',
            entityType: 'Measure',
            entityId: measureId,
            regionPath: before.regionPath,
            before,
            after: updated,
          });
          return measureId;
        }
        if (!input.householdId) throw ValidationError.field('householdId', '新增措施须指定农户');
        const household = await writableHousehold(ctx, Number(input.householdId.id));
        const [created] = await tx
          .insert(householdMeasures)
          .values({
            countyId: household.countyId,
            regionPath: household.regionPath,
            householdId: household.id,
            ...row,
          })
          .returning();
        await writeAudit(tx, ctx.viewer, {
          action: 'measure.create',
          entityType: 'Measure',
          entityId: created!.id,
          regionPath: household.regionPath,
          after: created,
        });
        return created!.id;
      });
      return (await ctx.db.query.householdMeasures.findFirst(query({ where: { id } })))!;
    },
  }),
  revealMemberIdNumber: t.string({
    nullable: true,
    description: '查看成员完整身份证号 (needs the unmask permission; each look is logged with its reason)',
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RevealInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { reason } = validate(z.object({ reason: reasonSchema }), input);
      if (!ctx.viewer?.mayUnmask) throw new ForbiddenError('您没有查看完整个人信息的权限');
      const { type, id } = decodeGlobalId(String(input.id));
      const member =
        type === 'HouseholdMember'
          ? await ctx.db.query.householdMembers.findFirst({ where: { id } })
          : undefined;
      if (!member || !insideJurisdiction(ctx.viewer, member.regionPath))
        throw new NotFoundError('家庭成员', String(input.id));
      await writeAudit(ctx.db, ctx.viewer, {
        action: 'personal-data.reveal',
        entityType: 'HouseholdMember',
        entityId: id,
        regionPath: member.regionPath,
        after: { field: 'idNumber' },
        reason,
      });
      return member.idNumber;
    },
  }),
  revealHouseholdPhone: t.string({
    nullable: true,
    description: '查看农户完整联系电话 (needs the unmask permission; logged with the reason)',
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RevealInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { reason } = validate(z.object({ reason: reasonSchema }), input);
      if (!ctx.viewer?.mayUnmask) throw new ForbiddenError('您没有查看完整个人信息的权限');
      const { type, id } = decodeGlobalId(String(input.id));
      const household =
        type === 'Household' ? await ctx.db.query.households.findFirst({ where: { id } }) : undefined;
      if (!household || !insideJurisdiction(ctx.viewer, household.regionPath))
        throw new NotFoundError('农户', String(input.id));
      await writeAudit(ctx.db, ctx.viewer, {
        action: 'personal-data.reveal',
        entityType: 'Household',
        entityId: id,
        regionPath: household.regionPath,
        after: { field: 'phone' },
        reason,
      });
      return household.phone;
    },
  }),
}));
