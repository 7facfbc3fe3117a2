import { defineRelationsPart } from 'drizzle-orm';
import * as schema from '../index';

/** Relations of work advancement (command structure, meetings, documents) and responsibility (tasks). */
export const workRelations = defineRelationsPart(schema, (r) => ({
  commandPosts: {
    region: r.one.regions({ from: r.commandPosts.countyId, to: r.regions.id, optional: false }),
    members: r.many.commandPostMembers({ from: r.commandPosts.id, to: r.commandPostMembers.commandPostId }),
    combatGroups: r.many.combatGroups({ from: r.commandPosts.id, to: r.combatGroups.commandPostId }),
  },
  commandPostMembers: {
    commandPost: r.one.commandPosts({
      from: r.commandPostMembers.commandPostId,
      to: r.commandPosts.id,
      optional: false,
    }),
    cadre: r.one.cadres({ from: r.commandPostMembers.cadreId, to: r.cadres.id, optional: false }),
  },
  combatGroups: {
    commandPost: r.one.commandPosts({
      from: r.combatGroups.commandPostId,
      to: r.commandPosts.id,
      optional: false,
    }),
    leader: r.one.cadres({ from: r.combatGroups.leaderId, to: r.cadres.id, optional: false }),
    memberships: r.many.combatGroupMembers({
      from: r.combatGroups.id,
      to: r.combatGroupMembers.combatGroupId,
    }),
    members: r.many.cadres({
      from: r.combatGroups.id.through(r.combatGroupMembers.combatGroupId),
      to: r.cadres.id.through(r.combatGroupMembers.cadreId),
    }),
    tasks: r.many.tasks({ from: r.combatGroups.id, to: r.tasks.combatGroupId }),
  },
  combatGroupMembers: {
    combatGroup: r.one.combatGroups({
      from: r.combatGroupMembers.combatGroupId,
      to: r.combatGroups.id,
      optional: false,
    }),
    cadre: r.one.cadres({ from: r.combatGroupMembers.cadreId, to: r.cadres.id, optional: false }),
  },
  meetings: {
    decisions: r.many.meetingDecisions({ from: r.meetings.id, to: r.meetingDecisions.meetingId }),
  },
  meetingDecisions: {
    meeting: r.one.meetings({ from: r.meetingDecisions.meetingId, to: r.meetings.id, optional: false }),
    tasks: r.many.tasks({ from: r.meetingDecisions.id, to: r.tasks.meetingDecisionId }),
  },
  resolutions: {
    tasks: r.many.tasks({ from: r.resolutions.id, to: r.tasks.resolutionId }),
  },
  policyDocuments: {
    supersededBy: r.one.policyDocuments({
      from: r.policyDocuments.supersededById,
      to: r.policyDocuments.id,
      alias: 'document_superseded_by',
    }),
    supersedes: r.many.policyDocuments({
      from: r.policyDocuments.id,
      to: r.policyDocuments.supersededById,
      alias: 'document_superseded_by',
    }),
    tasks: r.many.tasks({ from: r.policyDocuments.id, to: r.tasks.policyDocumentId }),
  },
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
