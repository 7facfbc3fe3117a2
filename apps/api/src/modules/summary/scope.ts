import type { CalendarDate, Policy } from '@gongjian/rules';
import { builder } from '../../builder';

/** What every section of the cockpit is computed for: one region's subtree on one day. */
export interface CockpitScope {
  regionId: number;
  regionPath: string;
  level: 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';
  name: string;
  code: string;
  asOf: CalendarDate;
  year: number;
  /** The month of `asOf` (YYYY-MM), whose visits are counted. */
  month: string;
  policy: Policy;
}

/** Each section file adds its own field to this type (`builder.objectFields(Cockpit, …)`). */
export const Cockpit = builder.objectRef<CockpitScope>('Cockpit');

/** The memo key of a section's statement: one per scope and day, however many fields read it. */
export const sectionKey = (section: string, scope: CockpitScope) =>
  `cockpit:${section}:${scope.regionPath}:${scope.asOf}`;

/** The last day of `asOf`'s year that has passed by `asOf`: the year end, or `asOf` itself. */
export const yearEndOrAsOf = (year: number, asOf: CalendarDate) =>
  `${year}-12-31` <= asOf ? `${year}-12-31` : asOf;
