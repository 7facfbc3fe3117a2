import { describeSourceEn, describeSourceZh, type SourceRef } from './sources';

/** Plain JSON: what the API can return as is. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * One rule applied to one set of facts.
 * `passed` is whether the facts meet the rule's test as its message states it. For an exclusion rule
 * the test is "the household is clear of this exclusion", so a household it excludes has passed = false;
 * for a classification rule (a monitoring type, an assessment band) passed = true means "this applies".
 */
export interface Reason {
  ruleId: string;
  passed: boolean;
  params: Record<string, JsonValue>;
  facts: Record<string, JsonValue>;
  source: SourceRef;
  messageZh: string;
  messageEn: string;
}

/** What every decision returns: its outcome and every rule that was applied to reach it. */
export interface Decision<O extends string> {
  outcome: O;
  reasons: Reason[];
}

export interface ReasonInput {
  ruleId: string;
  passed: boolean;
  params?: Record<string, JsonValue>;
  facts: Record<string, JsonValue>;
  source: SourceRef;
  zh: string;
  en: string;
}

export function makeReason(input: ReasonInput): Reason {
  return {
    ruleId: input.ruleId,
    passed: input.passed,
    params: input.params ?? {},
    facts: input.facts,
    source: input.source,
    messageZh: `${input.zh} (规则 ${input.ruleId}, 依据 ${describeSourceZh(input.source)})`,
    messageEn: `${input.en} (rule ${input.ruleId}, source ${describeSourceEn(input.source)})`,
  };
}

export function allPassed(reasons: readonly Reason[]): boolean {
  return reasons.every((reason) => reason.passed);
}

export function failedReasons(reasons: readonly Reason[]): Reason[] {
  return reasons.filter((reason) => !reason.passed);
}

/** The ids of the rules that failed, for a compact "why not" list. */
export function failedRuleIds(decision: Decision<string>): string[] {
  return failedReasons(decision.reasons).map((reason) => reason.ruleId);
}
