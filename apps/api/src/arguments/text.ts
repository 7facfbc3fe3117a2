/**
 * What a string argument may hold. Text goes to PostgreSQL, which refuses a NUL byte outright, and to
 * screens and exports, where other control characters and invisible ones hide what was typed.
 */

/** C0 controls, DEL and C1 controls; tab, line feed and carriage return are judged per field below. */
function hasControlCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    if (unit === 0x09 || unit === 0x0a || unit === 0x0d) continue;
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return true;
  }
  return false;
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
// Zero-width characters, the word joiner, the byte-order mark and bidirectional controls.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/**
 * Fields holding a name, a title, a number or a code: one line, nothing invisible. Other text (notes,
 * reasons, descriptions, summaries) may hold tabs and line breaks.
 */
const SINGLE_LINE_FIELD =
  /(name|Name|title|Title|Number|phone|Phone|code|Code)$|^(topic|post|issuer|issuingBody|attendees|level|ruleId|source|search)$/;

export function isSingleLineField(fieldName: string): boolean {
  return SINGLE_LINE_FIELD.test(fieldName);
}

export interface TextProblem {
  zh: string;
  en: string;
}

/** Why `value` may not be stored in a field of this kind, or null when it may. */
export function textProblem(value: string, singleLine: boolean): TextProblem | null {
  if (LONE_SURROGATE.test(value))
    return { zh: '含有无效的Unicode字符', en: 'contains invalid Unicode (a lone surrogate)' };
  if (hasControlCharacter(value)) return { zh: '含有控制字符', en: 'contains a control character' };
  if (!singleLine) return null;
  if (LINE_BREAK_OR_TAB.test(value))
    return { zh: '不能含有换行或制表符', en: 'must be one line without tabs' };
  if (INVISIBLE.test(value)) return { zh: '含有不可见字符', en: 'contains an invisible character' };
  return null;
}
