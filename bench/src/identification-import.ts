import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDb } from '@gongjian/db';
import { seedJianghua } from '@gongjian/db/seed';
import type { Viewer } from '../../apps/api/src/context';
import { type ImportEvent, importWorkbook } from '../../apps/api/src/modules/identification/import-export';
import { buildWorkbook } from '../../apps/api/test/identification-workbook';

/**
 * Bulk import of a county-sized registry file (28,000 households, ~98,000 members) on embedded PGlite:
 * generate the workbook, import it (parse, validate, write in one transaction with audit), then import it
 * again (idempotent: nothing changes). Usage: pnpm --filter @gongjian/bench exec tsx src/identification-import.ts [--households N]
 */
const args = process.argv.slice(2);
const households = Number(args[args.indexOf('--households') + 1]) || 28_000;
process.env.GONGJIAN_DEMO_HOUSEHOLDS ??= '0';

const handle = createDb({});
await handle.migrate();
await handle.db.transaction((tx) => seedJianghua(tx));
const villages = (
  await handle.db.query.regions.findMany({
    where: { level: 'VILLAGE' },
    with: { parent: { columns: { name: true } } },
  })
).map((v) => ({ township: v.parent!.name, name: v.name }));
const admin = (await handle.db.query.users.findFirst({ where: { username: 'admin' } }))!;
const viewer: Viewer = { ...admin, jurisdictionLevel: 'COUNTY', sessionId: 'bench' };

const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};
let t = performance.now();
const file = await buildWorkbook({ households, villages });
say(
  `generated ${households} households: ${(file.length / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

async function run(label: string) {
  const phases: Record<string, number> = {};
  const start = performance.now();
  let last = start;
  let phase = 'parse';
  const result = await importWorkbook(
    handle.db,
    viewer,
    file,
    { mode: 'ALL', dryRun: false },
    (event: ImportEvent) => {
      if (event.type === 'error') console.log(event);
      if (event.type === 'progress' && event.phase !== phase) {
        phases[phase] = performance.now() - last;
        last = performance.now();
        phase = event.phase;
      }
    },
  );
  phases[phase] = performance.now() - last;
  const total = (performance.now() - start) / 1000;
  say(
    `${label}: ${total.toFixed(1)} s (${Object.entries(phases)
      .map(([p, ms]) => `${p} ${(ms / 1000).toFixed(1)} s`)
      .join(', ')}) → ${result.status}, ` +
      `households ${JSON.stringify(result.households)}, members ${JSON.stringify(result.members)}, errors ${result.errorCount}`,
  );
  return total;
}
t = performance.now();
await run('first import');
await run('re-import of the same file');
say(`RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
await handle.close();
writeFileSync(
  fileURLToPath(new URL('../reports/identification-import.md', import.meta.url)),
  `# Identification import on PGlite\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`,
);
