import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { RuleDecision_decision } from '../../shared/RuleReasons.tsx';

/** What the roster shows of a team and what its forms need. */
export const WorkTeamRow_team = graphql(
  `
    fragment WorkTeamRow_team on WorkTeam {
      id
      version
      village {
        id
        name
        parent {
          name
        }
      }
      backingUnitId
      backingUnitName
      startDate
      endDate
      viewerCanAddMember
      viewerCanEdit
      strength {
        ...RuleDecision_decision
      }
      members {
        id
        version
        cadreName
        unitName
        role
        startDate
        endDate
        viewerCanEnd
        term {
          ...RuleDecision_decision
        }
      }
    }
  `,
  [RuleDecision_decision],
);

export type TeamRow = ReturnType<typeof readTeam>;
export const readTeam = (node: FragmentOf<typeof WorkTeamRow_team>) => readFragment(WorkTeamRow_team, node);
