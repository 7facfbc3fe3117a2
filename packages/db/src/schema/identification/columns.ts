import { date, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../access';
import { actorRole, stepDecision } from './enums';

/** A rule's reason as the rules package returns it, stored with the decision it explains. */
export interface StoredReason {
  ruleId: string;
  passed: boolean;
  params: Record<string, unknown>;
  facts: Record<string, unknown>;
  source: { document: string; grade: string; note?: string };
  messageZh: string;
  messageEn: string;
}

/** Who did one step of a procedure, on which day, with what decision and notes. */
export const stepRecordColumns = () => ({
  decision: stepDecision('decision').notNull(),
  actorUserId: integer('actor_user_id').references(() => users.id),
  actorName: text('actor_name').notNull(),
  actorRole: actorRole('actor_role').notNull(),
  actedOn: date('acted_on', { mode: 'string' }).notNull(),
  notes: text('notes').notNull().default(''),
  recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
