import { createHash, randomBytes } from 'node:crypto';
import { type Database, sessions, users, verifyPassword } from '@gongjian/db';
import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Viewer } from '../context';
import { LoginError } from '../errors';

export const SESSION_COOKIE = 'gj_session';
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * An argon2id hash of a random password nobody knows, with the parameters of real hashes (19 MiB, 2 passes,
 * 1 lane): unknown and disabled users are verified against it, so they cost as much time as a wrong password.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$X+WMlJwq9fZgvoFIZaiWTw$o0tk/9bfLyiPzoPBDc10RVXWz7Q6C7kH2zDSgfiryQI';

/**
 * Viewers of recently seen sessions, for a few seconds: saves a statement per request. Logout and
 * expiry take effect on this replica at once (the entry is dropped), on other replicas within the TTL.
 */
const recentViewers = new LRUCache<string, Viewer>({ max: 10_000, ttl: 5_000 });

export function forgetSession(sessionId: string) {
  recentViewers.delete(sessionId);
}

/** Resolves the viewer behind a session cookie in one statement; null when absent, expired or revoked. */
export async function viewerFromToken(
  db: Database,
  token: string | undefined,
  { remember = true } = {},
): Promise<Viewer | null> {
  if (!token || token.length > 200) return null;
  const sessionId = hashToken(token);
  const recent = recentViewers.get(sessionId);
  if (recent) return recent;
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      countyId: users.countyId,
      jurisdictionId: users.jurisdictionId,
      jurisdictionLevel: sql<string>`(select r.level from regions r where r.id = ${users.jurisdictionId})`,
      regionPath: users.regionPath,
      cadreId: users.cadreId,
      mayUnmask: users.mayUnmask,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return null;
  const { expiresAt, ...user } = row;
  const viewer = { ...user, sessionId };
  const ttl = Math.min(5_000, new Date(expiresAt).getTime() - Date.now());
  if (remember && ttl > 0) recentViewers.set(sessionId, viewer, { ttl });
  return viewer;
}

/**
 * Checks a password, counting failures: the fifth wrong password in a row locks the account for 15 minutes.
 * Unknown users and wrong passwords get the same error after the same work (one argon2id verification), so
 * usernames can be probed neither by the answer nor by its time.
 */
export async function login(db: Database, username: string, password: string, sessionHours: number) {
  const user = await db.query.users.findFirst({
    where: { username },
    with: { jurisdiction: { columns: { level: true } } },
  });
  if (!user || user.disabledAt) {
    await verifyPassword(DUMMY_PASSWORD_HASH, password);
    throw new LoginError('INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) {
    throw new LoginError('ACCOUNT_LOCKED', user.lockedUntil);
  }
  if (user.lockedUntil) {
    // The lock has run out: the next attempt starts a fresh count.
    await db
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null })
      .where(and(eq(users.id, user.id), lte(users.lockedUntil, sql`now()`)));
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const [updated] = await db
      .update(users)
      .set({
        failedLoginCount: sql`${users.failedLoginCount} + 1`,
        lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${MAX_FAILED_LOGINS}
          then now() + make_interval(mins => ${LOCK_MINUTES}) else null end`,
      })
      .where(eq(users.id, user.id))
      .returning();
    if (updated?.lockedUntil) throw new LoginError('ACCOUNT_LOCKED', updated.lockedUntil);
    throw new LoginError('INVALID_CREDENTIALS');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionHours * 3600_000);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx
      .insert(sessions)
      .values({ id: hashToken(token), userId: user.id, expiresAt: expiresAt.toISOString() });
  });
  return { token, expiresAt, userId: user.id };
}

export async function revokeSession(db: Database, sessionId: string) {
  forgetSession(sessionId);
  await db.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.id, sessionId));
}

/** The viewer for a username without a session (tests, benchmarks and scripts acting as a user). */
export async function viewerForUsername(
  db: Database,
  username: string,
  sessionId = `local-${username}`,
): Promise<Viewer> {
  const user = await db.query.users.findFirst({
    where: { username },
    with: { jurisdiction: { columns: { level: true } } },
  });
  if (!user) throw new Error(`no user ${username}`);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    countyId: user.countyId,
    jurisdictionId: user.jurisdictionId,
    jurisdictionLevel: user.jurisdiction.level,
    regionPath: user.regionPath,
    cadreId: user.cadreId,
    mayUnmask: user.mayUnmask,
    sessionId,
  };
}
