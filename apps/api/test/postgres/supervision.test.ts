import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, globalId, onPostgres, type Scenario } from '../harness';

/** Two people closing the same report at once (PGlite runs one transaction at a time, so this needs PostgreSQL). */
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
