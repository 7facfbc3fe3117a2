import { reports, villageAssessments } from '@gongjian/db/schema';
import { checkBonusShare, type Decision, type Policy, reportTimeLimits } from '@gongjian/rules';
import { type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { pathPrefix } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { policyForYear, runRule } from '../../policy';
import { fenToWanYuan } from '../../shared/money';
import { oncePerRequest } from '../../shared/once-per-request';
import { rowsOf } from '../../shared/rows';
import { AccountabilityKindEnum } from '../supervision/enums';
import { overdueSql } from '../supervision/report';
import { classSql } from '../supervision/village-assessment';
import { Cockpit, type CockpitScope, sectionKey } from './scope';

/**
 * 监督考核 as of a day: reports received and still open, and those overdue by the supervision module's own
 * condition (`overdueSql`) read against the day; accountability by year and kind; the village classes of the
 * latest assessment year (the module's `classSql`), the review counting once it was made; village exits and
 * their rewards paid; the latest performance year's bonus share. One statement.
 */

/** A report as it stood at the end of `day`: steps taken later are not yet taken. */
export function reportsOnDay(prefix: string, day: string): SQL {
  const by = (column: string) => sql`(${sql.raw(column)} at time zone 'Asia/Shanghai')::date <= ${day}::date`;
  return sql`select id, region_path, category, received_on,
      case when ${by('merged_at')} then merged_into_id end as merged_into_id,
      case when ${by('closed_at')} then 'CLOSED' else 'OPEN' end as state,
      case when ${by('assigned_at')} then assigned_at end as assigned_at,
      case when ${by('handled_at')} then handled_at end as handled_at,
      case when ${by('replied_at')} then replied_at end as replied_at
    from reports where region_path like ${prefix} and received_on <= ${day}::date`;
}

/** The overdue condition of the supervision module, on the rows of `reportsOnDay` named `alias`. */
export function overdueOnDay(name: string, day: string, policy: Policy): SQL {
  return overdueSql(renamed(reports, name), (c) => reportTimeLimits(policy, c), day);
}

/** The table's columns under another name (a CTE of the same shape); drizzle types an alias apart. */
const renamed = <T extends typeof reports | typeof villageAssessments>(table: T, name: string) =>
  alias(table, name) as unknown as T;

export interface SupervisionFigures {
  reportsReceived: number;
  reportsOpen: number;
  reportsOverdue: number;
  accountability: { year: number; kind: string; count: number }[];
  assessmentYear: number | null;
  assessed: number;
  classes: { consolidate: number; rectify: number; yellowCard: number; keyManagement: number };
  villagesExited: number;
  rewardsPaid: number;
  rewardsFen: number;
  performanceYear: number | null;
  bonusTotalFen: number;
  bonusCampaignFen: number;
  unitsAssessed: number;
  bonusShortfalls: Decision<'PASS' | 'FAIL'>[];
}

interface PerformanceLine {
  unitId: number;
  total: number;
  campaign: number;
}

export function supervisionFigures(ctx: Context, scope: CockpitScope): Promise<SupervisionFigures> {
  return oncePerRequest(ctx, sectionKey('supervision', scope), async () => {
    const prefix = pathPrefix(scope.regionPath);
    const day = scope.asOf;
    const a = renamed(villageAssessments, 'a');
    const cls = (c: 'CONSOLIDATE' | 'RECTIFY' | 'YELLOW_CARD' | 'KEY_MANAGEMENT') =>
      sql`(count(*) filter (where ${classSql(a, scope.policy, [c])}))::int`;
    const row = rowsOf<Record<string, unknown>>(
      await ctx.db.execute(sql`
        with r as (${reportsOnDay(prefix, day)}),
        ay as (select max(year) as year from village_assessments
          where region_path like ${prefix} and self_assessed_on <= ${day}::date),
        a as (select v.id, v.year, v.self_score_tenths, v.problem_count,
            case when v.reviewed_on <= ${day}::date then v.review_score_tenths end as review_score_tenths,
            v.veto_hit and v.reviewed_on <= ${day}::date as veto_hit
          from village_assessments v, ay
          where v.region_path like ${prefix} and v.self_assessed_on <= ${day}::date and v.year = ay.year),
        py as (select max(year) as year from performance_assessments
          where region_path like ${prefix} and year <= ${scope.year}),
        c as (select count(*)::int as assessed, ${cls('CONSOLIDATE')} as consolidate,
            ${cls('RECTIFY')} as rectify, ${cls('YELLOW_CARD')} as "yellowCard",
            ${cls('KEY_MANAGEMENT')} as "keyManagement" from a)
        select
          (select count(*) from r)::int as "reportsReceived",
          (select count(*) from r where merged_into_id is null and state <> 'CLOSED')::int as "reportsOpen",
          (select count(*) from r where ${overdueOnDay('r', day, scope.policy)})::int as "reportsOverdue",
          (select coalesce(json_agg(json_build_object('year', x.year, 'kind', x.kind, 'count', x.n)
              order by x.year, x.kind), '[]')
            from (select year, kind, count(*)::int as n from accountability_cases
              where region_path like ${prefix} and decided_on <= ${day}::date group by year, kind) x) as accountability,
          (select year from ay) as "assessmentYear",
          (select row_to_json(c) from c) as classes,
          (select count(*) from village_exits where region_path like ${prefix}
            and exit_year is not null and make_date(exit_year, 12, 31) <= ${day}::date)::int as "villagesExited",
          (select count(*) from village_exits where region_path like ${prefix}
            and reward_paid_on <= ${day}::date)::int as "rewardsPaid",
          (select coalesce(sum(reward_fen), 0) from village_exits where region_path like ${prefix}
            and reward_paid_on <= ${day}::date)::bigint as "rewardsFen",
          (select year from py) as "performanceYear",
          (select coalesce(json_agg(json_build_object('unitId', p.unit_id, 'total', p.total_bonus_fen,
              'campaign', p.campaign_bonus_fen) order by p.unit_id), '[]')
            from performance_assessments p, py where p.region_path like ${prefix} and p.year = py.year) as performance`),
    )[0]!;
    const n = (value: unknown) => Number(value ?? 0);
    const classes = (row.classes ?? {}) as Record<string, unknown>;
    const performance = (row.performance ?? []) as PerformanceLine[];
    const performanceYear = row.performanceYear === null ? null : n(row.performanceYear);
    const policy =
      performanceYear === null ? null : runRule(() => policyForYear(performanceYear, scope.code));
    return {
      reportsReceived: n(row.reportsReceived),
      reportsOpen: n(row.reportsOpen),
      reportsOverdue: n(row.reportsOverdue),
      accountability: (row.accountability as SupervisionFigures['accountability']) ?? [],
      assessmentYear: row.assessmentYear === null ? null : n(row.assessmentYear),
      assessed: n(classes.assessed),
      classes: {
        consolidate: n(classes.consolidate),
        rectify: n(classes.rectify),
        yellowCard: n(classes.yellowCard),
        keyManagement: n(classes.keyManagement),
      },
      villagesExited: n(row.villagesExited),
      rewardsPaid: n(row.rewardsPaid),
      rewardsFen: n(row.rewardsFen),
      performanceYear,
      bonusTotalFen: performance.reduce((s, p) => s + n(p.total), 0),
      bonusCampaignFen: performance.reduce((s, p) => s + n(p.campaign), 0),
      unitsAssessed: performance.length,
      bonusShortfalls: policy
        ? performance
            .map((p) =>
              runRule(() =>
                checkBonusShare(
                  {
                    unitId: String(p.unitId),
                    totalBonusFen: n(p.total),
                    campaignLinkedBonusFen: n(p.campaign),
                  },
                  policy,
                ),
              ),
            )
            .filter((d) => d.outcome === 'FAIL')
        : [],
    };
  });
}

const AccountabilityLineRef = builder
  .objectRef<SupervisionFigures['accountability'][number]>('CockpitAccountabilityLine')
  .implement({
    description: '问责 (cases of one kind decided in one year, on or before the day)',
    fields: (t) => ({
      year: t.exposeInt('year', { description: '年度' }),
      kind: t.field({ type: AccountabilityKindEnum, resolve: (l) => l.kind as never }),
      count: t.exposeInt('count', { description: '人数或件数' }),
    }),
  });

const SupervisionRef = builder.objectRef<SupervisionFigures>('CockpitSupervision').implement({
  description: '监督考核 (reports, accountability, village classes, exits and bonuses on the day)',
  fields: (t) => ({
    reportsReceived: t.exposeInt('reportsReceived', {
      description: '受理举报数 (received on or before the day)',
    }),
    reportsOpen: t.exposeInt('reportsOpen', {
      description: '未办结举报 (open: not closed nor merged on the day)',
    }),
    reportsOverdue: t.exposeInt('reportsOverdue', {
      description: '超期举报 (overdue on the day: a step past its time limit and not done)',
    }),
    accountability: t.field({
      type: [AccountabilityLineRef],
      description: '问责 (by year and kind)',
      resolve: (f) => f.accountability,
    }),
    assessmentYear: t.exposeInt('assessmentYear', {
      nullable: true,
      description: '核查验收年度 (the latest year self-assessed by the day)',
    }),
    assessedVillages: t.exposeInt('assessed', { description: '参加核查验收的村数' }),
    consolidate: t.int({ description: '达标巩固 (consolidate)', resolve: (f) => f.classes.consolidate }),
    rectify: t.int({ description: '整改提升 (rectify)', resolve: (f) => f.classes.rectify }),
    yellowCard: t.int({ description: '黄牌警告 (yellow card)', resolve: (f) => f.classes.yellowCard }),
    keyManagement: t.int({
      description: '重点管理 (key management)',
      resolve: (f) => f.classes.keyManagement,
    }),
    flaggedVillages: t.int({
      description: '挂牌督办村数 (yellow card and key management)',
      resolve: (f) => f.classes.yellowCard + f.classes.keyManagement,
    }),
    villagesExited: t.exposeInt('villagesExited', {
      description: '已出列贫困村 (exit year ended by the day)',
    }),
    rewardsPaid: t.exposeInt('rewardsPaid', { description: '已发放出列奖励 (paid on or before the day)' }),
    rewardsWanYuan: t.string({
      description: '出列奖励金额 (万元)',
      resolve: (f) => fenToWanYuan(f.rewardsFen),
    }),
    performanceYear: t.exposeInt('performanceYear', {
      nullable: true,
      description: '绩效考核年度 (the latest up to the day’s year)',
    }),
    unitsAssessed: t.exposeInt('unitsAssessed', { description: '参加绩效考核的单位数' }),
    bonusTotalWanYuan: t.string({
      description: '绩效奖金总额 (万元)',
      resolve: (f) => fenToWanYuan(f.bonusTotalFen),
    }),
    bonusCampaignWanYuan: t.string({
      description: '与脱贫攻坚挂钩的奖金 (万元)',
      resolve: (f) => fenToWanYuan(f.bonusCampaignFen),
    }),
    bonusSharePercent: t.float({
      nullable: true,
      description: '挂钩比例 (%, campaign-linked share of all bonuses)',
      resolve: (f) =>
        f.bonusTotalFen === 0 ? null : Math.round((f.bonusCampaignFen * 10000) / f.bonusTotalFen) / 100,
    }),
    unitsBelowBonusShare: t.int({
      description: '挂钩比例不足的单位数 (PERFORMANCE.BONUS_SHARE)',
      resolve: (f) => f.bonusShortfalls.length,
    }),
  }),
});

builder.objectFields(Cockpit, (t) => ({
  supervision: t.field({
    type: SupervisionRef,
    description: '监督考核 (one statement)',
    resolve: (scope, _args, ctx) => supervisionFigures(ctx, scope),
  }),
}));
