import type { Locale } from '@gongjian/ui';
import { ruleLabels } from './ruleLabels.ts';
import { sharedWords } from './words.ts';

/** A decision's conclusion in the reader's language: the API's Chinese label, or the code in plain English. */
export function outcomeText(decision: { outcome: string; outcomeZh: string }, locale: Locale): string {
  return locale === 'en' ? codeInWords(decision.outcome) : decision.outcomeZh;
}

/** `NOT_ELIGIBLE` → `Not eligible`: for the English UI when the API gives only a code. */
export function codeInWords(code: string): string {
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const citation = / ?\((?:规则|rule) [^\s,]+, (?:依据|source) .*\)$/;

/** A rules message without its trailing "(规则 ID, 依据 … [N])": the id and source are shown apart, folded. */
export function plainMessage(message: string): string {
  return message.replace(citation, '').trim();
}

/** A rule reason's text, never empty: its message, else the rule's known label, else whether it held. */
export function reasonText(
  reason: { ruleId: string; passed: boolean; messageZh: string; messageEn: string },
  locale: Locale,
): string {
  const message = plainMessage(locale === 'en' ? reason.messageEn : reason.messageZh);
  if (message) return message;
  const words = sharedWords[locale];
  return ruleLabels[locale][reason.ruleId] ?? (reason.passed ? words.ruleHeld : words.ruleNotHeld);
}

const gradeKeys = { N: 'gradeN', P: 'gradeP', L: 'gradeL', A: 'gradeA', W: 'gradeW' } as const;

/** The evidence grade (N/P/L/A/W) as words. */
export function evidenceGradeText(grade: string, locale: Locale): string {
  const key = gradeKeys[grade as keyof typeof gradeKeys];
  return key ? sharedWords[locale][key] : grade;
}
