import { defineRelationsPart } from 'drizzle-orm';
import * as schema from '../index';

export const foundationRelations = defineRelationsPart(schema, (r) => ({
  regions: {
    parent: r.one.regions({ from: r.regions.parentId, to: r.regions.id, alias: 'region_parent' }),
    children: r.many.regions({ from: r.regions.id, to: r.regions.parentId, alias: 'region_parent' }),
    county: r.one.regions({ from: r.regions.countyId, to: r.regions.id, alias: 'region_county' }),
    units: r.many.units({ from: r.regions.id, to: r.units.regionId }),
  },
  units: {
    region: r.one.regions({ from: r.units.regionId, to: r.regions.id, optional: false }),
    cadres: r.many.cadres({ from: r.units.id, to: r.cadres.unitId }),
  },
  cadres: {
    unit: r.one.units({ from: r.cadres.unitId, to: r.units.id, optional: false }),
  },
  users: {
    jurisdiction: r.one.regions({ from: r.users.jurisdictionId, to: r.regions.id, optional: false }),
    cadre: r.one.cadres({ from: r.users.cadreId, to: r.cadres.id }),
    sessions: r.many.sessions({ from: r.users.id, to: r.sessions.userId }),
  },
  sessions: {
    user: r.one.users({ from: r.sessions.userId, to: r.users.id, optional: false }),
  },
}));
