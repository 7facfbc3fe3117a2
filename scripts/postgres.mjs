// Starts a throw-away PostgreSQL server from the machine's own packages (Debian's postgresql) for the
// real-PostgreSQL test tier, on 127.0.0.1 as a non-root user, and stops it again.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(root, versions.at(-1), 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function asPostgresUser(command) {
  const isRoot = process.getuid?.() === 0;
  const result = isRoot
    ? spawnSync('su', ['postgres', '-s', '/bin/bash', '-c', command], { stdio: 'pipe', encoding: 'utf8' })
    : spawnSync('/bin/bash', ['-c', command], { stdio: 'pipe', encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`PostgreSQL command failed: ${command}\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * Returns { url, stop } for a fresh server, or null (with a reason) when no server binaries exist. With
 * { roles: true } it also creates an owner role (runs migrations, may create the test databases) and an
 * application role, and returns ownerUrl and appUrl: the test tier runs the API as the application role.
 */
export async function startPostgres({ roles = false } = {}) {
  const bin = findPostgresBin();
  if (!bin) return { url: null, reason: 'no PostgreSQL server binaries under /usr/lib/postgresql' };
  const dir = mkdtempSync(path.join(tmpdir(), 'gongjian-pg-'));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const port = await freePort();
  const data = path.join(dir, 'data');
  asPostgresUser(`${bin}/initdb -D ${data} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null`);
  const startServer = () =>
    asPostgresUser(
      `${bin}/pg_ctl -D ${data} -l ${dir}/log -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" -w start >/dev/null`,
    );
  const stopServer = () => asPostgresUser(`${bin}/pg_ctl -D ${data} -m fast -w stop >/dev/null`);
  startServer();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const roleUrls = {};
  if (roles) {
    const statements = [
      'CREATE ROLE gongjian_owner LOGIN CREATEDB',
      'CREATE ROLE gongjian_app LOGIN',
      // Dropping a test database WITH (FORCE) ends the application role's connections to it.
      'GRANT pg_signal_backend TO gongjian_owner',
    ];
    for (const statement of statements) {
      asPostgresUser(
        `${bin}/psql -h ${dir} -p ${port} -U postgres -d postgres -q -v ON_ERROR_STOP=1 -c "${statement}"`,
      );
    }
    roleUrls.ownerUrl = `postgres://gongjian_owner@127.0.0.1:${port}/postgres`;
    roleUrls.appUrl = `postgres://gongjian_app@127.0.0.1:${port}/postgres`;
  }
  const stop = () => {
    try {
      stopServer();
    } catch {
      // already stopped (a fault test may have taken it away)
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // startServer and stopServer let a fault test take the server away and bring it back on the same port.
  return { url, ...roleUrls, stop, startServer, stopServer };
}
