import { yuan } from './money';
import {
  type AnyParameterEntry,
  createParameterTable,
  type ParameterKey,
  type ParameterTable,
  type ParameterValueMap,
  type ResponsibilityLevel,
} from './parameters';
import { percentRatio, ratio } from './ratio';
import { type SourceRef, source } from './sources';

export const HUNAN_PROVINCE = '430000';
export const HUBEI_PROVINCE = '420000';
export const YUNNAN_PROVINCE = '530000';
export const JIANGHUA_COUNTY = '431129';

/** The Jianghua demo county as a lookup region. */
export const JIANGHUA = { province: HUNAN_PROVINCE, county: JIANGHUA_COUNTY } as const;

function national<K extends ParameterKey>(
  key: K,
  years: [number, number?],
  value: ParameterValueMap[K],
  ref: SourceRef,
): AnyParameterEntry {
  const [fromYear, toYear] = years;
  const base = { key, scope: { level: 'NATIONAL' as const }, fromYear, value, source: ref };
  return (toYear === undefined ? base : { ...base, toYear }) as AnyParameterEntry;
}

function scoped<K extends ParameterKey>(
  scope: AnyParameterEntry['scope'],
  key: K,
  years: [number, number?],
  value: ParameterValueMap[K],
  ref: SourceRef,
): AnyParameterEntry {
  return { ...national(key, years, value, ref), scope } as AnyParameterEntry;
}

const hunan = { level: 'PROVINCE', province: HUNAN_PROVINCE } as const;
const jianghua = { level: 'COUNTY', county: JIANGHUA_COUNTY } as const;

/** POLICY.md 1.1: NBS lines in yuan at current prices. 2017 and 2018 are unverified [W]; 2020 is "about 4000". */
const NBS_LINES: ReadonlyArray<[number, number, SourceRef]> = [
  [2010, 2300, source('NBS_LINE', 'N', '2010 base year')],
  [2011, 2536, source('NBS_LINE', 'N', '云南调查年鉴2017 table 4-2')],
  [2012, 2625, source('NBS_LINE', 'N', '云南调查年鉴2017 table 4-2')],
  [2013, 2736, source('NBS_LINE', 'N', '云南调查年鉴2017 table 4-2')],
  [2014, 2800, source('NBS_LINE', 'N', '云南调查年鉴2017 table 4-2')],
  [2015, 2855, source('NBS_LINE', 'N', '云南调查年鉴2017 table 4-2')],
  [2016, 2952, source('NBS_LINE', 'N', '云南调查年鉴2017 table 4-2')],
  [2017, 2952, source('NBS_LINE', 'W', 'unverified NBS figure')],
  [2018, 2995, source('NBS_LINE', 'W', 'unverified NBS figure')],
  [2019, 3218, source('NBS_LINE', 'N', 'Xinhua 2020-12-03')],
  [2020, 4000, source('NBS_LINE', 'N', 'SCIO 2021-04-06: about 4,000')],
];

/** POLICY.md 4, inferred from the article's chain of command [A]. */
export const DEFAULT_RESPONSIBILITY_LEVELS: ResponsibilityLevel[] = [
  { id: 'COUNTY_LEADER', labelZh: '县级领导', labelEn: 'County leaders', rank: 'COUNTY' },
  {
    id: 'COUNTY_DEPARTMENT',
    labelZh: '县直部门/后盾单位',
    labelEn: 'County departments and backing units',
    rank: 'COUNTY',
  },
  { id: 'TOWNSHIP', labelZh: '乡镇', labelEn: 'Townships', rank: 'TOWNSHIP' },
  { id: 'VILLAGE', labelZh: '村两委', labelEn: 'Village committees', rank: 'VILLAGE' },
  { id: 'WORK_TEAM', labelZh: '驻村工作队', labelEn: 'Village work teams', rank: 'VILLAGE' },
  { id: 'HELPER', labelZh: '结对帮扶责任人', labelEn: 'Pairing helpers', rank: 'VILLAGE' },
];

const ARTICLE = source('ARTICLE_2019', 'A');

/** The defaults of POLICY.md section 9, each with its source and evidence grade. */
export const DEFAULT_PARAMETER_ENTRIES: AnyParameterEntry[] = [
  ...NBS_LINES.map(([year, line, ref]) => national('incomeLine.nbs', [year, year], yuan(line), ref)),
  ...NBS_LINES.map(([year, line, ref]) =>
    national('incomeLine.exit', [year, year], yuan(line), { ...ref, note: 'administrative line = NBS line' }),
  ),
  scoped(hunan, 'regionClass', [2014], 'CENTRAL', source('EXIT_2016', 'P', 'Hunan counts as central')),
  national(
    'villageExit.maxIncidence',
    [2016, 2020],
    { CENTRAL: percentRatio(2), WEST: percentRatio(3) },
    source('EXIT_2016', 'N'),
  ),
  national(
    'villageExit.minCollectiveIncome',
    [2016, 2020],
    null,
    source('EXIT_2016', 'N', 'considered, no figure'),
  ),
  scoped(hunan, 'villageExit.minCollectiveIncome', [2016, 2020], yuan(40_000), source('HN_EXIT_2016', 'P')),
  national(
    'countyExit.maxComprehensiveIncidence',
    [2016, 2020],
    { CENTRAL: percentRatio(2), WEST: percentRatio(3) },
    source('COUNTY_EVAL_2017', 'N'),
  ),
  national('countyExit.maxWrongExitRate', [2016, 2020], percentRatio(2), source('COUNTY_EVAL_2017', 'N')),
  national('countyExit.maxMissedRate', [2016, 2020], percentRatio(2), source('COUNTY_EVAL_2017', 'N')),
  national('countyExit.minRecognition', [2016, 2020], percentRatio(90), source('COUNTY_EVAL_2017', 'N')),
  national('edge.multiplier', [2019, 2020], ratio(3, 2), source('MONITOR_2020', 'N')),
  national('monitor.incomeBasis', [2019, 2020], 'EDGE_MULTIPLIER', source('MONITOR_2020', 'N')),
  national('monitor.incomeBasis', [2021], 'ANNUAL_RANGE', source('MONITOR_2021', 'N')),
  national(
    'monitor.range',
    [2021, 2021],
    yuan(6000),
    source('MONITOR_2021', 'L', 'jingbian.gov.cn: 1.5 × line'),
  ),
  scoped(
    hunan,
    'monitor.range',
    [2022, 2022],
    yuan(6900),
    source('MONITOR_2021', 'P', '湖南日报 2023-02-16'),
  ),
  scoped(
    { level: 'PROVINCE', province: HUBEI_PROVINCE },
    'monitor.range',
    [2022, 2022],
    yuan(6900),
    source('MONITOR_2021', 'L', 'zhangwan.gov.cn'),
  ),
  scoped(
    { level: 'PROVINCE', province: YUNNAN_PROVINCE },
    'monitor.range',
    [2025, 2025],
    yuan(8700),
    source('MONITOR_2021', 'W', '云农办通〔2025〕1号 via a town notice'),
  ),
  national('monitor.maxDaysToIdentify', [2021], 15, source('MONITOR_2021', 'L', 'qinan.gov.cn, Gansu')),
  national('monitor.noticeDays', [2021], 5, source('MONITOR_2021', 'N')),
  national(
    'monitor.minStableMonthsForElimination',
    [2021],
    6,
    source('MONITOR_2021', 'L', 'zongyang.gov.cn'),
  ),
  national(
    'procedure.minNoticeDays',
    [2014],
    { IDENTIFY: 5, ADD_MISSED: 5, RETURN: 5, REMOVE_WRONGLY_INCLUDED: 5, EXIT: 7, END_POLICY: 0 },
    source('ID_PROCEDURE_2015', 'L', 'notices 5–7 days; exit notices locally ≥ 7 days'),
  ),
  national(
    'education.compulsoryAge',
    [2014],
    { fromAge: 6, toAge: 15 },
    source('EXIT_2016', 'W', 'about 6–15'),
  ),
  national(
    'housing.safeGrades',
    [2014],
    ['A', 'B'],
    source('EXIT_2016', 'W', 'county housing-safety rating'),
  ),
  national(
    'water.standard',
    [2014],
    {
      minLitresPerPersonPerDay: 35,
      minLitresPerPersonPerDayWaterScarce: 20,
      maxFetchMinutes: 20,
      maxHorizontalMetres: 800,
      maxVerticalMetres: 80,
      maxOutageDaysPerYear: 36,
    },
    source('WATER_EVAL', 'L', 'cqck.gov.cn county water-bureau Q&A'),
  ),
  national(
    'exclusions.enabled',
    [2014],
    [
      'PUBLIC_EMPLOYEE',
      'VILLAGE_CADRE',
      'VEHICLE',
      'TOWN_HOUSE',
      'BUSINESS',
      'EMPLOYER',
      'SPLIT_OR_GHOST_HOUSEHOLD',
    ],
    source('EXCLUSION_LISTS', 'L', 'representative 七个不纳入; no Jianghua text found'),
  ),
  national(
    'exclusions.vehicleMinPrice',
    [2014],
    yuan(30_000),
    source('EXCLUSION_LISTS', 'L', '购置价≥3万元'),
  ),
  national('team.minMembers', [2014], 3, source('TEAM_2017', 'N', 'Jianghua: 3人以上 [A]')),
  national('team.minYears', [2014], 2, source('TEAM_2017', 'N')),
  national('pairing.maxHouseholdsPerHelper', [2014], 5, source('ARTICLE_2019', 'A', 'Jianghua practice')),
  national('pairing.visitsPerMonth', [2014], 2, source('ARTICLE_2019', 'A', '固定走访日, Jianghua practice')),
  national(
    'responsibility.levels',
    [2014],
    DEFAULT_RESPONSIBILITY_LEVELS,
    source('ARTICLE_2019', 'A', 'inferred'),
  ),
  national(
    'villageAssessment.bands',
    [2014],
    { consolidateMinScore: 90, rectifyMinScore: 80, keyManagementMinProblems: 5 },
    source('ARTICLE_2019', 'A', 'only "<80 and many problems" is stated; 90 and 5 are project defaults'),
  ),
  scoped(jianghua, 'villageExitReward', [2014, 2020], yuan(100_000), ARTICLE),
  scoped(
    jianghua,
    'workStation.staffRange',
    [2014],
    { min: 2, max: 5 },
    source('ARTICLE_2019', 'A', '各乡镇均设立扶贫工作站,安排2-5名工作人员'),
  ),
  national(
    'disclosure.noticeDays',
    [2014],
    {
      FUND_PROJECT: { minDays: 10, maxDays: null },
      HOUSEHOLD: { minDays: 5, maxDays: 7 },
      VILLAGE: { minDays: 5, maxDays: 7 },
    },
    source('DISCLOSE_2018', 'W', 'fund/project boards ≥ 10 days; household and village notices 5–7 days [L]'),
  ),
  national(
    'report.timeLimitDays',
    [2014],
    { assignDays: 2, handleDays: 15, replyDays: 20 },
    source('PROJECT_DEFAULT', 'W', 'no source found for report time limits'),
  ),
  national(
    'report.categoryTimeLimitDays',
    [2014],
    {
      POLICY_CONSULTATION: { assignDays: 1, handleDays: 3, replyDays: 5 },
      ASSISTANCE: { assignDays: 2, handleDays: 10, replyDays: 15 },
      FUND_MISUSE: { assignDays: 2, handleDays: 30, replyDays: 30 },
      CONDUCT: { assignDays: 2, handleDays: 30, replyDays: 30 },
    },
    source('PROJECT_DEFAULT', 'W', 'consultations answered sooner, fund and conduct cases given a month'),
  ),
  scoped(jianghua, 'performance.minBonusShare', [2014, 2020], percentRatio(50), ARTICLE),
];

export const DEFAULT_PARAMETERS: ParameterTable = createParameterTable(DEFAULT_PARAMETER_ENTRIES);
