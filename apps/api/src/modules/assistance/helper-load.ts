import { cadres, pairings, regions, units } from '@gongjian/db/schema';
import { canAddPairing, type Decision } from '@gongjian/rules';
import { and, ilike, sql } from 'drizzle-orm';
import { visibleUpOrDown } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Viewer } from '../../context';
import { clock, policyForYear, runRule } from '../../policy';
import { RuleDecisionRef, RuleReasonRef } from '../../shared/rule-decisions';

/** 帮扶负担: how many households a cadre helps now, against the cap, as the pairing form shows before saving. */

interface HelperLoad {
  activeHouseholds: number;
  cap: number;
  decision: Decision<'PASS' | 'FAIL'>;
}

const HelperLoadRef = builder.objectRef<HelperLoad>('HelperLoad').implement({
  description: '帮扶责任人结对情况 (open pairings against the cap; PAIRING.CAP for one more household)',
  fields: (t) => ({
    activeHouseholds: t.exposeInt('activeHouseholds', { description: '在帮户数' }),
    cap: t.exposeInt('cap', { description: '结对上限 (户)' }),
    mayTakeMore: t.boolean({
      description: '可再结对一户',
      resolve: (l) => l.decision.outcome === 'PASS',
    }),
    decision: t.field({ type: RuleDecisionRef, description: 'PAIRING.CAP', resolve: (l) => l.decision }),
    capReason: t.field({
      type: RuleReasonRef,
      description: 'PAIRING.CAP 的说明 (the decision’s one reason, for pickers that list many cadres)',
      resolve: (l) => l.decision.reasons[0]!,
    }),
  }),
});

/**
 * 帮扶责任人候选: a cadre as the pairing form offers them, inside the jurisdiction or above it (county
 * units' cadres help village households), with their load; a clerk may name them, not open their record.
 */
export const HelperCandidate = builder.drizzleObject('cadres', {
  variant: 'HelperCandidate',
  description: '帮扶责任人候选 (a cadre to pair with: name, post, unit and their load against the cap)',
  authScopes: (cadre) => ({ regionVisible: cadre.regionPath }),
  fields: (t) => ({
    id: t.globalID({ description: 'Cadre 的全局ID', resolve: (c) => ({ type: 'Cadre', id: c.id }) }),
    name: t.exposeString('name', { description: '姓名' }),
    post: t.exposeString('post', { description: '职务' }),
    unitName: t.string({
      description: '所在单位',
      select: { with: { unit: { columns: { name: true } } } },
      resolve: (c) => c.unit.name,
    }),
    pairingLoad: t.field({
      type: HelperLoadRef,
      description: '结对情况 (在帮户数与上限, read in the statement that loads the cadre)',
      select: {
        extras: {
          countyCode: (table) =>
            sql<string>`(select r.code from ${regions} r where r.id = ${table.countyId})`.mapWith(String),
          openPairings: (table) =>
            sql<number>`(select count(*) from ${pairings} p where p.helper_id = ${table.id} and p.end_date is null)`.mapWith(
              Number,
            ),
        },
      },
      resolve: (cadre) => {
        const policy = runRule(() => policyForYear(Number(clock.today().slice(0, 4)), cadre.countyCode));
        return {
          activeHouseholds: cadre.openPairings,
          cap: policy.resolve('pairing.maxHouseholdsPerHelper').value,
          decision: canAddPairing(cadre.openPairings, policy),
        };
      },
    }),
  }),
});

function candidateFilter(table: typeof cadres, viewer: Viewer | null, search: string | null | undefined) {
  const term = search?.trim().slice(0, 30);
  return and(
    visibleUpOrDown(table.regionPath, viewer),
    term
      ? sql`(${ilike(table.name, `%${term}%`)} or exists (select 1 from ${units} u where u.id = ${table.unitId} and u.name like ${`%${term}%`}))`
      : undefined,
  );
}

builder.queryFields((t) => ({
  helperCandidates: t.drizzleConnection({
    type: HelperCandidate,
    description:
      '帮扶责任人候选 (cadres in or above your jurisdiction by name or unit, each with their load against the cap)',
    authScopes: { permission: 'pairing.write' },
    args: { search: t.arg.string({ required: false, description: '姓名或单位' }) },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(cadres, candidateFilter(cadres, ctx.viewer, args.search)),
    // A variant's connection types its query for no table; the rows are the cadres the query selected.
    resolve: async (query, _root, args, ctx) =>
      (await ctx.db.query.cadres.findMany(
        query({
          where: { RAW: (table) => candidateFilter(table, ctx.viewer, args.search)! },
          orderBy: { id: 'asc' },
        }),
      )) as unknown as (typeof cadres.$inferSelect)[],
  }),
}));
