import { unitKind } from '@gongjian/db/schema';
import { z } from 'zod';
import { maskPhone } from '../../auth/masking';
import { column as col, type ExportSheet, exportSheet, param } from '../../shared/excel-export';
import { regionPathOf } from '../geography/region';
import { cadreListFilter } from './cadre';
import { unitListFilter } from './unit';

/** The unit and cadre registers as Excel (GET /export/units, /export/cadres), with the lists' own filters. */
export const ORGANISATION_SHEETS: Record<string, ExportSheet> = {
  units: exportSheet({
    title: '单位名册',
    columns: [
      col('单位名称', 'name', 36),
      col('类别', 'kind', 20),
      col('所在区划', 'region', 16),
      col('干部人数', 'cadres', 10),
    ],
    filter: z.object({
      regionId: param.globalId('Region'),
      kind: param.choice(unitKind.enumValues),
      search: param.search,
    }),
    rows: async (ctx, args, offset, limit) => {
      const regionPath = await regionPathOf(ctx, args.regionId);
      const rows = await ctx.db.query.units.findMany({
        where: { RAW: (t) => unitListFilter(t, ctx, args, regionPath)! },
        with: { region: { columns: { name: true } }, cadres: { columns: { id: true } } },
        orderBy: { id: 'asc' },
        offset,
        limit,
      });
      return rows.map((u) => ({
        name: u.name,
        kind: u.kind,
        region: u.region.name,
        cadres: u.cadres.length,
      }));
    },
  }),
  cadres: exportSheet({
    title: '干部名册',
    columns: [
      col('姓名', 'name', 12),
      col('职务', 'post', 24),
      col('所在单位', 'unit', 36),
      col('联系电话 (已脱敏)', 'phone', 16),
    ],
    filter: z.object({
      unitId: param.globalId('Unit'),
      regionId: param.globalId('Region'),
      search: param.search,
    }),
    rows: async (ctx, args, offset, limit) => {
      const regionPath = await regionPathOf(ctx, args.regionId);
      const rows = await ctx.db.query.cadres.findMany({
        where: { RAW: (t) => cadreListFilter(t, ctx, args, regionPath)! },
        with: { unit: { columns: { name: true } } },
        orderBy: { id: 'asc' },
        offset,
        limit,
      });
      return rows.map((c) => ({ name: c.name, post: c.post, unit: c.unit.name, phone: maskPhone(c.phone) }));
    },
  }),
};
