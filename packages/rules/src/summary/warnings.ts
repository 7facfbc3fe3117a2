import type { IndicatorLight, Light } from './lights';

/** A warning for the leader: an indicator whose light is not green, the rows it counts and where they are. */
export interface Warning<L> extends IndicatorLight {
  /** How many rows the warning is about (overdue tasks, unvisited households…). */
  count: number;
  link: L;
}

const WEIGHT: Record<Light, number> = { RED: 0, AMBER: 1, GREEN: 2 };

/** Red before amber, then the most rows first, then by rule id; green lights are no warning. */
export function rankWarnings<L>(candidates: readonly Warning<L>[]): Warning<L>[] {
  return candidates
    .filter((w) => w.light !== 'GREEN')
    .sort(
      (a, b) =>
        WEIGHT[a.light] - WEIGHT[b.light] ||
        b.count - a.count ||
        a.reason.ruleId.localeCompare(b.reason.ruleId),
    );
}
