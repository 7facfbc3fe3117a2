import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

// The server as production runs it: env.ts reads NODE_ENV once, when first imported. Production runs on
// the real clock and refuses GONGJIAN_CLOCK_AT, which the boundary-clock tiers set.
vi.hoisted(() => {
  process.env.NODE_ENV = 'production';
  delete process.env.GONGJIAN_CLOCK_AT;
});

/** Error messages tell a client what it sent wrong, never which names the schema holds. */
let s: Scenario;

beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const VERIFICATIONS = `query ($outcome: ExitVerificationOutcome) {
  exitVerifications(first: 1, outcome: $outcome) { totalCount } }`;

describe('no suggestions in production error messages', () => {
  it('an invalid enum value in a variable names the variable and the value, and suggests no enum value', async () => {
    const r = await s.run('leader', VERIFICATIONS, { outcome: 'WRONG_EXITS' });
    const [error] = r.errors!;
    expect(error!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(error!.message).toContain('$outcome');
    expect(error!.message).toContain('WRONG_EXITS');
    expect(error!.message).not.toMatch(/did you mean/i);
    expect(error!.message).not.toMatch(/WRONG_EXIT\b|CORRECT_EXIT/);
  });

  it('an invalid enum value written in the document names the value, and suggests no enum value', async () => {
    const r = await s.run('leader', '{ exitVerifications(first: 1, outcome: WRONG_EXITS) { totalCount } }');
    const [error] = r.errors!;
    expect(error!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error!.message).toContain('WRONG_EXITS');
    expect(error!.message).not.toMatch(/did you mean/i);
    expect(error!.message).not.toMatch(/WRONG_EXIT\b|CORRECT_EXIT/);
  });

  it('a misspelt input field in a variable names the field, and suggests no field', async () => {
    const r = await s.run(null, 'mutation ($input: LoginInput!) { login(input: $input) { __typename } }', {
      input: { usernam: 'leader', password: 'x' },
    });
    const messages = r.errors!.map((error) => error.message);
    expect(r.errors!.every((error) => error.extensions!.code === 'BAD_USER_INPUT')).toBe(true);
    expect(messages.some((message) => message.includes('"usernam"'))).toBe(true);
    for (const message of messages) expect(message).not.toMatch(/did you mean|suggestion/i);
  });
});
