import { classifyVillageAssessment, DEFAULT_PARAMETERS, JIANGHUA, policyFor } from '@gongjian/rules';
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

describe('the demo county supervision', () => {
  it("has the article's 304 village supervisors, 116 people held accountable and 19 cases", async () => {
    const supervisors = await handle.db.query.villageSupervisors.findMany();
    expect(supervisors).toHaveLength(304);
    expect(new Set(supervisors.map((s) => s.villageId)).size).toBe(304);
    const cases = await handle.db.query.accountabilityCases.findMany();
    expect(cases.filter((c) => c.kind === 'CONDUCT_ACCOUNTABILITY')).toHaveLength(116);
    expect(cases.filter((c) => c.kind === 'CASE_OPENED')).toHaveLength(19);
  });

  it('gives every inspection task its finding through the findings table', async () => {
    const inspectionTasks = await handle.db.query.tasks.findMany({
      where: { sourceKind: 'INSPECTION_FINDING' },
    });
    const findings = await handle.db.query.inspectionFindings.findMany({ with: { task: true } });
    expect(inspectionTasks.length).toBeGreaterThan(2);
    expect(new Set(findings.map((f) => f.taskId))).toEqual(new Set(inspectionTasks.map((t) => t.id)));
    for (const f of findings) expect(f.status === 'CLOSED').toBe(f.task.status === 'DONE');
  });

  it('assesses the 304 villages in 2019 with some yellow-card villages, each with a sheet of 100 points', async () => {
    const policy = policyFor(DEFAULT_PARAMETERS, 2019, JIANGHUA);
    const assessments = await handle.db.query.villageAssessments.findMany({ with: { items: true } });
    expect(assessments).toHaveLength(304);
    const classes = assessments.map(
      (a) =>
        classifyVillageAssessment(
          {
            villageId: String(a.villageId),
            selfScore: a.selfScoreTenths / 10,
            reviewScore: a.reviewScoreTenths === null ? null : a.reviewScoreTenths / 10,
            vetoHit: a.vetoHit,
            problemCount: a.problemCount,
          },
          policy,
        ).outcome,
    );
    expect(new Set(classes)).toEqual(new Set(['CONSOLIDATE', 'RECTIFY', 'YELLOW_CARD', 'KEY_MANAGEMENT']));
    for (const a of assessments) {
      const weighted = a.items.filter((i) => !i.veto);
      expect(weighted.reduce((sum, i) => sum + i.weightTenths, 0)).toBe(1000);
      expect(weighted.reduce((sum, i) => sum + i.scoreTenths, 0)).toBe(a.reviewScoreTenths);
    }
  });

  it('rewards poor villages that exited on schedule, once, and keeps open reports', async () => {
    const exits = await handle.db.query.villageExits.findMany();
    expect(exits).toHaveLength(112);
    expect(exits.filter((e) => e.rewardFen === 10_000_000).length).toBeGreaterThan(50);
    expect(exits.some((e) => e.exitYear !== null && e.exitYear > e.scheduledExitYear)).toBe(true);
    const open = await handle.db.query.reports.findMany({ where: { state: { ne: 'CLOSED' } } });
    expect(open.length).toBeGreaterThanOrEqual(10);
  });
});
