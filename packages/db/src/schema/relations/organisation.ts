import { defineRelationsPart } from 'drizzle-orm';
import * as schema from '../index';

export const organisationRelations = defineRelationsPart(schema, (r) => ({
  units: {
    region: r.one.regions({ from: r.units.regionId, to: r.regions.id, optional: false }),
    cadres: r.many.cadres({ from: r.units.id, to: r.cadres.unitId }),
  },
  cadres: {
    unit: r.one.units({ from: r.cadres.unitId, to: r.units.id, optional: false }),
    pairings: r.many.pairings({ from: r.cadres.id, to: r.pairings.helperId }),
  },
}));
