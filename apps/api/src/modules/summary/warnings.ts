import {
  type IndicatorLight,
  rankWarnings,
  reconciliationLight,
  shareLight,
  type Warning,
} from '@gongjian/rules';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { runRule } from '../../policy';
import { RuleReasonRef } from '../../shared/rule-decisions';
import { assistanceFigures } from './assistance';
import type { DrillLink } from './drill-link';
import { fundFigures } from './funds';
import { LightEnum, rateFigures } from './rates';
import { Cockpit, type CockpitScope } from './scope';
import { supervisionFigures } from './supervision';
import { supervisionWarnings } from './supervision-warnings';
import { taskFigures } from './tasks';

/**
 * 预警: every indicator whose light is not green, ranked red first and then by the rows concerned, each
 * with its rule, its numbers and where its rows are. Read from the sections' statements, so it costs none.
 */

export const DrillTargetEnum = builder.enumType('CockpitDrillTarget', {
  description: '下钻目标 (the list behind a figure)',
  values: {
    HOUSEHOLDS: { description: '农户 (cockpitHouseholds with the filter)' },
    TASKS: { description: '任务 (tasks with status, unit or combat group)' },
    PROJECTS: { description: '项目 (projects)' },
    FUNDS: { description: '资金对账 (fundReconciliation)' },
    WORK_TEAMS: { description: '驻村工作队' },
    RATES: { description: '四率 (identificationRates)' },
    REPORTS: { description: '举报 (cockpitReports with the filter; masked, never the reporter)' },
    VILLAGE_ASSESSMENTS: {
      description: '挂牌督办村 (villageAssessments, classes YELLOW_CARD + KEY_MANAGEMENT)',
    },
    PERFORMANCE: { description: '绩效考核 (performanceAssessments)' },
  },
});

export const HouseholdDrillEnum = builder.enumType('CockpitHouseholdFilter', {
  description: '农户下钻口径',
  values: {
    POOR: { description: '未脱贫 (POOR and RETURNED on the day)' },
    REGISTERED: { description: '建档立卡 (poor, returned and exited on the day)' },
    EXITED: { description: '已脱贫 (on the day)' },
    WITHOUT_HELPER: { description: '未结对的未脱贫户' },
    NOT_VISITED_THIS_MONTH: { description: '已结对但本月未走访' },
    MONITORED: { description: '监测对象 (on the day)' },
  },
});

export const ReportDrillEnum = builder.enumType('CockpitReportFilter', {
  description: '举报下钻口径',
  values: {
    OPEN: { description: '未办结 (on the day)' },
    OVERDUE: { description: '超期 (on the day)' },
  },
});

const DrillLinkRef = builder.objectRef<DrillLink>('CockpitDrillLink').implement({
  description: '下钻链接 (the list and filters that show the rows of a figure)',
  fields: (t) => ({
    target: t.field({ type: DrillTargetEnum, resolve: (l) => l.target }),
    households: t.field({
      type: HouseholdDrillEnum,
      nullable: true,
      description: 'cockpitHouseholds(filter:)',
      resolve: (l) => l.households ?? null,
    }),
    taskStatus: t.string({
      nullable: true,
      description: 'tasks(status:)',
      resolve: (l) => l.taskStatus ?? null,
    }),
    unitId: t.id({
      nullable: true,
      description: 'tasks(responsibleUnitId:)',
      resolve: (l) => l.unitId ?? null,
    }),
    reports: t.field({
      type: ReportDrillEnum,
      nullable: true,
      description: 'cockpitReports(filter:)',
      resolve: (l) => l.reports ?? null,
    }),
    year: t.int({
      nullable: true,
      description: 'villageAssessments / performanceAssessments 年度',
      resolve: (l) => l.year ?? null,
    }),
  }),
});

/** How many units with overdue tasks become warnings of their own. */
const UNITS_WARNED = 5;

async function warningsOf(ctx: Context, scope: CockpitScope): Promise<Warning<DrillLink>[]> {
  const [rates, assistance, tasks, funds, supervision] = await Promise.all([
    rateFigures(ctx, scope),
    assistanceFigures(ctx, scope),
    taskFigures(ctx, scope),
    fundFigures(ctx, scope),
    supervisionFigures(ctx, scope),
  ]);
  const warn = (light: IndicatorLight, count: number, link: DrillLink): Warning<DrillLink> => ({
    ...light,
    count,
    link,
  });
  const share = (ruleId: string, bad: number, total: number, zh: string, en: string, redAt: number) =>
    runRule(() => shareLight(ruleId, { bad, total, labelZh: zh, labelEn: en }, redAt));
  const notVisited = assistance.pairedHouseholds - assistance.visitedThisMonth;
  const candidates: Warning<DrillLink>[] = [
    ...rates.map((r) => warn(r.light, r.rate.numerator, { target: 'RATES' })),
    warn(
      share(
        'SUMMARY.NOT_VISITED',
        notVisited,
        assistance.pairedHouseholds,
        '本月未走访户',
        'households not visited this month',
        50,
      ),
      notVisited,
      { target: 'HOUSEHOLDS', households: 'NOT_VISITED_THIS_MONTH' },
    ),
    warn(
      share(
        'SUMMARY.WITHOUT_HELPER',
        assistance.poorWithoutHelper,
        assistance.poorHouseholds,
        '未结对的未脱贫户',
        'poor households without a helper',
        1,
      ),
      assistance.poorWithoutHelper,
      { target: 'HOUSEHOLDS', households: 'WITHOUT_HELPER' },
    ),
    warn(
      share(
        'SUMMARY.TEAMS_BELOW_STRENGTH',
        assistance.teamsBelowStrength,
        assistance.teams,
        `队员少于 ${assistance.minMembers} 人的工作队`,
        `teams under ${assistance.minMembers} members`,
        10,
      ),
      assistance.teamsBelowStrength,
      { target: 'WORK_TEAMS' },
    ),
    ...assistance.staffing
      .flatMap((d) => d.reasons)
      .filter((r) => !r.passed)
      .map((reason) =>
        warn({ light: 'RED', reason }, Number(reason.facts.shortfall ?? 0), { target: 'WORK_TEAMS' }),
      ),
    warn(
      share(
        'SUMMARY.TASKS_OVERDUE',
        tasks.counts.overdue,
        tasks.counts.total,
        '逾期任务',
        'overdue tasks',
        10,
      ),
      tasks.counts.overdue,
      { target: 'TASKS', taskStatus: 'OVERDUE' },
    ),
    ...tasks.byUnit
      .filter((u) => u.overdue > 0)
      .slice(0, UNITS_WARNED)
      .map((u) =>
        warn(
          share(
            'SUMMARY.UNIT_OVERDUE',
            u.overdue,
            u.total,
            `${u.name} 逾期任务`,
            `overdue tasks of ${u.name}`,
            20,
          ),
          u.overdue,
          { target: 'TASKS', taskStatus: 'OVERDUE', unitId: u.id ?? encodeGlobalID('Unit', u.key) },
        ),
      ),
    ...supervisionWarnings(supervision, share, warn),
  ];
  if (scope.level === 'COUNTY') {
    const unexplained = funds.readings.filter((r) => r.severity === 'WARNING');
    const light = runRule(() =>
      reconciliationLight({ unexplained: unexplained.length, readings: funds.readings.length }),
    );
    // A mismatch is shown by the reconciliation's own reasons, which carry its figures.
    if (unexplained.length === 0) candidates.push(warn(light, 0, { target: 'FUNDS' }));
    for (const reading of unexplained)
      for (const reason of reading.reasons.filter((r) => !r.passed))
        candidates.push(warn({ light: 'RED', reason }, 1, { target: 'FUNDS' }));
  }
  return rankWarnings(candidates);
}

const WarningRef = builder.objectRef<Warning<DrillLink>>('CockpitWarning').implement({
  description: '预警 (an indicator that is not green, its rule, numbers and rows)',
  fields: (t) => ({
    light: t.field({ type: LightEnum, resolve: (w) => w.light }),
    ruleId: t.string({ description: '规则编号', resolve: (w) => w.reason.ruleId }),
    count: t.exposeInt('count', { description: '涉及条数' }),
    reason: t.field({
      type: RuleReasonRef,
      description: '规则说明 (numbers and source)',
      resolve: (w) => w.reason,
    }),
    link: t.field({ type: DrillLinkRef, description: '下钻', resolve: (w) => w.link }),
  }),
});

builder.objectFields(Cockpit, (t) => ({
  warnings: t.field({
    type: [WarningRef],
    description: '预警 (ranked: red first, then the most rows)',
    resolve: (scope, _args, ctx) => warningsOf(ctx, scope),
  }),
}));
