import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditRetentionMonths } from '@gongjian/db';
import { DEFAULT_RATE_LIMITS } from './limits/settings';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function number(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`环境变量 ${name} 必须是数字 (got "${raw}")`);
  return value;
}

/** Trusted documents are enforced in production unless turned off, and outside it only on request. */
export function trustedDocumentsEnforced(vars: NodeJS.ProcessEnv = process.env): boolean {
  const setting = vars.GONGJIAN_TRUSTED_DOCUMENTS ?? '';
  if (setting === 'off') return false;
  if (setting === 'enforce') return true;
  if (setting !== '') {
    throw new Error(`环境变量 GONGJIAN_TRUSTED_DOCUMENTS 只能是 enforce 或 off (got "${setting}")`);
  }
  return vars.NODE_ENV === 'production';
}

/** Everything the API reads from its environment, read once. */
export const env = {
  production: process.env.NODE_ENV === 'production',
  port: number('PORT', 4000),
  host: process.env.HOST ?? '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL || undefined,
  /** The schema owner's URL: migrations run as it, so the application's role cannot alter the audit log. */
  databaseMigrationUrl: process.env.DATABASE_MIGRATION_URL || undefined,
  dataDir: process.env.GONGJIAN_DATA_DIR ?? path.join(repoRoot, '.data'),
  seedDemo: process.env.GONGJIAN_SEED_DEMO !== 'false',
  secureCookies: process.env.GONGJIAN_SECURE_COOKIES === 'true',
  sessionHours: number('GONGJIAN_SESSION_HOURS', 8),
  /** PostgreSQL statement_timeout of the API's connections (a lock wait counts); 0 turns it off. */
  statementTimeoutMs: number('GONGJIAN_STATEMENT_TIMEOUT_MS', 30_000),
  /** 审计日志保存期限: rows younger than this are never purged; MLPS 2.0 level 3 asks for at least 6 months. */
  auditRetentionMonths: auditRetentionMonths(process.env.GONGJIAN_AUDIT_RETENTION_MONTHS),
  rateLimits: {
    loginFailuresPerIpPerMinute: number(
      'GONGJIAN_LOGIN_FAILURES_PER_IP_PER_MINUTE',
      DEFAULT_RATE_LIMITS.loginFailuresPerIpPerMinute,
    ),
    graphqlPerUserPerMinute: number(
      'GONGJIAN_GRAPHQL_PER_USER_PER_MINUTE',
      DEFAULT_RATE_LIMITS.graphqlPerUserPerMinute,
    ),
    graphqlPerIpPerMinute: number(
      'GONGJIAN_GRAPHQL_PER_IP_PER_MINUTE',
      DEFAULT_RATE_LIMITS.graphqlPerIpPerMinute,
    ),
  },
  /** Bearer token for /metrics; in production /metrics is not served without one (decision 0024). */
  metricsToken: process.env.GONGJIAN_METRICS_TOKEN || undefined,
  allowedOrigins: (process.env.GONGJIAN_ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
  /** The GraphQL IDE and arbitrary documents: always outside production; in production only if enabled. */
  ideEnabled: process.env.NODE_ENV !== 'production' || process.env.GONGJIAN_ENABLE_IDE === 'true',
  /** Only the documents the client builds registered run; the IDE's arbitrary documents need this off. */
  trustedDocumentsEnforced: trustedDocumentsEnforced(),
  clientDist: {
    admin: path.join(repoRoot, 'apps/admin/dist'),
    leadership: path.join(repoRoot, 'apps/leadership/dist'),
    ide: path.join(repoRoot, 'apps/ide/dist'),
  },
  repoRoot,
} as const;
