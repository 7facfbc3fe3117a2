import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { versionColumns } from './columns';
import { role } from './enums';
import { regions } from './geography';
import { cadres } from './organisation';

/** 用户: a login with roles and a jurisdiction (a region subtree, `regionPath` is its root's path). */
export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  countyId: integer('county_id').references(() => regions.id),
  jurisdictionId: integer('jurisdiction_id')
    .notNull()
    .references(() => regions.id),
  regionPath: text('region_path').notNull(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: role('roles').array().notNull(),
  mayUnmask: boolean('may_unmask').notNull().default(false),
  cadreId: integer('cadre_id').references(() => cadres.id),
  failedLoginCount: integer('failed_login_count').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'string' }),
  disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'string' }),
  ...versionColumns(),
});

/** Server-side sessions, so API replicas stay stateless. `id` is the SHA-256 of the cookie token. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
