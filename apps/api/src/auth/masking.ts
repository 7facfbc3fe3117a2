/** 138****1234: keeps the first three and last four digits of a phone number. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  if (phone.length < 8) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** 430000********1234: keeps the six-digit area code and the last four characters of an ID number. */
export function maskIdNumber(idNumber: string | null): string | null {
  if (idNumber === null) return null;
  if (idNumber.length < 10) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Audit details never show these: the birth date is the masked part of an ID number; hashes are secrets. */
const NEVER_SHOWN = new Set(['birthDate', 'passwordHash', 'tokenHash']);
/** Shown only to roles with `household.sensitive` (health, disability, incomes). */
const SENSITIVE = new Set([
  'health',
  'disability',
  'wagesFen',
  'businessIncomeFen',
  'businessCostsFen',
  'propertyIncomeFen',
  'transferIncomeFen',
]);

/** An audit row's before/after as a reader may see it: ID numbers and phones masked, sensitive keys hidden. */
export function maskAuditDetails(value: unknown, sensitive: boolean): Json {
  if (Array.isArray(value)) return value.map((item) => maskAuditDetails(item, sensitive));
  if (value === null || typeof value !== 'object') return (value ?? null) as Json;
  const masked: Record<string, Json> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (NEVER_SHOWN.has(key)) continue;
    if (SENSITIVE.has(key) && !sensitive) masked[key] = '(敏感信息)';
    else if (key === 'idNumber' && typeof inner === 'string') masked[key] = maskIdNumber(inner);
    else if (key === 'phone' && typeof inner === 'string') masked[key] = maskPhone(inner);
    else masked[key] = maskAuditDetails(inner, sensitive);
  }
  return masked;
}
