// Runs every test tier in order and prints a summary. Locally a tier whose server or browser is missing
// is skipped with the reason; under CI (CI=true) a missing tier fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './postgres.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const ci = process.env.CI === 'true';
const results = [];
const baseEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
delete baseEnv.DATABASE_URL;
delete baseEnv.DATABASE_MIGRATION_URL;

function step(name, command, args, env = baseEnv) {
  console.log(`\n━━ ${name} ━━ ${command} ${args.join(' ')}`);
  const started = Date.now();
  const status = spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;
  results.push({ name, outcome: status === 0 ? 'passed' : 'failed', seconds: (Date.now() - started) / 1000 });
  return status === 0;
}

/** This month's last day at 23:30 and next month's first day at 00:10, Asia/Shanghai (UTC+8, no DST). */
function monthBoundaryClocks(now) {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  const year = shanghai.getUTCFullYear();
  const month = shanghai.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10);
  const firstOfNext = new Date(Date.UTC(year, month + 1, 1)).toISOString().slice(0, 10);
  return [{ at: `${lastDay}T23:30:00+08:00` }, { at: `${firstOfNext}T00:10:00+08:00` }];
}

function skip(name, reason) {
  const outcome = ci ? 'failed' : 'skipped';
  console.log(
    `\n━━ ${name} ━━ ${outcome.toUpperCase()}: ${reason}${ci ? ' (CI=true: every tier must run)' : ''}`,
  );
  results.push({ name, outcome, seconds: 0, reason });
}

step('typecheck', 'pnpm', ['turbo', 'run', 'typecheck', '--output-logs=errors-only']);
step('lint', 'pnpm', ['exec', 'biome', 'ci', '.']);
step('schema drift', 'pnpm', ['--filter', '@gongjian/api', 'schema:check']);
step('pnpm dev smoke: the API and three dev servers answer, /graphql through each proxy', process.execPath, [
  'scripts/dev-smoke.mjs',
]);
step('unit and API tests on embedded PGlite', 'pnpm', [
  'turbo',
  'run',
  'test',
  '--concurrency=1',
  '--filter=!@gongjian/e2e',
]);

// The API and browser tiers run again on the clocks where the Shanghai and UTC calendars disagree: a
// month's last evening (23:30 in Shanghai is still that day in UTC) and a month's first minutes (00:10 in
// Shanghai is the previous day in UTC), on a machine whose own zone is UTC.
const boundaryClocks = monthBoundaryClocks(new Date());
for (const clock of boundaryClocks) {
  step(`API tests on embedded PGlite, clock at ${clock.at}`, 'pnpm', ['--filter', '@gongjian/api', 'test'], {
    ...baseEnv,
    GONGJIAN_CLOCK_AT: clock.at,
    TZ: 'UTC',
  });
}

// The full-disk drill mounts a small tmpfs (root only) and runs alone under a time limit: if PGlite's WAL ever
// meets the full disk its process blocks instead of failing (decision 0023), and the limit turns that into a
// failed tier instead of a stuck run.
if (process.getuid?.() === 0) {
  step(
    'full-disk drill on embedded PGlite (10 min limit)',
    'timeout',
    ['--kill-after=15', '600', 'pnpm', '--filter', '@gongjian/api', 'test'],
    { ...baseEnv, GONGJIAN_DRILLS: '1' },
  );
} else {
  skip('full-disk drill on embedded PGlite', 'mounting a size-limited tmpfs needs root');
}

const pg = await startPostgres({ roles: true }).catch((error) => ({ url: null, reason: error.message }));
if (pg.url) {
  try {
    // The tier runs as the server's superuser: some tests make roles, triggers and tables of their own.
    // The two-role deployment (an owner migrates, the API runs as an application role that may only add
    // audit rows) is proven by test/postgres/roles.test.ts on a server of its own.
    step('API tests on PostgreSQL', 'pnpm', ['--filter', '@gongjian/api', 'test'], {
      ...baseEnv,
      DATABASE_URL: pg.url,
    });
  } finally {
    pg.stop();
  }
} else {
  skip('API tests on PostgreSQL', pg.reason);
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  if (step('build clients', 'pnpm', ['turbo', 'run', 'build', '--output-logs=errors-only'])) {
    step('browser tests in headless Chromium', 'pnpm', ['--filter', '@gongjian/e2e', 'test'], {
      ...baseEnv,
      CHROMIUM_PATH: chromium,
    });
    for (const clock of boundaryClocks) {
      step(`browser tests, clock at ${clock.at}`, 'pnpm', ['--filter', '@gongjian/e2e', 'test'], {
        ...baseEnv,
        CHROMIUM_PATH: chromium,
        GONGJIAN_CLOCK_AT: clock.at,
        TZ: 'UTC',
      });
    }
  }
} else {
  skip('browser tests in headless Chromium', `no Chromium at ${chromium} (apt-get install chromium)`);
}

console.log('\n━━ summary ━━');
for (const r of results) {
  console.log(
    `${r.outcome.padEnd(8)} ${r.name}${r.reason ? ` (${r.reason})` : ''} ${r.seconds ? `${r.seconds.toFixed(1)} s` : ''}`,
  );
}
const failed = results.filter((r) => r.outcome === 'failed').length;
const passed = results.filter((r) => r.outcome === 'passed').length;
console.log(`tiers: ${passed} passed, ${failed} failed, ${results.length - passed - failed} skipped`);
process.exit(failed === 0 ? 0 : 1);
