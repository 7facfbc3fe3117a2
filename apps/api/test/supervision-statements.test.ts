import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/** Pins the SQL statements of the report list, the overdue queue, a report's detail and every report step. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const INPUTS: Record<string, string> = { recordReportHandling: 'RecordReportHandlingInput' };

async function mutate(username: string, name: string, input: Record<string, unknown>) {
  const type = INPUTS[name] ?? `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const r = await s.run<Record<string, { __typename: string; data: { id: string; version: number } }>>(
    username,
    `mutation ($input: ${type}!) { ${name}(input: $input) { __typename ... on ${success} { data { id version state overdue } } ... on Error { message } } }`,
    { input },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data![name], JSON.stringify(r.data)).toMatchObject({ __typename: success });
  return { data: r.data![name]!.data, statements: s.statements.length };
}

const PAGE = `totalCount edges { node { subject channel category state receivedAt overdue region { name }
  assignedUnit { name } reporter { name phone } steps { step dueBy status } viewerCanAssign viewerCanClose viewerCanMerge } }`;

describe('SQL statements of the supervision reports', () => {
  it('a page of reports with region, unit, reporter, steps and viewerCan fields, and its total, is two statements; the overdue queue adds the county policy', async () => {
    const counts: number[] = [];
    for (const query of [
      `{ reports(first: 30) { ${PAGE} } }`,
      `{ reports(first: 30, filter: { overdue: true }) { ${PAGE} } }`,
    ]) {
      const r = await s.run('supervisor', query);
      expect(r.errors).toBeUndefined();
      counts.push(s.statements.length);
    }
    expect(counts).toEqual([2, 4]);
  });

  it('pins every report step: intake 5 (region, report, reporter, audit, re-read), assignment 5 (report, unit, guarded update, audit, re-read), handling, reply and closure 4 each, a merge 5', async () => {
    const township = (await s.handle.db.query.regions.findFirst({
      where: { level: 'TOWNSHIP', name: '沱江镇' },
    }))!;
    const unit = (await s.handle.db.query.units.findFirst({
      where: { kind: 'TOWNSHIP_GOVERNMENT', regionId: township.id },
    }))!;
    const receive = () =>
      mutate('supervisor', 'receiveReport', {
        regionId: globalId('Region', township.id),
        channel: 'WALK_IN',
        category: 'ASSISTANCE',
        subject: '语句数测试',
        content: '固定每个办理步骤的语句数。',
        reporterName: '李四',
      });
    const received = await receive();
    const assigned = await mutate('supervisor', 'assignReport', {
      id: received.data.id,
      version: received.data.version,
      unitId: globalId('Unit', unit.id),
    });
    const handled = await mutate('township', 'recordReportHandling', {
      id: received.data.id,
      version: assigned.data.version,
      text: '已办理完毕。',
    });
    const replied = await mutate('supervisor', 'replyToReport', {
      id: received.data.id,
      version: handled.data.version,
      text: '已答复。',
    });
    const closed = await mutate('supervisor', 'closeReport', {
      id: received.data.id,
      version: replied.data.version,
    });
    const duplicate = await receive();
    const other = await receive();
    const merged = await mutate('supervisor', 'mergeReport', {
      id: duplicate.data.id,
      version: duplicate.data.version,
      intoId: other.data.id,
    });
    expect([received, assigned, handled, replied, closed, merged].map((m) => m.statements)).toEqual([
      5, 5, 4, 4, 4, 5,
    ]);
  });
});
