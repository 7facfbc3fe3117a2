import { defineRelationsPart } from 'drizzle-orm';
import * as schema from '../index';

export const assistanceRelations = defineRelationsPart(schema, (r) => ({
  workTeams: {
    village: r.one.regions({ from: r.workTeams.villageId, to: r.regions.id, optional: false }),
    backingUnit: r.one.units({ from: r.workTeams.backingUnitId, to: r.units.id, optional: false }),
    members: r.many.workTeamMembers({ from: r.workTeams.id, to: r.workTeamMembers.workTeamId }),
  },
  workTeamMembers: {
    workTeam: r.one.workTeams({ from: r.workTeamMembers.workTeamId, to: r.workTeams.id, optional: false }),
    cadre: r.one.cadres({ from: r.workTeamMembers.cadreId, to: r.cadres.id, optional: false }),
  },
  pairings: {
    helper: r.one.cadres({ from: r.pairings.helperId, to: r.cadres.id, optional: false }),
    household: r.one.households({ from: r.pairings.householdId, to: r.households.id, optional: false }),
    visits: r.many.visits({ from: r.pairings.id, to: r.visits.pairingId }),
  },
  visits: {
    pairing: r.one.pairings({ from: r.visits.pairingId, to: r.pairings.id, optional: false }),
    household: r.one.households({ from: r.visits.householdId, to: r.households.id, optional: false }),
    helper: r.one.cadres({ from: r.visits.helperId, to: r.cadres.id, optional: false }),
    recordedBy: r.one.users({ from: r.visits.recordedById, to: r.users.id }),
  },
  assistanceActivities: {
    region: r.one.regions({ from: r.assistanceActivities.regionId, to: r.regions.id, optional: false }),
  },
}));
