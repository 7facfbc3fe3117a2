import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { useWords } from '@gongjian/ui';
import { Tooltip } from 'antd';
import type { DrillRequest } from './DrillDrawer.tsx';
import { cockpitWords } from './words.ts';

export const CockpitIndicators_cockpit = graphql(`
  fragment CockpitIndicators_cockpit on Cockpit {
    households { poorHouseholds poorPeople registeredHouseholds monitoredObjects }
    assistance { helpers pairings notVisitedThisMonth poorWithoutHelper teams teamMembers teamsBelowStrength }
    tasks { counts { total done inProgress overdue } }
    funds { grossWanYuan netWanYuan }
    projects { projects disbursedWanYuan }
    organisation { villages poorVillages units meetings { count } }
    rates { key name percent targetPercent comparison light { light reason { messageZh messageEn } } }
    warnings { ruleId light }
  }
`);

export const LIGHT_COLOURS = { GREEN: '#389e0d', AMBER: '#d48806', RED: '#cf1322' } as const;

type Light = keyof typeof LIGHT_COLOURS;

interface Tile {
  key: string;
  label: string;
  value: string | number;
  light?: Light;
  drill?: DrillRequest;
}

/** The indicator tiles: each figure with the light its rule gave it, and a click to the rows behind it. */
export function CockpitIndicators({
  cockpit,
  onDrill,
}: {
  cockpit: FragmentOf<typeof CockpitIndicators_cockpit>;
  onDrill: (request: DrillRequest) => void;
}) {
  const words = useWords(cockpitWords);
  const c = readFragment(CockpitIndicators_cockpit, cockpit);
  const lightOf = (ruleId: string): Light =>
    (c.warnings.find((w) => w.ruleId === ruleId)?.light as Light | undefined) ?? 'GREEN';
  const tiles: Tile[] = [
    {
      key: 'poor-households',
      label: words.poorHouseholds,
      value: c.households.poorHouseholds,
      drill: { kind: 'HOUSEHOLDS', filter: 'POOR' },
    },
    { key: 'poor-people', label: words.poorPeople, value: c.households.poorPeople },
    {
      key: 'registered-households',
      label: words.registeredHouseholds,
      value: c.households.registeredHouseholds,
      drill: { kind: 'HOUSEHOLDS', filter: 'REGISTERED' },
    },
    {
      key: 'monitored',
      label: words.monitored,
      value: c.households.monitoredObjects,
      drill: { kind: 'HOUSEHOLDS', filter: 'MONITORED' },
    },
    { key: 'helpers', label: words.helpers, value: c.assistance.helpers },
    {
      key: 'not-visited',
      label: words.notVisited,
      value: c.assistance.notVisitedThisMonth,
      light: lightOf('SUMMARY.NOT_VISITED'),
      drill: { kind: 'HOUSEHOLDS', filter: 'NOT_VISITED_THIS_MONTH' },
    },
    {
      key: 'without-helper',
      label: words.withoutHelper,
      value: c.assistance.poorWithoutHelper,
      light: lightOf('SUMMARY.WITHOUT_HELPER'),
      drill: { kind: 'HOUSEHOLDS', filter: 'WITHOUT_HELPER' },
    },
    {
      key: 'team-members',
      label: words.teamMembers,
      value: `${c.assistance.teamMembers} / ${c.assistance.teams}`,
    },
    {
      key: 'teams-below-strength',
      label: words.teamsBelowStrength,
      value: c.assistance.teamsBelowStrength,
      light: lightOf('SUMMARY.TEAMS_BELOW_STRENGTH'),
    },
    {
      key: 'tasks-done',
      label: words.tasksDone,
      value: `${c.tasks.counts.done} / ${c.tasks.counts.total}`,
      drill: { kind: 'TASKS', status: 'DONE' },
    },
    {
      key: 'tasks-overdue',
      label: words.tasksOverdue,
      value: c.tasks.counts.overdue,
      light: lightOf('SUMMARY.TASKS_OVERDUE'),
      drill: { kind: 'TASKS', status: 'OVERDUE' },
    },
    {
      key: 'tasks-in-progress',
      label: words.tasksInProgress,
      value: c.tasks.counts.inProgress,
      drill: { kind: 'TASKS', status: 'IN_PROGRESS' },
    },
    {
      key: 'funds-gross',
      label: words.fundsGross,
      value: c.funds.grossWanYuan,
      light: lightOf('FUNDS.RECONCILIATION'),
    },
    { key: 'funds-net', label: words.fundsNet, value: c.funds.netWanYuan },
    { key: 'projects', label: words.projects, value: c.projects.projects, drill: { kind: 'PROJECTS' } },
    { key: 'disbursed', label: words.disbursed, value: c.projects.disbursedWanYuan },
    {
      key: 'villages',
      label: words.villages,
      value: `${c.organisation.poorVillages} / ${c.organisation.villages}`,
    },
    {
      key: 'meetings',
      label: words.meetings,
      value: c.organisation.meetings.reduce((n, m) => n + m.count, 0),
    },
  ];
  return (
    <div className="cockpit-section">
      <div className="cockpit-tiles">
        {tiles.map((tile) => (
          <button
            type="button"
            key={tile.key}
            data-testid={`cockpit-${tile.key}`}
            className="cockpit-tile"
            disabled={!tile.drill}
            onClick={() => tile.drill && onDrill({ ...tile.drill, title: tile.label })}
            style={{ borderTopColor: tile.light ? LIGHT_COLOURS[tile.light] : '#d9d9d9' }}
          >
            <span className="cockpit-tile-label">
              {tile.light && (
                <span
                  className="cockpit-dot"
                  style={{ background: LIGHT_COLOURS[tile.light] }}
                  role="img"
                  aria-label={words[tile.light]}
                />
              )}
              {tile.label}
            </span>
            <span
              className="cockpit-tile-value"
              style={{ color: tile.light ? LIGHT_COLOURS[tile.light] : undefined }}
            >
              {tile.value}
            </span>
          </button>
        ))}
      </div>
      <div className="cockpit-rates" data-testid="cockpit-rates">
        {c.rates.map((rate) => (
          <Tooltip key={rate.key} title={rate.light.reason.messageZh}>
            <div
              className="cockpit-rate"
              data-testid={`cockpit-rate-${rate.key}`}
              style={{ borderLeftColor: LIGHT_COLOURS[rate.light.light as Light] }}
            >
              <span className="cockpit-tile-label">
                <span
                  className="cockpit-dot"
                  style={{ background: LIGHT_COLOURS[rate.light.light as Light] }}
                />
                {rate.name}
              </span>
              <strong>{rate.percent}</strong>
              <span className="cockpit-muted">
                {words.target} {rate.comparison} {rate.targetPercent}
              </span>
            </div>
          </Tooltip>
        ))}
      </div>
    </div>
  );
}
