/**
 * The text to look for a constraint's or trigger's name in: a driver error's constraint field (postgres.js
 * `constraint_name`, PGlite `constraint`; a trigger's RAISE names it only there) and its messages.
 */
export function constraintText(error: unknown): string {
  const cause = (error as { cause?: Record<string, unknown> } | null)?.cause ?? {};
  return [cause.constraint_name, cause.constraint, cause.message, String(error)]
    .filter((part) => typeof part === 'string')
    .join(' ');
}
