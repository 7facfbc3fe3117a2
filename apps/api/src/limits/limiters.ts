import pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { RateLimitSettings } from './settings';

export interface RateLimiters {
  loginPerIp: RateLimiterAbstract;
  graphqlPerUser: RateLimiterAbstract;
  graphqlPerIp: RateLimiterAbstract;
  close(): Promise<void>;
}

const LIMITS = {
  loginPerIp: (s: RateLimitSettings) => s.loginFailuresPerIpPerMinute,
  graphqlPerUser: (s: RateLimitSettings) => s.graphqlPerUserPerMinute,
  graphqlPerIp: (s: RateLimitSettings) => s.graphqlPerIpPerMinute,
} as const;
type LimitName = keyof typeof LIMITS;

const TABLE_PREFIX = 'rate_limit_';

/**
 * Creates the limit's table unless it exists (an application role without CREATE finds the one the owner
 * made); replicas starting together may race to create it, and the loser tries once more.
 */
async function postgresLimiter(
  pool: pg.Pool,
  name: LimitName,
  points: number,
  attempt = 1,
): Promise<RateLimiterPostgres> {
  const tableName = `${TABLE_PREFIX}${name.toLowerCase()}`;
  const { rows } = await pool.query<{ exists: boolean }>('select to_regclass($1) is not null as exists', [
    tableName,
  ]);
  try {
    return await new Promise((resolve, reject) => {
      const limiter: RateLimiterPostgres = new RateLimiterPostgres(
        {
          storeClient: pool,
          storeType: 'pool',
          tableName,
          tableCreated: rows[0]?.exists ?? false,
          keyPrefix: name,
          points,
          duration: 60,
          // The database unreachable: each replica keeps counting on its own rather than refusing everyone.
          insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration: 60 }),
        },
        // Called at once, inside the constructor, when the table exists.
        (error?: Error) => queueMicrotask(() => (error ? reject(error) : resolve(limiter))),
      );
    });
  } catch (error) {
    if (attempt >= 2) throw error;
    await new Promise((resolve) => setTimeout(resolve, 200));
    return postgresLimiter(pool, name, points, attempt + 1);
  }
}

/**
 * With a PostgreSQL URL the counts live in the database, so every replica sees the same ones; without, in
 * this process's memory (PGlite is one process anyway).
 */
export async function createRateLimiters(
  settings: RateLimitSettings,
  databaseUrl: string | undefined,
): Promise<RateLimiters> {
  if (!databaseUrl) return inMemory(settings);
  // A database that does not answer falls back on the insurance limiter rather than holding the request.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 4,
    allowExitOnIdle: true,
    connectionTimeoutMillis: 2_000,
    query_timeout: 2_000,
  });
  const shared = (name: LimitName) => postgresLimiter(pool, name, LIMITS[name](settings));
  try {
    const [loginPerIp, graphqlPerUser, graphqlPerIp] = await Promise.all([
      shared('loginPerIp'),
      shared('graphqlPerUser'),
      shared('graphqlPerIp'),
    ]);
    return { loginPerIp, graphqlPerUser, graphqlPerIp, close: () => pool.end() };
  } catch (error) {
    // E.g. an application role without CREATE on the schema: the tables are then the owner's to create.
    console.warn(
      `[limits] rate-limit tables ${TABLE_PREFIX}* unavailable (${(error as Error).message}): counting per process`,
    );
    await pool.end();
    return inMemory(settings);
  }
}

function inMemory(settings: RateLimitSettings): RateLimiters {
  const memory = (name: LimitName) =>
    new RateLimiterMemory({ keyPrefix: name, points: LIMITS[name](settings), duration: 60 });
  return {
    loginPerIp: memory('loginPerIp'),
    graphqlPerUser: memory('graphqlPerUser'),
    graphqlPerIp: memory('graphqlPerIp'),
    close: async () => {},
  };
}

/** Spends `points` of `key`'s allowance; the refusal, if any, with the seconds until a point comes back. */
export async function spend(
  limiter: RateLimiterAbstract,
  key: string,
  points = 1,
): Promise<{ retryAfterSeconds: number } | null> {
  try {
    await limiter.consume(key, points);
    return null;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) {
      return { retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    }
    throw refusal;
  }
}
