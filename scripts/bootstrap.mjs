// `npm start` and `npm test` on a machine that has only Node.js 20 and npm: fetch the pinned pnpm into
// .tools/ when the machine has no pnpm of that version, install the workspace, then run the job.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const toolsBin = path.join(root, '.tools', 'node_modules', '.bin');
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  PATH: `${toolsBin}${path.delimiter}${process.env.PATH}`,
};

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, ...options });
  return result.status ?? 1;
}

function pnpmVersion() {
  const result = spawnSync('pnpm', ['--version'], { cwd: root, env, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

function ensurePnpm() {
  if (pnpmVersion() === pinned) return;
  console.log(`[gongjian] installing pnpm ${pinned} into .tools/`);
  const status = run('npm', [
    'install',
    '--prefix',
    '.tools',
    '--no-save',
    '--no-audit',
    '--no-fund',
    `pnpm@${pinned}`,
  ]);
  if (status !== 0 || pnpmVersion() !== pinned) {
    console.error(`[gongjian] could not install pnpm ${pinned}`);
    process.exit(1);
  }
}

function installWorkspace() {
  const frozen = existsSync(path.join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  if (run('pnpm', ['install', ...frozen]) !== 0) process.exit(1);
}

const job = process.argv[2];
ensurePnpm();
installWorkspace();
if (job === 'start') {
  console.log('[gongjian] building the admin console, the leadership client and the GraphQL IDE');
  if (run('pnpm', ['turbo', 'run', 'build', '--output-logs=errors-only']) !== 0) process.exit(1);
  process.exit(run('pnpm', ['--filter', '@gongjian/api', 'start']));
} else if (job === 'test') {
  process.exit(run(process.execPath, [path.join(root, 'scripts', 'test.mjs')]));
} else {
  console.error('usage: node scripts/bootstrap.mjs start|test');
  process.exit(2);
}
