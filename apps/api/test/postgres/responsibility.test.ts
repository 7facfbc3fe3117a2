import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, globalId, onPostgres, type Scenario } from '../harness';

/** Task writes racing on one task (PGlite runs one transaction at a time, so only PostgreSQL shows these). */
let s: Scenario;
beforeAll(async () => {
  if (!onPostgres) throw new Error('the concurrency tier needs DATABASE_URL (a real PostgreSQL server)');
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

/** The `skip`-th village task of 沱江镇 that has not started, as it is now. */
async function openVillageTask(skip: number) {
  const township = (await s.handle.db.query.regions.findFirst({
    where: { level: 'TOWNSHIP', name: '沱江镇' },
  }))!;
  const open = await s.handle.db.query.tasks.findMany({
    where: { levelId: 'VILLAGE', status: 'NOT_STARTED' },
    orderBy: { id: 'asc' },
  });
  return open.filter((task) => task.regionPath.startsWith(township.regionPath))[skip]!;
}

const REPORT = `mutation ($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { __typename
  ... on ConflictError { currentVersion } ... on MutationReportTaskProgressSuccess { data { progress version } } } }`;
const COMPLETE = `mutation ($input: CompleteTaskInput!) { completeTask(input: $input) { __typename } }`;

describe('concurrent task writers on PostgreSQL', () => {
  it('two people report progress on the same task at the same version: one wins, the other gets CONFLICT', async () => {
    const task = await openVillageTask(0);
    const id = globalId('Task', task.id);
    const results = await Promise.all([
      s.run<{ reportTaskProgress: { __typename: string } }>('township', REPORT, {
        input: { id, version: task.version, progress: 40 },
      }),
      s.run<{ reportTaskProgress: { __typename: string } }>('admin', REPORT, {
        input: { id, version: task.version, progress: 70 },
      }),
    ]);
    const kinds = results.map((r) => r.data?.reportTaskProgress.__typename).sort();
    expect(kinds).toEqual(['ConflictError', 'MutationReportTaskProgressSuccess']);
    const after = (await s.handle.db.query.tasks.findFirst({ where: { id: task.id } }))!;
    expect(after.version).toBe(task.version + 1);
    const audits = await s.handle.db.query.auditLog.findMany({
      where: { action: 'task.progress', entityId: String(task.id) },
    });
    expect(audits).toHaveLength(1);
  });

  it('one completes while another reports progress at the same version: exactly one wins, the other gets CONFLICT', async () => {
    const task = await openVillageTask(1);
    const id = globalId('Task', task.id);
    const [completed, reported] = await Promise.all([
      s.run<{ completeTask: { __typename: string } }>('admin', COMPLETE, {
        input: { id, version: task.version },
      }),
      s.run<{ reportTaskProgress: { __typename: string } }>('township', REPORT, {
        input: { id, version: task.version, progress: 55 },
      }),
    ]);
    const kinds = [completed.data?.completeTask.__typename, reported.data?.reportTaskProgress.__typename];
    expect(kinds.filter((k) => k === 'ConflictError')).toHaveLength(1);
    expect(kinds.filter((k) => k?.endsWith('Success'))).toHaveLength(1);
  });

  it('sibling leaves reported at once all land, and their parent rolls up every one of them', async () => {
    const parentId = (await openVillageTask(0)).parentId!;
    const open = (await s.handle.db.query.tasks.findMany({ where: { parentId } })).filter(
      (t) => t.status !== 'DONE',
    );
    expect(open.length).toBeGreaterThan(1);
    const results = await Promise.all(
      open.map((task) =>
        s.run<{ reportTaskProgress: { __typename: string } }>('admin', REPORT, {
          input: { id: globalId('Task', task.id), version: task.version, progress: 90 },
        }),
      ),
    );
    expect(results.map((r) => r.data?.reportTaskProgress.__typename)).toEqual(
      open.map(() => 'MutationReportTaskProgressSuccess'),
    );
    const children = await s.handle.db.query.tasks.findMany({ where: { parentId } });
    const parent = (await s.handle.db.query.tasks.findFirst({ where: { id: parentId } }))!;
    expect(parent.progress).toBe(
      Math.floor(children.reduce((sum, c) => sum + c.progress, 0) / children.length),
    );
    expect(parent.status).toBe('IN_PROGRESS');
  });
});
