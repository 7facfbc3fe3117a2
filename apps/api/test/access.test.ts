import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock, clockOffsetMs } from '../src/clock';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

describe('the clock', () => {
  it('GONGJIAN_CLOCK_AT starts the clock at that instant, and it is refused in production or without an offset', () => {
    const realNow = Date.parse('2026-12-01T20:00:00Z');
    expect(clockOffsetMs({ GONGJIAN_CLOCK_AT: '2026-12-31T23:30:00+08:00' }, realNow)).toBe(
      Date.parse('2026-12-31T15:30:00Z') - realNow,
    );
    expect(clockOffsetMs({}, realNow)).toBe(0);
    expect(() => clockOffsetMs({ GONGJIAN_CLOCK_AT: '2026-12-31T23:30:00' }, realNow)).toThrow(/带时区/);
    expect(() => clockOffsetMs({ GONGJIAN_CLOCK_AT: 'tomorrow' }, realNow)).toThrow(/带时区/);
    expect(() =>
      clockOffsetMs({ GONGJIAN_CLOCK_AT: '2026-12-31T23:30:00+08:00', NODE_ENV: 'production' }, realNow),
    ).toThrow(/生产环境/);
  });

  it('countyToday is the county calendar day of the clock, also for a signed-out client', async () => {
    const result = await s.run(null, '{ countyToday }');
    expect(result.data).toEqual({ countyToday: clock.today() });
    expect(result.data?.countyToday).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('permissions as fields', () => {
  it('a village clerk may start applications and write tasks, but not record meetings or read the audit log', async () => {
    const result = await s.run<{ me: { permissions: string[] } }>('village', '{ me { permissions } }');
    const permissions = result.data!.me.permissions;
    expect(permissions).toContain('APPLICATION_START');
    expect(permissions).toContain('TASK_WRITE');
    expect(permissions).not.toContain('WORK_WRITE');
    expect(permissions).not.toContain('AUDIT_READ');
  });

  it('a leader may only read: the rates, the cockpit and the supervision records', async () => {
    const result = await s.run<{ me: { permissions: string[] } }>('leader', '{ me { permissions } }');
    expect(result.data!.me.permissions).toEqual(['RATES_READ', 'SUMMARY_READ', 'SUPERVISION_READ']);
  });
});
