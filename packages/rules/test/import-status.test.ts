import { describe, expect, it } from 'vitest';
import { checkImportedStatus, ENTRY_STATUS, HOUSEHOLD_STATUSES, type HouseholdStatus } from '../src';

describe('an import never changes who is poor', () => {
  it.each(HOUSEHOLD_STATUSES.map((status) => [status, status === ENTRY_STATUS] as const))(
    'a new household imported as %s is accepted: %s',
    (importedStatus, accepted) => {
      const decision = checkImportedStatus({ householdNumber: 'H1', importedStatus, registeredStatus: null });
      expect(decision.outcome).toBe(accepted ? 'PASS' : 'FAIL');
      expect(decision.reasons[0]!.ruleId).toBe('IMPORT.NEW_HOUSEHOLD_STATUS');
      if (!accepted) expect(decision.reasons[0]!.messageZh).toContain('识别申请');
    },
  );

  const pairs: [HouseholdStatus, HouseholdStatus, boolean][] = [
    ['POOR', 'POOR', true],
    ['EXITED', 'EXITED', true],
    ['POOR', 'EXITED', false],
    ['NON_POOR', 'POOR', false],
    ['EXITED', 'RETURNED', false],
  ];
  it.each(pairs)(
    'a household registered as %s and imported as %s is accepted: %s',
    (registered, imported, ok) => {
      const decision = checkImportedStatus({
        householdNumber: 'H1',
        importedStatus: imported,
        registeredStatus: registered,
      });
      expect(decision.outcome).toBe(ok ? 'PASS' : 'FAIL');
      expect(decision.reasons[0]!.ruleId).toBe('IMPORT.STATUS_CHANGE');
      expect(decision.reasons[0]!.messageEn).toMatch(ok ? /matches/ : /adjustment application/);
    },
  );
});
