import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { useLocale, useWords } from '@gongjian/ui';
import { LIGHT_COLOURS } from './CockpitIndicators.tsx';
import type { DrillRequest } from './DrillDrawer.tsx';
import { cockpitWords } from './words.ts';

export const CockpitWarnings_cockpit = graphql(`
  fragment CockpitWarnings_cockpit on Cockpit {
    warnings {
      light
      ruleId
      count
      reason { messageZh messageEn }
      link { target households taskStatus unitId reports }
    }
  }
`);

/** The ranked warnings: red first; each says its rule and numbers and opens its rows when it has them. */
export function CockpitWarnings({
  cockpit,
  onDrill,
}: {
  cockpit: FragmentOf<typeof CockpitWarnings_cockpit>;
  onDrill: (request: DrillRequest) => void;
}) {
  const words = useWords(cockpitWords);
  const { locale } = useLocale();
  const { warnings } = readFragment(CockpitWarnings_cockpit, cockpit);
  if (warnings.length === 0) return <p data-testid="cockpit-no-warnings">{words.noWarnings}</p>;
  return (
    <ol className="cockpit-warnings" data-testid="cockpit-warnings">
      {warnings.map((w, index) => {
        const drill: DrillRequest | null =
          w.link.target === 'HOUSEHOLDS' && w.link.households
            ? { kind: 'HOUSEHOLDS', filter: w.link.households }
            : w.link.target === 'TASKS'
              ? { kind: 'TASKS', status: 'OVERDUE', unitId: w.link.unitId }
              : w.link.target === 'REPORTS' && w.link.reports
                ? { kind: 'REPORTS', filter: w.link.reports }
                : null;
        const text = locale === 'en' ? w.reason.messageEn : w.reason.messageZh;
        return (
          <li key={`${w.ruleId}-${index}`} style={{ borderLeftColor: LIGHT_COLOURS[w.light] }}>
            <span
              className="cockpit-dot"
              style={{ background: LIGHT_COLOURS[w.light] }}
              role="img"
              aria-label={words[w.light]}
            />
            {drill ? (
              <button
                type="button"
                className="cockpit-link"
                onClick={() => onDrill({ ...drill, title: w.ruleId })}
              >
                {text}
              </button>
            ) : (
              <span>{text}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
