import type { CalendarDate } from '@gongjian/rules';
import type { SeededCounty } from '../demo-step';
import type { Random } from '../random';

/** What the parts of the supervision demo share: the county, its clock and the ids they hang from. */
export interface SupervisionContext {
  county: SeededCounty;
  random: Random;
  today: CalendarDate;
  adminId: number | null;
  supervisorId: number | null;
  groupId: number | null;
  /** Each township's work station and its first cadre: who rectifies a finding there. */
  stationOf: Map<number, { unitId: number; personId: number }>;
  governmentOf: Map<number, number>;
}

/** A finding (or report) an accountability case can rest on. */
export interface FindingBasis {
  id: number;
  regionPath: string;
  foundOn: CalendarDate;
}
