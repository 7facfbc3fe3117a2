import {
  type IndicatorLight,
  MissingParameterError,
  missedRate,
  povertyIncidence,
  type Rate,
  type Ratio,
  recognitionRate,
  targetLight,
  toRate,
  wrongExitRate,
} from '@gongjian/rules';
import { sql } from 'drizzle-orm';
import { pathPrefix } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { runRule } from '../../policy';
import { oncePerRequest } from '../../shared/once-per-request';
import { rowsOf } from '../../shared/rows';
import { RuleReasonRef } from '../../shared/rule-decisions';
import { householdFigures } from './households';
import { Cockpit, type CockpitScope, sectionKey } from './scope';

/**
 * 四率 of the day's year: incidence from the people still poor on the day over the year's rural
 * population, and the three survey rates from the year's samples; each against its target with a light.
 * A rate whose denominator is zero, or whose target the year's policy does not set, is not assessed.
 * One statement (plus the households section's).
 */

export interface CockpitRate {
  key: 'INCIDENCE' | 'MISSED' | 'WRONG_EXIT' | 'RECOGNITION';
  labelZh: string;
  rate: Rate;
  target: Ratio;
  below: boolean;
  light: IndicatorLight;
}

/** A rate is amber when it passes within half a percentage point of its target. */
const MARGIN_BP = 50;

const bp = (r: Ratio) => Math.floor((r.numerator * 10000) / r.denominator);

function targetOf(read: () => Ratio): Ratio | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof MissingParameterError) return null;
    throw error;
  }
}

export function rateFigures(ctx: Context, scope: CockpitScope): Promise<CockpitRate[]> {
  return oncePerRequest(ctx, sectionKey('rates', scope), async () => {
    const prefix = pathPrefix(scope.regionPath);
    const [households, result] = await Promise.all([
      householdFigures(ctx, scope),
      ctx.db.execute(sql`select
        (select coalesce(sum(rural_population), 0) from village_populations where region_path like ${prefix} and year = ${scope.year})::int as "rural",
        coalesce(sum(persons) filter (where kind = 'EXITED'), 0)::int as "sampledExited",
        coalesce(sum(persons) filter (where kind = 'EXITED' and wrong_exit), 0)::int as "wrongExit",
        coalesce(sum(persons) filter (where kind = 'NON_REGISTERED'), 0)::int as "sampledNonRegistered",
        coalesce(sum(persons) filter (where kind = 'NON_REGISTERED' and missed), 0)::int as "missed",
        count(*)::int as "surveyed",
        (count(*) filter (where recognises))::int as "recognising"
        from survey_samples where region_path like ${prefix} and year = ${scope.year}`),
    ]);
    const c = rowsOf<Record<string, number>>(result)[0]!;
    const n = (key: string) => Number(c[key] ?? 0);
    const poorPeople = households.byStatus
      .filter((s) => s.status === 'POOR' || s.status === 'RETURNED')
      .reduce((sum, s) => sum + s.people, 0);
    const policy = scope.policy;
    const regionClass = policy.get('regionClass');
    const candidates = [
      {
        key: 'INCIDENCE' as const,
        labelZh: '贫困发生率',
        labelEn: 'poverty incidence',
        denominator: n('rural'),
        rate: () => povertyIncidence({ poorPopulation: poorPeople, ruralPopulation: n('rural') }),
        target: targetOf(() => policy.get('villageExit.maxIncidence')[regionClass]),
        below: true,
      },
      {
        key: 'MISSED' as const,
        labelZh: '漏评率',
        labelEn: 'missed rate',
        denominator: n('sampledNonRegistered'),
        rate: () =>
          missedRate({ missedPersons: n('missed'), sampledNonRegisteredPersons: n('sampledNonRegistered') }),
        target: targetOf(() => policy.get('countyExit.maxMissedRate')),
        below: true,
      },
      {
        key: 'WRONG_EXIT' as const,
        labelZh: '错退率',
        labelEn: 'wrong-exit rate',
        denominator: n('sampledExited'),
        rate: () =>
          wrongExitRate({ wrongExitPersons: n('wrongExit'), sampledExitedPersons: n('sampledExited') }),
        target: targetOf(() => policy.get('countyExit.maxWrongExitRate')),
        below: true,
      },
      {
        key: 'RECOGNITION' as const,
        labelZh: '群众认可度',
        labelEn: 'recognition',
        denominator: n('surveyed'),
        rate: () =>
          recognitionRate({ recognisingHouseholds: n('recognising'), surveyedHouseholds: n('surveyed') }),
        target: targetOf(() => policy.get('countyExit.minRecognition')),
        below: false,
      },
    ];
    return candidates.flatMap((x): CockpitRate[] => {
      if (x.denominator === 0 || x.target === null) return [];
      const rate = runRule(x.rate);
      const target = x.target;
      const light = runRule(() =>
        targetLight(
          `SUMMARY.RATE_${x.key}`,
          { valueBp: bp(rate), targetBp: bp(target), below: x.below, labelZh: x.labelZh, labelEn: x.labelEn },
          MARGIN_BP,
        ),
      );
      return [{ key: x.key, labelZh: x.labelZh, rate, target, below: x.below, light }];
    });
  });
}

export const LightEnum = builder.enumType('IndicatorLightColour', {
  description: '红黄绿灯',
  values: {
    GREEN: { description: '绿 (on track)' },
    AMBER: { description: '黄 (near the limit)' },
    RED: { description: '红 (missed)' },
  },
});

export const IndicatorLightRef = builder.objectRef<IndicatorLight>('IndicatorLight').implement({
  description: '指标灯 (the light of one indicator and the rule that set it)',
  fields: (t) => ({
    light: t.field({ type: LightEnum, resolve: (l) => l.light }),
    reason: t.field({ type: RuleReasonRef, description: '规则说明', resolve: (l) => l.reason }),
  }),
});

const RateRef = builder.objectRef<CockpitRate>('CockpitRate').implement({
  description: '一个比率及其目标 (a rate of the year, its target and its light)',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'INCIDENCE, MISSED, WRONG_EXIT or RECOGNITION' }),
    name: t.exposeString('labelZh', { description: '名称' }),
    percent: t.string({ description: '百分比', resolve: (r) => r.rate.percent }),
    numerator: t.int({ description: '分子', resolve: (r) => r.rate.numerator }),
    denominator: t.int({ description: '分母', resolve: (r) => r.rate.denominator }),
    targetPercent: t.string({ description: '目标', resolve: (r) => toRate(r.target).percent }),
    comparison: t.string({ description: '达标条件 (< or ≥)', resolve: (r) => (r.below ? '<' : '≥') }),
    passed: t.boolean({ description: '是否达标', resolve: (r) => r.light.light !== 'RED' }),
    light: t.field({ type: IndicatorLightRef, resolve: (r) => r.light }),
  }),
});

builder.objectFields(Cockpit, (t) => ({
  rates: t.field({
    type: [RateRef],
    description: '四率 (of the day’s year; a rate not assessed is left out)',
    resolve: (scope, _args, ctx) => rateFigures(ctx, scope),
  }),
}));
