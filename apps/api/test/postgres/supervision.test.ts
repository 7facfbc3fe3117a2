import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../src/clock';
import { createScenario, dropTestDatabases, globalId, onPostgres, type Scenario } from '../harness';

/**
 * Two people closing the same report at once, and two appointments of a village supervisor at once (PGlite runs
 * one transaction at a time, so this needs PostgreSQL).
 */
let s: Scenario;
beforeAll(async () => {
  if (!onPostgres) throw new Error('the concurrency tier needs DATABASE_URL (a real PostgreSQL server)');
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

interface Outcome {
  __typename: string;
  code?: string;
  ruleId?: string;
  data?: { id: string; version: number };
}

const INPUTS: Record<string, string> = { recordReportHandling: 'RecordReportHandlingInput' };

async function mutate(username: string, name: string, input: Record<string, unknown>) {
  const type = INPUTS[name] ?? `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const r = await s.run<Record<string, Outcome>>(
    username,
    `mutation ($input: ${type}!) { ${name}(input: $input) { __typename ... on ${success} { data { id version } }
      ... on Error { code } ... on RuleViolationError { ruleId } } }`,
    { input },
  );
  expect(r.errors).toBeUndefined();
  return r.data![name]!;
}

const rowId = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);

/** A report in 沱江镇 taken through assignment, handling and reply: ready to be closed. */
async function repliedReport() {
  const township = (await s.handle.db.query.regions.findFirst({
    where: { level: 'TOWNSHIP', name: '沱江镇' },
  }))!;
  const government = (await s.handle.db.query.units.findFirst({
    where: { kind: 'TOWNSHIP_GOVERNMENT', regionId: township.id },
  }))!;
  const received = await mutate('supervisor', 'receiveReport', {
    regionId: globalId('Region', township.id),
    channel: 'HOTLINE_12345',
    category: 'CONDUCT',
    subject: '并发办结测试',
    content: '两人同时办结同一件举报, 只有一人成功。',
  });
  const assigned = await mutate('supervisor', 'assignReport', {
    id: received.data!.id,
    version: received.data!.version,
    unitId: globalId('Unit', government.id),
  });
  const handled = await mutate('township', 'recordReportHandling', {
    id: assigned.data!.id,
    version: assigned.data!.version,
    text: '已调查处理。',
  });
  const replied = await mutate('supervisor', 'replyToReport', {
    id: handled.data!.id,
    version: handled.data!.version,
    text: '已答复反映人。',
  });
  return replied.data!;
}

describe('closing a report (办结) under concurrency', () => {
  it('of two people closing the same report at once, exactly one wins, every time', async () => {
    for (let round = 0; round < 8; round += 1) {
      const report = await repliedReport();
      const outcomes = await Promise.all(
        ['supervisor', 'admin'].map((username) =>
          mutate(username, 'closeReport', { id: report.id, version: report.version }),
        ),
      );
      const wins = outcomes.filter((o) => o.__typename === 'MutationCloseReportSuccess');
      expect(wins, `round ${round}`).toHaveLength(1);
      const loser = outcomes.find((o) => o.__typename !== 'MutationCloseReportSuccess')!;
      expect(['CONFLICT', 'RULE_VIOLATION']).toContain(loser.code);
      const id = rowId(report.id);
      const row = (await s.handle.db.query.reports.findFirst({ where: { id } }))!;
      expect(row.state).toBe('CLOSED');
      expect(row.version).toBe(report.version + 1);
      const audits = await s.handle.db.query.auditLog.findMany({
        where: { action: 'report.closed', entityId: String(id) },
      });
      expect(audits).toHaveLength(1);
    }
  });
});

/** The village's serving supervisors (DOMAIN: one per village with poor residents). */
const servingIn = (villageId: number) =>
  s.handle.db.query.villageSupervisors.findMany({ where: { villageId, endedOn: { isNull: true } } });

async function endServing(villageId: number) {
  for (const row of await servingIn(villageId))
    await mutate('supervisor', 'endVillageSupervisor', {
      id: globalId('VillageSupervisor', row.id),
      version: row.version,
      endedOn: clock.today(),
    });
}

describe('appointing a village supervisor (聘任村级监督员) under concurrency', () => {
  async function race(villageId: number, people: readonly [string, string]) {
    const outcomes = await Promise.all(
      people.map((name, index) =>
        mutate(index === 0 ? 'supervisor' : 'admin', 'appointVillageSupervisor', {
          villageId: globalId('Region', villageId),
          name,
          appointedOn: clock.today(),
        }),
      ),
    );
    const wins = outcomes.filter((o) => o.__typename === 'MutationAppointVillageSupervisorSuccess');
    const losers = outcomes.filter((o) => o.__typename !== 'MutationAppointVillageSupervisorSuccess');
    // Run one after the other, both win (the second replaces the first); overlapping, the second is a CONFLICT.
    expect(wins.length).toBeGreaterThanOrEqual(1);
    expect(losers.every((o) => o.code === 'CONFLICT')).toBe(true);
    const serving = await servingIn(villageId);
    expect(serving).toHaveLength(1);
    expect(wins.map((o) => rowId(o.data!.id))).toContain(serving[0]!.id);
    return serving[0]!;
  }

  it('two appointments for the same vacant village at once: the village has one serving supervisor, every round', async () => {
    const villages = await s.handle.db.query.regions.findMany({
      where: { villageKind: 'POOR_VILLAGE' },
      orderBy: { id: 'asc' },
      limit: 8,
    });
    for (const [round, village] of villages.entries()) {
      await endServing(village.id);
      const serving = await race(village.id, ['盘桂英', '李明']);
      expect(['盘桂英', '李明'], `round ${round}`).toContain(serving.name);
    }
  });

  it('the same person appointed twice at once to a served village: one serving supervisor, the former term ended', async () => {
    const village = (await s.handle.db.query.regions.findFirst({
      where: { villageKind: 'NON_POOR_WITH_POOR' },
    }))!;
    for (let round = 0; round < 8; round += 1) {
      const before = await servingIn(village.id);
      expect(before).toHaveLength(1);
      const serving = await race(village.id, ['赵春兰', '赵春兰']);
      expect(serving.name, `round ${round}`).toBe('赵春兰');
      const replaced = await s.handle.db.query.villageSupervisors.findFirst({ where: { id: before[0]!.id } });
      expect(replaced!.endedOn).toBe(clock.today());
    }
  });
});
