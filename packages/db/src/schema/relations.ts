import { defineRelations } from 'drizzle-orm';
import * as schema from './index';
import { accessRelations } from './relations/access';
import { assistanceRelations } from './relations/assistance';
import { fundsRelations } from './relations/funds';
import { geographyRelations } from './relations/geography';
import { identificationRelations } from './relations/identification';
import { organisationRelations } from './relations/organisation';
import { responsibilityRelations } from './relations/responsibility';
import { supervisionRelations } from './relations/supervision';
import { workAdvancementRelations } from './relations/work-advancement';

/**
 * Every table, plus each domain's relations from its own part file (one line per domain here), so that
 * domains can grow side by side without editing one another's relations.
 */
export const relations = {
  ...defineRelations(schema),
  ...geographyRelations,
  ...organisationRelations,
  ...accessRelations,
  ...workAdvancementRelations,
  ...responsibilityRelations,
  ...identificationRelations,
  ...assistanceRelations,
  ...fundsRelations,
  ...supervisionRelations,
};
