// The build's size budget: what a browser downloads to open the app (the scripts, styles and preloads that
// dist/index.html names, brotli as served) must stay under --first-load-kib, and every asset together under
// --total-kib. Prints the figures and fails the build when a budget is exceeded.
// Usage (in an app's folder, after vite build): node ../../scripts/bundle-budget.mjs --first-load-kib 340 --total-kib 1200
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  const value = Number(index >= 0 ? args[index + 1] : Number.NaN);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} <KiB> is required`);
  return value;
};
const firstLoadBudget = option('--first-load-kib');
const totalBudget = option('--total-kib');
const dist = path.resolve('dist');

/** Brotli size as served: the precompressed file when the build wrote one, else compressed here. */
function servedBytes(file) {
  if (existsSync(`${file}.br`)) return statSync(`${file}.br`).size;
  return brotliCompressSync(readFileSync(file)).length;
}

const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const named = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"/g)].map(
  (m) => m[1],
);
/** A URL under the app's base (`/leadership/assets/…`) is the file under dist (`assets/…`). */
function fileOf(url) {
  const segments = url.replace(/^\//, '').split('/');
  const candidates = [segments, segments.slice(1)].map((parts) => path.join(dist, ...parts));
  return candidates.find((file) => existsSync(file)) ?? candidates[0];
}
const firstLoad = [...new Set(named)].map(fileOf);
const missing = firstLoad.filter((file) => !existsSync(file));
if (missing.length > 0)
  throw new Error(`index.html names files the build did not write: ${missing.join(', ')}`);

function assets(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return assets(full);
    return /\.(js|css)$/.test(entry.name) ? [full] : [];
  });
}

const kib = (bytes) => bytes / 1024;
const firstLoadKib = kib(firstLoad.reduce((sum, file) => sum + servedBytes(file), 0));
const totalKib = kib(assets(dist).reduce((sum, file) => sum + servedBytes(file), 0));
const app = path.basename(process.cwd());
const line = (label, value, budget) =>
  `${app}: ${label} ${value.toFixed(1)} KiB (brotli) of ${budget} KiB budget${value > budget ? ' — OVER BUDGET' : ''}`;
console.log(line('first load', firstLoadKib, firstLoadBudget));
console.log(line('all scripts and styles', totalKib, totalBudget));
if (firstLoadKib > firstLoadBudget || totalKib > totalBudget) process.exit(1);
