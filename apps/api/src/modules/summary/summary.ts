import { cadres, regions, units } from '@gongjian/db/schema';
import { sql } from 'drizzle-orm';
import { pathPrefix, regionVisible } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ForbiddenError, NotFoundError } from '../../errors';
import { oncePerRequest } from '../../shared/once-per-request';
import { Region } from '../geography/region';

const countVillages = (kind: string) => (table: typeof regions) =>
  sql<number>`(select count(*) from ${regions} v where v.parent_id = ${table.id} and v.village_kind = ${kind})`.mapWith(
    Number,
  );

/**
 * One township's row in the organisation summary: the township itself with its village counts by kind
 * and the units and cadres of its subtree, computed in the same statement that loads the township.
 */
const TownshipSummary = builder.drizzleObject('regions', {
  variant: 'TownshipSummary',
  description: '乡镇汇总 (one township: villages by kind, units and cadres of its subtree)',
  authScopes: (township) => ({ regionVisible: township.regionPath }),
  fields: (t) => ({
    township: t.variant(Region, { description: '乡镇' }),
    poorVillages: t.int({
      description: '贫困村数',
      select: { extras: { poorVillages: countVillages('POOR_VILLAGE') } },
      resolve: (r) => r.poorVillages,
    }),
    nonPoorWithPoor: t.int({
      description: '有贫困人口的非贫困村数',
      select: { extras: { nonPoorWithPoor: countVillages('NON_POOR_WITH_POOR') } },
      resolve: (r) => r.nonPoorWithPoor,
    }),
    nonPoor: t.int({
      description: '非贫困村数',
      select: { extras: { nonPoor: countVillages('NON_POOR') } },
      resolve: (r) => r.nonPoor,
    }),
    communities: t.int({
      description: '社区数',
      select: { extras: { communities: countVillages('COMMUNITY') } },
      resolve: (r) => r.communities,
    }),
    unitCount: t.int({
      description: '单位数 (township and its villages)',
      select: {
        extras: {
          unitCount: (table) =>
            sql<number>`(select count(*) from ${units} u where u.region_path like ${table.regionPath} || '%')`.mapWith(
              Number,
            ),
        },
      },
      resolve: (r) => r.unitCount,
    }),
    cadreCount: t.int({
      description: '干部数',
      select: {
        extras: {
          cadreCount: (table) =>
            sql<number>`(select count(*) from ${cadres} c where c.region_path like ${table.regionPath} || '%')`.mapWith(
              Number,
            ),
        },
      },
      resolve: (r) => r.cadreCount,
    }),
  }),
});

interface SummaryScope {
  regionId: number;
  regionPath: string;
}

const OrganisationSummary = builder.objectRef<SummaryScope>('OrganisationSummary').implement({
  description:
    '组织机构汇总 (computed live from the tables: villages by kind per township, units and cadres)',
  fields: (t) => ({
    region: t.drizzleField({
      type: Region,
      description: '汇总范围',
      resolve: async (query, scope, _args, ctx) =>
        (await ctx.db.query.regions.findFirst(query({ where: { id: scope.regionId } })))!,
    }),
    villageCount: t.int({
      description: '村(社区)总数',
      resolve: (scope, _args, ctx) => scopeTotal(ctx, scope, 'villages'),
    }),
    poorVillageCount: t.int({
      description: '贫困村数',
      resolve: (scope, _args, ctx) => scopeTotal(ctx, scope, 'poorVillages'),
    }),
    nonPoorWithPoorCount: t.int({
      description: '有贫困人口的非贫困村数',
      resolve: (scope, _args, ctx) => scopeTotal(ctx, scope, 'nonPoorWithPoor'),
    }),
    unitCount: t.int({
      description: '单位总数 (incl. county-level units when the scope is the county)',
      resolve: (scope, _args, ctx) => scopeTotal(ctx, scope, 'units'),
    }),
    cadreCount: t.int({
      description: '干部总数',
      resolve: (scope, _args, ctx) => scopeTotal(ctx, scope, 'cadres'),
    }),
    townships: t.drizzleField({
      type: [TownshipSummary],
      description: '分乡镇',
      resolve: async (query, scope, _args, ctx) =>
        await ctx.db.query.regions.findMany(
          query({
            where: {
              level: 'TOWNSHIP',
              RAW: (table) =>
                sql`(${table.regionPath} like ${pathPrefix(scope.regionPath)} or ${scope.regionPath} like ${table.regionPath} || '%')`,
            },
            orderBy: { sortOrder: 'asc', id: 'asc' },
          }),
        ),
    }),
  }),
});

type ScopeTotal = 'villages' | 'poorVillages' | 'nonPoorWithPoor' | 'units' | 'cadres';

/** The scope's totals share one statement per request: every count field reads the same row. */
function scopeTotal(ctx: Context, scope: SummaryScope, total: ScopeTotal): Promise<number> {
  const prefix = pathPrefix(scope.regionPath);
  const totals = oncePerRequest(ctx, `summary:${scope.regionPath}`, async () =>
    firstRow(
      await ctx.db.execute(sql`select
        (select count(*) from ${regions} where region_path like ${prefix} and level = 'VILLAGE')::int as "villages",
        (select count(*) from ${regions} where region_path like ${prefix} and village_kind = 'POOR_VILLAGE')::int as "poorVillages",
        (select count(*) from ${regions} where region_path like ${prefix} and village_kind = 'NON_POOR_WITH_POOR')::int as "nonPoorWithPoor",
        (select count(*) from ${units} where region_path like ${prefix})::int as "units",
        (select count(*) from ${cadres} where region_path like ${prefix})::int as "cadres"`),
    ),
  );
  return totals.then((row) => Number(row[total]));
}

/** postgres.js returns rows as an array, PGlite as `{ rows }`. */
export function firstRow(result: unknown): Record<string, unknown> {
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return rows[0] as Record<string, unknown>;
}

builder.queryField('organisationSummary', (t) =>
  t.field({
    type: OrganisationSummary,
    description: '组织机构汇总 (for the leadership client; defaults to your whole jurisdiction)',
    args: { regionId: t.arg.globalID({ required: false, for: [Region] }) },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer!;
      if (!args.regionId) return { regionId: viewer.jurisdictionId, regionPath: viewer.regionPath };
      const region = await ctx.db.query.regions.findFirst({ where: { id: args.regionId.id } });
      if (!region || !regionVisible(viewer, region.regionPath))
        throw new NotFoundError('区划', String(args.regionId.id));
      if (!region.regionPath.startsWith(viewer.regionPath))
        throw new ForbiddenError('只能汇总管辖范围内的区划');
      return { regionId: region.id, regionPath: region.regionPath };
    },
  }),
);
