import * as db from '@gongjian/db';
import { users } from '@gongjian/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DUMMY_PASSWORD_HASH, login } from '../src/auth/sessions';
import { LoginError } from '../src/errors';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

vi.mock('@gongjian/db', async (importOriginal) => {
  const original = await importOriginal<typeof import('@gongjian/db')>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

/**
 * Login costs one argon2id verification whether the username exists or not, so its time does not tell
 * which usernames exist (counting verifications rather than timing them: the count cannot be flaky).
 */
let s: Scenario;
const verifyPassword = vi.mocked(db.verifyPassword);

beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});
beforeEach(() => verifyPassword.mockClear());

async function loginError(username: string, password: string) {
  try {
    await login(s.handle.db, username, password, 8);
  } catch (error) {
    if (error instanceof LoginError) return error.code;
    throw error;
  }
  throw new Error('login succeeded');
}

const argon2Parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');

describe('login time does not reveal whether a username exists', () => {
  it('an unknown username runs exactly one password verification, against the dummy hash', async () => {
    expect(await loginError('nobody-at-all', 'Gongjian@2026')).toBe('INVALID_CREDENTIALS');
    expect(verifyPassword).toHaveBeenCalledTimes(1);
    expect(verifyPassword.mock.calls[0]![0]).toBe(DUMMY_PASSWORD_HASH);
  });

  it('a wrong password for a real user runs exactly one password verification too', async () => {
    expect(await loginError('leader', 'not-the-password')).toBe('INVALID_CREDENTIALS');
    expect(verifyPassword).toHaveBeenCalledTimes(1);
    expect(verifyPassword.mock.calls[0]![0]).not.toBe(DUMMY_PASSWORD_HASH);
  });

  it('a disabled user runs exactly one password verification and gets the unknown-user error', async () => {
    await s.handle.db.update(users).set({ disabledAt: sql`now()` }).where(eq(users.username, 'developer'));
    expect(await loginError('developer', 'Gongjian@2026')).toBe('INVALID_CREDENTIALS');
    expect(verifyPassword).toHaveBeenCalledTimes(1);
  });

  it('the dummy hash is argon2id with the same parameters as the stored hashes, and the demo password does not match it', async () => {
    const leader = await s.handle.db.query.users.findFirst({ where: { username: 'leader' } });
    expect(argon2Parameters(DUMMY_PASSWORD_HASH)).toBe('argon2id$v=19$m=19456,t=2,p=1');
    expect(argon2Parameters(DUMMY_PASSWORD_HASH)).toBe(argon2Parameters(leader!.passwordHash));
    expect(argon2Parameters(DUMMY_PASSWORD_HASH)).toBe(argon2Parameters(await db.hashPassword('x')));
    expect(await db.verifyPassword(DUMMY_PASSWORD_HASH, 'Gongjian@2026')).toBe(false);
  });

  it('the lockout still answers: the fifth wrong password locks the account', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await loginError('auditor', `wrong-${attempt}`)).toBe('INVALID_CREDENTIALS');
    }
    expect(await loginError('auditor', 'wrong-5')).toBe('ACCOUNT_LOCKED');
    expect(await loginError('auditor', 'Gongjian@2026')).toBe('ACCOUNT_LOCKED');
  });
});
