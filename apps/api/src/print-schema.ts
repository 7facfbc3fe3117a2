import { readFileSync, writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { env } from './env';
import { schema } from './schema';

/** Writes the committed schema.graphql the clients type against; `--check` fails when it has drifted. */
const target = `${env.repoRoot}packages/schema/schema.graphql`;
const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {}
  if (committed !== printed) {
    console.error(
      'schema.graphql 与代码不一致 (drift): run `pnpm generate` and commit packages/schema/schema.graphql',
    );
    process.exit(1);
  }
  console.log('schema.graphql is up to date');
} else {
  writeFileSync(target, printed);
  console.log(`wrote ${target}`);
}
