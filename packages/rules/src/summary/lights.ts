import { requireCount } from '../errors';
import { makeReason, type Reason } from '../explanation';
import { source } from '../sources';

/**
 * 红黄绿灯: how a leader reads one indicator of the cockpit. Each light is a rule with its numbers, so the
 * client shows a colour it did not decide and can say why.
 */
export type Light = 'GREEN' | 'AMBER' | 'RED';

export interface IndicatorLight {
  light: Light;
  reason: Reason;
}

const COCKPIT_SOURCE = source('PROJECT_DEFAULT', 'P', '领导驾驶舱红黄绿灯口径');

const word = { GREEN: ['绿', 'green'], AMBER: ['黄', 'amber'], RED: ['红', 'red'] } as const;

function lightReason(
  ruleId: string,
  light: Light,
  facts: Record<string, number | string>,
  params: Record<string, number>,
  zh: string,
  en: string,
): IndicatorLight {
  return {
    light,
    reason: makeReason({
      ruleId,
      passed: light === 'GREEN',
      facts,
      params,
      source: COCKPIT_SOURCE,
      zh: `${word[light][0]}灯: ${zh}`,
      en: `${word[light][1]}: ${en}`,
    }),
  };
}

/**
 * A share of rows in a bad state (overdue tasks, unvisited households, teams below strength, households
 * without a helper): green at none, red at `redAtPercent` or more of the total, amber between.
 */
export function shareLight(
  ruleId: string,
  input: { bad: number; total: number; labelZh: string; labelEn: string },
  redAtPercent: number,
): IndicatorLight {
  requireCount(input.bad, 'bad');
  requireCount(input.total, 'total');
  const light: Light =
    input.bad === 0 ? 'GREEN' : input.bad * 100 >= redAtPercent * input.total ? 'RED' : 'AMBER';
  return lightReason(
    ruleId,
    light,
    { bad: input.bad, total: input.total },
    { redAtPercent },
    `${input.labelZh} ${input.bad} / ${input.total}${light === 'RED' ? `, 达到 ${redAtPercent}% 以上` : ''}`,
    `${input.labelEn} ${input.bad} of ${input.total}${light === 'RED' ? `, ${redAtPercent}% or more` : ''}`,
  );
}

/**
 * A rate against its target (贫困发生率 below a ceiling, 认可度 above a floor), in basis points (1/100 %):
 * red when it misses the target, amber when it passes within `marginBp` of it, green otherwise.
 */
export function targetLight(
  ruleId: string,
  input: { valueBp: number; targetBp: number; below: boolean; labelZh: string; labelEn: string },
  marginBp: number,
): IndicatorLight {
  const { valueBp, targetBp, below } = input;
  const passed = below ? valueBp < targetBp : valueBp >= targetBp;
  const near = below ? targetBp - valueBp <= marginBp : valueBp - targetBp <= marginBp;
  const light: Light = !passed ? 'RED' : near ? 'AMBER' : 'GREEN';
  const pct = (bp: number) => `${(bp / 100).toFixed(2)}%`;
  const sign = below ? '<' : '≥';
  const verdictZh = { RED: '未达标', AMBER: '达标但接近标准', GREEN: '达标' }[light];
  const verdictEn = { RED: 'misses the target', AMBER: 'passes, close to the target', GREEN: 'passes' }[
    light
  ];
  return lightReason(
    ruleId,
    light,
    { valueBp, targetBp },
    { marginBp },
    `${input.labelZh} ${pct(valueBp)}, 标准 ${sign} ${pct(targetBp)}, ${verdictZh}`,
    `${input.labelEn} ${pct(valueBp)} against ${sign} ${pct(targetBp)}: ${verdictEn}`,
  );
}

/** A reported fund total against the sources: green when it matches the gross or net sum, red otherwise. */
export function reconciliationLight(input: { unexplained: number; readings: number }): IndicatorLight {
  requireCount(input.unexplained, 'unexplained');
  requireCount(input.readings, 'readings');
  const light: Light = input.unexplained > 0 ? 'RED' : input.readings === 0 ? 'AMBER' : 'GREEN';
  return lightReason(
    'SUMMARY.FUNDS_RECONCILED',
    light,
    { unexplained: input.unexplained, readings: input.readings },
    {},
    light === 'AMBER'
      ? '没有可对账的上报总额'
      : `${input.readings} 个上报总额中 ${input.unexplained} 个与来源合计不符`,
    light === 'AMBER'
      ? 'no reported total to reconcile'
      : `${input.unexplained} of ${input.readings} reported totals match neither sum`,
  );
}
