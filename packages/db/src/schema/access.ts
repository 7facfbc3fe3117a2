import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { versionColumns } from './columns';
import { regions } from './geography';
import { cadres } from './organisation';

export const role = pgEnum('role', [
  'COUNTY_ADMIN',
  'TOWNSHIP_CLERK',
  'VILLAGE_CLERK',
  'HELPER',
  'SUPERVISOR',
  'AUDITOR',
  'LEADER',
  'DEVELOPER',
]);

export type Role = (typeof role.enumValues)[number];

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

/**
 * 审计日志: who, when, what, before and after. Append-only: a trigger (see the migration
 * `audit_log_append_only`) refuses UPDATE and DELETE, whoever asks.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    countyId: integer('county_id'),
    regionPath: text('region_path'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_occurred_idx').on(t.occurredAt),
  ],
);

/**
 * 访问频率计数: the store of the API's rate limits (rate-limiter-flexible's own table layout), one table
 * per limit, so every replica counts together. Created here, by the owner's migration, because the
 * application role may not create tables.
 */
const rateLimitCounts = (name: string) =>
  pgTable(name, {
    key: varchar('key', { length: 255 }).primaryKey(),
    points: integer('points').notNull().default(0),
    expire: bigint('expire', { mode: 'number' }),
  });
export const rateLimitLoginPerIp = rateLimitCounts('rate_limit_loginperip');
export const rateLimitGraphqlPerUser = rateLimitCounts('rate_limit_graphqlperuser');
export const rateLimitGraphqlPerIp = rateLimitCounts('rate_limit_graphqlperip');
