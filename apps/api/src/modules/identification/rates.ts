import {
  type Decision,
  decideCountyExit,
  isAtLeast,
  isBelow,
  MissingParameterError,
  missedRate,
  povertyIncidence,
  type Rate,
  type Ratio,
  ratesVerdict,
  recognitionRate,
  toRate,
  wrongExitRate,
} from '@gongjian/rules';
import { builder } from '../../builder';
import { ForbiddenError, NotFoundError } from '../../errors';
import { RuleDecisionRef } from '../../shared/rule-decisions';
import { Region } from '../geography/region';
import { runRule } from './policy';
import { type RatesReport, type RatesRow, ratesFor } from './rates-query';

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

/** The threshold in force, or null for a year no standard covers (exit standards start in 2016, end in 2020). */
function standardInForce(threshold: () => Ratio): Ratio | null {
  try {
    return threshold();
  } catch (error) {
    if (error instanceof MissingParameterError) return null;
    throw error;
  }
}

/** A rate judged against a policy threshold; null when nothing was sampled or no standard was in force (not assessed). */
function judge(
  rate: () => Rate,
  standard: () => Ratio,
  comparison: '<' | '≥',
  denominator: number,
): JudgedRate | null {
  const threshold = standardInForce(standard);
  if (denominator === 0 || threshold === null) return null;
  const value = runRule(rate);
  return {
    ...value,
    threshold,
    comparison,
    passed: comparison === '<' ? isBelow(value, threshold) : isAtLeast(value, threshold),
  };
}

function incidenceOf(r: RatesRow) {
  return judge(
    () =>
      povertyIncidence({ poorPopulation: r.registeredPoorPersons, ruralPopulation: r.ruralPopulation ?? 0 }),
    () => r.policy.get('villageExit.maxIncidence')[r.policy.get('regionClass')],
    '<',
    r.ruralPopulation ?? 0,
  );
}
const missedOf = (r: RatesRow) =>
  judge(
    () =>
      missedRate({
        missedPersons: r.missedPersons,
        sampledNonRegisteredPersons: r.sampledNonRegisteredPersons,
      }),
    () => r.policy.get('countyExit.maxMissedRate'),
    '<',
    r.sampledNonRegisteredPersons,
  );
const wrongExitOf = (r: RatesRow) =>
  judge(
    () =>
      wrongExitRate({ wrongExitPersons: r.wrongExitPersons, sampledExitedPersons: r.sampledExitedPersons }),
    () => r.policy.get('countyExit.maxWrongExitRate'),
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
    () => r.policy.get('countyExit.minRecognition'),
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
    ruralPopulation: t.exposeInt('ruralPopulation', {
      nullable: true,
      description: '农业户籍人口 (null: not recorded for the year for every village of the region, 未录入)',
    }),
    registeredPoorPersons: t.exposeInt('registeredPoorPersons', {
      description: '未脱贫人口 (members of POOR and RETURNED households at the end of the year, or today)',
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
        '贫困县退出三率一度判断 (scope is a county, every rate was sampled and the exit standards were in force that year; comprehensive incidence)',
      resolve: (r): Decision<string> | null => {
        const c = r.total;
        const ruralPopulation = c.ruralPopulation;
        if (
          r.total.level !== 'COUNTY' ||
          !ruralPopulation ||
          !c.sampledExitedPersons ||
          !c.sampledNonRegisteredPersons ||
          !c.surveyedHouseholds ||
          standardInForce(() => c.policy.get('countyExit.maxMissedRate')) === null
        )
          return null;
        return runRule(() =>
          decideCountyExit(
            {
              remainingPoorPopulation: c.registeredPoorPersons,
              ruralPopulation,
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
