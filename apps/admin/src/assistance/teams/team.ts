import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';

/** What the roster shows of a team and what its forms need. */
export const WorkTeamRow_team = graphql(`
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
      viewerCanWithdraw
      withdrawnReason
      strength {
        outcome
        outcomeZh
        reasons {
          ruleId
          passed
          messageZh
          messageEn
        }
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
          outcome
          outcomeZh
          reasons {
            ruleId
            passed
            messageZh
            messageEn
          }
        }
      }
    }
  `);

export type TeamRow = ReturnType<typeof readTeam>;
export const readTeam = (node: FragmentOf<typeof WorkTeamRow_team>) => readFragment(WorkTeamRow_team, node);
