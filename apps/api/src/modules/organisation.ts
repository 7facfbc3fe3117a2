import { cadres, units } from '@gongjian/db/schema';
import { and, eq, ilike, sql } from 'drizzle-orm';
import { insideJurisdiction, pathPrefix } from '../auth/jurisdiction';
import { maskPhone } from '../auth/masking';
import { builder } from '../builder';
import type { Context } from '../context';
import { ForbiddenError, ValidationError } from '../errors';
import { oncePerRequest } from './common';
import { Region } from './geography';

export const UnitKindEnum = builder.enumType('UnitKind', {
  description: '单位类别',
  values: {
    COUNTY_LEADERSHIP: { description: '县领导班子' },
    COUNTY_DEPARTMENT: { description: '县直部门 (行业扶贫部门)' },
    BACKING_UNIT: { description: '后盾单位' },
    TOWNSHIP_GOVERNMENT: { description: '乡镇政府' },
    WORK_STATION: { description: '扶贫工作站' },
    VILLAGE_COMMITTEE: { description: '村委会' },
  },
});

export const BackingLevelEnum = builder.enumType('BackingLevel', {
  description: '后盾单位级别',
  values: {
    NATIONAL: { description: '中央/国家单位' },
    PROVINCIAL: { description: '省直单位' },
    CITY: { description: '市直单位' },
    COUNTY: { description: '县直单位' },
  },
});

export const Unit = builder.drizzleNode('units', {
  name: 'Unit',
  description:
    '单位 (a unit: leadership, department, backing unit, township government, work station, village committee)',
  id: { column: (u) => u.id },
  authScopes: (unit) => ({ jurisdiction: unit.regionPath }),
  fields: (t) => ({
    name: t.exposeString('name', { description: '单位名称' }),
    kind: t.expose('kind', { type: UnitKindEnum, description: '单位类别' }),
    backingLevel: t.expose('backingLevel', {
      type: BackingLevelEnum,
      nullable: true,
      description: '后盾单位级别',
    }),
    region: t.relation('region', { type: Region, description: '所在区划' }),
    cadres: t.relatedConnection('cadres', {
      description: '本单位干部',
      totalCount: true,
      query: { orderBy: { id: 'asc' } },
    }),
    cadreCount: t.relatedCount('cadres', { description: '干部人数' }),
    version: t.exposeInt('version', { description: '版本号 (send it back when editing)' }),
  }),
});

export const Cadre = builder.drizzleNode('cadres', {
  name: 'Cadre',
  description: '干部 (a person working in the campaign)',
  id: { column: (c) => c.id },
  authScopes: (cadre) => ({ jurisdiction: cadre.regionPath }),
  fields: (t) => ({
    name: t.exposeString('name', { description: '姓名' }),
    post: t.exposeString('post', { description: '职务' }),
    phone: t.string({
      nullable: true,
      description:
        '联系电话 (always masked, e.g. 138****1234; use revealCadrePhone to see it, which is logged)',
      select: { columns: { phone: true } },
      resolve: (cadre) => maskPhone(cadre.phone),
    }),
    unit: t.relation('unit', { type: Unit, description: '所在单位' }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

interface UnitListArgs {
  regionId?: { id: number } | null;
  kind?: (typeof units.$inferSelect)['kind'] | null;
  search?: string | null;
}

function unitListFilter(table: typeof units, ctx: Context, args: UnitListArgs, regionPath: string | null) {
  const term = args.search?.trim().slice(0, 50);
  return and(
    sql`${table.regionPath} like ${pathPrefix(ctx.viewer?.regionPath ?? '/0/')}`,
    regionPath ? sql`${table.regionPath} like ${pathPrefix(regionPath)}` : undefined,
    args.kind ? eq(table.kind, args.kind) : undefined,
    term ? ilike(table.name, `%${term}%`) : undefined,
  );
}

interface CadreListArgs {
  unitId?: { id: number } | null;
  regionId?: { id: number } | null;
  search?: string | null;
}

function cadreListFilter(table: typeof cadres, ctx: Context, args: CadreListArgs, regionPath: string | null) {
  const term = args.search?.trim().slice(0, 50);
  return and(
    sql`${table.regionPath} like ${pathPrefix(ctx.viewer?.regionPath ?? '/0/')}`,
    regionPath ? sql`${table.regionPath} like ${pathPrefix(regionPath)}` : undefined,
    args.unitId ? eq(table.unitId, Number(args.unitId.id)) : undefined,
    term ? sql`(${ilike(table.name, `%${term}%`)} or ${ilike(table.post, `%${term}%`)})` : undefined,
  );
}

/** The path of a region the viewer asked to filter by (or null for "whole jurisdiction"). */
async function regionPathOf(ctx: Context, regionId: { id: number } | null | undefined) {
  if (!regionId) return null;
  return oncePerRequest(ctx, `regionPath:${regionId.id}`, async () => {
    const region = await ctx.db.query.regions.findFirst({
      columns: { regionPath: true },
      where: { id: Number(regionId.id) },
    });
    return region?.regionPath ?? '/0/';
  });
}

builder.queryFields((t) => ({
  units: t.drizzleConnection({
    type: 'units',
    description: '单位列表 (units in your jurisdiction; filter by region, kind and name)',
    args: {
      regionId: t.arg.globalID({ required: false, for: [Region], description: '该区划及其下级的单位' }),
      kind: t.arg({ type: UnitKindEnum, required: false }),
      search: t.arg.string({ required: false, description: '按单位名称搜索' }),
    },
    totalCount: async (_parent, args, ctx) =>
      ctx.db.$count(units, unitListFilter(units, ctx, args, await regionPathOf(ctx, args.regionId))),
    resolve: async (query, _root, args, ctx) => {
      const regionPath = await regionPathOf(ctx, args.regionId);
      return await ctx.db.query.units.findMany(
        query({
          where: { RAW: (table) => unitListFilter(table, ctx, args, regionPath)! },
          orderBy: { id: 'asc' },
        }),
      );
    },
  }),
  cadres: t.drizzleConnection({
    type: 'cadres',
    description: '干部列表 (cadres in your jurisdiction; filter by unit, region subtree and name or post)',
    args: {
      unitId: t.arg.globalID({ required: false, for: [Unit] }),
      regionId: t.arg.globalID({ required: false, for: [Region], description: '该区划及其下级' }),
      search: t.arg.string({ required: false, description: '按姓名或职务搜索' }),
    },
    totalCount: async (_parent, args, ctx) =>
      ctx.db.$count(cadres, cadreListFilter(cadres, ctx, args, await regionPathOf(ctx, args.regionId))),
    resolve: async (query, _root, args, ctx) => {
      const regionPath = await regionPathOf(ctx, args.regionId);
      return await ctx.db.query.cadres.findMany(
        query({
          where: { RAW: (table) => cadreListFilter(table, ctx, args, regionPath)! },
          orderBy: { id: 'asc' },
        }),
      );
    },
  }),
}));

/** Loads a region for a write and checks it lies inside the viewer's jurisdiction. */
export async function writableRegion(ctx: Context, regionId: number, field: string) {
  const region = await ctx.db.query.regions.findFirst({ where: { id: regionId } });
  if (!region) throw ValidationError.field(field, '区划不存在');
  if (!insideJurisdiction(ctx.viewer, region.regionPath))
    throw new ForbiddenError('该区划不在您的管辖范围内');
  if (region.countyId === null) throw ValidationError.field(field, '单位须设在县及以下区划');
  return region;
}
