import { defineRelationsPart } from 'drizzle-orm';
import * as schema from '../index';

export const responsibilityRelations = defineRelationsPart(schema, (r) => ({
  tasks: {
    parent: r.one.tasks({ from: r.tasks.parentId, to: r.tasks.id, alias: 'task_parent' }),
    children: r.many.tasks({ from: r.tasks.id, to: r.tasks.parentId, alias: 'task_parent' }),
    region: r.one.regions({ from: r.tasks.regionId, to: r.regions.id, optional: false }),
    responsibleUnit: r.one.units({ from: r.tasks.responsibleUnitId, to: r.units.id, optional: false }),
    responsiblePerson: r.one.cadres({ from: r.tasks.responsiblePersonId, to: r.cadres.id, optional: false }),
    combatGroup: r.one.combatGroups({ from: r.tasks.combatGroupId, to: r.combatGroups.id }),
    meetingDecision: r.one.meetingDecisions({ from: r.tasks.meetingDecisionId, to: r.meetingDecisions.id }),
    resolution: r.one.resolutions({ from: r.tasks.resolutionId, to: r.resolutions.id }),
    policyDocument: r.one.policyDocuments({ from: r.tasks.policyDocumentId, to: r.policyDocuments.id }),
    completedBy: r.one.users({ from: r.tasks.completedById, to: r.users.id }),
    reassignments: r.many.taskReassignments({ from: r.tasks.id, to: r.taskReassignments.taskId }),
  },
  taskReassignments: {
    task: r.one.tasks({ from: r.taskReassignments.taskId, to: r.tasks.id, optional: false }),
    fromUnit: r.one.units({
      from: r.taskReassignments.fromUnitId,
      to: r.units.id,
      optional: false,
      alias: 'reassignment_from_unit',
    }),
    fromPerson: r.one.cadres({
      from: r.taskReassignments.fromPersonId,
      to: r.cadres.id,
      optional: false,
      alias: 'reassignment_from_person',
    }),
    toUnit: r.one.units({
      from: r.taskReassignments.toUnitId,
      to: r.units.id,
      optional: false,
      alias: 'reassignment_to_unit',
    }),
    toPerson: r.one.cadres({
      from: r.taskReassignments.toPersonId,
      to: r.cadres.id,
      optional: false,
      alias: 'reassignment_to_person',
    }),
    reassignedBy: r.one.users({ from: r.taskReassignments.reassignedById, to: r.users.id }),
  },
}));
