/** The operations the clients use, as the benchmark sends them. */
export interface Operation {
  name: string;
  user: string;
  query: string;
  variables?: Record<string, unknown>;
  /** A township of the demo county, by name, whose Relay id the run passes as `regionId`. */
  township?: string;
  /**
   * Figure checked against a QUALITY.md target: 'list' (≥400 req/s, p99 ≤ 60 ms, ratio ≤ 1.5) or 'summary'
   * (p95 ≤ 100 ms); 'cockpit' and 'client' (read from the clients' manifests) are reported (p95) without a target.
   */
  kind: 'list' | 'summary' | 'cockpit' | 'client';
}

/** The leadership client's cockpit: every section, warnings and trends (ten statements). */
const COCKPIT = `query ($regionId: ID, $asOf: Date) {
  cockpit(regionId: $regionId, asOf: $asOf) {
    asOf region { id name level }
    households { byStatus { status households people } registeredHouseholds poorHouseholds poorPeople monitoredObjects }
    rates { key percent targetPercent passed light { light } }
    assistance { helpers pairings poorWithoutHelper visitedThisMonth notVisitedThisMonth teams teamMembers teamsBelowStrength }
    tasks { counts { total done inProgress overdue notStarted } byUnit(first: 5) { id name overdue } byGroup { name overdue } }
    funds { grossWanYuan netWanYuan readings { outcome grossDifferenceWanYuan } }
    projects { projects allocatedWanYuan disbursedWanYuan byState { state projects } }
    organisation { villages poorVillages units cadres meetings { type count } }
    trends { year poorHouseholds tasksDone fundsWanYuan }
    warnings { light ruleId count reason { messageZh } link { target households taskStatus unitId } }
  }
}`;

const cockpit = (scope: string, asOf: string | null, township?: string): Operation => ({
  name: `cockpit, ${scope}, ${asOf ?? 'today'} (leader)`,
  user: 'leader',
  kind: 'cockpit',
  query: COCKPIT,
  variables: { asOf },
  township,
});

export const OPERATIONS: Operation[] = [
  {
    name: 'villages: 50 rows with township and unit count (county admin)',
    user: 'admin',
    kind: 'list',
    query: `query { villages(first: 50) { totalCount edges { cursor node { id name villageKind parent { name } unitCount } } pageInfo { hasNextPage endCursor } } }`,
  },
  {
    name: 'units: 50 rows with region and cadre count (county admin)',
    user: 'admin',
    kind: 'list',
    query: `query { units(first: 50) { totalCount edges { node { id name kind backingLevel version cadreCount region { name } } } } }`,
  },
  {
    name: 'cadres: 50 rows with unit, masked phone (township clerk, jurisdiction-filtered)',
    user: 'township',
    kind: 'list',
    query: `query { cadres(first: 50) { totalCount edges { node { id name post phone unit { name } } } } }`,
  },
  {
    name: 'organisation summary, county scope (leader)',
    user: 'leader',
    kind: 'summary',
    query: `query { organisationSummary { villageCount poorVillageCount nonPoorWithPoorCount unitCount cadreCount
      townships { township { id name } poorVillages nonPoorWithPoor nonPoor communities unitCount cadreCount } } }`,
  },
  cockpit('county', null),
  cockpit('county', '2019-09-11'),
  cockpit('township 沱江镇', null, '沱江镇'),
  cockpit('township 沱江镇', '2019-09-11', '沱江镇'),
];
