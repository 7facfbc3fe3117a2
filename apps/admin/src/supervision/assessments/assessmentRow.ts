import { graphql, type ResultOf } from '@gongjian/schema';
import { RuleDecision_decision } from '../../shared/RuleReasons.tsx';

/** 村级核查验收: the list's query and its row, shared by the page and its drawers. */
export const AssessmentsQuery = graphql.persisted(
  'admin/AdminVillageAssessments',
  graphql(
    `
  query AdminVillageAssessments($filter: VillageAssessmentFilter, $first: Int!, $after: String) {
    villageAssessments(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          version
          year
          selfScore
          selfAssessedOn
          reviewed
          reviewScore
          reviewedOn
          problemCount
          vetoHit
          assessmentClass
          viewerCanReview
          village {
            name
          }
          items {
            position
            name
            weight
            score
            veto
            vetoHit
          }
          classification {
            ...RuleDecision_decision
          }
          rectificationFindings {
            id
            description
            status
            task {
              title
              deadline
              status
            }
          }
        }
      }
    }
  }
`,
    [RuleDecision_decision],
  ),
);

export type AssessmentRow = ResultOf<typeof AssessmentsQuery>['villageAssessments']['edges'][number]['node'];
