import type { IndicatorLight, Warning } from '@gongjian/rules';
import type { DrillLink } from './drill-link';
import type { SupervisionFigures } from './supervision';

type Share = (
  ruleId: string,
  bad: number,
  total: number,
  zh: string,
  en: string,
  redAt: number,
) => IndicatorLight;
type Warn = (light: IndicatorLight, count: number, link: DrillLink) => Warning<DrillLink>;

/** 监督考核的预警: overdue reports, 挂牌督办 villages and units short of the campaign bonus share. */
export function supervisionWarnings(f: SupervisionFigures, share: Share, warn: Warn): Warning<DrillLink>[] {
  const flagged = f.classes.yellowCard + f.classes.keyManagement;
  return [
    warn(
      share('SUMMARY.REPORTS_OVERDUE', f.reportsOverdue, f.reportsOpen, '超期举报', 'overdue reports', 10),
      f.reportsOverdue,
      { target: 'REPORTS', reports: 'OVERDUE' },
    ),
    warn(
      share(
        'SUMMARY.VILLAGES_FLAGGED',
        flagged,
        f.assessed,
        '挂牌督办村 (黄牌警告、重点管理)',
        'villages under supervision (yellow card, key management)',
        5,
      ),
      flagged,
      { target: 'VILLAGE_ASSESSMENTS', ...(f.assessmentYear === null ? {} : { year: f.assessmentYear }) },
    ),
    warn(
      share(
        'SUMMARY.BONUS_SHARE',
        f.bonusShortfalls.length,
        f.unitsAssessed,
        '绩效奖金挂钩比例不足的单位',
        'units below the campaign bonus share',
        10,
      ),
      f.bonusShortfalls.length,
      { target: 'PERFORMANCE', ...(f.performanceYear === null ? {} : { year: f.performanceYear }) },
    ),
  ];
}
