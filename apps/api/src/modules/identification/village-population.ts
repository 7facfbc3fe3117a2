import { villagePopulations } from '@gongjian/db/schema';
import { and, eq } from 'drizzle-orm';
import { inJurisdiction, inRegionSubtree } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { viewerMayChange } from '../../spine/load';
import { Region } from '../geography/region';
import { readable } from './policy';

/** Village populations (村农业户籍人口), the denominator of the incidence; written by setVillagePopulation. */

export const VillagePopulation = builder.drizzleNode('villagePopulations', {
  name: 'VillagePopulation',
  description: '村农业户籍人口 (one village, one year)',
  id: { column: (v) => v.id },
  authScopes: readable,
  fields: (t) => ({
    village: t.relation('village', { type: Region, description: '村' }),
    year: t.exposeInt('year', { description: '年度' }),
    ruralPopulation: t.exposeInt('ruralPopulation', { description: '农业户籍人口' }),
    ruralHouseholds: t.exposeInt('ruralHouseholds', { description: '农业户籍户数' }),
    version: t.exposeInt('version', { description: '版本号' }),
    viewerCanEdit: t.boolean({
      description:
        '我可修改 (verification.write and the village inside your jurisdiction, as setVillagePopulation checks)',
      select: { columns: { regionPath: true } },
      resolve: (row, _args, ctx) => viewerMayChange(ctx, 'verification.write', row.regionPath),
    }),
  }),
});

function populationFilter(
  table: typeof villagePopulations,
  ctx: Context,
  args: { year?: number | null; regionId?: { id: string | number } | null },
) {
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
    inRegionSubtree(table.regionPath, args.regionId),
    args.year ? eq(table.year, args.year) : undefined,
  );
}

builder.queryFields((t) => ({
  villagePopulations: t.drizzleConnection({
    type: 'villagePopulations',
    description: '村人口列表 (per village and year)',
    authScopes: { permission: 'household.read' },
    args: {
      year: t.arg.int({ required: false }),
      regionId: t.arg.globalID({ required: false, for: [Region], description: '乡镇或村 (含下级)' }),
    },
    totalCount: (_p, args, ctx) =>
      ctx.db.$count(villagePopulations, populationFilter(villagePopulations, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.villagePopulations.findMany(
        query({
          where: { RAW: (table) => populationFilter(table, ctx, args)! },
          orderBy: { year: 'desc', id: 'desc' },
        }),
      ),
  }),
}));
