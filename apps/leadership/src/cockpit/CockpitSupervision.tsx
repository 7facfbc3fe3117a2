import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { enumLabel, useLocale, useWords } from '@gongjian/ui';
import { LIGHT_COLOURS } from './CockpitIndicators.tsx';
import type { DrillRequest } from './DrillDrawer.tsx';
import { cockpitWords } from './words.ts';

export const CockpitSupervision_cockpit = graphql(`
  fragment CockpitSupervision_cockpit on Cockpit {
    supervision {
      reportsReceived reportsOpen reportsOverdue
      accountability { year kind count }
      assessmentYear assessedVillages consolidate rectify yellowCard keyManagement flaggedVillages
      villagesExited rewardsPaid rewardsWanYuan
      performanceYear unitsAssessed bonusSharePercent unitsBelowBonusShare
    }
    warnings { ruleId light }
  }
`);

type Light = keyof typeof LIGHT_COLOURS;

/** 监督考核: reports, accountability, village classes, exits and bonuses on the day, each with its light. */
export function CockpitSupervision({
  cockpit,
  onDrill,
}: {
  cockpit: FragmentOf<typeof CockpitSupervision_cockpit>;
  onDrill: (request: DrillRequest) => void;
}) {
  const words = useWords(cockpitWords);
  const { locale } = useLocale();
  const c = readFragment(CockpitSupervision_cockpit, cockpit);
  const s = c.supervision;
  const lightOf = (ruleId: string): Light | undefined =>
    c.warnings.find((w) => w.ruleId === ruleId)?.light as Light | undefined;
  const figure = (
    key: string,
    label: string,
    value: string | number,
    light?: Light,
    drill?: DrillRequest,
  ) => (
    <button
      type="button"
      key={key}
      data-testid={`cockpit-${key}`}
      className="cockpit-tile"
      disabled={!drill}
      onClick={() => drill && onDrill({ ...drill, title: label })}
      style={{ borderTopColor: light ? LIGHT_COLOURS[light] : '#d9d9d9' }}
    >
      <span className="cockpit-tile-label">{label}</span>
      <span className="cockpit-tile-value" style={{ color: light ? LIGHT_COLOURS[light] : undefined }}>
        {value}
      </span>
    </button>
  );
  const latestCases = s.accountability.filter(
    (a) => a.year === Math.max(...s.accountability.map((x) => x.year)),
  );
  return (
    <div className="cockpit-section" data-testid="cockpit-supervision">
      <div className="cockpit-tiles">
        {figure('reports-open', words.reportsOpen, s.reportsOpen, undefined, {
          kind: 'REPORTS',
          filter: 'OPEN',
        })}
        {figure(
          'reports-overdue',
          words.reportsOverdue,
          s.reportsOverdue,
          lightOf('SUMMARY.REPORTS_OVERDUE') ?? 'GREEN',
          {
            kind: 'REPORTS',
            filter: 'OVERDUE',
          },
        )}
        {figure(
          'flagged-villages',
          words.flaggedVillages,
          s.flaggedVillages,
          lightOf('SUMMARY.VILLAGES_FLAGGED') ?? 'GREEN',
        )}
        {figure('villages-exited', words.villagesExited, s.villagesExited)}
        {figure('rewards', words.rewards, `${s.rewardsPaid} · ${s.rewardsWanYuan}`)}
        {figure(
          'bonus-share',
          words.bonusShare,
          s.bonusSharePercent === null ? '—' : `${s.bonusSharePercent}%`,
          lightOf('SUMMARY.BONUS_SHARE') ?? (s.unitsAssessed ? 'GREEN' : undefined),
        )}
      </div>
      <p className="cockpit-muted" data-testid="cockpit-classes">
        {s.assessmentYear === null
          ? words.noAssessment
          : `${s.assessmentYear} ${words.classes}: ${words.consolidate} ${s.consolidate} · ${words.rectify} ${s.rectify} · ${words.yellowCard} ${s.yellowCard} · ${words.keyManagement} ${s.keyManagement} (${s.assessedVillages})`}
      </p>
      <p className="cockpit-muted" data-testid="cockpit-accountability">
        {latestCases.length === 0
          ? words.noCases
          : `${latestCases[0]!.year} ${words.accountability}: ${latestCases
              .map((a) => `${enumLabel('AccountabilityKind', a.kind, locale)} ${a.count}`)
              .join(' · ')}`}
      </p>
    </div>
  );
}
