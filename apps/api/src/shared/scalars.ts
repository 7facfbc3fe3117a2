import { GraphQLError, Kind, valueFromASTUntyped } from 'graphql';
import { builder } from '../builder';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new GraphQLError('日期格式应为 YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const [y, m, d] = value.split('-').map(Number);
  const check = new Date(Date.UTC(y!, m! - 1, d!));
  if (check.getUTCMonth() !== m! - 1 || check.getUTCDate() !== d) {
    throw new GraphQLError(`不存在的日期 ${value}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

builder.scalarType('Date', {
  description: '日历日期 (calendar day, YYYY-MM-DD, in the county calendar Asia/Shanghai)',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});

const INSTANT = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with its offset and a four-digit year from 1900 (no expanded years PostgreSQL refuses). */
function parseDateTime(value: unknown): string {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!match || Number(match[1]) < 1900 || Number.isNaN(Date.parse(value as string))) {
    throw new GraphQLError('时间格式应为带时区的 ISO 8601 (如 2026-12-01T09:30:00+08:00), 年份不早于1900', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return new Date(value as string).toISOString();
}

builder.scalarType('DateTime', {
  description: '时间点 (an instant, ISO 8601 with offset)',
  serialize: (value) => new Date(value).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});

/** JSON values as the rules and the sector data carry them (facts, parameters, evidence details). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

function parseJson(value: unknown): JsonValue {
  if (value === undefined) throw new GraphQLError('应为JSON值', { extensions: { code: 'BAD_USER_INPUT' } });
  return value as JsonValue;
}

builder.scalarType('JSON', {
  description: 'JSON 值 (a JSON value; its shape is described on each field that uses it)',
  serialize: (value) => value,
  parseValue: parseJson,
  parseLiteral: (ast) => {
    const value = valueFromASTUntyped(ast);
    return parseJson(value);
  },
});
