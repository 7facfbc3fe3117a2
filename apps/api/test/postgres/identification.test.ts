import { applicationSteps, auditLog, statusApplications, users } from '@gongjian/db/schema';
import { addDays } from '@gongjian/rules';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../src/modules/identification/policy';
import { createScenario, dropTestDatabases, globalId, onPostgres, type Scenario } from '../harness';
import { householdWithFacts, recordStep, START_APPLICATION } from '../identification-helpers';

/** Races on the identification procedure, which PGlite (one transaction at a time) cannot show. */
let s: Scenario;
beforeAll(async () => {
  if (!onPostgres) throw new Error('the concurrency tier needs DATABASE_URL (a real PostgreSQL server)');
  s = await createScenario();
  // A second county administrator, so that two people act at once.
  const admin = (await s.handle.db.query.users.findFirst({ where: { username: 'admin' } }))!;
  const { id: _id, ...rest } = admin;
  await s.handle.db.insert(users).values({ ...rest, username: 'admin2', displayName: '县级管理员乙' });
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});
const realToday = clock.today;
afterEach(() => {
  clock.today = realToday;
});

/**
 * The demo's procedures under way are dated against the day it was loaded: a test continues one from its last
 * step, on a clock far enough ahead for every notice to have run.
 */
function continuing(app: { startedOn: string; steps: { actedOn: string }[] }) {
  const day = (n: number) => addDays(app.steps.at(-1)?.actedOn ?? app.startedOn, n);
  clock.today = () => day(60);
  return day;
}

describe('concurrent actions on one application (PostgreSQL)', () => {
  it('two county administrators approve the same application at once: one wins, the other gets CONFLICT', async () => {
    const app = (await s.handle.db.query.statusApplications.findFirst({
      where: { state: 'IN_PROGRESS', nextStep: 'COUNTY_APPROVAL' },
      with: { steps: true },
    }))!;
    const day = continuing(app);
    const id = globalId('StatusApplication', app.id);
    const [first, second] = await Promise.all(
      ['admin', 'admin2'].map((user) =>
        recordStep(s, user, {
          applicationId: id,
          step: 'COUNTY_APPROVAL',
          version: app.version,
          date: day(10),
        }),
      ),
    );
    const kinds = [first!, second!].map((r) => r.data!.recordApplicationStep.__typename).sort();
    expect(kinds).toEqual(['ConflictError', 'MutationRecordApplicationStepSuccess']);
    expect(await s.handle.db.$count(applicationSteps, eq(applicationSteps.applicationId, app.id))).toBe(
      app.stepsDone + 1,
    );
    const after = await s.handle.db.query.statusApplications.findFirst({ where: { id: app.id } });
    expect(after).toMatchObject({ stepsDone: app.stepsDone + 1, version: app.version + 1 });
    expect(
      await s.handle.db.$count(
        auditLog,
        and(eq(auditLog.entityId, String(app.id)), like(auditLog.action, 'application.step.COUNTY_APPROVAL')),
      ),
    ).toBe(1);
  });

  it('ten simultaneous last steps: the household’s status changes exactly once', async () => {
    const village = await s.viewer('village');
    const app = (await s.handle.db.query.statusApplications.findFirst({
      where: {
        state: 'IN_PROGRESS',
        kind: 'EXIT',
        regionPath: village.regionPath,
        nextStep: { in: ['FIRST_NOTICE', 'TOWNSHIP_REVIEW'] },
      },
      with: { steps: true },
    }))!;
    const on = continuing(app);
    const id = globalId('StatusApplication', app.id);
    const actor: Record<string, string> = {
      FIRST_NOTICE: 'village',
      TOWNSHIP_REVIEW: 'township',
      COUNTY_APPROVAL: 'admin',
    };
    let version = app.version;
    let next: string | null = app.nextStep;
    let day = 1;
    while (next !== 'ANNOUNCEMENT') {
      const r = await recordStep(s, actor[next!]!, {
        applicationId: id,
        step: next!,
        version,
        date: on(day),
      });
      version = r.data!.recordApplicationStep.data!.version;
      next = r.data!.recordApplicationStep.data!.nextStep;
      day += 8;
    }
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        recordStep(s, i % 2 ? 'admin' : 'admin2', {
          applicationId: id,
          step: 'ANNOUNCEMENT',
          version,
          date: on(day),
        }),
      ),
    );
    const kinds = results.map((r) => r.data!.recordApplicationStep.__typename);
    expect(kinds.filter((k) => k === 'MutationRecordApplicationStepSuccess')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'ConflictError')).toHaveLength(9);
    const household = await s.handle.db.query.households.findFirst({ where: { id: app.householdId } });
    expect(household).toMatchObject({ status: 'EXITED', exitedYear: 2019 });
    expect(
      await s.handle.db.$count(statusApplications, eq(statusApplications.householdId, app.householdId)),
    ).toBe(1);
  });

  it('two applications started for one household at once: one is created, the other gets CONFLICT', async () => {
    const householdId = await householdWithFacts(s);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        s.run<{ startApplication: { __typename: string } }>('village', START_APPLICATION, {
          input: { householdId, kind: 'IDENTIFY', year: 2019, reason: '入户核实', date: '2019-09-01' },
        }),
      ),
    );
    const kinds = results.map((r) => r.data!.startApplication.__typename);
    expect(kinds.filter((k) => k === 'MutationStartApplicationSuccess')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'ConflictError')).toHaveLength(4);
  });
});
