import {
  type Decision,
  decideCountyExit,
  isAtLeast,
  isBelow,
  missedRate,
  type Policy,
  povertyIncidence,
  type Rate,
  type Ratio,
  ratesVerdict,
  recognitionRate,
  toRate,
  wrongExitRate,
} from '@gongjian/rules';
import { sql } from 'drizzle-orm';
import { pathPrefix } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ForbiddenError, NotFoundError } from '../../errors';
import { rowsOf } from '../../shared/rows';
import { RuleDecisionRef } from '../../shared/rule-decisions';
import { Region } from '../geography/region';

import { policyForYear, runRule } from './policy';

/**
 * The four rates (贫困发生率, 漏评率, 错退率, 群众认可度) per village, township and the whole scope, computed
 * live in two statements: the scope's regions, and one aggregate row per village (registered poor people,
 * rural population, survey samples). Townships and the scope are sums of their villages.
 */

interface Counts {
  ruralPopulation: number;
  registeredPoorPersons: number;
  sampledExitedPersons: number;
  wrongExitPersons: number;
  sampledNonRegisteredPersons: number;
  missedPersons: number;
  surveyedHouseholds: number;
  recognisingHouseholds: number;
  exitedPersons: number;
  nonRegisteredPersons: number;
}

interface RatesRow extends Counts {
  regionId: number;
  name: string;
  level: string;
  policy: Policy;
}

const ZERO: Counts = {
  ruralPopulation: 0,
  registeredPoorPersons: 0,
  sampledExitedPersons: 0,
  wrongExitPersons: 0,
  sampledNonRegisteredPersons: 0,
  missedPersons: 0,
  surveyedHouseholds: 0,
  recognisingHouseholds: 0,
  exitedPersons: 0,
  nonRegisteredPersons: 0,
};

function add(a: Counts, b: Counts): Counts {
  return Object.fromEntries(
    Object.keys(ZERO).map((k) => [k, a[k as keyof Counts] + b[k as keyof Counts]]),
  ) as unknown as Counts;
}

interface JudgedRate extends Rate {
  threshold: Ratio;
  comparison: '<' | '≥';
  passed: boolean;
}

const JudgedRateRef = builder.objectRef<JudgedRate>('JudgedRate').implement({
  description: '比率及达标判断 (an exact rate against its policy threshold)',
  fields: (t) => ({
    numerator: t.exposeInt('numerator', { description: '分子 (reduced)' }),
    denominator: t.exposeInt('denominator', { description: '分母 (reduced)' }),
    percent: t.exposeString('percent', { description: '百分比 (two decimals)' }),
    approximate: t.exposeFloat('approximate', { description: '近似值 (charts only)' }),
    thresholdPercent: t.string({ description: '标准', resolve: (r) => toRate(r.threshold).percent }),
    comparison: t.exposeString('comparison', { description: '达标条件 (< or ≥ the threshold)' }),
    passed: t.exposeBoolean('passed', { description: '是否达标' }),
  }),
});

/** A rate judged against a policy threshold; null when nothing was sampled (not assessed). */
function judge(
  rate: () => Rate,
  threshold: Ratio,
  comparison: '<' | '≥',
  denominator: number,
): JudgedRate | null {
  if (denominator === 0) return null;
  const value = runRule(rate);
  return {
    ...value,
    threshold,
    comparison,
    passed: comparison === '<' ? isBelow(value, threshold) : isAtLeast(value, threshold),
  };
}

function incidenceOf(r: RatesRow) {
  const regionClass = r.policy.get('regionClass');
  return judge(
    () => povertyIncidence({ poorPopulation: r.registeredPoorPersons, ruralPopulation: r.ruralPopulation }),
    r.policy.get('villageExit.maxIncidence')[regionClass],
    '<',
    r.ruralPopulation,
  );
}
const missedOf = (r: RatesRow) =>
  judge(
    () =>
      missedRate({
        missedPersons: r.missedPersons,
        sampledNonRegisteredPersons: r.sampledNonRegisteredPersons,
      }),
    r.policy.get('countyExit.maxMissedRate'),
    '<',
    r.sampledNonRegisteredPersons,
  );
const wrongExitOf = (r: RatesRow) =>
  judge(
    () =>
      wrongExitRate({ wrongExitPersons: r.wrongExitPersons, sampledExitedPersons: r.sampledExitedPersons }),
    r.policy.get('countyExit.maxWrongExitRate'),
    '<',
    r.sampledExitedPersons,
  );
const recognitionOf = (r: RatesRow) =>
  judge(
    () =>
      recognitionRate({
        recognisingHouseholds: r.recognisingHouseholds,
        surveyedHouseholds: r.surveyedHouseholds,
      }),
    r.policy.get('countyExit.minRecognition'),
    '≥',
    r.surveyedHouseholds,
  );

const RatesVerdictEnum = builder.enumType('RatesVerdict', {
  description: '四率综合判断',
  values: {
    PASSED: { description: '达标 (all four assessed and passing)' },
    FAILED: { description: '未达标 (an assessed rate fails)' },
    NOT_ASSESSED: { description: '未评估 (a rate could not be computed)' },
  },
});

const verdictOf = (r: RatesRow) =>
  ratesVerdict([incidenceOf(r), missedOf(r), wrongExitOf(r), recognitionOf(r)]);

const RatesRowRef = builder.objectRef<RatesRow>('IdentificationRatesRow').implement({
  description: '一个区划的四率 (a village, a township or the whole scope; a rate is null when not assessed)',
  fields: (t) => ({
    regionId: t.globalID({
      description: '区划',
      resolve: (r) => ({ type: 'Region', id: String(r.regionId) }),
    }),
    name: t.exposeString('name', { description: '名称' }),
    level: t.exposeString('level', { description: '层级 (VILLAGE, TOWNSHIP, COUNTY)' }),
    ruralPopulation: t.exposeInt('ruralPopulation', { description: '农业户籍人口' }),
    registeredPoorPersons: t.exposeInt('registeredPoorPersons', {
      description: '未脱贫人口 (POOR and RETURNED members)',
    }),
    sampledExitedPersons: t.exposeInt('sampledExitedPersons', { description: '抽样脱贫人口' }),
    wrongExitPersons: t.exposeInt('wrongExitPersons', { description: '抽样错退人口' }),
    sampledNonRegisteredPersons: t.exposeInt('sampledNonRegisteredPersons', {
      description: '抽样未建档立卡人口',
    }),
    missedPersons: t.exposeInt('missedPersons', { description: '核实漏评人口' }),
    surveyedHouseholds: t.exposeInt('surveyedHouseholds', { description: '调查户数' }),
    recognisingHouseholds: t.exposeInt('recognisingHouseholds', { description: '认可户数' }),
    incidence: t.field({
      type: JudgedRateRef,
      nullable: true,
      description: '贫困发生率 (< 2 %, west 3 %)',
      resolve: incidenceOf,
    }),
    missedRate: t.field({
      type: JudgedRateRef,
      nullable: true,
      description: '漏评率 (< 2 %)',
      resolve: missedOf,
    }),
    wrongExitRate: t.field({
      type: JudgedRateRef,
      nullable: true,
      description: '错退率 (< 2 %)',
      resolve: wrongExitOf,
    }),
    recognition: t.field({
      type: JudgedRateRef,
      nullable: true,
      description: '群众认可度 (≥ 90 %)',
      resolve: recognitionOf,
    }),
    verdict: t.field({
      type: RatesVerdictEnum,
      description:
        '综合判断 (达标 only when all four rates are assessed and pass; a rate not assessed cannot pass)',
      resolve: verdictOf,
    }),
    passed: t.boolean({
      description: '四率均已评估且达标 (verdict = PASSED)',
      resolve: (r) => verdictOf(r) === 'PASSED',
    }),
  }),
});

interface RatesReport {
  year: number;
  total: RatesRow;
  townships: RatesRow[];
  villages: RatesRow[];
}

const RatesReportRef = builder.objectRef<RatesReport>('IdentificationRates').implement({
  description: '精准识别四率 (computed live from the registry and the survey samples of the year)',
  fields: (t) => ({
    year: t.exposeInt('year', { description: '年度' }),
    total: t.field({ type: RatesRowRef, description: '合计 (the scope asked for)', resolve: (r) => r.total }),
    townships: t.field({ type: [RatesRowRef], description: '分乡镇', resolve: (r) => r.townships }),
    villages: t.field({ type: [RatesRowRef], description: '分村', resolve: (r) => r.villages }),
    countyExit: t.field({
      type: RuleDecisionRef,
      nullable: true,
      description:
        '贫困县退出三率一度判断 (scope is a county and every rate was sampled; comprehensive incidence)',
      resolve: (r): Decision<string> | null => {
        const c = r.total;
        if (
          r.total.level !== 'COUNTY' ||
          !c.ruralPopulation ||
          !c.sampledExitedPersons ||
          !c.sampledNonRegisteredPersons ||
          !c.surveyedHouseholds
        )
          return null;
        return runRule(() =>
          decideCountyExit(
            {
              remainingPoorPopulation: c.registeredPoorPersons,
              ruralPopulation: c.ruralPopulation,
              wrongExit: {
                wrongExitPersons: c.wrongExitPersons,
                sampledExitedPersons: c.sampledExitedPersons,
                totalExitedPersons: c.exitedPersons,
              },
              missed: {
                missedPersons: c.missedPersons,
                sampledNonRegisteredPersons: c.sampledNonRegisteredPersons,
                totalNonRegisteredPersons: c.nonRegisteredPersons,
              },
              recognition: {
                recognisingHouseholds: c.recognisingHouseholds,
                surveyedHouseholds: c.surveyedHouseholds,
              },
            },
            c.policy,
          ),
        );
      },
    }),
  }),
});

interface RegionRow {
  id: number;
  name: string;
  level: string;
  code: string;
  parent_id: number | null;
  region_path: string;
}

interface VillageAggregate extends RegionRow {
  rural_population: number;
  poor_persons: number;
  exited_persons: number;
  sampled_exited_persons: number;
  wrong_exit_persons: number;
  sampled_non_registered_persons: number;
  missed_persons: number;
  surveyed_households: number;
  recognising_households: number;
}

async function ratesFor(ctx: Context, scope: RegionRow, year: number): Promise<RatesReport> {
  const prefix = pathPrefix(scope.region_path);
  const [regionsResult, villagesResult] = await Promise.all([
    ctx.db.execute(sql`select id, name, level, code, parent_id, region_path from regions
      where region_path like ${prefix} and level = 'TOWNSHIP' order by sort_order, id`),
    ctx.db.execute(sql`
      with people as (
        select h.village_id,
          count(m.id) filter (where h.status in ('POOR', 'RETURNED'))::int as poor_persons,
          count(m.id) filter (where h.status in ('EXITED', 'EXITED_NO_POLICY'))::int as exited_persons
        from households h join household_members m on m.household_id = h.id
        where h.region_path like ${prefix}
        group by h.village_id),
      samples as (
        select village_id,
          coalesce(sum(persons) filter (where kind = 'EXITED'), 0)::int as sampled_exited_persons,
          coalesce(sum(persons) filter (where kind = 'EXITED' and wrong_exit), 0)::int as wrong_exit_persons,
          coalesce(sum(persons) filter (where kind = 'NON_REGISTERED'), 0)::int as sampled_non_registered_persons,
          coalesce(sum(persons) filter (where kind = 'NON_REGISTERED' and missed), 0)::int as missed_persons,
          count(*)::int as surveyed_households,
          count(*) filter (where recognises)::int as recognising_households
        from survey_samples where region_path like ${prefix} and year = ${year}
        group by village_id)
      select v.id, v.name, v.level, v.code, v.parent_id, v.region_path,
        coalesce(p.rural_population, 0)::int as rural_population,
        coalesce(people.poor_persons, 0)::int as poor_persons,
        coalesce(people.exited_persons, 0)::int as exited_persons,
        coalesce(s.sampled_exited_persons, 0)::int as sampled_exited_persons,
        coalesce(s.wrong_exit_persons, 0)::int as wrong_exit_persons,
        coalesce(s.sampled_non_registered_persons, 0)::int as sampled_non_registered_persons,
        coalesce(s.missed_persons, 0)::int as missed_persons,
        coalesce(s.surveyed_households, 0)::int as surveyed_households,
        coalesce(s.recognising_households, 0)::int as recognising_households
      from regions v
        left join village_populations p on p.village_id = v.id and p.year = ${year}
        left join people on people.village_id = v.id
        left join samples s on s.village_id = v.id
      where v.level = 'VILLAGE' and v.region_path like ${prefix}
      order by v.parent_id, v.sort_order, v.id`),
  ]);
  const policy = runRule(() => policyForYear(year, scope.code));
  const row = (region: RegionRow, counts: Counts): RatesRow => ({
    regionId: region.id,
    name: region.name,
    level: region.level,
    policy,
    ...counts,
  });
  const villages = rowsOf<VillageAggregate>(villagesResult).map((v) =>
    row(v, {
      ruralPopulation: Number(v.rural_population),
      registeredPoorPersons: Number(v.poor_persons),
      exitedPersons: Number(v.exited_persons),
      nonRegisteredPersons: Math.max(
        0,
        Number(v.rural_population) - Number(v.poor_persons) - Number(v.exited_persons),
      ),
      sampledExitedPersons: Number(v.sampled_exited_persons),
      wrongExitPersons: Number(v.wrong_exit_persons),
      sampledNonRegisteredPersons: Number(v.sampled_non_registered_persons),
      missedPersons: Number(v.missed_persons),
      surveyedHouseholds: Number(v.surveyed_households),
      recognisingHouseholds: Number(v.recognising_households),
    }),
  );
  const villagesOf = (townshipId: number) =>
    rowsOf<VillageAggregate>(villagesResult)
      .map((v, index) => ({ v, r: villages[index]! }))
      .filter(({ v }) => Number(v.parent_id) === townshipId)
      .map(({ r }) => r);
  const townships = rowsOf<RegionRow>(regionsResult).map((t) =>
    row(t, villagesOf(Number(t.id)).reduce(add, ZERO)),
  );
  return { year, total: row(scope, villages.reduce(add, ZERO)), townships, villages };
}

builder.queryField('identificationRates', (t) =>
  t.field({
    type: RatesReportRef,
    description:
      '精准识别四率 (贫困发生率、漏评率、错退率、群众认可度) with pass/fail, per village, township and scope',
    authScopes: { permission: 'rates.read' },
    args: {
      year: t.arg.int({ required: true, description: '年度 (samples and village population of that year)' }),
      regionId: t.arg.globalID({ required: false, for: [Region], description: '范围 (默认您的管辖范围)' }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer!;
      const id = args.regionId ? Number(args.regionId.id) : viewer.jurisdictionId;
      const region = await ctx.db.query.regions.findFirst({ where: { id } });
      if (!region) throw new NotFoundError('区划', String(id));
      if (!region.regionPath.startsWith(viewer.regionPath))
        throw new ForbiddenError('只能统计管辖范围内的区划');
      return ratesFor(
        ctx,
        {
          id: region.id,
          name: region.name,
          level: region.level,
          code: region.code,
          parent_id: region.parentId,
          region_path: region.regionPath,
        },
        args.year,
      );
    },
  }),
);
