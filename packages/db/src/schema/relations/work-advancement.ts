import { defineRelationsPart } from 'drizzle-orm';
import * as schema from '../index';

/**
 * Relations of work advancement (command structure, meetings, documents), including the tasks each of
 * them is the source or owner of (a table's relations live in one part only).
 */
export const workAdvancementRelations = defineRelationsPart(schema, (r) => ({
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
}));
