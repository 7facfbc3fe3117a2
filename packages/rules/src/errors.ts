import type { RegionRef } from './enums';

/** A policy parameter has no value for the year and region asked for. Never replaced by a silent default. */
export class MissingParameterError extends Error {
  readonly code = 'MISSING_PARAMETER';
  readonly parameter: string;
  readonly year: number;
  readonly region: RegionRef;

  constructor(parameter: string, year: number, region: RegionRef) {
    const where = region.county
      ? `county ${region.county}, province ${region.province}`
      : `province ${region.province}`;
    super(`Policy parameter "${parameter}" has no value for ${year} (${where})`);
    this.name = 'MissingParameterError';
    this.parameter = parameter;
    this.year = year;
    this.region = region;
  }
}

/** An argument a rule was given is malformed (not a calendar date, not whole fen, a negative count…). */
export class InvalidInputError extends Error {
  readonly code = 'INVALID_INPUT';
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'InvalidInputError';
    this.field = field;
  }
}

export function requireCount(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidInputError(field, `must be a whole number ≥ 0, got ${value}`);
  }
  return value;
}

export function requirePositiveCount(value: number, field: string): number {
  requireCount(value, field);
  if (value === 0) throw new InvalidInputError(field, 'must be greater than 0');
  return value;
}
