/** The operations the clients use, as the benchmark sends them. */
export interface Operation {
  name: string;
  user: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Figure checked against a QUALITY.md target: 'list' (≥400 req/s, p99 ≤ 60 ms, ratio ≤ 1.5) or 'summary' (p95 ≤ 100 ms). */
  kind: 'list' | 'summary';
}

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
];
