// Completes a client's trusted-documents manifest after `gql.tada generate-persisted`:
// merges the manifests of shared packages, refuses any operation in the sources that has no persisted id,
// and adds the `__typename` fields urql's document cache adds before sending, so that the text the API
// runs in production answers exactly what the client asked for in development.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDocument } from '@urql/core';
import { Kind, parse, print } from 'graphql';

const { values, positionals: sourceDirs } = parseArgs({
  allowPositionals: true,
  options: {
    manifest: { type: 'string' },
    merge: { type: 'string', multiple: true, default: [] },
  },
});
if (!values.manifest || sourceDirs.length === 0) {
  console.error(
    'usage: complete-persisted-documents.mjs --manifest <file> [--merge <file>]... <source dir>...',
  );
  process.exit(2);
}

const problems = [];
const documents = readManifest(values.manifest);
for (const sharedManifest of values.merge) {
  for (const [id, text] of Object.entries(readManifest(sharedManifest))) {
    if (documents[id] !== undefined && documents[id] !== text) {
      problems.push(`${id}: ${sharedManifest} holds another document under the same id`);
    }
    documents[id] = text;
  }
}

const persistedOperationNames = new Set();
for (const [id, text] of Object.entries(documents)) {
  const operations = parse(text).definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const expectedName = id.slice(id.indexOf('/') + 1);
  if (operations.length !== 1 || operations[0].name?.value !== expectedName) {
    problems.push(`${id}: the id must name the document's one operation (${expectedName})`);
  }
  for (const operation of operations) if (operation.name) persistedOperationNames.add(operation.name.value);
}

for (const sourceDir of sourceDirs) {
  for (const file of sourceFiles(sourceDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([^`]*)`/g)) {
      for (const definition of parse(match[1]).definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const name = definition.name?.value;
        if (!name) problems.push(`${file}: an anonymous operation cannot be persisted; name it`);
        else if (!persistedOperationNames.has(name)) {
          problems.push(
            `${file}: operation ${name} has no persisted id; wrap it in graphql.persisted('<app>/${name}', …)`,
          );
        }
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`trusted documents: ${values.manifest} is incomplete:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const completed = Object.fromEntries(
  Object.entries(documents)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, text]) => [id, print(formatDocument(parse(text)))]),
);
writeFileSync(values.manifest, `${JSON.stringify(completed, null, 2)}\n`);
console.log(`trusted documents: ${Object.keys(completed).length} operations in ${values.manifest}`);

function readManifest(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
