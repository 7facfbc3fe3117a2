import type {
  ApplicationKind,
  HousingGrade,
  IncomeLineKind,
  MonitoringIncomeBasis,
  NoticeKind,
  RegionClass,
  RegionRef,
  ReportCategory,
} from './enums';
import { InvalidInputError, MissingParameterError } from './errors';
import type { Fen } from './money';
import type { Ratio } from './ratio';
import type { SourceRef } from './sources';

/** 《农村饮水安全评价准则》: all four criteria must hold. */
export interface WaterStandard {
  minLitresPerPersonPerDay: number;
  minLitresPerPersonPerDayWaterScarce: number;
  maxFetchMinutes: number;
  maxHorizontalMetres: number;
  maxVerticalMetres: number;
  maxOutageDaysPerYear: number;
}

export interface AgeRange {
  fromAge: number;
  toAge: number;
}

export type RegionRank = 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';

export interface ResponsibilityLevel {
  id: string;
  labelZh: string;
  labelEn: string;
  /** The tier this level belongs to: who may set a task at it, and the highest region its tasks sit in. */
  rank: RegionRank;
}

/** Scores are compared as given: ≥ consolidateMinScore (and no veto) → 达标巩固; ≥ rectifyMinScore → 整改提升. */
export interface AssessmentBands {
  consolidateMinScore: number;
  rectifyMinScore: number;
  keyManagementMinProblems: number;
}

/** Days a notice stays posted, counting the posting day; maxDays null = no upper bound. */
export interface NoticePeriod {
  minDays: number;
  maxDays: number | null;
}

/** Calendar days from receipt by which each report step must be done. */
export interface ReportTimeLimits {
  assignDays: number;
  handleDays: number;
  replyDays: number;
}

/** Every policy parameter and the type of its value. Money in fen; rates as exact ratios. */
export interface ParameterValueMap {
  /** Statistical poverty line per person per year (current prices). */
  'incomeLine.nbs': Fen;
  /** Administrative line used for identification and household exit; defaults to the NBS line. */
  'incomeLine.exit': Fen;
  regionClass: RegionClass;
  'villageExit.maxIncidence': Record<RegionClass, Ratio>;
  /** null: no collective-income requirement at this level. */
  'villageExit.minCollectiveIncome': Fen | null;
  'countyExit.maxComprehensiveIncidence': Record<RegionClass, Ratio>;
  'countyExit.maxWrongExitRate': Ratio;
  'countyExit.maxMissedRate': Ratio;
  'countyExit.minRecognition': Ratio;
  'edge.multiplier': Ratio;
  /** Which ceiling the monitoring range uses that year: a multiple of the line, or a published amount. */
  'monitor.incomeBasis': MonitoringIncomeBasis;
  'monitor.range': Fen;
  'monitor.maxDaysToIdentify': number;
  'monitor.noticeDays': number;
  'monitor.minStableMonthsForElimination': number;
  'procedure.minNoticeDays': Record<ApplicationKind, number>;
  'education.compulsoryAge': AgeRange;
  'housing.safeGrades': HousingGrade[];
  'water.standard': WaterStandard;
  /** Ids of the exclusion rules in force (the built-in ones or a county's own). */
  'exclusions.enabled': string[];
  'exclusions.vehicleMinPrice': Fen;
  /** 扶贫工作站 staff: each township work station has between `min` and `max` people. */
  'workStation.staffRange': { min: number; max: number };
  'team.minMembers': number;
  'team.minYears': number;
  'pairing.maxHouseholdsPerHelper': number;
  'pairing.visitsPerMonth': number;
  'responsibility.levels': ResponsibilityLevel[];
  'villageAssessment.bands': AssessmentBands;
  villageExitReward: Fen;
  'disclosure.noticeDays': Record<NoticeKind, NoticePeriod>;
  'report.timeLimitDays': ReportTimeLimits;
  /** Time limits by category; a category missing here takes 'report.timeLimitDays'. */
  'report.categoryTimeLimitDays': Partial<Record<ReportCategory, ReportTimeLimits>>;
  'performance.minBonusShare': Ratio;
}

export type ParameterKey = keyof ParameterValueMap;

export type ParameterScope =
  | { level: 'NATIONAL' }
  | { level: 'PROVINCE'; province: string }
  | { level: 'COUNTY'; county: string };

export interface ParameterEntry<K extends ParameterKey = ParameterKey> {
  key: K;
  scope: ParameterScope;
  /** First year the value applies to. */
  fromYear: number;
  /** Last year (inclusive); omitted = still in force. */
  toYear?: number;
  value: ParameterValueMap[K];
  source: SourceRef;
}

export type AnyParameterEntry = { [K in ParameterKey]: ParameterEntry<K> }[ParameterKey];

export interface ParameterTable {
  readonly entries: readonly AnyParameterEntry[];
}

export interface ResolvedParameter<K extends ParameterKey> {
  key: K;
  value: ParameterValueMap[K];
  source: SourceRef;
  scope: ParameterScope;
  year: number;
}

function scopeId(scope: ParameterScope): string {
  switch (scope.level) {
    case 'NATIONAL':
      return 'NATIONAL';
    case 'PROVINCE':
      return `PROVINCE:${scope.province}`;
    case 'COUNTY':
      return `COUNTY:${scope.county}`;
  }
}

function lastYear(entry: AnyParameterEntry): number {
  return entry.toYear ?? Number.POSITIVE_INFINITY;
}

function covers(entry: AnyParameterEntry, year: number): boolean {
  return entry.fromYear <= year && year <= lastYear(entry);
}

/** Checks the entries (years in order, no two values for the same key, scope and year) and builds a table. */
export function createParameterTable(entries: readonly AnyParameterEntry[]): ParameterTable {
  const byKeyAndScope = new Map<string, AnyParameterEntry[]>();
  for (const entry of entries) {
    if (!Number.isInteger(entry.fromYear) || (entry.toYear !== undefined && entry.toYear < entry.fromYear)) {
      throw new InvalidInputError(entry.key, `bad year range ${entry.fromYear}–${entry.toYear}`);
    }
    const id = `${entry.key}@${scopeId(entry.scope)}`;
    const siblings = byKeyAndScope.get(id) ?? [];
    const clash = siblings.find(
      (other) => other.fromYear <= lastYear(entry) && entry.fromYear <= lastYear(other),
    );
    if (clash) {
      throw new InvalidInputError(entry.key, `two values for ${scopeId(entry.scope)} in overlapping years`);
    }
    siblings.push(entry);
    byKeyAndScope.set(id, siblings);
  }
  return { entries: [...entries] };
}

/** A new table with county (or province) overrides added; a clash with an existing entry is an error. */
export function withOverrides(
  table: ParameterTable,
  overrides: readonly AnyParameterEntry[],
): ParameterTable {
  return createParameterTable([...table.entries, ...overrides]);
}

/**
 * The value of a parameter for a year and region: the county's override if it has one for that year,
 * else the province's, else the national default. No value anywhere → MissingParameterError.
 */
export function lookupParameter<K extends ParameterKey>(
  table: ParameterTable,
  key: K,
  year: number,
  region: RegionRef,
): ResolvedParameter<K> {
  const candidates = table.entries.filter((entry) => entry.key === key && covers(entry, year));
  const layers: ParameterScope['level'][] = ['COUNTY', 'PROVINCE', 'NATIONAL'];
  for (const level of layers) {
    const match = candidates.find(
      (entry) =>
        entry.scope.level === level &&
        (entry.scope.level !== 'COUNTY' || entry.scope.county === region.county) &&
        (entry.scope.level !== 'PROVINCE' || entry.scope.province === region.province),
    ) as ParameterEntry<K> | undefined;
    if (match) return { key, value: match.value, source: match.source, scope: match.scope, year };
  }
  throw new MissingParameterError(key, year, region);
}

/** The parameters in force for one year and one region; rules receive this, never a table. */
export interface Policy {
  readonly year: number;
  readonly region: RegionRef;
  get<K extends ParameterKey>(key: K): ParameterValueMap[K];
  resolve<K extends ParameterKey>(key: K): ResolvedParameter<K>;
}

export function policyFor(table: ParameterTable, year: number, region: RegionRef): Policy {
  if (!Number.isInteger(year)) throw new InvalidInputError('year', `must be a whole year, got ${year}`);
  return {
    year,
    region,
    get: (key) => lookupParameter(table, key, year, region).value,
    resolve: (key) => lookupParameter(table, key, year, region),
  };
}

/** incomeLine(year, region, kind) of POLICY.md 1.1. */
export function incomeLine(policy: Policy, kind: IncomeLineKind): Fen {
  return policy.get(kind === 'nbs' ? 'incomeLine.nbs' : 'incomeLine.exit');
}
