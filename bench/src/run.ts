import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from '@gongjian/api/context';
import { createApollo } from '@gongjian/api/server';
import { viewerForUsername } from '@gongjian/api/sessions';
import { createDb } from '@gongjian/db';
import { seedJianghua } from '@gongjian/db/seed';
import postgres from 'postgres';
// @ts-expect-error plain ESM helper shared with the test runner, no type declarations
import { startPostgres } from '../../scripts/postgres.mjs';
import { clientOperations } from './client-operations';
import { apiCpuMs, postgresCpuMs, postmasterPid } from './cpu';
import { closedLoop, type LoadResult } from './load';
import { OPERATIONS } from './operations';
import { PEER_VILLAGES_QUERY, peerSchema } from './peer';

/**
 * GraphQL over HTTP against its floor (the same SQL run raw through postgres.js) and an N+1 peer baseline,
 * plus the limits and the API's memory. Ratios within one run; absolute times drift on a shared machine.
 * Usage: pnpm --filter @gongjian/bench bench [--pglite] [--seconds N] [--smoke]
 * --smoke: 1 s per figure, and the run fails if any operation answers with an error (CI keeps it from rotting).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const onPglite = args.includes('--pglite');
const smoke = args.includes('--smoke');
const seconds = smoke ? 1 : Number(args[args.indexOf('--seconds') + 1]) || 8;
const connections = 10;
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function waitForApi(base: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('the API exited during start');
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the API did not start');
}

const pg = onPglite ? null : await startPostgres();
const databaseUrl: string | undefined = pg?.url;
const dataDir = mkdtempSync(path.join(tmpdir(), 'gongjian-bench-'));
say(`# Gongjian benchmark, ${new Date().toISOString()}`);
say(
  `database: ${onPglite ? 'embedded PGlite' : 'PostgreSQL server on loopback'}; ${connections} connections, ${seconds} s per figure`,
);

const seeding = createDb({ databaseUrl, dataDir });
await seeding.migrate();
const seedStart = performance.now();
await seeding.db.transaction((tx) => seedJianghua(tx));
say(`demo county seeded in ${ms(performance.now() - seedStart)}`);
await seeding.close();

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const api = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/main.ts')], {
  env: {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl ?? '',
    GONGJIAN_DATA_DIR: dataDir,
    GONGJIAN_SEED_DEMO: 'false',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
let peakRss = 0;
const failures: string[] = [];
try {
  await waitForApi(base, api);
  const cookies = new Map<string, string>();
  for (const user of ['admin', 'township', 'village', 'helper', 'supervisor', 'auditor', 'leader']) {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(input: { username: "${user}", password: "Gongjian@2026" }) { __typename } }`,
      }),
    });
    cookies.set(user, res.headers.get('set-cookie')!.split(';')[0]!);
  }

  // In-process: the SQL each operation issues (captured from the Drizzle logger), for the floor.
  const captured: { query: string; params: unknown[] }[] = [];
  const probe = createDb({
    databaseUrl,
    dataDir: onPglite ? `${dataDir}-probe` : undefined,
    logger: { logQuery: (query, params) => void captured.push({ query, params }) },
  });
  if (onPglite) {
    await probe.migrate();
    await probe.db.transaction((tx) => seedJianghua(tx));
  }
  const apollo = createApollo();
  await apollo.start();
  const raw = databaseUrl ? postgres(databaseUrl, { max: connections, onnotice: () => {} }) : null;
  const serverPid = raw
    ? postmasterPid(
        ((await raw`SHOW data_directory`) as unknown as { data_directory: string }[])[0]!.data_directory,
      )
    : null;
  const pgCpu = () => (serverPid ? postgresCpuMs(serverPid) : Number.NaN);
  const perRequest = (n: number) => (Number.isNaN(n) ? 'n/a' : `${n.toFixed(2)} ms`);

  const viewers = new Map<string, Context['viewer']>();
  const contextOf = async (user: string): Promise<Context> => {
    if (!viewers.has(user)) viewers.set(user, await viewerForUsername(probe.db, user));
    return {
      db: probe.db,
      viewer: viewers.get(user)!,
      cookies: { set: () => {}, clear: () => {} },
      requestIp: null,
    };
  };
  // Every query the built clients register, found in their persisted-document manifests.
  const fromClients = await clientOperations(root, async (user, query, variables) => {
    const result = await apollo.executeOperation(
      { query, variables },
      { contextValue: await contextOf(user) },
    );
    return result.body.kind === 'single' ? result.body.singleResult : { errors: ['incremental delivery'] };
  });
  const operations = [...OPERATIONS, ...fromClients.operations];

  say();
  say(
    '| operation | SQL statements | GraphQL req/s | GraphQL p50 / p95 / p99 | raw SQL p95 | ratio p95 | API CPU / req | PostgreSQL CPU / req | API RSS |',
  );
  say('|---|---|---|---|---|---|---|---|---|');
  const results: {
    op: (typeof OPERATIONS)[number];
    http: LoadResult;
    floor: LoadResult | null;
    statements: number;
  }[] = [];
  for (const op of operations) {
    if (op.township) {
      const township = await probe.db.query.regions.findFirst({ where: { name: op.township } });
      // The Relay id, as the API encodes it (base64 of "Region:<id>").
      const regionId = Buffer.from(`Region:${township!.id}`).toString('base64');
      op.variables = { ...op.variables, regionId };
    }
    const contextValue = await contextOf(op.user);
    captured.splice(0);
    const probeResult = await apollo.executeOperation(
      { query: op.query, variables: op.variables },
      { contextValue },
    );
    if (probeResult.body.kind === 'single' && probeResult.body.singleResult.errors) {
      throw new Error(`${op.name}: ${JSON.stringify(probeResult.body.singleResult.errors)}`);
    }
    const statements = [...captured];
    const body = JSON.stringify({ query: op.query, variables: op.variables });
    const headers = { 'content-type': 'application/json', cookie: cookies.get(op.user)! };
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssMb(api.pid!));
    }, 100);
    const apiCpuBefore = apiCpuMs(api.pid!);
    const pgCpuBefore = pgCpu();
    const http = await closedLoop(
      async () => {
        const res = await fetch(`${base}/graphql`, { method: 'POST', headers, body });
        const json = (await res.json()) as { errors?: unknown };
        return res.ok && !json.errors;
      },
      { connections, seconds },
    );
    clearInterval(sampler);
    const apiCpu = (apiCpuMs(api.pid!) - apiCpuBefore) / Math.max(1, http.requests);
    const pgCpuPerRequest = (pgCpu() - pgCpuBefore) / Math.max(1, http.requests);
    if (http.errors) failures.push(`${op.name}: ${http.errors} of ${http.requests} requests failed`);
    // The floor: the same statements, one after another as the resolvers issue them.
    const floor = raw
      ? await closedLoop(
          async () => {
            for (const s of statements) await raw.unsafe(s.query, s.params as never[]);
            return true;
          },
          { connections, seconds },
        )
      : null;
    if (floor?.errors) failures.push(`${op.name} (raw SQL floor): ${floor.errors} errors`);
    results.push({ op, http, floor, statements: statements.length });
    say(
      `| ${op.name} | ${statements.length} | ${http.perSecond.toFixed(0)}${http.errors ? ` (${http.errors} errors)` : ''} | ${ms(http.p50)} / ${ms(http.p95)} / ${ms(http.p99)} | ${floor ? ms(floor.p95) : 'n/a (PGlite)'} | ${floor ? (http.p95 / floor.p95).toFixed(2) : 'n/a'} | ${perRequest(apiCpu)} | ${perRequest(pgCpuPerRequest)} | ${peakRss.toFixed(0)} MB |`,
    );
  }

  say();
  say(
    `Client operations from the manifests: ${fromClients.operations.length} benchmarked above, ${fromClients.skipped.length} not filled:`,
  );
  for (const { id, reason } of fromClients.skipped) say(`- ${id}: ${reason}`);

  // The peer baseline: the villages page through per-parent resolvers.
  captured.splice(0);
  const adminViewer = await viewerForUsername(probe.db, 'admin');
  const runPeer = peerSchema(probe.db, adminViewer.regionPath);
  await runPeer(PEER_VILLAGES_QUERY);
  const peerStatements = captured.length;
  const peer = await closedLoop(async () => !(await runPeer(PEER_VILLAGES_QUERY)).errors, {
    connections,
    seconds,
  });
  const ours = await closedLoop(
    async () => {
      const r = await apollo.executeOperation(
        { query: OPERATIONS[0]!.query },
        {
          contextValue: {
            db: probe.db,
            viewer: adminViewer,
            cookies: { set: () => {}, clear: () => {} },
            requestIp: null,
          },
        },
      );
      return r.body.kind === 'single' && !r.body.singleResult.errors;
    },
    { connections, seconds },
  );
  say();
  say('Peer baseline (in process, same villages page):');
  say(
    `- planned (this API): ${results[0]!.statements} statement(s), p95 ${ms(ours.p95)}, ${ours.perSecond.toFixed(0)} op/s`,
  );
  say(
    `- per-parent resolvers (N+1): ${peerStatements} statements, p95 ${ms(peer.p95)}, ${peer.perSecond.toFixed(0)} op/s`,
  );

  // Abusive documents: time to rejection, and no SQL.
  say();
  say('Abusive requests (median of 20, rejected before any SQL):');
  let nested = 'name';
  for (let i = 0; i < 20; i++) nested = `parent { ${nested} }`;
  const abusive: [string, string][] = [
    ['depth 20', JSON.stringify({ query: `{ me { jurisdiction { ${nested} } } }` })],
    [
      '1,000 aliases',
      JSON.stringify({
        query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { username }`).join(' ')} }`,
      }),
    ],
    ['200 KB document', JSON.stringify({ query: `{ me { username } }${' '.repeat(200_000)}` })],
    ['batch of 2', JSON.stringify([{ query: '{ me { username } }' }, { query: '{ me { username } }' }])],
  ];
  for (const [name, body] of abusive) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies.get('admin')! },
        body,
      });
      await res.text();
      times.push(performance.now() - t0);
      status = res.status;
    }
    times.sort((a, b) => a - b);
    say(`- ${name}: HTTP ${status} in ${ms(times[10]!)}`);
  }

  say();
  say('Targets (QUALITY.md), this run:');
  for (const { op, http, floor } of results) {
    if (op.kind === 'list') {
      const ratio = floor ? http.p95 / floor.p95 : Number.NaN;
      say(
        `- ${op.name}: ${http.perSecond.toFixed(0)} req/s (target ≥ 400) ${http.perSecond >= 400 ? 'met' : 'NOT met'}; p99 ${ms(http.p99)} (≤ 60 ms) ${http.p99 <= 60 ? 'met' : 'NOT met'}; ratio ${Number.isNaN(ratio) ? 'n/a' : ratio.toFixed(2)} (≤ 1.5) ${Number.isNaN(ratio) ? '' : ratio <= 1.5 ? 'met' : 'NOT met'}`,
      );
    } else if (op.kind === 'summary') {
      say(`- ${op.name}: p95 ${ms(http.p95)} (target ≤ 100 ms) ${http.p95 <= 100 ? 'met' : 'NOT met'}`);
    } else {
      say(`- ${op.name}: p95 ${ms(http.p95)} (reported, no target)`);
    }
  }
  say(`- API peak RSS under load: ${peakRss.toFixed(0)} MB (target ${onPglite ? '< 1,200' : '< 400'} MB)`);

  await raw?.end();
  await apollo.stop();
  await probe.close();
} finally {
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  pg?.stop();
}

const reports = path.join(root, 'bench/reports');
mkdirSync(reports, { recursive: true });
const file = path.join(reports, `${smoke ? 'smoke-' : ''}${onPglite ? 'pglite' : 'postgres'}.md`);
writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`\nreport written to ${path.relative(root, file)}`);
if (failures.length) {
  console.error(`\n${failures.length} operation(s) answered with errors:\n${failures.join('\n')}`);
  process.exit(1);
}
process.exit(0);
