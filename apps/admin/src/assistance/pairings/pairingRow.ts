import { graphql, type ResultOf } from '@gongjian/schema';

/** 结对帮扶名单: the list's query and its row, shared by the page and its forms. */
export const PairingsQuery = graphql.persisted(
  'admin/AdminPairings',
  graphql(`
    query AdminPairings($regionId: ID, $open: Boolean, $search: String, $first: Int!, $after: String) {
      pairings(regionId: $regionId, open: $open, search: $search, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            version
            householdNumber
            household {
              id
              head {
                name
              }
              village {
                name
              }
            }
            helperName
            helperPost
            startDate
            endDate
            viewerCanEnd
          }
        }
      }
    }
  `),
);

export type PairingRow = ResultOf<typeof PairingsQuery>['pairings']['edges'][number]['node'];
