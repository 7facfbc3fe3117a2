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

/** Replicas starting together may race to create the same table: the loser tries once more. */
function postgresLimiter(
  pool: pg.Pool,
  name: LimitName,
  points: number,
  attempt = 1,
): Promise<RateLimiterPostgres> {
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      {
        storeClient: pool,
        storeType: 'pool',
        tableName: `${TABLE_PREFIX}${name.toLowerCase()}`,
        keyPrefix: name,
        points,
        duration: 60,
        // The database unreachable: each replica keeps counting on its own rather than refusing everyone.
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration: 60 }),
      },
      (error?: Error) => {
        if (!error) resolve(limiter);
        else if (attempt < 2)
          setTimeout(() => postgresLimiter(pool, name, points, attempt + 1).then(resolve, reject), 200);
        else reject(error);
      },
    );
  });
}

/**
 * With a PostgreSQL URL the counts live in the database, so every replica sees the same ones; without, in
 * this process's memory (PGlite is one process anyway).
 */
export async function createRateLimiters(
  settings: RateLimitSettings,
  databaseUrl: string | undefined,
): Promise<RateLimiters> {
  if (!databaseUrl) {
    const memory = (name: LimitName) =>
      new RateLimiterMemory({ keyPrefix: name, points: LIMITS[name](settings), duration: 60 });
    return {
      loginPerIp: memory('loginPerIp'),
      graphqlPerUser: memory('graphqlPerUser'),
      graphqlPerIp: memory('graphqlPerIp'),
      close: async () => {},
    };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, allowExitOnIdle: true });
  const shared = (name: LimitName) => postgresLimiter(pool, name, LIMITS[name](settings));
  try {
    const [loginPerIp, graphqlPerUser, graphqlPerIp] = await Promise.all([
      shared('loginPerIp'),
      shared('graphqlPerUser'),
      shared('graphqlPerIp'),
    ]);
    return { loginPerIp, graphqlPerUser, graphqlPerIp, close: () => pool.end() };
  } catch (error) {
    await pool.end();
    throw error;
  }
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
