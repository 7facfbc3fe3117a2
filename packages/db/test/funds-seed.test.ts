import { formatWanYuan, PROJECT_STATES, reconcileFunds } from '@gongjian/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../src/client';
import { seedJianghua } from '../src/seed/jianghua';

let handle: DbHandle;
beforeAll(async () => {
  process.env.GONGJIAN_DEMO_HOUSEHOLDS = '0';
  handle = createDb({});
  await handle.migrate();
  await handle.db.transaction((tx) => seedJianghua(tx));
});
afterAll(() => handle.close());

describe('the demo county funds', () => {
  it("keeps the article's six 2014–2018 sources, its overlap and its stated total, and the reconciliation warns of +518.712 万", async () => {
    const sources = await handle.db.query.fundSources.findMany({ where: { fromYear: 2014, toYear: 2018 } });
    const overlaps = await handle.db.query.fundOverlaps.findMany();
    const [total] = await handle.db.query.fundReportedTotals.findMany({ where: { fromYear: 2014 } });
    expect(sources).toHaveLength(6);
    const result = reconcileFunds(
      sources.map((s) => ({ key: String(s.id), category: s.category, amountFen: s.amountFen })),
      overlaps.map((o) => ({
        containerKey: String(o.containerId),
        containedKey: String(o.containedId),
        amountFen: o.amountFen,
      })),
      total!.amountFen,
    );
    expect(formatWanYuan(result.grossFen)).toBe('436530.522');
    expect(formatWanYuan(result.reportedTotalFen)).toBe('436011.81');
    expect(formatWanYuan(result.grossDifferenceFen)).toBe('518.712');
    expect(formatWanYuan(result.netDifferenceFen)).toBe('-24239.288');
    expect(result.severity).toBe('WARNING');
  });

  it('has the 2019 integrated 30,771 万 and a project library with projects in every lifecycle state', async () => {
    const [integrated] = await handle.db.query.fundSources.findMany({ where: { fromYear: 2019 } });
    expect(formatWanYuan(integrated!.amountFen)).toBe('30771');
    expect(integrated!.allocatedFen).toBeGreaterThan(0);
    const projects = await handle.db.query.projects.findMany({ with: { steps: true } });
    expect(new Set(projects.map((p) => p.state))).toEqual(new Set(PROJECT_STATES));
    for (const project of projects) {
      expect(project.steps.at(-1)!.toState).toBe(project.state);
      expect(project.disbursedFen).toBeLessThanOrEqual(project.allocatedFen);
    }
  });

  it('balances every source and project with its allocation and payment rows', async () => {
    const sources = await handle.db.query.fundSources.findMany({ with: { allocations: true } });
    for (const s of sources) {
      expect(s.allocations.reduce((sum, a) => sum + a.amountFen, 0)).toBe(s.allocatedFen);
      expect(s.allocatedFen).toBeLessThanOrEqual(s.amountFen);
    }
    const projects = await handle.db.query.projects.findMany({
      with: { disbursements: true, allocations: true },
    });
    for (const p of projects) {
      expect(p.allocations.reduce((sum, a) => sum + a.amountFen, 0)).toBe(p.allocatedFen);
      expect(p.disbursements.reduce((sum, d) => sum + d.amountFen, 0)).toBe(p.disbursedFen);
    }
  });

  it('gives every township one audit finding, rectified by a task, closed only when the task is done', async () => {
    const findings = await handle.db.query.auditFindings.findMany({ with: { task: true } });
    expect(findings).toHaveLength(22);
    for (const finding of findings) {
      expect(finding.task!.sourceKind).toBe('AUDIT_FINDING');
      expect(finding.status === 'CLOSED').toBe(finding.task!.status === 'DONE');
    }
  });

  it('has objections to notices, answered ones and one still open against a project in the library', async () => {
    const objections = await handle.db.query.noticeObjections.findMany({
      with: { notice: { with: { project: { columns: { state: true } } } } },
    });
    expect(objections.map((o) => o.status).sort()).toEqual(['ANSWERED', 'ANSWERED', 'OPEN']);
    const open = objections.find((o) => o.status === 'OPEN')!;
    expect(open.notice.project?.state).toBe('IN_LIBRARY');
    expect(objections.filter((o) => o.answer !== null)).toHaveLength(2);
  });
});
