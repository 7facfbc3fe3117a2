import { sql } from 'drizzle-orm';
import { pathPrefix } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { oncePerRequest } from '../../shared/once-per-request';
import { rowsOf } from '../../shared/rows';
import { MeetingTypeEnum } from '../work-advancement/meeting';
import { Cockpit, type CockpitScope, sectionKey } from './scope';

/**
 * 组织与工作推进: villages by kind, units and cadres as registered, and the meetings held on or before
 * the day by type (the county's own records sit at the county, so a township shows none). One statement.
 */

export interface OrganisationFigures {
  villages: number;
  poorVillages: number;
  nonPoorWithPoor: number;
  nonPoor: number;
  communities: number;
  units: number;
  cadres: number;
  combatGroups: number;
  meetings: { type: string; count: number }[];
}

export function organisationFigures(ctx: Context, scope: CockpitScope): Promise<OrganisationFigures> {
  return oncePerRequest(ctx, sectionKey('organisation', scope), async () => {
    const prefix = pathPrefix(scope.regionPath);
    const row = rowsOf<Record<string, unknown>>(
      await ctx.db.execute(sql`select
        (select count(*) from regions where region_path like ${prefix} and level = 'VILLAGE')::int as "villages",
        (select count(*) from regions where region_path like ${prefix} and village_kind = 'POOR_VILLAGE')::int as "poorVillages",
        (select count(*) from regions where region_path like ${prefix} and village_kind = 'NON_POOR_WITH_POOR')::int as "nonPoorWithPoor",
        (select count(*) from regions where region_path like ${prefix} and village_kind = 'NON_POOR')::int as "nonPoor",
        (select count(*) from regions where region_path like ${prefix} and village_kind = 'COMMUNITY')::int as "communities",
        (select count(*) from units where region_path like ${prefix})::int as "units",
        (select count(*) from cadres where region_path like ${prefix})::int as "cadres",
        (select count(*) from combat_groups where region_path like ${prefix})::int as "combatGroups",
        (select coalesce(json_agg(json_build_object('type', m.type, 'count', m.n) order by m.type), '[]')
          from (select type, count(*)::int as n from meetings
                where region_path like ${prefix} and held_on <= ${scope.asOf}::date group by type) m) as "meetings"`),
    )[0]!;
    const n = (key: string) => Number(row[key] ?? 0);
    return {
      villages: n('villages'),
      poorVillages: n('poorVillages'),
      nonPoorWithPoor: n('nonPoorWithPoor'),
      nonPoor: n('nonPoor'),
      communities: n('communities'),
      units: n('units'),
      cadres: n('cadres'),
      combatGroups: n('combatGroups'),
      meetings: (row.meetings as { type: string; count: number }[]) ?? [],
    };
  });
}

const MeetingCountRef = builder.objectRef<{ type: string; count: number }>('CockpitMeetingCount').implement({
  description: '会议次数 (meetings of one type held on or before the day)',
  fields: (t) => ({
    type: t.field({ type: MeetingTypeEnum, resolve: (m) => m.type as never }),
    count: t.exposeInt('count', { description: '次数' }),
  }),
});

const OrganisationRef = builder.objectRef<OrganisationFigures>('CockpitOrganisation').implement({
  description: '组织与工作推进 (villages, units, cadres, combat groups and meetings)',
  fields: (t) => ({
    villages: t.exposeInt('villages', { description: '村(社区)数' }),
    poorVillages: t.exposeInt('poorVillages', { description: '贫困村数' }),
    nonPoorWithPoor: t.exposeInt('nonPoorWithPoor', { description: '有贫困人口的非贫困村数' }),
    nonPoor: t.exposeInt('nonPoor', { description: '非贫困村数' }),
    communities: t.exposeInt('communities', { description: '社区数' }),
    units: t.exposeInt('units', { description: '单位数' }),
    cadres: t.exposeInt('cadres', { description: '干部数' }),
    combatGroups: t.exposeInt('combatGroups', { description: '战斗组数' }),
    meetings: t.field({ type: [MeetingCountRef], description: '会议 (by type)', resolve: (o) => o.meetings }),
  }),
});

builder.objectFields(Cockpit, (t) => ({
  organisation: t.field({
    type: OrganisationRef,
    description: '组织与工作推进 (one statement)',
    resolve: (scope, _args, ctx) => organisationFigures(ctx, scope),
  }),
}));
