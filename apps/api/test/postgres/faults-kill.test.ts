import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createDb, type DbHandle, rowsOf } from '@gongjian/db';
import { fingerprint } from '@gongjian/db/backup';
import { seedJianghua } from '@gongjian/db/seed';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with the test runner script, no type declarations
import { startPostgres } from '../../../../scripts/postgres.mjs';
import { buildWorkbook } from '../identification-workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const HOUSEHOLDS = 3000;

/**
 * The API process is killed (SIGKILL, no shutdown handler runs) while an import's transaction is open in
 * PostgreSQL; a new API process then runs the same import. Exactly one copy of every row, none partial,
 * and the audit log holds nothing of the killed import and one row for the finished one.
 */
let pg: { url: string; stop(): void };
let handle: DbHandle;
let port: number;
let api: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
}

async function startApi(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, DATABASE_URL: pg.url, PORT: String(port), GONGJIAN_SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  await expect.poll(() => output, { timeout: 60_000, interval: 200 }).toContain('listening on');
  return child;
}

const base = () => `http://127.0.0.1:${port}`;

async function signIn(): Promise<string> {
  const res = await fetch(`${base()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { login(input: { username: "admin", password: "Gongjian@2026" }) { __typename } }`,
    }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** Transactions the API's connections hold open, as PostgreSQL sees them. */
async function openImportTransactions(): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await handle.db.execute(sql`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null
        and query ilike '%household%'`),
  );
  return row!.n;
}

async function copies() {
  const [row] = rowsOf<{ households: number; members: number; duplicated: number; orphans: number }>(
    await handle.db.execute(sql`select
      (select count(*)::int from households where household_number like 'KILL%') as households,
      (select count(*)::int from household_members m join households h on h.id = m.household_id
        where h.household_number like 'KILL%') as members,
      (select count(*)::int from (select household_number from households where household_number like 'KILL%'
        group by county_id, household_number having count(*) > 1) d) as duplicated,
      (select count(*)::int from households h where household_number like 'KILL%'
        and not exists (select 1 from household_members m where m.household_id = h.id)) as orphans`),
  );
  return row!;
}

async function importAudits() {
  return rowsOf<{ after: { households: { created: number; updated: number; unchanged: number } } }>(
    await handle.db.execute(sql`select after from audit_log where action = 'household.import' order by id`),
  );
}

beforeAll(async () => {
  process.env.GONGJIAN_DEMO_HOUSEHOLDS ??= '1500';
  pg = await startPostgres();
  handle = createDb({ databaseUrl: pg.url, maxConnections: 2 });
  await handle.migrate();
  await handle.db.transaction((tx) => seedJianghua(tx));
  port = await freePort();
}, 300_000);
afterAll(async () => {
  api?.kill('SIGKILL');
  await handle?.close().catch(() => {});
  pg?.stop();
});

describe('the API is killed in the middle of an import', () => {
  it('leaves nothing of the file; the same import on a new process writes every row once', async () => {
    const village = (await handle.db.query.regions.findFirst({
      where: { level: 'VILLAGE' },
      with: { parent: true },
    }))!;
    const file = await buildWorkbook({
      households: HOUSEHOLDS,
      villages: [{ township: village.parent!.name, name: village.name }],
      prefix: 'KILL',
      idOffset: 80_000,
    });
    const upload = (cookie: string) =>
      fetch(`${base()}/identification/households/import?mode=all`, {
        method: 'POST',
        headers: { 'content-type': XLSX, cookie },
        body: file,
      });
    api = await startApi();
    const cookie = await signIn();
    const before = await fingerprint(handle.db);
    const res = await upload(cookie);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let killed = false;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        const writing = text
          .split('\n')
          .some((line) => line.includes('"phase":"write"') && !line.includes('"done":0'));
        if (writing && !killed && (await openImportTransactions()) > 0) {
          api.kill('SIGKILL');
          killed = true;
        }
      }
    } catch {
      // The connection ends with the process.
    }
    expect(killed).toBe(true);
    await new Promise((resolve) =>
      api!.exitCode !== null || api!.signalCode ? resolve(null) : api!.once('exit', resolve),
    );
    expect(api.signalCode).toBe('SIGKILL');
    expect(text).not.toContain('"type":"result"');

    // PostgreSQL sees the client gone and rolls the transaction back.
    await expect.poll(openImportTransactions, { timeout: 30_000, interval: 250 }).toBe(0);
    expect(await copies()).toEqual({ households: 0, members: 0, duplicated: 0, orphans: 0 });
    expect(await fingerprint(handle.db)).toEqual(before);

    api = await startApi();
    // The session lives in the database: the cookie of the killed process still signs in.
    const again = await upload(cookie);
    expect((await again.text()).trim().split('\n').at(-1)).toContain('"status":"IMPORTED"');
    const once = await copies();
    expect(once).toMatchObject({ households: HOUSEHOLDS, duplicated: 0, orphans: 0 });
    expect(once.members).toBeGreaterThanOrEqual(HOUSEHOLDS);
    const audits = await importAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after.households).toMatchObject({ created: HOUSEHOLDS, updated: 0, unchanged: 0 });

    const third = await upload(cookie);
    expect((await third.text()).trim().split('\n').at(-1)).toContain(`"unchanged":${HOUSEHOLDS}`);
    expect(await copies()).toEqual(once);
    console.log(
      `killed the API mid-import (SIGKILL, transaction open): 0 rows written; re-run imported ${once.households} households, ${once.members} members, 0 duplicates`,
    );
  }, 600_000);
});
