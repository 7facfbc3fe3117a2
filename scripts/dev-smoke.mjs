// Starts `pnpm dev` (the API in watch mode and the three Vite dev servers) on an empty database of its own,
// waits until every dev server answers, loads each client's entry module (which sets off Vite's dependency
// optimisation) and reaches /graphql through each server's proxy, then stops everything. Exits non-zero,
// printing the dev servers' output, if any of it does not answer within the time limit.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const limitMs = 240_000;
const clients = [
  { name: 'admin', origin: 'http://localhost:5173', base: '/admin/' },
  { name: 'leadership', origin: 'http://localhost:5174', base: '/leadership/' },
  { name: 'ide', origin: 'http://localhost:5175', base: '/ide/' },
];

const dataDir = mkdtempSync(path.join(tmpdir(), 'gongjian-dev-'));
const { DATABASE_URL: _database, ...environment } = process.env;
let output = '';
const dev = spawn('pnpm', ['turbo', 'run', 'dev', '--ui=stream'], {
  cwd: root,
  detached: true,
  env: {
    ...environment,
    TURBO_TELEMETRY_DISABLED: '1',
    GONGJIAN_DATA_DIR: dataDir,
    GONGJIAN_SEED_DEMO: 'false',
  },
});
let exited = null;
dev.on('exit', (code) => {
  exited = code;
});
for (const stream of [dev.stdout, dev.stderr]) stream.on('data', (chunk) => (output += chunk));

function stop() {
  try {
    process.kill(-dev.pid, 'SIGTERM');
  } catch {}
  rmSync(dataDir, { recursive: true, force: true });
}

async function answers(url, init) {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

async function waitFor(what, check) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`pnpm dev ended (exit ${exited}) while waiting for ${what}`);
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`no answer from ${what} within ${limitMs / 1000} s`);
}

const graphql = (origin) =>
  answers(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });

const started = Date.now();
try {
  for (const client of clients) {
    await waitFor(`${client.name} dev server`, async () =>
      (await answers(client.origin + client.base))?.includes('<div'),
    );
    await waitFor(`${client.name} entry module`, async () =>
      Boolean(await answers(`${client.origin}${client.base}src/main.tsx`)),
    );
  }
  // Dependency optimisation runs in the background after the first requests; a failure ends the server.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  for (const client of clients) {
    await waitFor(`${client.name} page after dependency optimisation`, async () =>
      Boolean(await answers(client.origin + client.base)),
    );
    await waitFor(`/graphql through the ${client.name} proxy`, async () =>
      (await graphql(client.origin))?.includes('Query'),
    );
  }
  console.log(
    `[dev-smoke] the API, ${clients.map((c) => c.name).join(', ')} dev servers and /graphql through each proxy answered in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  stop();
  process.exit(0);
} catch (error) {
  console.error(`[dev-smoke] ${error.message}\n--- pnpm dev output ---\n${output.slice(-6000)}`);
  stop();
  process.exit(1);
}
