import { regions, units } from '@gongjian/db/schema';
import { and, eq, ilike, sql } from 'drizzle-orm';
import { inJurisdiction, jurisdictionWhere, NO_REGION } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { oncePerRequest } from '../../shared/once-per-request';
import { writableRow } from '../../spine/load';

export const RegionLevelEnum = builder.enumType('RegionLevel', {
  description: '行政区划层级 (level in the region tree)',
  values: {
    PROVINCE: { description: '省' },
    CITY: { description: '市' },
    COUNTY: { description: '县 (the tenant)' },
    TOWNSHIP: { description: '乡镇' },
    VILLAGE: { description: '行政村/社区' },
    GROUP: { description: '村民小组' },
  },
});

export const VillageKindEnum = builder.enumType('VillageKind', {
  description: '村类别 (kind of village)',
  values: {
    POOR_VILLAGE: { description: '贫困村' },
    NON_POOR_WITH_POOR: { description: '有贫困人口的非贫困村' },
    NON_POOR: { description: '非贫困村' },
    COMMUNITY: { description: '社区' },
  },
});

/**
 * Regions the viewer may list: inside the jurisdiction, or an ancestor of it (so that the county
 * above a township clerk shows only the branch leading to that township).
 */
export function visibleRegionsWhere(ctx: Context) {
  const viewerPath = ctx.viewer?.regionPath ?? NO_REGION;
  return {
    OR: [
      jurisdictionWhere(ctx.viewer),
      { RAW: (table: typeof regions) => sql`${viewerPath} like ${table.regionPath} || '%'` },
    ],
  };
}

export const Region = builder.drizzleNode('regions', {
  name: 'Region',
  description: '行政区划 (a region: province, city, county, township, village or group)',
  id: { column: (r) => r.id },
  authScopes: (region) => ({ regionVisible: region.regionPath }),
  fields: (t) => ({
    code: t.exposeString('code', { description: '行政区划代码 (12-digit statistical code)' }),
    name: t.exposeString('name', { description: '名称' }),
    level: t.expose('level', { type: RegionLevelEnum, description: '层级' }),
    villageKind: t.expose('villageKind', {
      type: VillageKindEnum,
      nullable: true,
      description: '村类别 (villages only)',
    }),
    parent: t.relation('parent', { nullable: true, description: '上级区划' }),
    children: t.relatedConnection('children', {
      description: '下级区划 (filtered to your jurisdiction)',
      args: { level: t.arg({ type: RegionLevelEnum, required: false }) },
      totalCount: true,
      query: (args, ctx) => ({
        where: { AND: [visibleRegionsWhere(ctx), args.level ? { level: args.level } : {}] },
        orderBy: { sortOrder: 'asc', id: 'asc' },
      }),
    }),
    unitCount: t.relatedCount('units', {
      description: '本区划单位数 (units located in this region, within your jurisdiction)',
      where: (_args, ctx) => inJurisdiction(units.regionPath, ctx.viewer),
    }),
  }),
});

interface RegionListArgs {
  parentId?: { id: number } | null;
  level?: 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE' | 'GROUP' | null;
  kind?: 'POOR_VILLAGE' | 'NON_POOR_WITH_POOR' | 'NON_POOR' | 'COMMUNITY' | null;
  search?: string | null;
}

/** One filter for a region list and its count: jurisdiction, parent, level, kind, name or code. */
function regionListFilter(table: typeof regions, ctx: Context, args: RegionListArgs) {
  const term = args.search?.trim().slice(0, 50);
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
    args.parentId ? eq(table.parentId, Number(args.parentId.id)) : undefined,
    args.level ? eq(table.level, args.level) : undefined,
    args.kind ? eq(table.villageKind, args.kind) : undefined,
    term
      ? /^\d+$/.test(term)
        ? sql`(${ilike(table.name, `%${term}%`)} or ${table.code} like ${`${term}%`})`
        : ilike(table.name, `%${term}%`)
      : undefined,
  );
}

builder.queryFields((t) => ({
  region: t.drizzleField({
    type: 'regions',
    nullable: true,
    description: '按编号读取区划',
    args: { id: t.arg.globalID({ required: true, for: [Region] }) },
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.regions.findFirst(
        query({ where: { AND: [{ id: Number(args.id.id) }, visibleRegionsWhere(ctx)] } }),
      ),
  }),
  regions: t.drizzleConnection({
    type: 'regions',
    description: '区划列表 (regions in your jurisdiction; filter by parent, level and name)',
    args: {
      parentId: t.arg.globalID({ required: false, for: [Region] }),
      level: t.arg({ type: RegionLevelEnum, required: false }),
      search: t.arg.string({ required: false, description: '按名称或代码搜索' }),
    },
    totalCount: (_parent, args, ctx) => ctx.db.$count(regions, regionListFilter(regions, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.regions.findMany(
        query({
          where: { RAW: (table) => regionListFilter(table, ctx, args)! },
          orderBy: { sortOrder: 'asc', id: 'asc' },
        }),
      ),
  }),
  villages: t.drizzleConnection({
    type: 'regions',
    description: '村列表 (villages in your jurisdiction; filter by township, kind and name)',
    args: {
      townshipId: t.arg.globalID({ required: false, for: [Region] }),
      kind: t.arg({ type: VillageKindEnum, required: false }),
      search: t.arg.string({ required: false, description: '按名称或代码搜索' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(
        regions,
        regionListFilter(regions, ctx, { ...args, parentId: args.townshipId, level: 'VILLAGE' }),
      ),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.regions.findMany(
        query({
          where: {
            RAW: (table) =>
              regionListFilter(table, ctx, { ...args, parentId: args.townshipId, level: 'VILLAGE' })!,
          },
          orderBy: { parentId: 'asc', sortOrder: 'asc', id: 'asc' },
        }),
      ),
  }),
}));

/** The path of a region the viewer asked to filter by (or null for "whole jurisdiction"). */
export async function regionPathOf(ctx: Context, regionId: { id: number } | null | undefined) {
  if (!regionId) return null;
  return oncePerRequest(ctx, `regionPath:${regionId.id}`, async () => {
    const region = await ctx.db.query.regions.findFirst({
      columns: { regionPath: true },
      where: { id: Number(regionId.id) },
    });
    return region?.regionPath ?? NO_REGION;
  });
}

/** Load: a region inside the county and the viewer's jurisdiction that a write places a row in. */
export async function writableRegion(ctx: Context, id: number, argument: string) {
  const region = writableRow(ctx, await ctx.db.query.regions.findFirst({ where: { id } }), {
    entity: '区划',
    argument,
    id,
  });
  if (region.countyId === null) throw ValidationError.field(argument, '须为县及以下的区划');
  return region;
}

/** Loads a village for a write: it must be a village inside the viewer's jurisdiction. */
export async function writableVillage(ctx: Context, id: number) {
  const region = await ctx.db.query.regions.findFirst({ where: { id } });
  const village = writableRow(ctx, region, { entity: '村', argument: 'villageId', id });
  if (village.level !== 'VILLAGE' || village.countyId === null)
    throw ValidationError.field('villageId', '请选择一个村');
  return village;
}
