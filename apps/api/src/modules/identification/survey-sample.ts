import { surveySamples, villagePopulations } from '@gongjian/db/schema';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder';
import { ValidationError } from '../../errors';
import { actedOn } from '../../shared/dates';
import { WRITE_ERRORS } from '../../shared/error-types';
import { validate } from '../../shared/validate';
import { referencedRow } from '../../spine/load';
import { nextVersion, reread, writeAudited } from '../../spine/write';
import { Region, writableVillage } from '../geography/region';
import { SurveySampleKindEnum } from './enums';
import { yearRegionFilter } from './exit-verification';
import { Household } from './household';
import { readable } from './policy';
import { nameSchema, yearSchema } from './validation';

/** Survey samples (抽样调查) and village populations, the evidence behind 漏评率, 认可度 and the incidence. */

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

builder.queryFields((t) => ({
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
      if (input.householdId)
        referencedRow(household, {
          entity: '农户',
          argument: 'householdId',
          id: Number(input.householdId.id),
        });
      if (household && household.villageId !== village.id)
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
      const id = await writeAudited(ctx, async (tx) => {
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
        const audit = { action: 'survey-sample.record', entityType: 'SurveySample', after: created };
        return {
          id: created!.id,
          audit: { ...audit, entityId: created!.id, regionPath: village.regionPath },
        };
      });
      return reread(ctx.db.query.surveySamples.findFirst(query({ where: { id } })), '抽样调查', id);
    },
  }),
  setVillagePopulation: t.boolean({
    description: '登记或修改村农业户籍人口',
    authScopes: { permission: 'verification.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: VillagePopulationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const village = await writableVillage(ctx, Number(input.villageId.id));
      const values = validate(
        z.object({
          year: yearSchema,
          ruralPopulation: z.number().int().min(1, '须大于0').max(1_000_000),
          ruralHouseholds: z.number().int().min(1, '须大于0').max(1_000_000),
        }),
        input,
      );
      await writeAudited(ctx, async (tx) => {
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
              ...nextVersion(villagePopulations),
            },
          })
          .returning();
        const audit = { action: 'village-population.set', entityType: 'VillagePopulation', after: row };
        return { id: row!.id, audit: { ...audit, entityId: row!.id, regionPath: village.regionPath } };
      });
      return true;
    },
  }),
}));
