import { householdMembers, households, sectorRecordKind, sectorRecords } from '@gongjian/db/schema';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, inRegionSubtree } from '../../auth/jurisdiction';
import { maskIdNumber } from '../../auth/masking';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { actedOn } from '../../shared/dates';
import { WRITE_ERRORS } from '../../shared/error-types';
import { fenToYuan } from '../../shared/money';
import { validate } from '../../shared/validate';
import { writeAudited } from '../../spine/write';
import { Region } from '../geography/region';
import { SectorRecordKindEnum } from './enums';
import { householdListFilter } from './household';
import {
  BusinessKindEnum,
  BusinessRecordInput,
  detailsForKind,
  TownPropertyKindEnum,
  TownPropertyRecordInput,
  typedDetailsSchema,
  VehicleKindEnum,
  VehicleRecordInput,
} from './sector-details';

/** Sector data (部门比对数据) the exclusion screening matches against registered members. */

type Details = Record<string, string | number | boolean>;

const VehicleRecord = builder.objectRef<Details>('VehicleRecord').implement({
  description: '车辆 (the typed facts of a VEHICLE record)',
  fields: (t) => ({
    vehicleKind: t.field({
      type: VehicleKindEnum,
      nullable: true,
      resolve: (d) => (d.vehicleKind as never) ?? null,
    }),
    purchasePriceYuan: t.string({
      nullable: true,
      description: '购置价 (元)',
      resolve: (d) => (typeof d.purchasePriceFen === 'number' ? fenToYuan(d.purchasePriceFen) : null),
    }),
    productive: t.boolean({ description: '生产经营用车', resolve: (d) => d.productive === true }),
  }),
});

const TownPropertyRecord = builder.objectRef<Details>('TownPropertyRecord').implement({
  description: '城镇房产 (the typed facts of a TOWN_PROPERTY record)',
  fields: (t) => ({
    propertyKind: t.field({
      type: TownPropertyKindEnum,
      nullable: true,
      resolve: (d) => (d.propertyKind as never) ?? null,
    }),
  }),
});

const BusinessRecord = builder.objectRef<Details>('BusinessRecord').implement({
  description: '工商登记 (the typed facts of a BUSINESS record)',
  fields: (t) => ({
    businessKind: t.field({
      type: BusinessKindEnum,
      nullable: true,
      resolve: (d) => (d.businessKind as never) ?? null,
    }),
    registered: t.boolean({ description: '已工商注册', resolve: (d) => d.registered === true }),
    operating: t.boolean({ description: '正在经营', resolve: (d) => d.operating !== false }),
  }),
});

/** Read like the screening that uses them: the screening roles, inside their jurisdiction. */
const readableRecord = (row: { regionPath: string }) => ({
  $all: { jurisdiction: row.regionPath, permission: 'exclusion.screen' as const },
});

export const SectorRecord = builder.drizzleNode('sectorRecords', {
  name: 'SectorRecord',
  description: '部门比对数据 (one sector fact about a person, keyed by ID number)',
  id: { column: (r) => r.id },
  authScopes: readableRecord,
  fields: (t) => ({
    kind: t.expose('kind', { type: SectorRecordKindEnum, description: '类别' }),
    idNumber: t.string({
      description: '身份证号 (masked)',
      select: { columns: { idNumber: true } },
      resolve: (r) => maskIdNumber(r.idNumber)!,
    }),
    source: t.exposeString('source', { description: '数据来源部门' }),
    recordedOn: t.expose('recordedOn', { type: 'Date', description: '录入日期' }),
    vehicle: t.field({
      type: VehicleRecord,
      nullable: true,
      select: { columns: { kind: true, details: true } },
      resolve: (r) => (r.kind === 'VEHICLE' ? r.details : null),
    }),
    townProperty: t.field({
      type: TownPropertyRecord,
      nullable: true,
      select: { columns: { kind: true, details: true } },
      resolve: (r) => (r.kind === 'TOWN_PROPERTY' ? r.details : null),
    }),
    business: t.field({
      type: BusinessRecord,
      nullable: true,
      select: { columns: { kind: true, details: true } },
      resolve: (r) => (r.kind === 'BUSINESS' ? r.details : null),
    }),
  }),
});

/** The list's filter, for its page and its count: jurisdiction, kind, region and the household searched for. */
function sectorRecordFilter(
  table: typeof sectorRecords,
  ctx: Context,
  args: {
    kind?: (typeof sectorRecordKind.enumValues)[number] | null;
    regionId?: { id: string | number } | null;
    search?: string | null;
  },
) {
  const search = args.search?.trim();
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
    inRegionSubtree(table.regionPath, args.regionId),
    args.kind ? eq(table.kind, args.kind) : undefined,
    search
      ? inArray(
          table.idNumber,
          ctx.db
            .select({ idNumber: householdMembers.idNumber })
            .from(householdMembers)
            .where(
              inArray(
                householdMembers.householdId,
                ctx.db
                  .select({ id: households.id })
                  .from(households)
                  .where(householdListFilter(households, ctx.viewer!, { search })),
              ),
            ),
        )
      : undefined,
  );
}

builder.queryFields((t) => ({
  sectorRecords: t.drizzleConnection({
    type: 'sectorRecords',
    description: '部门比对数据列表 (kind, region and a household search; ID numbers masked)',
    authScopes: { permission: 'exclusion.screen' },
    args: {
      kind: t.arg({ type: SectorRecordKindEnum, required: false }),
      regionId: t.arg.globalID({
        required: false,
        for: [Region],
        description: '录入单位所在乡镇或村 (含下级)',
      }),
      search: t.arg.string({ required: false, description: '户主姓名、户编号或身份证号后四位' }),
    },
    totalCount: (_p, args, ctx) => ctx.db.$count(sectorRecords, sectorRecordFilter(sectorRecords, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.sectorRecords.findMany(
        query({ where: { RAW: (table) => sectorRecordFilter(table, ctx, args)! }, orderBy: { id: 'desc' } }),
      ),
  }),
}));

const SectorRecordInput = builder.inputType('SectorRecordInput', {
  description:
    '录入一条部门比对数据 (keyed by ID number; kinds VEHICLE, TOWN_PROPERTY and BUSINESS carry their typed object)',
  fields: (t) => ({
    idNumber: t.string({ required: true }),
    kind: t.field({ type: SectorRecordKindEnum, required: true }),
    vehicle: t.field({ type: VehicleRecordInput, required: false }),
    townProperty: t.field({ type: TownPropertyRecordInput, required: false }),
    business: t.field({ type: BusinessRecordInput, required: false }),
    details: t.field({
      type: 'JSON',
      required: false,
      description: '记录详情 (an object of strings, numbers and booleans)',
      deprecationReason: 'use vehicle, townProperty or business',
    }),
    detailsJson: t.string({ required: false, deprecationReason: 'use details' }),
    source: t.string({ required: true, description: '数据来源部门' }),
    recordedOn: t.field({ type: 'Date', required: false }),
  }),
});

builder.mutationFields((t) => ({
  recordSectorData: t.boolean({
    description: '录入部门比对数据 (财政供养、车辆、房产、工商登记…; used by the next screening)',
    authScopes: { permission: 'exclusion.decide' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: SectorRecordInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const values = validate(
        z.object({
          idNumber: z
            .string()
            .trim()
            .toUpperCase()
            .regex(/^\d{17}[\dX]$/, '身份证号应为18位'),
          kind: z.enum(sectorRecordKind.enumValues),
          source: z.string().trim().min(2).max(60),
          detailsJson: z.string().max(2000).nullish(),
          details: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()])).nullish(),
        }),
        input,
      );
      let legacy: Record<string, string | number | boolean> | null = values.details ?? null;
      try {
        if (!legacy && values.detailsJson) legacy = JSON.parse(values.detailsJson);
      } catch {
        throw ValidationError.field('detailsJson', '不是有效的JSON');
      }
      const stored = detailsForKind(values.kind, validate(typedDetailsSchema, input), legacy);
      if ('issues' in stored) throw new ValidationError(stored.issues);
      const { details } = stored;
      const recordedOn = actedOn(input.recordedOn, 'recordedOn');
      const { countyId, regionPath } = ctx.viewer!;
      await writeAudited(ctx, async (tx) => {
        const { idNumber, kind, source } = values;
        const [created] = await tx
          .insert(sectorRecords)
          .values({ countyId: countyId!, regionPath, idNumber, kind, details, source, recordedOn })
          .returning();
        const after = { ...created, idNumber: '(masked)' };
        return {
          id: created!.id,
          audit: {
            action: 'sector-data.record',
            entityType: 'SectorRecord',
            entityId: created!.id,
            regionPath,
            after,
          },
        };
      });
      return true;
    },
  }),
}));
