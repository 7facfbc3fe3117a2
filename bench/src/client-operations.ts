import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type DocumentNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  type TypeNode,
  type VariableDefinitionNode,
  visit,
} from 'graphql';
import type { Operation } from './operations';

/**
 * Every query the clients send, read from the persisted-document manifests their builds write, so a client
 * operation added later is benchmarked without editing the bench. Each runs as the first demo account the API
 * answers without errors; its variables are filled from the demo: page sizes, the demo year, and for ids the
 * global ids that earlier answers returned, by the type the argument names.
 */

export type Execute = (
  user: string,
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: unknown; errors?: readonly unknown[] }>;

const MANIFESTS = [
  'apps/admin/dist/persisted-documents.json',
  'apps/leadership/dist/persisted-documents.json',
];
const USERS_BY_CLIENT: Record<string, string[]> = {
  admin: ['admin', 'township', 'village', 'helper', 'supervisor', 'auditor'],
  leadership: ['leader', 'admin'],
};
const DEMO_YEAR = 2019;
const DEMO_DAY = '2019-09-11';

export interface ClientOperation extends Operation {
  id: string;
}

export interface Skipped {
  id: string;
  reason: string;
}

function readManifests(root: string): Map<string, string> {
  const documents = new Map<string, string>();
  for (const relative of MANIFESTS) {
    const file = path.join(root, relative);
    if (!existsSync(file)) throw new Error(`${relative} is missing: run \`pnpm build\` first`);
    for (const [id, text] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>))
      documents.set(id, text);
  }
  return documents;
}

const namedType = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);

/** The node type an id variable stands for: the inline fragment below `node(id:)`, else the argument's name. */
function idTypes(document: DocumentNode): Map<string, string> {
  const types = new Map<string, string>();
  visit(document, {
    Field(field) {
      for (const arg of field.arguments ?? []) {
        if (arg.value.kind !== Kind.VARIABLE) continue;
        const variable = arg.value.name.value;
        if (field.name.value === 'node' && arg.name.value === 'id') {
          const fragment = field.selectionSet?.selections.find((s) => s.kind === Kind.INLINE_FRAGMENT);
          if (fragment?.kind === Kind.INLINE_FRAGMENT && fragment.typeCondition)
            types.set(variable, fragment.typeCondition.name.value);
        } else if (/Id$/.test(arg.name.value)) {
          const base = arg.name.value.slice(0, -2);
          types.set(variable, base.charAt(0).toUpperCase() + base.slice(1));
        }
      }
    },
  });
  return types;
}

/** A value for each variable the operation requires; nullable ones are left out (the client's first screen). */
function variablesFor(
  definitions: readonly VariableDefinitionNode[],
  idType: Map<string, string>,
  samples: Map<string, string>,
): Record<string, unknown> | string {
  const variables: Record<string, unknown> = {};
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = namedType(definition.type);
    if (name === 'first') variables[name] = 50;
    if (definition.type.kind !== Kind.NON_NULL_TYPE || name === 'first') continue;
    if (type === 'ID') {
      const sample = samples.get(idType.get(name) ?? '');
      if (!sample) return `no demo id of type ${idType.get(name) ?? '(unknown)'} for $${name}`;
      variables[name] = sample;
    } else if (type === 'Int') variables[name] = /year/i.test(name) ? DEMO_YEAR : 1;
    else if (type === 'Date') variables[name] = DEMO_DAY;
    else if (type === 'Boolean') variables[name] = false;
    else if (type === 'String') variables[name] = /month/i.test(name) ? DEMO_DAY.slice(0, 7) : '';
    else return `no demo value for $${name}: ${type}`;
  }
  return variables;
}

/** Every global id in an answer, by the type it encodes (base64 of "Type:id"). */
function harvest(value: unknown, samples: Map<string, string>) {
  if (typeof value === 'string') {
    if (value.length < 8 || value.length > 40 || !/^[A-Za-z0-9+/]+=*$/.test(value)) return;
    const match = /^([A-Z][A-Za-z]+):(\d+)$/.exec(Buffer.from(value, 'base64').toString('utf8'));
    if (match && !samples.has(match[1]!)) samples.set(match[1]!, value);
  } else if (Array.isArray(value)) for (const item of value) harvest(item, samples);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) harvest(item, samples);
}

/**
 * Runs each query once to find who may send it and with what; the ones that need an id no earlier answer
 * held wait for a second round. Returns the operations to benchmark and the ones it could not fill, with why.
 */
export async function clientOperations(root: string, execute: Execute) {
  const samples = new Map<string, string>();
  const pending = [...readManifests(root)].flatMap(([id, text]) => {
    const document = parse(text);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    return operation?.operation === 'query' ? [{ id, text, document, operation }] : [];
  });
  const operations: ClientOperation[] = [];
  const skipped: Skipped[] = [];
  for (let round = 0; round < 3 && pending.length > 0; round++) {
    for (const entry of pending.splice(0)) {
      const variables = variablesFor(
        entry.operation.variableDefinitions ?? [],
        idTypes(entry.document),
        samples,
      );
      if (typeof variables === 'string') {
        if (round === 2) skipped.push({ id: entry.id, reason: variables });
        else pending.push(entry);
        continue;
      }
      const users = USERS_BY_CLIENT[entry.id.split('/')[0]!] ?? ['admin'];
      let answered = false;
      for (const user of users) {
        const result = await execute(user, entry.text, variables);
        if (result.errors?.length) continue;
        harvest(result.data, samples);
        operations.push({
          id: entry.id,
          name: `${entry.id} (${user})`,
          user,
          kind: 'client',
          query: entry.text,
          variables,
        });
        answered = true;
        break;
      }
      if (!answered) skipped.push({ id: entry.id, reason: `every account (${users.join(', ')}) got errors` });
    }
  }
  return { operations, skipped };
}
