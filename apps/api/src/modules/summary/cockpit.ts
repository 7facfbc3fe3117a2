import { parseCalendarDate } from '@gongjian/rules';
import { builder } from '../../builder';
import { NotFoundError, ValidationError } from '../../errors';
import { clock, policyForYear, runRule } from '../../policy';
import { Region } from '../geography/region';
import { Cockpit, type CockpitScope } from './scope';

/**
 * 领导驾驶舱: the live picture of a county, township or village on a day (today by default). Every figure is
 * counted from the tables when asked, as of the day from the records' own dates; each section is one
 * statement whatever the size of the county.
 */

const FIRST_DAY = '2014-01-01';

Cockpit.implement({
  description:
    '领导驾驶舱 (cockpit: households, rates, assistance, tasks, funds and projects of a region on a day, with warnings and trends)',
  fields: (t) => ({
    asOf: t.field({ type: 'Date', description: '统计日期', resolve: (s) => s.asOf }),
    year: t.exposeInt('year', { description: '统计年度' }),
    month: t.exposeString('month', { description: '统计月份 (YYYY-MM; the visits of this month)' }),
    region: t.drizzleField({
      type: Region,
      description: '统计范围 (县、乡镇或村)',
      resolve: async (query, scope, _args, ctx) =>
        (await ctx.db.query.regions.findFirst(query({ where: { id: scope.regionId } })))!,
    }),
  }),
});

builder.queryField('cockpit', (t) =>
  t.field({
    type: Cockpit,
    description:
      '领导驾驶舱 (for your jurisdiction or a township or village in it, today or as of a past day since 2014)',
    authScopes: { permission: 'summary.read' },
    args: {
      regionId: t.arg.globalID({ required: false, for: [Region], description: '范围 (默认您的管辖范围)' }),
      asOf: t.arg({ type: 'Date', required: false, description: '统计日期 (默认今天; 2014-01-01 起)' }),
    },
    resolve: async (_root, args, ctx): Promise<CockpitScope> => {
      const viewer = ctx.viewer!;
      const id = args.regionId ? Number(args.regionId.id) : viewer.jurisdictionId;
      const region = await ctx.db.query.regions.findFirst({
        where: { id },
        columns: { id: true, regionPath: true, level: true, name: true, code: true },
      });
      if (!region?.regionPath.startsWith(viewer.regionPath)) throw new NotFoundError('区划', String(id));
      if (region.level !== 'COUNTY' && region.level !== 'TOWNSHIP' && region.level !== 'VILLAGE')
        throw ValidationError.field('regionId', '驾驶舱只统计县、乡镇或村');
      const today = clock.today();
      const asOf = args.asOf ?? today;
      if (asOf > today) throw ValidationError.field('asOf', `统计日期不能晚于今天 (${today})`);
      if (asOf < FIRST_DAY) throw ValidationError.field('asOf', `统计日期不能早于 ${FIRST_DAY}`);
      const date = parseCalendarDate(asOf);
      return {
        regionId: region.id,
        regionPath: region.regionPath,
        level: region.level,
        name: region.name,
        code: region.code,
        asOf,
        year: date.year,
        month: asOf.slice(0, 7),
        policy: runRule(() => policyForYear(date.year, region.code)),
      };
    },
  }),
);
