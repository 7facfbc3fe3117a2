import { decodeCursorChunk } from '@pothos/core';
import { textProblem } from './text';

/** The page size a connection serves at most (the builder's `maxConnectionSize`). */
export const LARGEST_PAGE = 100;

export interface PaginationProblem {
  argument: 'first' | 'last' | 'after' | 'before';
  zh: string;
  en: string;
}

/** Connection arguments as the relay spec allows them: one direction, a size from 0 to the largest page. */
export function paginationProblems(args: Record<string, unknown>): PaginationProblem[] {
  const problems: PaginationProblem[] = [];
  for (const argument of ['first', 'last'] as const) {
    const size = args[argument];
    if (typeof size !== 'number') continue;
    if (size < 0) problems.push({ argument, zh: '不能为负数', en: 'must not be negative' });
    else if (size > LARGEST_PAGE)
      problems.push({ argument, zh: `不能超过${LARGEST_PAGE}`, en: `must be at most ${LARGEST_PAGE}` });
  }
  if (typeof args.first === 'number' && typeof args.last === 'number') {
    problems.push({
      argument: 'last',
      zh: '不能与 first 同时使用',
      en: 'cannot be used together with first',
    });
  }
  for (const argument of ['after', 'before'] as const) {
    const cursor = args[argument];
    if (cursor != null && !isWellFormedCursor(cursor)) {
      problems.push({ argument, zh: '不是有效的分页游标', en: 'is not a valid page cursor' });
    }
  }
  return problems;
}

/** A cursor as the drizzle plugin writes them: canonical base64 of `DC:` and tagged values. */
function isWellFormedCursor(cursor: unknown): boolean {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 1000) return false;
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  if (Buffer.from(decoded, 'utf8').toString('base64') !== cursor || !decoded.startsWith('DC:')) return false;
  let position: unknown;
  try {
    position = decodeCursorChunk(decoded.slice(3));
  } catch {
    return false;
  }
  const values = Array.isArray(position) ? position : [position];
  return values.length > 0 && values.every(isCursorValue);
}

function isCursorValue(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return textProblem(value, false) === null;
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return typeof value === 'bigint' || typeof value === 'boolean';
}
