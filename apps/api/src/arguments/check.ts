import type { GraphQLResolveInfo } from 'graphql';
import { paginationProblems } from './connection';
import { decodeCanonicalGlobalId } from './global-id';
import { isSingleLineField, textProblem } from './text';

/** One bad argument value: where it is (argument, input fields, list index) and why, in Chinese and English. */
export interface ArgumentProblem {
  path: string[];
  zh: string;
  en: string;
}

// The schema's types are read by shape, not with graphql-js's `is…Type` checks: those refuse types built by
// another copy of graphql-js, and the test runner loads a second one.
interface InputTypeShape {
  name?: string;
  ofType?: InputTypeShape;
  getFields?: () => Record<string, InputHolder>;
  parseValue?: unknown;
  toString(): string;
}
interface InputHolder {
  name: string;
  type: InputTypeShape;
  extensions?: { relayGlobalIDFor?: readonly { typename: string }[] | null } | null;
}
interface FieldShape {
  args: readonly InputHolder[];
  type: InputTypeShape;
}
interface AstValue {
  kind: string;
  value?: unknown;
  name?: { value: string };
  values?: readonly AstValue[];
  fields?: readonly { name: { value: string }; value: AstValue }[];
}
interface AstSelection {
  kind: string;
  name?: { value: string };
  alias?: { value: string };
  arguments?: readonly { name: { value: string }; value: AstValue }[];
  selectionSet?: { selections: readonly AstSelection[] };
  typeCondition?: { name: { value: string } };
}

const isList = (type: InputTypeShape) => type.toString().startsWith('[') && !type.toString().endsWith('!');
const isNonNull = (type: InputTypeShape) => type.toString().endsWith('!');

function namedTypeName(type: InputTypeShape): string {
  let named = type;
  while (named.ofType) named = named.ofType;
  return named.name!;
}

function idProblem(value: unknown, holder: InputHolder, isNodeType: (name: string) => boolean) {
  const decoded = decodeCanonicalGlobalId(value);
  if (!decoded) return { zh: '不是有效的ID', en: 'is not a valid ID' };
  const expected = holder.extensions?.relayGlobalIDFor?.map((entry) => entry.typename);
  if (expected?.length && !expected.includes(decoded.typename)) {
    return { zh: `应为${expected.join('或')}的ID`, en: `must be the ID of a ${expected.join(' or ')}` };
  }
  if (!isNodeType(decoded.typename))
    return { zh: '不是任何记录的ID', en: 'is not the ID of any kind of record' };
  return null;
}

function checkValue(
  type: InputTypeShape,
  holder: InputHolder,
  value: unknown,
  path: string[],
  isNodeType: (name: string) => boolean,
  problems: ArgumentProblem[],
) {
  if (value === null || value === undefined) return;
  if (isNonNull(type)) {
    checkValue(type.ofType!, holder, value, path, isNodeType, problems);
    return;
  }
  if (isList(type)) {
    const items = Array.isArray(value) ? value : [value];
    for (const [index, item] of items.entries()) {
      checkValue(type.ofType!, holder, item, [...path, String(index)], isNodeType, problems);
    }
    return;
  }
  if (type.getFields && typeof value === 'object') {
    for (const field of Object.values(type.getFields())) {
      const fieldValue = (value as Record<string, unknown>)[field.name];
      checkValue(field.type, field, fieldValue, [...path, field.name], isNodeType, problems);
    }
    return;
  }
  const problem =
    type.name === 'ID'
      ? idProblem(value, holder, isNodeType)
      : type.name === 'String' && typeof value === 'string'
        ? textProblem(value, isSingleLineField(holder.name))
        : null;
  if (problem) problems.push({ path, ...problem });
}

/** Every problem with one field's arguments; `at` is where the field sits in the response. */
export function fieldArgumentProblems(
  field: FieldShape,
  args: Record<string, unknown>,
  at: string[],
  isNodeType: (name: string) => boolean,
): ArgumentProblem[] {
  const problems: ArgumentProblem[] = [];
  for (const arg of field.args) {
    checkValue(arg.type, arg, args[arg.name], [...at, arg.name], isNodeType, problems);
  }
  const names = new Set(field.args.map((arg) => arg.name));
  if (['first', 'last', 'after', 'before'].every((name) => names.has(name))) {
    for (const problem of paginationProblems(args))
      problems.push({ ...problem, path: [...at, problem.argument] });
  }
  return problems;
}

function astValue(node: AstValue, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case 'Variable':
      return variables[node.name!.value];
    case 'IntValue':
    case 'FloatValue':
      return Number(node.value);
    case 'NullValue':
      return null;
    case 'ListValue':
      return node.values!.map((item) => astValue(item, variables));
    case 'ObjectValue':
      return Object.fromEntries(
        node.fields!.map((field) => [field.name.value, astValue(field.value, variables)]),
      );
    default:
      return node.value;
  }
}

/**
 * Problems with the arguments of every field selected below a root field. The ORM plugin folds nested
 * connections into the root field's SQL, so their arguments are checked before that field runs.
 */
export function selectionArgumentProblems(info: GraphQLResolveInfo): ArgumentProblem[] {
  const schema = info.schema as unknown as {
    getType(
      name: string,
    ): { getFields?: () => Record<string, FieldShape>; getInterfaces?: () => { name: string }[] } | undefined;
  };
  const isNodeType = (name: string) =>
    schema
      .getType(name)
      ?.getInterfaces?.()
      .some((type) => type.name === 'Node') ?? false;
  const variables = info.variableValues as Record<string, unknown>;
  const fragments = info.fragments as unknown as Record<
    string,
    AstSelection & { selectionSet: { selections: readonly AstSelection[] } }
  >;
  const problems: ArgumentProblem[] = [];
  const visit = (selections: readonly AstSelection[], typeName: string, at: string[], depth: number) => {
    if (depth > 20) return;
    for (const selection of selections) {
      if (selection.kind === 'InlineFragment') {
        const condition = selection.typeCondition?.name.value ?? typeName;
        visit(selection.selectionSet!.selections, condition, at, depth + 1);
      } else if (selection.kind === 'FragmentSpread') {
        const fragment = fragments[selection.name!.value];
        if (fragment)
          visit(fragment.selectionSet.selections, fragment.typeCondition!.name.value, at, depth + 1);
      } else if (selection.kind === 'Field') {
        const field = schema.getType(typeName)?.getFields?.()[selection.name!.value];
        if (!field) continue;
        const key = selection.alias?.value ?? selection.name!.value;
        const args = Object.fromEntries(
          (selection.arguments ?? []).map((arg) => [arg.name.value, astValue(arg.value, variables)]),
        );
        problems.push(...fieldArgumentProblems(field, args, [...at, key], isNodeType));
        if (selection.selectionSet) {
          visit(selection.selectionSet.selections, namedTypeName(field.type), [...at, key], depth + 1);
        }
      }
    }
  };
  const returnType = namedTypeName(info.returnType as unknown as InputTypeShape);
  for (const node of info.fieldNodes as unknown as AstSelection[]) {
    if (node.selectionSet) visit(node.selectionSet.selections, returnType, [], 0);
  }
  return problems;
}

/** Problems with a root field's own arguments (already coerced) and with those of the fields it selects. */
export function rootFieldArgumentProblems(info: GraphQLResolveInfo, args: Record<string, unknown>) {
  const schema = info.schema as unknown as {
    getType(name: string): { getInterfaces?: () => { name: string }[] } | undefined;
  };
  const isNodeType = (name: string) =>
    schema
      .getType(name)
      ?.getInterfaces?.()
      .some((type) => type.name === 'Node') ?? false;
  const parent = info.parentType as unknown as { getFields(): Record<string, FieldShape> };
  const field = parent.getFields()[info.fieldName]!;
  return [...fieldArgumentProblems(field, args, [], isNodeType), ...selectionArgumentProblems(info)];
}
