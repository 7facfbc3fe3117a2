import { exitVerifications, surveySamples, villagePopulations } from '@gongjian/db/schema';
import { decideHouseholdExit, type Reason } from '@gongjian/rules';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit';
import { pathPrefix } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ConflictError, RuleViolationError, ValidationError } from '../../errors';
import { validate, WRITE_ERRORS } from '../common';
import { Region } from '../geography';
import { RuleReasonRef } from '../rule-decisions';
import { ExitVerificationOutcomeEnum, SurveySampleKindEnum } from './enums';
import { householdFacts } from './facts';
import { actedOn, guaranteeFactsOf, incomeComponentsOf, policyForYear, runRule } from './policy';
import { Household, inRegionSubtree } from './registry';
import { writableHousehold, writableVillage } from './registry-mutations';
import { nameSchema, violatedConstraint, yearSchema } from './validation';

/** Exit verification (退出核查) and survey samples (抽样调查), the evidence behind 错退率, 漏评率 and 认可度. */

const readable = <T extends { regionPath: string }>(row: T) => ({
  $all: { jurisdiction: row.regionPath, permission: 'household.read' as const },
});

export const ExitVerification = builder.drizzleNode('exitVerifications', {
  name: 'ExitVerification',
  description: '退出核查 (a yearly check that an exit met the standard and followed the procedure)',
  id: { column: (v) => v.id },
  authScopes: readable,
  fields: (t) => ({
    household: t.relation('household', { type: Household, description: '农户' }),
    year: t.exposeInt('year', { description: '退出年度' }),
    verifiedOn: t.expose('verifiedOn', { type: 'Date', description: '核查日期' }),
    procedureFollowed: t.exposeBoolean('procedureFollowed', { description: '退出程序履行到位' }),
    householdAgreed: t.exposeBoolean('householdAgreed', { description: '户主签字认可' }),
    findings: t.exposeString('findings', { description: '核查发现' }),
    outcome: t.expose('outcome', { type: ExitVerificationOutcomeEnum, description: '结论' }),
    explanation: t.field({
      type: [RuleReasonRef],
      description: '退出标准的规则说明',
      select: { columns: { explanation: true } },
      resolve: (v) => v.explanation as unknown as Reason[],
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

builder.drizzleObjectFields(Household, (t) => ({
  exitVerifications: t.relation('exitVerifications', {
    type: ExitVerification,
    description: '退出核查记录',
    query: { orderBy: { year: 'desc' } },
  }),
}));

export const SurveySample = builder.drizzleNode('surveySamples', {
  name: 'SurveySample',
  description: '抽样调查户 (EXITED → 错退率, NON_REGISTERED → 漏评率, every sample → 认可度)',
  id: { column: (v) => v.id },
  authScopes: readable,
  fields: (t) => ({
    village: t.relation('village', { type: Region, description: '村' }),
    household: t.relation('household', { type: Household, nullable: true, description: '在册农户 (if any)' }),
    year: t.exposeInt('year', { description: '年度' }),
    kind: t.expose('kind', { type: SurveySampleKindEnum, description: '抽样类别' }),
    respondentName: t.exposeString('respondentName', { description: '受访户主' }),
    persons: t.exposeInt('persons', { description: '家庭人口' }),
    wrongExit: t.exposeBoolean('wrongExit', { nullable: true, description: '核实为错退' }),
    missed: t.exposeBoolean('missed', { nullable: true, description: '核实为漏评' }),
    recognises: t.exposeBoolean('recognises', { description: '认可' }),
    surveyedOn: t.expose('surveyedOn', { type: 'Date', description: '调查日期' }),
    notes: t.exposeString('notes', { description: '备注' }),
  }),
});

function yearRegionFilter(
  table: typeof exitVerifications | typeof surveySamples,
  ctx: Context,
  args: { year?: number | null; regionId?: { id: string | number } | null },
) {
  return and(
    sql`${table.regionPath} like ${pathPrefix(ctx.viewer!.regionPath)}`,
    inRegionSubtree(table.regionPath, args.regionId),
    args.year ? eq(table.year, args.year) : undefined,
  );
}

builder.queryFields((t) => ({
  exitVerifications: t.drizzleConnection({
    type: 'exitVerifications',
    description: '退出核查列表',
    authScopes: { permission: 'household.read' },
    args: {
      year: t.arg.int({ required: false }),
      outcome: t.arg({ type: ExitVerificationOutcomeEnum, required: false }),
      regionId: t.arg.globalID({ required: false, for: [Region] }),
    },
    totalCount: (_p, args, ctx) =>
      ctx.db.$count(
        exitVerifications,
        and(
          yearRegionFilter(exitVerifications, ctx, args),
          args.outcome ? eq(exitVerifications.outcome, args.outcome) : undefined,
        ),
      ),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.exitVerifications.findMany(
        query({
          where: {
            RAW: (table) =>
              and(
                yearRegionFilter(table, ctx, args),
                args.outcome ? eq(table.outcome, args.outcome) : undefined,
              )!,
          },
          orderBy: { id: 'desc' },
        }),
      ),
  }),
  surveySamples: t.drizzleConnection({
    type: 'surveySamples',
    description: '抽样调查列表',
    authScopes: { permission: 'household.read' },
    args: {
      year: t.arg.int({ required: false }),
      kind: t.arg({ type: SurveySampleKindEnum, required: false }),
      regionId: t.arg.globalID({ required: false, for: [Region] }),
    },
    totalCount: (_p, args, ctx) =>
      ctx.db.$count(
        surveySamples,
        and(
          yearRegionFilter(surveySamples, ctx, args),
          args.kind ? eq(surveySamples.kind, args.kind) : undefined,
        ),
      ),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.surveySamples.findMany(
        query({
          where: {
            RAW: (table) =>
              and(yearRegionFilter(table, ctx, args), args.kind ? eq(table.kind, args.kind) : undefined)!,
          },
          orderBy: { id: 'desc' },
        }),
      ),
  }),
}));

const ExitVerificationInput = builder.inputType('RecordExitVerificationInput', {
  description: '登记退出核查 (the rules re-check the exit standard for the exit year)',
  fields: (t) => ({
    householdId: t.globalID({ required: true, for: [Household] }),
    year: t.int({ required: true, description: '退出年度' }),
    procedureFollowed: t.boolean({ required: true }),
    householdAgreed: t.boolean({ required: true }),
    findings: t.string({ required: false }),
    date: t.field({ type: 'Date', required: false }),
  }),
});

const SurveySampleInput = builder.inputType('RecordSurveySampleInput', {
  description:
    '登记抽样调查户 (EXITED needs a registered exited household and wrongExit; NON_REGISTERED needs missed)',
  fields: (t) => ({
    villageId: t.globalID({ required: true, for: [Region] }),
    year: t.int({ required: true }),
    kind: t.field({ type: SurveySampleKindEnum, required: true }),
    householdId: t.globalID({ required: false, for: [Household] }),
    respondentName: t.string({ required: false, description: '受访户主 (defaults to the household head)' }),
    persons: t.int({ required: false, description: '家庭人口 (defaults to the household’s members)' }),
    wrongExit: t.boolean({ required: false }),
    missed: t.boolean({ required: false }),
    recognises: t.boolean({ required: true }),
    notes: t.string({ required: false }),
    date: t.field({ type: 'Date', required: false }),
  }),
});

const VillagePopulationInput = builder.inputType('SetVillagePopulationInput', {
  description: '登记村农业户籍人口 (the incidence denominator)',
  fields: (t) => ({
    villageId: t.globalID({ required: true, for: [Region] }),
    year: t.int({ required: true }),
    ruralPopulation: t.int({ required: true }),
    ruralHouseholds: t.int({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  recordExitVerification: t.drizzleField({
    type: ExitVerification,
    description:
      '登记退出核查: WRONG_EXIT when the rules find the standard unmet or the procedure was not followed',
    authScopes: { permission: 'verification.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: ExitVerificationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { year, findings } = validate(
        z.object({ year: yearSchema, findings: z.string().trim().max(1000).default('') }),
        { ...input, findings: input.findings ?? '' },
      );
      const verifiedOn = actedOn(input.date);
      const household = await writableHousehold(ctx, Number(input.householdId.id));
      if (household.exitedYear !== year)
        throw new RuleViolationError(
          'EXIT_VERIFICATION.NOT_EXITED',
          `该户不是 ${year} 年退出的, 不能核查该年退出`,
        );
      const facts = (await householdFacts(ctx.db, household.id, year))!;
      const income = facts.incomes[0];
      const guarantee = facts.guarantees[0];
      if (!income || !guarantee)
        throw new RuleViolationError(
          'EXIT_VERIFICATION.FACTS_REQUIRED',
          `须有 ${year} 年收入和两不愁三保障核查`,
        );
      const decision = runRule(() =>
        decideHouseholdExit(
          {
            income: incomeComponentsOf(income),
            householdSize: income.householdSize,
            guarantees: guaranteeFactsOf(guarantee, facts.members),
            identifiedYear: household.identifiedYear ?? year,
          },
          policyForYear(year, household.village.code),
          `${year}-12-31`,
        ),
      );
      const correct = decision.outcome === 'ELIGIBLE' && input.procedureFollowed && input.householdAgreed;
      const id = await ctx.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(exitVerifications)
          .values({
            countyId: household.countyId,
            regionPath: household.regionPath,
            householdId: household.id,
            year,
            verifiedOn,
            verifierUserId: ctx.viewer!.id,
            procedureFollowed: input.procedureFollowed,
            householdAgreed: input.householdAgreed,
            findings,
            outcome: correct ? 'CORRECT_EXIT' : 'WRONG_EXIT',
            explanation: decision.reasons,
          })
          .returning()
          .catch((error) => {
            if (violatedConstraint(error) === 'exit_verifications_household_year_uq')
              throw new ConflictError(null, `该户 ${year} 年退出已核查`);
            throw error;
          });
        await writeAudit(tx, ctx.viewer, {
          action: 'exit-verification.record',
          entityType: 'ExitVerification',
          entityId: created!.id,
          regionPath: household.regionPath,
          after: created,
        });
        return created!.id;
      });
      return (await ctx.db.query.exitVerifications.findFirst(query({ where: { id } })))!;
    },
  }),
  recordSurveySample: t.drizzleField({
    type: SurveySample,
    description: '登记抽样调查户',
    authScopes: { permission: 'verification.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: SurveySampleInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const village = await writableVillage(ctx, Number(input.villageId.id));
      const household = input.householdId
        ? await ctx.db.query.households.findFirst({
            where: { id: Number(input.householdId.id) },
            with: { members: { columns: { name: true, relation: true } } },
          })
        : undefined;
      if (input.householdId && (!household || household.villageId !== village.id))
        throw ValidationError.field('householdId', '该户不在所选村');
      const values = validate(
        z
          .object({
            year: yearSchema,
            kind: z.enum(['EXITED', 'NON_REGISTERED', 'REGISTERED_POOR']),
            respondentName: nameSchema,
            persons: z.number().int().min(1, '家庭人口至少1人').max(30),
            wrongExit: z.boolean().nullable(),
            missed: z.boolean().nullable(),
            recognises: z.boolean(),
            notes: z.string().trim().max(500),
          })
          .refine((v) => (v.kind === 'EXITED') === (v.wrongExit !== null), {
            path: ['wrongExit'],
            message: '已脱贫户样本须填写是否错退, 其他样本不填',
          })
          .refine((v) => (v.kind === 'NON_REGISTERED') === (v.missed !== null), {
            path: ['missed'],
            message: '未建档立卡户样本须填写是否漏评, 其他样本不填',
          })
          .refine((v) => v.kind === 'NON_REGISTERED' || household !== undefined, {
            path: ['householdId'],
            message: '在册户样本须指定农户',
          })
          .refine(
            (v) =>
              !household ||
              (v.kind === 'EXITED'
                ? household.status === 'EXITED' || household.status === 'EXITED_NO_POLICY'
                : v.kind === 'REGISTERED_POOR'
                  ? household.status === 'POOR' || household.status === 'RETURNED'
                  : household.status === 'NON_POOR'),
            { path: ['kind'], message: '抽样类别与该户贫困状态不符' },
          ),
        {
          ...input,
          respondentName:
            input.respondentName ?? household?.members.find((m) => m.relation === 'HEAD')?.name ?? '',
          persons: input.persons ?? household?.members.length ?? 0,
          wrongExit: input.wrongExit ?? null,
          missed: input.missed ?? null,
          notes: input.notes ?? '',
        },
      );
      const surveyedOn = actedOn(input.date);
      const id = await ctx.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(surveySamples)
          .values({
            countyId: village.countyId!,
            regionPath: village.regionPath,
            villageId: village.id,
            householdId: household?.id ?? null,
            ...values,
            surveyedOn,
            surveyorUserId: ctx.viewer!.id,
          })
          .returning();
        await writeAudit(tx, ctx.viewer, {
          action: 'survey-sample.record',
          entityType: 'SurveySample',
          entityId: created!.id,
          regionPath: village.regionPath,
          after: created,
        });
        return created!.id;
      });
      return (await ctx.db.query.surveySamples.findFirst(query({ where: { id } })))!;
    },
  }),
  setVillagePopulation: t.boolean({
    description: '登记或修改村农业户籍人口',
    authScopes: { permission: 'verification.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: VillagePopulationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const values = validate(
        z.object({
          year: yearSchema,
          ruralPopulation: z.number().int().min(1, '须大于0').max(1_000_000),
          ruralHouseholds: z.number().int().min(1, '须大于0').max(1_000_000),
        }),
        input,
      );
      const village = await writableVillage(ctx, Number(input.villageId.id));
      await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(villagePopulations)
          .values({
            countyId: village.countyId!,
            regionPath: village.regionPath,
            villageId: village.id,
            ...values,
          })
          .onConflictDoUpdate({
            target: [villagePopulations.villageId, villagePopulations.year],
            set: {
              ruralPopulation: values.ruralPopulation,
              ruralHouseholds: values.ruralHouseholds,
              version: sql`${villagePopulations.version} + 1`,
              updatedAt: sql`now()`,
            },
          })
          .returning();
        await writeAudit(tx, ctx.viewer, {
          action: 'village-population.set',
          entityType: 'VillagePopulation',
          entityId: row!.id,
          regionPath: village.regionPath,
          after: row,
        });
      });
      return true;
    },
  }),
}));
