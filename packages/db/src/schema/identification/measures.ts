import { date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { tenantColumns, versionColumns } from '../columns';
import { measureKind, measureStatus } from './enums';
import { householdReference } from './households';
import { monitoringObjects } from './monitoring';

/** 帮扶措施: one measure for a household (or for its monitoring object), with its state. */
export const householdMeasures = pgTable(
  'household_measures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    householdId: householdReference(),
    monitoringObjectId: integer('monitoring_object_id').references(() => monitoringObjects.id),
    kind: measureKind('kind').notNull(),
    status: measureStatus('status').notNull().default('PLANNED'),
    description: text('description').notNull(),
    department: text('department').notNull().default(''),
    startedOn: date('started_on', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
    ...versionColumns(),
  },
  (t) => [
    index('household_measures_household_idx').on(t.householdId),
    index('household_measures_monitoring_idx').on(t.monitoringObjectId),
    index('household_measures_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);
