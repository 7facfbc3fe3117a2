import type { Reason, StepRefusal } from '@gongjian/rules';
import { GraphQLError } from 'graphql';

/** Stable codes a client translates into Chinese; the message is a Chinese default for people reading raw JSON. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'RULE_VIOLATION',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

export interface FieldError {
  path: string[];
  message: string;
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION';
  constructor(readonly fieldErrors: FieldError[]) {
    super(`输入有误: ${fieldErrors.map((e) => `${e.path.join('.')} ${e.message}`).join('; ')}`);
  }
  static field(path: string, message: string) {
    return new ValidationError([{ path: path.split('.'), message }]);
  }
}

/**
 * Argument values refused before the resolver runs (malformed IDs, control characters, bad pagination).
 * Paths below a mutation's `input` argument are given as zod gives them, without the leading `input`.
 */
export class ArgumentError extends ValidationError {
  constructor(problems: { path: string[]; zh: string; en: string }[]) {
    const named = problems.map((problem) => ({
      ...problem,
      path: problem.path[0] === 'input' && problem.path.length > 1 ? problem.path.slice(1) : problem.path,
    }));
    super(named.map(({ path, zh, en }) => ({ path, message: `${zh} (${en})` })));
    this.message = named
      .map(({ path, zh, en }) => `参数 ${path.join('.')} ${zh} (argument ${path.join('.')} ${en})`)
      .join('; ');
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly entityId: string,
    /** The argument that named the missing row (e.g. `input.regionId`), when a write names it. */
    readonly argument: string | null = null,
  ) {
    super(
      argument
        ? `${argument}: 未找到${entity} (${entityId}) / no ${entity} with id ${entityId}`
        : `未找到${entity} (${entityId})`,
    );
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = '无权执行此操作或超出管辖范围') {
    super(message);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    readonly currentVersion: number | null,
    message = '记录已被他人修改,请刷新后重试',
  ) {
    super(message);
  }
}

export class LoginError extends DomainError {
  constructor(
    readonly code: 'INVALID_CREDENTIALS' | 'ACCOUNT_LOCKED',
    readonly lockedUntil: string | null = null,
  ) {
    super(code === 'ACCOUNT_LOCKED' ? '登录失败次数过多,账户已锁定,请稍后再试' : '用户名或密码错误');
  }
}

/** A rule of POLICY.md refused the change; `ruleId` names it, `explanation` says why. */
export class RuleViolationError extends DomainError {
  readonly code = 'RULE_VIOLATION';
  constructor(
    readonly ruleId: string,
    message: string,
  ) {
    super(message);
  }
}

/** A procedure step the rules refused: why (typed refusals) and the reasons behind them. */
export class StepRefusedError extends RuleViolationError {
  constructor(
    readonly refusals: StepRefusal[],
    readonly reasons: Reason[],
  ) {
    const failed = reasons.filter((reason) => !reason.passed);
    super(failed[0]?.ruleId ?? `STEP.${refusals[0]}`, failed.map((reason) => reason.messageZh).join('; '));
  }
}

export function unauthenticated() {
  return new GraphQLError('请先登录', { extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } } });
}

export function forbidden(message = '无权访问或超出管辖范围') {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}
