import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function number(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`环境变量 ${name} 必须是数字 (got "${raw}")`);
  return value;
}

/** Everything the API reads from its environment, read once. */
export const env = {
  production: process.env.NODE_ENV === 'production',
  port: number('PORT', 4000),
  host: process.env.HOST ?? '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.GONGJIAN_DATA_DIR ?? path.join(repoRoot, '.data'),
  seedDemo: process.env.GONGJIAN_SEED_DEMO !== 'false',
  secureCookies: process.env.GONGJIAN_SECURE_COOKIES === 'true',
  sessionHours: number('GONGJIAN_SESSION_HOURS', 8),
  allowedOrigins: (process.env.GONGJIAN_ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
  /** The GraphQL IDE and arbitrary documents: always outside production; in production only if enabled. */
  ideEnabled: process.env.NODE_ENV !== 'production' || process.env.GONGJIAN_ENABLE_IDE === 'true',
  clientDist: {
    admin: path.join(repoRoot, 'apps/admin/dist'),
    leadership: path.join(repoRoot, 'apps/leadership/dist'),
    ide: path.join(repoRoot, 'apps/ide/dist'),
  },
  repoRoot,
} as const;
