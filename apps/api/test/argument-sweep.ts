import { createRequire } from 'node:module';
import type {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
} from 'graphql';

// The schema's own copy of graphql-js (the one Pothos loads): its type checks do not accept another copy's types.
const {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} = createRequire(import.meta.url)('graphql') as typeof import('graphql');

import { globalId } from './harness';

/**
 * Every place in the schema where a client sends a value: each root field's arguments and the input fields
 * below them, found by walking the built schema, so an operation added later is swept too.
 */
export interface ArgumentSite {
  operation: 'query' | 'mutation';
  field: string;
  /** From the argument's name down through input fields (a list element is `0`). */
  path: string[];
  /** The scalar's name (ID, String, Int, Date…), or `enum`. */
  scalar: string;
  /** The node types a global ID must be of, when the schema declares them. */
  nodeTypes: string[];
}

function inputSites(
  type: GraphQLInputType,
  path: string[],
  found: Omit<ArgumentSite, 'operation' | 'field'>[],
) {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return inputSites(nullable.ofType, [...path, '0'], found);
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields()))
      inputSites(field.type, [...path, field.name], found);
    return;
  }
  found.push({ path, scalar: isEnumType(nullable) ? 'enum' : nullable.name, nodeTypes: [] });
}

function nodeTypesOf(arg: { extensions: Record<string, unknown> | null | undefined }) {
  const declared = arg.extensions?.relayGlobalIDFor as { typename: string }[] | undefined;
  return declared?.map((entry) => entry.typename) ?? [];
}

function fieldSites(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const sites: ArgumentSite[] = [];
  for (const arg of field.args) {
    const found: Omit<ArgumentSite, 'operation' | 'field'>[] = [];
    inputSites(arg.type, [arg.name], found);
    for (const site of found) {
      const holder = holderOf(arg, site.path);
      sites.push({ operation, field: field.name, ...site, nodeTypes: nodeTypesOf(holder) });
    }
  }
  return sites;
}

/** The argument or input field a path ends at (its extensions carry the node types). */
function holderOf(arg: GraphQLArgument, path: string[]) {
  let holder: { type: GraphQLInputType; extensions: Record<string, unknown> | null | undefined } = arg;
  for (const step of path.slice(1)) {
    const named = getNamedType(holder.type);
    if (step === '0' || !isInputObjectType(named)) continue;
    holder = named.getFields()[step]!;
  }
  return holder;
}

/** Every ID and String a client sends: root field arguments and the input fields below them. */
export function argumentSites(schema: GraphQLSchema): ArgumentSite[] {
  return leafSites(schema).filter((site) => site.scalar === 'ID' || site.scalar === 'String');
}

/** Every leaf value a client sends, of any scalar or enum type. */
export function leafSites(schema: GraphQLSchema): ArgumentSite[] {
  const query = Object.values(schema.getQueryType()!.getFields()).flatMap((f) => fieldSites('query', f));
  const mutation = Object.values(schema.getMutationType()!.getFields()).flatMap((f) =>
    fieldSites('mutation', f),
  );
  return [...query, ...mutation];
}

/** A value the schema accepts for `type`, with `bad` placed at `path` (relative to this value). */
export function sampleValue(type: GraphQLInputType, path: string[] = [], bad?: unknown): unknown {
  if (path.length === 0 && bad !== undefined) return bad;
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [sampleValue(nullable.ofType, path.slice(1), bad)];
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      const onPath = path[0] === field.name;
      if (!onPath && !isNonNullType(field.type)) continue;
      value[field.name] = onPath
        ? sampleValue(field.type, path.slice(1), bad)
        : sampleWithNodeTypes(field.type, nodeTypesOf(field));
    }
    return value;
  }
  return sampleScalar(nullable as GraphQLNamedType, []);
}

function sampleScalar(type: GraphQLNamedType, nodeTypes: string[]): unknown {
  if (isEnumType(type)) return type.getValues()[0]!.value;
  switch (type.name) {
    case 'ID':
      return globalId(nodeTypes[0] ?? 'Household', 1);
    case 'String':
      return '样例';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return '2026-01-01';
    case 'DateTime':
      return '2026-01-01T00:00:00.000Z';
    default:
      throw new Error(`no sample for scalar ${type.name}`);
  }
}

function sampleWithNodeTypes(type: GraphQLInputType, nodeTypes: string[]): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [sampleWithNodeTypes(nullable.ofType, nodeTypes)];
  if (isInputObjectType(nullable)) return sampleValue(nullable);
  return sampleScalar(nullable as GraphQLNamedType, nodeTypes);
}

const ERROR_SELECTION =
  '__typename ... on ValidationError { fieldErrors { path message } } ... on Error { code message }';

function selectionFor(field: GraphQLField<unknown, unknown>) {
  const named = getNamedType(field.type);
  if (isUnionType(named)) return `{ ${ERROR_SELECTION} }`;
  if (isObjectType(named) || isInterfaceType(named)) return '{ __typename }';
  return '';
}

/** A document calling the site's field with every argument as a variable, and variables with `bad` at the site. */
export function sweepRequest(schema: GraphQLSchema, site: ArgumentSite, bad: unknown) {
  const root = site.operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const field = root.getFields()[site.field]!;
  const args = field.args.filter((arg) => isNonNullType(arg.type) || arg.name === site.path[0]);
  const variables: Record<string, unknown> = {};
  for (const arg of args) {
    variables[arg.name] =
      arg.name === site.path[0]
        ? sampleValue(arg.type, site.path.slice(1), bad)
        : sampleWithNodeTypes(arg.type, nodeTypesOf(arg));
  }
  const declarations = args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
  const call = args.length ? `(${args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  const query = `${site.operation} Sweep${declarations ? `(${declarations})` : ''} { ${site.field}${call} ${selectionFor(field)} }`;
  return { query, variables };
}

/** What a response answered: a top-level error code, or the union member's typename and code. */
export function outcomeOf(
  field: string,
  response: {
    data?: Record<string, unknown> | null;
    errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  },
) {
  const error = response.errors?.[0];
  if (error) {
    const fieldErrors = error.extensions?.fieldErrors as { path: string[] }[] | undefined;
    return { answer: `top-level ${String(error.extensions?.code)}`, message: error.message, fieldErrors };
  }
  const value = response.data?.[field] as
    | { __typename?: string; code?: string; message?: string; fieldErrors?: { path: string[] }[] }
    | null
    | undefined;
  if (value && typeof value === 'object' && value.__typename) {
    return {
      answer: value.code ? `${value.__typename} ${value.code}` : value.__typename,
      message: value.message ?? '',
      fieldErrors: value.fieldErrors,
    };
  }
  return { answer: value === null ? 'null' : 'data', message: '', fieldErrors: undefined };
}

/** A document calling a root field with a sample for each required argument, as the role matrix sends it. */
export function sampleRequest(schema: GraphQLSchema, operation: 'query' | 'mutation', fieldName: string) {
  const root = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const field = root.getFields()[fieldName]!;
  const args = field.args.filter((arg) => isNonNullType(arg.type));
  const variables = Object.fromEntries(
    args.map((arg) => [arg.name, sampleWithNodeTypes(arg.type, nodeTypesOf(arg))]),
  );
  const declarations = args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
  const call = args.length ? `(${args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  const query = `${operation} Matrix${declarations ? `(${declarations})` : ''} { ${fieldName}${call} ${selectionFor(field)} }`;
  return { query, variables };
}
