import { GraphQLError, Kind } from 'graphql';
import { z } from 'zod';

// Validation messages in Chinese, the console's language.
z.config(z.locales.zhCN());

import { builder } from '../builder';
import {
  ConflictError,
  type DomainError,
  ERROR_CODES,
  type FieldError,
  ForbiddenError,
  LoginError,
  NotFoundError,
  RuleViolationError,
  ValidationError,
} from '../errors';

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

function parseDateTime(value: unknown): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError('时间格式应为 ISO 8601', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return new Date(value).toISOString();
}

builder.scalarType('DateTime', {
  description: '时间点 (an instant, ISO 8601 with offset)',
  serialize: (value) => new Date(value).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: '错误代码 (stable error code; clients translate it)',
  values: ERROR_CODES,
});

export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: '可预期的错误 (an expected failure, returned as data)',
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code }),
    message: t.exposeString('message'),
  }),
});

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: '字段错误 (what is wrong with one input field)',
  fields: (t) => ({
    path: t.exposeStringList('path'),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: '输入校验错误 (input validation failed; nothing was written)',
  interfaces: [ErrorInterface],
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldErrorRef], resolve: (e) => e.fieldErrors }) }),
});
builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: '记录不存在 (no such record, or not visible to you)',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});
builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: '无权操作 (your role or jurisdiction does not allow this)',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});
builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: '版本冲突 (someone changed the record since you read it)',
  interfaces: [ErrorInterface],
  fields: (t) => ({ currentVersion: t.int({ nullable: true, resolve: (e) => e.currentVersion }) }),
});
builder.objectType(LoginError, {
  name: 'LoginError',
  description: '登录失败 (wrong credentials, or the account is locked)',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    lockedUntil: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.lockedUntil }),
  }),
});
builder.objectType(RuleViolationError, {
  name: 'RuleViolationError',
  description: '违反政策规则 (a policy rule refused the change)',
  interfaces: [ErrorInterface],
  fields: (t) => ({ ruleId: t.exposeString('ruleId') }),
});

/** The errors every write can return. */
export const WRITE_ERRORS = [
  ValidationError,
  NotFoundError,
  ForbiddenError,
  ConflictError,
  RuleViolationError,
];

/** Validates input with a zod schema; on failure throws a ValidationError naming every bad field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: issue.path.map(String),
      message: issue.message,
    })),
  );
}

const requestMemo = new WeakMap<object, Map<string, Promise<unknown>>>();

/** Loads a value once per request (keyed by the request's context), however many fields ask for it. */
export function oncePerRequest<T>(ctx: object, key: string, load: () => Promise<T>): Promise<T> {
  let memo = requestMemo.get(ctx);
  if (!memo) {
    memo = new Map();
    requestMemo.set(ctx, memo);
  }
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    memo.set(key, value);
  }
  return value;
}
