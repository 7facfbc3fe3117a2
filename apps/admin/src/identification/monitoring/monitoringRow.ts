import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { RuleReasons_reason } from '../../shared/RuleReasons.tsx';
import { MeasureFormDrawer_measure } from '../households/MeasureFormDrawer.tsx';
import { MeasuresTable_measure } from '../households/YearTables.tsx';
import { MonitoringActions_target } from './MonitoringActions.tsx';

/** A monitoring object as the list and its detail show it. */
export const MonitoringRow_object = graphql(
  `
    fragment MonitoringRow_object on MonitoringObject {
      id
      ...MonitoringActions_target
      type
      state
      year
      procedure
      stepsDone
      nextStep
      nextStepRoles
      viewerCanRecordStep
      viewerCanStartRiskElimination
      viewerCanAssignCadre
      riskKinds
      riskNote
      clueOn
      identifiedOn
      identificationDeadline
      eliminatedOn
      responsibleCadreName
      version
      classification {
        ...RuleReasons_reason
      }
      eliminationAssessment {
        ...RuleReasons_reason
      }
      measures {
        id
        ...MeasuresTable_measure
        ...MeasureFormDrawer_measure
      }
      steps {
        sequence
        procedure
        step
        decision
        actorName
        actorRole
        actedOn
        notes
      }
      household {
        id
        householdNumber
        head {
          id
          name
        }
        village {
          id
          name
        }
        riskEliminationAllowed
        viewerCanEdit
      }
    }
  `,
  [RuleReasons_reason, MeasuresTable_measure, MeasureFormDrawer_measure, MonitoringActions_target],
);

export type MonitoringRow = ReturnType<typeof readRow>;

export function readRow(object: FragmentOf<typeof MonitoringRow_object>) {
  return readFragment(MonitoringRow_object, object);
}
