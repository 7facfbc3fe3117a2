import {
  type FundReconciliation,
  type FundSourceCategory,
  PROJECT_STATES,
  type ProjectState,
  reconcileFunds,
} from '@gongjian/rules';
import { sql } from 'drizzle-orm';
import { pathPrefix } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { runRule } from '../../policy';
import { fenToWanYuan } from '../../shared/money';
import { oncePerRequest } from '../../shared/once-per-request';
import { rowsOf } from '../../shared/rows';
import { RuleReasonRef } from '../../shared/rule-decisions';
import { FundSourceCategoryEnum, ProjectStateEnum } from '../funds/enums';
import { Cockpit, type CockpitScope, sectionKey } from './scope';

/**
 * 资金与项目 as of a day. Sources registered for years up to the day's year, gross and net of their
 * declared overlaps, and each reported total whose years have begun read against the sources of exactly
 * its years (the funds module's reconciliation rule). Projects in the state their last step before the
 * day left them, with the money allocated and paid by the day. Two statements.
 */

interface SourceRow {
  id: number;
  category: FundSourceCategory;
  name: string;
  fromYear: number;
  toYear: number;
  amountFen: number;
  overlaps: { containedId: number; amountFen: number }[];
}

interface Reading extends FundReconciliation {
  fromYear: number;
  toYear: number;
  reportedIn: string;
}

export interface FundFigures {
  sources: SourceRow[];
  grossFen: number;
  netFen: number;
  readings: Reading[];
}

export function fundFigures(ctx: Context, scope: CockpitScope): Promise<FundFigures> {
  return oncePerRequest(ctx, sectionKey('funds', scope), async () => {
    const prefix = pathPrefix(scope.regionPath);
    const row = rowsOf<{
      sources: SourceRow[] | null;
      totals: { fromYear: number; toYear: number; reportedIn: string; amountFen: number }[] | null;
    }>(
      await ctx.db.execute(sql`select
        (select json_agg(json_build_object('id', s.id, 'category', s.category, 'name', s.name,
            'fromYear', s.from_year, 'toYear', s.to_year, 'amountFen', s.amount_fen,
            'overlaps', (select coalesce(json_agg(json_build_object('containedId', o.contained_id, 'amountFen', o.amount_fen)), '[]')
                         from fund_overlaps o where o.container_id = s.id)) order by s.from_year, s.category, s.id)
          from fund_sources s where s.region_path like ${prefix} and s.from_year <= ${scope.year}) as sources,
        (select json_agg(json_build_object('fromYear', r.from_year, 'toYear', r.to_year,
            'reportedIn', r.reported_in, 'amountFen', r.amount_fen) order by r.from_year, r.id)
          from fund_reported_totals r where r.region_path like ${prefix} and r.from_year <= ${scope.year}) as totals`),
    )[0]!;
    const sources = (row.sources ?? []).map((s) => ({ ...s, amountFen: Number(s.amountFen) }));
    const reconcile = (fromYear: number, toYear: number, reportedFen: number) => {
      const inYears = sources.filter((s) => s.fromYear >= fromYear && s.toYear <= toYear);
      const ids = new Set(inYears.map((s) => s.id));
      const key = (id: number) => String(id);
      return runRule(() =>
        reconcileFunds(
          inYears.map((s) => ({ key: key(s.id), category: s.category, amountFen: s.amountFen })),
          inYears.flatMap((s) =>
            s.overlaps
              .filter((o) => ids.has(o.containedId))
              .map((o) => ({
                containerKey: key(s.id),
                containedKey: key(o.containedId),
                amountFen: Number(o.amountFen),
              })),
          ),
          reportedFen,
        ),
      );
    };
    const all = reconcile(-Infinity, Infinity, 0);
    return {
      sources,
      grossFen: all.grossFen,
      netFen: all.netFen,
      readings: (row.totals ?? []).map((t) => ({
        ...reconcile(t.fromYear, t.toYear, Number(t.amountFen)),
        fromYear: t.fromYear,
        toYear: t.toYear,
        reportedIn: t.reportedIn,
      })),
    };
  });
}

interface StageLine {
  state: ProjectState;
  projects: number;
  budgetFen: number;
  allocatedFen: number;
  disbursedFen: number;
}

export function projectFigures(ctx: Context, scope: CockpitScope): Promise<StageLine[]> {
  return oncePerRequest(ctx, sectionKey('projects', scope), async () => {
    const prefix = pathPrefix(scope.regionPath);
    const rows = rowsOf<StageLine>(
      await ctx.db.execute(sql`
        with p as (
          select p.id, p.budget_fen,
            (select s.to_state from project_steps s where s.project_id = p.id and s.acted_on <= ${scope.asOf}::date
              order by s.acted_on desc, s.id desc limit 1) as state,
            (select coalesce(sum(a.amount_fen), 0) from fund_allocations a where a.project_id = p.id and a.allocated_on <= ${scope.asOf}::date) as allocated,
            (select coalesce(sum(d.amount_fen), 0) from disbursements d where d.project_id = p.id and d.paid_on <= ${scope.asOf}::date) as disbursed
          from projects p where p.region_path like ${prefix})
        select state, count(*)::int as projects, coalesce(sum(budget_fen), 0)::bigint as "budgetFen",
          coalesce(sum(allocated), 0)::bigint as "allocatedFen", coalesce(sum(disbursed), 0)::bigint as "disbursedFen"
        from p where state is not null group by state`),
    );
    return PROJECT_STATES.map((state) => {
      const r = rows.find((x) => x.state === state);
      return {
        state,
        projects: Number(r?.projects ?? 0),
        budgetFen: Number(r?.budgetFen ?? 0),
        allocatedFen: Number(r?.allocatedFen ?? 0),
        disbursedFen: Number(r?.disbursedFen ?? 0),
      };
    });
  });
}

const SourceRef = builder.objectRef<SourceRow>('CockpitFundSource').implement({
  description: '资金来源 (as registered)',
  fields: (t) => ({
    category: t.field({ type: FundSourceCategoryEnum, resolve: (s) => s.category }),
    name: t.exposeString('name', { description: '名称' }),
    fromYear: t.exposeInt('fromYear', { description: '起始年度' }),
    toYear: t.exposeInt('toYear', { description: '截止年度' }),
    amountWanYuan: t.string({ description: '金额 (万元)', resolve: (s) => fenToWanYuan(s.amountFen) }),
  }),
});

const ReadingRef = builder.objectRef<Reading>('CockpitFundReading').implement({
  description: '上报总额对账 (one reported total against the sources of its years)',
  fields: (t) => ({
    fromYear: t.exposeInt('fromYear', { description: '起始年度' }),
    toYear: t.exposeInt('toYear', { description: '截止年度' }),
    reportedIn: t.exposeString('reportedIn', { description: '上报出处' }),
    reportedWanYuan: t.string({
      description: '上报总额 (万元)',
      resolve: (r) => fenToWanYuan(r.reportedTotalFen),
    }),
    grossWanYuan: t.string({ description: '来源直接相加 (万元)', resolve: (r) => fenToWanYuan(r.grossFen) }),
    netWanYuan: t.string({ description: '扣除重叠后 (万元)', resolve: (r) => fenToWanYuan(r.netFen) }),
    grossDifferenceWanYuan: t.string({
      description: '直接相加 − 上报 (万元)',
      resolve: (r) => fenToWanYuan(r.grossDifferenceFen),
    }),
    outcome: t.exposeString('outcome', { description: 'MATCHES_GROSS, MATCHES_NET or UNEXPLAINED' }),
    explanation: t.field({ type: [RuleReasonRef], description: '说明', resolve: (r) => r.reasons }),
  }),
});

const FundsRef = builder.objectRef<FundFigures>('CockpitFunds').implement({
  description:
    '资金 (sources up to the day’s year, gross and net, and the reconciliation of reported totals)',
  fields: (t) => ({
    sources: t.field({ type: [SourceRef], description: '各来源', resolve: (f) => f.sources }),
    grossWanYuan: t.string({ description: '直接相加 (万元)', resolve: (f) => fenToWanYuan(f.grossFen) }),
    netWanYuan: t.string({ description: '扣除重叠后 (万元)', resolve: (f) => fenToWanYuan(f.netFen) }),
    readings: t.field({ type: [ReadingRef], description: '上报总额对账', resolve: (f) => f.readings }),
    unexplainedReadings: t.int({
      description: '对不上的上报总额数 (WARNING)',
      resolve: (f) => f.readings.filter((r) => r.severity === 'WARNING').length,
    }),
  }),
});

const StageRef = builder.objectRef<StageLine>('CockpitProjectStage').implement({
  description: '项目阶段 (projects in one lifecycle state on the day)',
  fields: (t) => ({
    state: t.field({ type: ProjectStateEnum, resolve: (s) => s.state }),
    projects: t.exposeInt('projects', { description: '项目数' }),
    budgetWanYuan: t.string({ description: '预算 (万元)', resolve: (s) => fenToWanYuan(s.budgetFen) }),
    allocatedWanYuan: t.string({
      description: '已安排 (万元)',
      resolve: (s) => fenToWanYuan(s.allocatedFen),
    }),
    disbursedWanYuan: t.string({
      description: '已拨付 (万元)',
      resolve: (s) => fenToWanYuan(s.disbursedFen),
    }),
  }),
});

const ProjectsRef = builder.objectRef<StageLine[]>('CockpitProjects').implement({
  description: '项目 (by lifecycle stage, with the money allocated and paid by the day)',
  fields: (t) => ({
    byState: t.field({
      type: [StageRef],
      description: '按阶段 (every state, in lifecycle order)',
      resolve: (s) => s,
    }),
    projects: t.int({ description: '项目数', resolve: (s) => s.reduce((n, x) => n + x.projects, 0) }),
    allocatedWanYuan: t.string({
      description: '已安排 (万元)',
      resolve: (s) => fenToWanYuan(s.reduce((n, x) => n + x.allocatedFen, 0)),
    }),
    disbursedWanYuan: t.string({
      description: '已拨付 (万元)',
      resolve: (s) => fenToWanYuan(s.reduce((n, x) => n + x.disbursedFen, 0)),
    }),
  }),
});

builder.objectFields(Cockpit, (t) => ({
  funds: t.field({
    type: FundsRef,
    description: '资金 (one statement; sources are registered at the county)',
    resolve: (scope, _args, ctx) => fundFigures(ctx, scope),
  }),
  projects: t.field({
    type: ProjectsRef,
    description: '项目 (one statement)',
    resolve: (scope, _args, ctx) => projectFigures(ctx, scope),
  }),
}));
