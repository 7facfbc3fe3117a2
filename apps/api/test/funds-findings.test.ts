import { addDays } from '@gongjian/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundsKit, today } from './funds-helpers';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/** Audit findings (审计发现) and their rectification tasks. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const { mutate, countyRows, newProject } = fundsKit(() => s);

describe('audit findings (审计发现) become rectification tasks', () => {
  it('opens a task for the finding, and closes the finding only once the task is done', async () => {
    const project = await newProject();
    const rows = await countyRows();
    const station = (await s.handle.db.query.units.findFirst({
      where: { kind: 'WORK_STATION', regionId: rows.township.id },
      with: { cadres: true },
    }))!;
    const input = {
      projectId: project.id,
      description: '项目资金拨付滞后',
      amountWanYuan: '12.5',
      foundOn: today(),
      auditor: '县审计局',
      responsibleUnitId: globalId('Unit', station.id),
      responsiblePersonId: globalId('Cadre', station.cadres[0]!.id),
      deadline: addDays(today(), 30),
    };
    const recorded = await mutate(
      'auditor',
      'recordAuditFinding',
      input,
      'id version status viewerCanClose amountWanYuan task { id sourceKind findingReference level version }',
    );
    expect(recorded.__typename).toBe('MutationRecordAuditFindingSuccess');
    const finding = recorded.data as {
      id: string;
      version: number;
      viewerCanClose: boolean;
      task: { id: string; sourceKind: string; level: string; version: number };
    };
    expect(finding).toMatchObject({ status: 'OPEN', viewerCanClose: false, amountWanYuan: '12.5' });
    expect(finding.task).toMatchObject({ sourceKind: 'AUDIT_FINDING', level: 'TOWNSHIP' });
    const early = await mutate('auditor', 'closeAuditFinding', { id: finding.id, version: finding.version });
    expect(early).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'AUDIT.TASK_DONE' });
    const done = await s.run<{ completeTask: { __typename: string } }>(
      'admin',
      `mutation ($input: CompleteTaskInput!) { completeTask(input: $input) { __typename } }`,
      {
        input: { id: finding.task.id, version: finding.task.version },
      },
    );
    expect(done.data!.completeTask.__typename).toBe('MutationCompleteTaskSuccess');
    const closed = await mutate(
      'auditor',
      'closeAuditFinding',
      { id: finding.id, version: finding.version },
      'status closedAt viewerCanClose',
    );
    expect(closed.data).toMatchObject({ status: 'CLOSED', viewerCanClose: false });
  });

  it('refuses a rectifier who is not of the responsible unit', async () => {
    const project = await newProject();
    const rows = await countyRows();
    const other = (await s.handle.db.query.cadres.findFirst({ where: { NOT: { unitId: rows.unit.id } } }))!;
    const r = await mutate('auditor', 'recordAuditFinding', {
      projectId: project.id,
      description: '工程结算审核不严',
      foundOn: today(),
      auditor: '县审计局',
      responsibleUnitId: globalId('Unit', rows.unit.id),
      responsiblePersonId: globalId('Cadre', other.id),
      deadline: addDays(today(), 30),
    });
    expect(r.fieldErrors![0]).toMatchObject({ path: ['responsiblePersonId'] });
  });

  it('lists the demo findings, one per township', async () => {
    const r = await s.run<{ auditFindings: { totalCount: number } }>(
      'admin',
      `{ auditFindings(first: 1) { totalCount } }`,
    );
    expect(r.data!.auditFindings.totalCount).toBeGreaterThanOrEqual(22);
  });
});
