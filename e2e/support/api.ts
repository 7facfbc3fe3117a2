import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { artifactsDir } from './browser.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const apiDir = path.join(repoRoot, 'apps/api');

export const demoPassword = 'Gongjian@2026';

/** The browser tests drive the production builds; they never build anything themselves. */
export function missingClientBuilds(): string[] {
  return ['admin', 'leadership']
    .map((app) => path.join(repoRoot, 'apps', app, 'dist', 'index.html'))
    .filter((indexHtml) => !existsSync(indexHtml));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningApi {
  url: string;
  stop: () => Promise<void>;
}

/** A production API runs on the real clock: it refuses GONGJIAN_CLOCK_AT. */
function withoutTestClock(vars: NodeJS.ProcessEnv, production: boolean): NodeJS.ProcessEnv {
  if (!production) return vars;
  const { GONGJIAN_CLOCK_AT: _testClock, ...rest } = vars;
  return rest;
}

/**
 * Starts the API (embedded PGlite, demo seed) on a free port with a data folder of its own; `production`
 * starts it as deployed, with NODE_ENV=production (trusted documents enforced, no IDE).
 */
export async function startApi({ production = false } = {}): Promise<RunningApi> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gongjian-e2e-'));
  mkdirSync(artifactsDir, { recursive: true });
  const logName = production ? 'api-production.log' : 'api.log';
  const log = createWriteStream(path.join(artifactsDir, logName));
  const tsxCli = createRequire(path.join(apiDir, 'package.json')).resolve('tsx/cli');
  // Its own process group, so stopping it also stops the node process tsx starts.
  const child: ChildProcess = spawn(process.execPath, [tsxCli, 'src/main.ts'], {
    cwd: apiDir,
    env: {
      ...withoutTestClock(process.env, production),
      GONGJIAN_DATA_DIR: dataDir,
      PORT: String(port),
      NODE_ENV: production ? 'production' : 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the API did not start within 150 s (see e2e/artifacts/${logName})`)),
      150_000,
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with code ${code} before listening (see e2e/artifacts/${logName})`));
    });
  });

  async function stop() {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      const killTimer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(killTimer);
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { url, stop };
}

/** Runs one GraphQL operation as a demo user through the HTTP API, for facts the page should or should not show. */
export async function graphqlAs<Data>(apiUrl: string, username: string, query: string, variables = {}) {
  const post = (body: unknown, cookie?: string) =>
    fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const login = await post({
    query: 'mutation ($input: LoginInput!) { login(input: $input) { __typename } }',
    variables: { input: { username, password: demoPassword } },
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`could not sign in as ${username}`);
  const response = await post({ query, variables }, cookie);
  const body = (await response.json()) as { data?: Data; errors?: unknown[] };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The API's "today" in the county calendar, which every date the tests enter is counted from. */
export async function countyTodayOf(apiUrl: string): Promise<string> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ countyToday }' }),
  });
  const body = (await response.json()) as { data?: { countyToday?: string } };
  if (!body.data?.countyToday) throw new Error(`the API gave no countyToday: ${JSON.stringify(body)}`);
  return body.data.countyToday;
}
