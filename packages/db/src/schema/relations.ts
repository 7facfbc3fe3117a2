import { defineRelations } from 'drizzle-orm';
import * as schema from './index';
import { foundationRelations } from './relations/foundation';
import { identificationRelations } from './relations/identification';
import { workRelations } from './relations/work';

/**
 * Every table, plus each domain's relations from its own part file (one line per domain here), so that
 * domains can grow side by side without editing one another's relations.
 */
export const relations = {
  ...defineRelations(schema),
  ...foundationRelations,
  ...identificationRelations,
  ...workRelations,
};
