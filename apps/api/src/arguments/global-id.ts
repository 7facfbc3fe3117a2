/**
 * Global IDs in their one canonical form: base64 of `Typename:id`, the id a decimal integer from 1 to the
 * largest PostgreSQL `integer` (every node's primary key), written without sign, leading zeros or spaces.
 * Anything else is refused, so `Household:0x10` or `Household:1e3` never finds a row.
 */
const TYPENAME = /^[A-Z][A-Za-z0-9]*$/;
const DECIMAL_ID = /^[1-9][0-9]*$/;
const LARGEST_ID = 2_147_483_647;

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

/** The type and row id a canonical global ID names, or null when the value is not one. */
export function decodeCanonicalGlobalId(value: unknown): { typename: string; id: string } | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 120) return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  // Node's decoder skips characters outside the alphabet; only an exact round trip is canonical.
  if (Buffer.from(decoded, 'utf8').toString('base64') !== value) return null;
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator < 1 || !TYPENAME.test(typename) || !DECIMAL_ID.test(id)) return null;
  if (id.length > 10 || Number(id) > LARGEST_ID) return null;
  return { typename, id };
}
