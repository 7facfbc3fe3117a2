import { type AuditEntry, writeAudit } from '../../audit';
import type { Context } from '../../context';
import { DomainError, RuleViolationError } from '../../errors';

/**
 * Runs a supervision write; when it is refused (bad input, a rule, the jurisdiction) the attempt itself is
 * recorded in the audit log as `<action>-refused` with the error code and rule, then the refusal is returned.
 */
export async function auditedRefusal<T>(
  ctx: Context,
  attempt: Pick<AuditEntry, 'action' | 'entityType' | 'entityId'>,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DomainError && error.code !== 'CONFLICT')
      await writeAudit(ctx.db, ctx.viewer, {
        ...attempt,
        action: `${attempt.action}-refused`,
        after: {
          code: error.code,
          ruleId: error instanceof RuleViolationError ? error.ruleId : null,
        },
      });
    throw error;
  }
}
