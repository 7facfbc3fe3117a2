import { defineRelationsPart } from 'drizzle-orm';
import * as schema from '../index';

export const geographyRelations = defineRelationsPart(schema, (r) => ({
  regions: {
    parent: r.one.regions({ from: r.regions.parentId, to: r.regions.id, alias: 'region_parent' }),
    children: r.many.regions({ from: r.regions.id, to: r.regions.parentId, alias: 'region_parent' }),
    county: r.one.regions({ from: r.regions.countyId, to: r.regions.id, alias: 'region_county' }),
    units: r.many.units({ from: r.regions.id, to: r.units.regionId }),
  },
}));
