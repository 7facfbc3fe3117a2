import { addDays } from '@gongjian/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundsKit, STEP_USER, today } from './funds-helpers';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

/** Disclosure notices (公告公示): their days, and a project held at "announced" until its notice has run. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const { mutate, newProject, advance, walk } = fundsKit(() => s);

describe('disclosure notices (公告公示)', () => {
  it('refuses implementation until a project notice has run its 10 days', async () => {
    const project = await newProject();
    await walk(project, ['TOWNSHIP_REVIEW', 'COUNTY_APPRAISAL', 'APPROVED', 'IN_LIBRARY']);
    const early = await advance(STEP_USER.IMPLEMENTATION!, project, 'IMPLEMENTATION');
    expect(early).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'PROJECT.NOTICE_RUN' });
    expect(early.message).toContain('需公示不少于 10 天');
    const running = await mutate('admin', 'publishNotice', {
      subject: 'PROJECT',
      projectId: project.id,
      title: '入库公告',
      postingPlace: '村务公开栏',
      postedOn: addDays(today(), -5),
      lastDayPosted: addDays(today(), 4),
    });
    expect(running.__typename).toBe('MutationPublishNoticeSuccess');
    expect(await advance(STEP_USER.IMPLEMENTATION!, project, 'IMPLEMENTATION')).toMatchObject({
      ruleId: 'PROJECT.NOTICE_RUN',
    });
  });

  it('refuses a notice shorter than its days, naming the days', async () => {
    const project = await newProject();
    const r = await mutate('admin', 'publishNotice', {
      subject: 'PROJECT',
      projectId: project.id,
      title: '公示',
      postingPlace: '村务公开栏',
      postedOn: '2026-03-01',
      lastDayPosted: '2026-03-09',
    });
    expect(r).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'DISCLOSURE.PERIOD' });
    expect(r.message).toContain('共 9 天, 要求 ≥ 10 天, 不足');
  });

  it('lists a county plan notice with its days and whether it has ended, newest first', async () => {
    const published = await mutate(
      'admin',
      'publishNotice',
      {
        subject: 'PLAN',
        title: '年度资金项目计划公告',
        postingPlace: '县政府网站',
        postedOn: addDays(today(), -2),
        lastDayPosted: addDays(today(), 7),
      },
      'id daysPosted ended',
    );
    expect(published.data).toMatchObject({ daysPosted: 10, ended: false });
    const r = await s.run<{ disclosureNotices: { edges: { node: { title: string; ended: boolean } }[] } }>(
      'township',
      `{ disclosureNotices(subject: PLAN, first: 50) { edges { node { title ended daysPosted } } } }`,
    );
    expect(r.data!.disclosureNotices.edges.map((e) => e.node.title)).toContain('年度资金项目计划公告');
  });

  it('leaves a county plan notice to the county: a township clerk is refused', async () => {
    const r = await mutate('township', 'publishNotice', {
      subject: 'PLAN',
      title: '乡镇计划公告',
      postingPlace: '镇公开栏',
      postedOn: addDays(today(), -12),
      lastDayPosted: addDays(today(), -2),
    });
    expect(r.code).toBe('FORBIDDEN');
  });
});
