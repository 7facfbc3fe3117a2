import { defineRelationsPart } from 'drizzle-orm';
import * as schema from '../index';

export const accessRelations = defineRelationsPart(schema, (r) => ({
  users: {
    jurisdiction: r.one.regions({ from: r.users.jurisdictionId, to: r.regions.id, optional: false }),
    cadre: r.one.cadres({ from: r.users.cadreId, to: r.cadres.id }),
    sessions: r.many.sessions({ from: r.users.id, to: r.sessions.userId }),
  },
  auditLog: {
    actor: r.one.users({ from: r.auditLog.actorUserId, to: r.users.id }),
  },
  sessions: {
    user: r.one.users({ from: r.sessions.userId, to: r.users.id, optional: false }),
  },
}));
