import type { Database, DbExecutor } from '@gongjian/db';
import { regions } from '@gongjian/db/schema';
import {
  DEFAULT_PARAMETERS,
  InvalidInputError,
  MissingParameterError,
  type Policy,
  policyFor,
  type RegionRef,
} from '@gongjian/rules';
import { eq } from 'drizzle-orm';
import { RuleViolationError, ValidationError } from './errors';

export { clock } from './clock';

/** The region a parameter lookup needs, from a 12-digit region code inside the county (431129…). */
export function regionRefOf(code: string): RegionRef {
  return { province: `${code.slice(0, 2)}0000`, county: code.slice(0, 6) };
}

/** The policy in force for a year in the county a region code belongs to. */
export function policyForYear(year: number, regionCode: string): Policy {
  return policyFor(DEFAULT_PARAMETERS, year, regionRefOf(regionCode));
}

/** The policy in force for a county (by its region id) in a year. */
export async function countyPolicy(
  db: Database | DbExecutor,
  countyId: number,
  year: number,
): Promise<Policy> {
  const [county] = await db.select({ code: regions.code }).from(regions).where(eq(regions.id, countyId));
  return policyForYear(year, county?.code ?? '');
}

/**
 * Runs a rule; a parameter missing for the year becomes a RuleViolationError naming the parameter
 * (never a silent default), a malformed fact a ValidationError naming the field.
 */
export function runRule<T>(rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    if (error instanceof MissingParameterError)
      throw new RuleViolationError(
        `PARAMETER.${error.parameter}`,
        `政策参数 ${error.parameter} 在 ${error.year} 年没有取值, 无法按规则判断`,
      );
    if (error instanceof InvalidInputError) throw ValidationError.field(error.field, error.message);
    throw error;
  }
}
