import { regions, units, cadres } from '@gongjian/db/schema';
import { sql } from 'drizzle-orm';
import { pathPrefix, regionVisible } from '../auth/jurisdiction';
import { builder } from '../builder';
import type { Context } from '../context';
import { ForbiddenError, NotFoundError } from '../errors';
import { Region } from './geography';

type RegionRow = typeof regions.$inferSelect;

interface TownshipRow {
  township: RegionRow;
  poorVillages: number;
  nonPoorWithPoor: number;
  nonPoor: number;
  communities: number;
  unitCount: number;
  cadreCount: number;
}

interface OrganisationSummaryShape {
  regionId: number;
  townships: TownshipRow[];
}

const TownshipSummary = builder.objectRef<TownshipRow>('TownshipSummary').implement({
  description: '乡镇汇总 (one township in the organisation summary)',
  fields: (t) => ({
    township: t.field({ type: Region, description: '乡镇', resolve: (row) => row.township }),
    poorVillages: t.exposeInt('poorVillages', { description: '贫困村数' }),
    nonPoorWithPoor: t.exposeInt('nonPoorWithPoor', { description: '有贫困人口的非贫困村数' }),
    nonPoor: t.exposeInt('nonPoor', { description: '非贫困村数' }),
    communities: t.exposeInt('communities', { description: '社区数' }),
    unitCount: t.exposeInt('unitCount', { description: '单位数 (township and its villages)' }),
    cadreCount: t.exposeInt('cadreCount', { description: '干部数' }),
  }),
});

const sum = (rows: TownshipRow[], pick: (row: TownshipRow) => number) => rows.reduce((n, row) => n + pick(row), 0);

const OrganisationSummary = builder.objectRef<OrganisationSummaryShape & { unitTotal: number; cadreTotal: number }>('OrganisationSummary').implement({
  description: '组织机构汇总 (computed live: villages by kind per township, units and cadres)',
  fields: (t) => ({
    region: t.drizzleField({
      type: Region,
      description: '汇总范围',
      resolve: async (query, summary, _args, ctx) =>
        (await ctx.db.query.regions.findFirst(query({ where: { id: summary.regionId } })))!,
    }),
    villageCount: t.int({
      description: '村(社区)总数',
      resolve: (s) => sum(s.townships, (r) => r.poorVillages + r.nonPoorWithPoor + r.nonPoor + r.communities),
    }),
    poorVillageCount: t.int({ description: '贫困村数', resolve: (s) => sum(s.townships, (r) => r.poorVillages) }),
    nonPoorWithPoorCount: t.int({
      description: '有贫困人口的非贫困村数',
      resolve: (s) => sum(s.townships, (r) => r.nonPoorWithPoor),
    }),
    unitCount: t.int({ description: '单位总数 (incl. county-level units in scope)', resolve: (s) => s.unitTotal }),
    cadreCount: t.int({ description: '干部总数', resolve: (s) => s.cadreTotal }),
    townships: t.field({ type: [TownshipSummary], description: '分乡镇', resolve: (s) => s.townships }),
  }),
});

/**
 * One statement: per township under the scope, village counts by kind and unit and cadre counts of
 * its subtree; plus, in the same statement, the totals for the whole scope.
 */
async function loadSummary(ctx: Context, scopePath: string) {
  const prefix = pathPrefix(scopePath);
  const result = await ctx.db.execute<{
    township_id: number | null;
    poor: number;
    non_poor_with_poor: number;
    non_poor: number;
    communities: number;
    unit_count: number;
    cadre_count: number;
  }>(sql`
    with scoped_townships as (
      select id, region_path, sort_order from ${regions}
      where level = 'TOWNSHIP' and (region_path like ${prefix} or ${scopePath} like region_path || '%')
    ),
    per_township as (
      select t.id as township_id, t.sort_order,
        (select count(*) from ${regions} v where v.parent_id = t.id and v.village_kind = 'POOR_VILLAGE')::int as poor,
        (select count(*) from ${regions} v where v.parent_id = t.id and v.village_kind = 'NON_POOR_WITH_POOR')::int as non_poor_with_poor,
        (select count(*) from ${regions} v where v.parent_id = t.id and v.village_kind = 'NON_POOR')::int as non_poor,
        (select count(*) from ${regions} v where v.parent_id = t.id and v.village_kind = 'COMMUNITY')::int as communities,
        (select count(*) from ${units} u where u.region_path like t.region_path || '%')::int as unit_count,
        (select count(*) from ${cadres} c where c.region_path like t.region_path || '%')::int as cadre_count
      from scoped_townships t
    )
    select township_id, poor, non_poor_with_poor, non_poor, communities, unit_count, cadre_count
      from (select * from per_township order by sort_order, township_id) ordered
    union all
    select null, 0, 0, 0, 0,
      (select count(*) from ${units} where region_path like ${prefix})::int,
      (select count(*) from ${cadres} where region_path like ${prefix})::int
    `);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    township_id: number | null;
    poor: number;
    non_poor_with_poor: number;
    non_poor: number;
    communities: number;
    unit_count: number;
    cadre_count: number;
  }[];
  const totals = rows.find((r) => r.township_id === null)!;
  const townshipRows = rows.filter((r) => r.township_id !== null);
  const townshipRegions = await ctx.db.query.regions.findMany({
    where: { id: { in: townshipRows.map((r) => r.township_id!) } },
  });
  const regionById = new Map(townshipRegions.map((r) => [r.id, r]));
  return {
    townships: townshipRows
      .map((r) => ({
        township: regionById.get(r.township_id!)!,
        poorVillages: r.poor,
        nonPoorWithPoor: r.non_poor_with_poor,
        nonPoor: r.non_poor,
        communities: r.communities,
        unitCount: r.unit_count,
        cadreCount: r.cadre_count,
      })),
    unitTotal: totals.unit_count,
    cadreTotal: totals.cadre_count,
  };
}

builder.queryField('organisationSummary', (t) =>
  t.field({
    type: OrganisationSummary,
    description: '组织机构汇总 (for the leadership client; defaults to your whole jurisdiction)',
    args: { regionId: t.arg.globalID({ required: false, for: [Region] }) },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer!;
      let regionId = viewer.jurisdictionId;
      let scopePath = viewer.regionPath;
      if (args.regionId) {
        const region = await ctx.db.query.regions.findFirst({ where: { id: Number(args.regionId.id) } });
        if (!region) throw new NotFoundError('区划', String(args.regionId.id));
        if (!region.regionPath.startsWith(viewer.regionPath)) {
          throw regionVisible(viewer, region.regionPath) ? new ForbiddenError('只能汇总管辖范围内的区划') : new NotFoundError('区划', String(args.regionId.id));
        }
        regionId = region.id;
        scopePath = region.regionPath;
      }
      return { regionId, ...(await loadSummary(ctx, scopePath)) };
    },
  }),
);
