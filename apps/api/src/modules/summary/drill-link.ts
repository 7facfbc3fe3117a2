/** Where the rows of a cockpit figure are: the list and its filter (the `CockpitDrillLink` of the schema). */
export type HouseholdDrill =
  | 'POOR'
  | 'REGISTERED'
  | 'EXITED'
  | 'WITHOUT_HELPER'
  | 'NOT_VISITED_THIS_MONTH'
  | 'MONITORED';

export type ReportDrill = 'OPEN' | 'OVERDUE';

export interface DrillLink {
  target:
    | 'HOUSEHOLDS'
    | 'TASKS'
    | 'PROJECTS'
    | 'FUNDS'
    | 'WORK_TEAMS'
    | 'RATES'
    | 'REPORTS'
    | 'VILLAGE_ASSESSMENTS'
    | 'PERFORMANCE';
  households?: HouseholdDrill;
  reports?: ReportDrill;
  year?: number;
  taskStatus?: 'OVERDUE';
  unitId?: string;
}
