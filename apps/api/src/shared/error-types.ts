import { LABELS_ZH, STEP_REFUSALS } from '@gongjian/rules';
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
  StepRefusedError,
  ValidationError,
} from '../errors';
import { RuleReasonRef } from './rule-decisions';

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
  fields: (t) => ({
    argument: t.string({
      nullable: true,
      description: '指向该记录的参数 (the input argument that named the missing record, e.g. unitId)',
      resolve: (e) => e.argument,
    }),
  }),
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

export const StepRefusalEnum = builder.enumType('StepRefusal', {
  description: '步骤被拒原因',
  values: Object.fromEntries(
    STEP_REFUSALS.map((value) => [value, { description: LABELS_ZH.stepRefusal[value] }]),
  ),
});

builder.objectType(StepRefusedError, {
  name: 'StepRefusedError',
  description:
    '步骤被拒 (out of order, wrong role, notice period not over, …; nothing was written). code is RULE_VIOLATION',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    ruleId: t.exposeString('ruleId'),
    refusals: t.field({ type: [StepRefusalEnum], resolve: (e) => e.refusals }),
    reasons: t.field({ type: [RuleReasonRef], resolve: (e) => e.reasons }),
  }),
});
