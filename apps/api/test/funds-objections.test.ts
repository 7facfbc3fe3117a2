import { auditLog } from '@gongjian/db/schema';
import { addDays } from '@gongjian/rules';
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundsKit, type ProjectRef, STEP_USER, today } from './funds-helpers';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

/** 公示异议: objections recorded against a notice, answered by the township or the county, holding the project meanwhile. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const { mutate, newProject, advance, walk, projectNotice } = fundsKit(() => s);

const OBJECTION = 'id version status raisedOn objectorName objectorPhone answer answeredOn viewerCanAnswer';

/** A project in the library whose notice ran from 20 to 11 days ago, and that notice's id. */
async function announcedProject(): Promise<{ project: ProjectRef; noticeId: string }> {
  const project = await walk(await newProject(), [
    'TOWNSHIP_REVIEW',
    'COUNTY_APPRAISAL',
    'APPROVED',
    'IN_LIBRARY',
  ]);
  const notice = await projectNotice(project, 20, 11);
  expect(notice.__typename).toBe('MutationPublishNoticeSuccess');
  return { project, noticeId: notice.data!.id };
}

const record = (username: string, noticeId: string, extra: Record<string, unknown> = {}) =>
  mutate(
    username,
    'recordNoticeObjection',
    {
      noticeId,
      content: '受益户名单中有非本村人员',
      objectorName: '李四妹',
      objectorPhone: '13812345678',
      raisedOn: addDays(today(), -12),
      ...extra,
    },
    OBJECTION,
  );

describe('objections to disclosure notices (公示异议)', () => {
  it('holds the project at "announced" while an objection is open, and lets it go once the township answers', async () => {
    const { project, noticeId } = await announcedProject();
    const objection = await record('village', noticeId);
    expect(objection.data).toMatchObject({
      status: 'OPEN',
      objectorName: '李**',
      objectorPhone: '138****5678',
      viewerCanAnswer: false,
    });
    const held = await advance(STEP_USER.IMPLEMENTATION!, project, 'IMPLEMENTATION');
    expect(held).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'PROJECT.OBJECTION_OPEN' });
    expect(held.message).toContain('有 1 件异议未答复');
    const answer = await mutate(
      'township',
      'answerNoticeObjection',
      {
        id: objection.data!.id,
        version: objection.data!.version,
        answer: '经核实, 该户为本村户籍, 名单无误',
      },
      OBJECTION,
    );
    expect(answer.data).toMatchObject({ status: 'ANSWERED', answeredOn: today(), viewerCanAnswer: false });
    expect((await advance(STEP_USER.IMPLEMENTATION!, project, 'IMPLEMENTATION')).__typename).toBe(
      'MutationAdvanceProjectSuccess',
    );
  });

  it('still lets the county remove a project from the library while an objection is open', async () => {
    const { project, noticeId } = await announcedProject();
    expect((await record('village', noticeId)).__typename).toBe('MutationRecordNoticeObjectionSuccess');
    expect((await advance(STEP_USER.REMOVED!, project, 'REMOVED')).__typename).toBe(
      'MutationAdvanceProjectSuccess',
    );
  });

  it('refuses an objection dated before the notice was posted, or after today', async () => {
    const { noticeId } = await announcedProject();
    const early = await record('village', noticeId, { raisedOn: addDays(today(), -21) });
    expect(early).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'OBJECTION.RAISED_ON' });
    expect(early.message).toContain('早于公示开始');
    const future = await record('village', noticeId, { raisedOn: addDays(today(), 1) });
    expect(future.code).toBe('VALIDATION');
  });

  it('accepts an objection after the notice period and an anonymous one, but not a phone without a name', async () => {
    const { noticeId } = await announcedProject();
    const late = await record('village', noticeId, {
      raisedOn: today(),
      objectorName: null,
      objectorPhone: null,
    });
    expect(late.data).toMatchObject({ objectorName: null, objectorPhone: null, status: 'OPEN' });
    const phoneOnly = await record('village', noticeId, { objectorName: null });
    expect(phoneOnly.fieldErrors?.[0]?.path).toEqual(['objectorName']);
  });

  it('answers an objection once: a second answer is refused, and a stale version is a conflict', async () => {
    const { noticeId } = await announcedProject();
    const objection = (await record('village', noticeId)).data!;
    const answer = { id: objection.id, version: objection.version, answer: '已核实, 已调整受益名单' };
    expect((await mutate('admin', 'answerNoticeObjection', answer)).__typename).toBe(
      'MutationAnswerNoticeObjectionSuccess',
    );
    expect(await mutate('admin', 'answerNoticeObjection', { ...answer, version: 2 })).toMatchObject({
      ruleId: 'OBJECTION.OPEN',
    });
    const other = (await record('village', noticeId)).data!;
    expect(
      await mutate('township', 'answerNoticeObjection', { ...answer, id: other.id, version: 9 }),
    ).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
  });

  it('leaves the answer to the township or the county: a village clerk is refused', async () => {
    const { noticeId } = await announcedProject();
    const objection = (await record('village', noticeId)).data!;
    const r = await s.run(
      'village',
      `mutation ($input: AnswerNoticeObjectionInput!) { answerNoticeObjection(input: $input) { __typename } }`,
      { input: { id: objection.id, version: objection.version, answer: '村里答复' } },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an objection to a notice outside the jurisdiction before validating it', async () => {
    const plan = await mutate('admin', 'publishNotice', {
      subject: 'PLAN',
      title: '县级计划公告',
      postingPlace: '县政府网站',
      postedOn: addDays(today(), -3),
      lastDayPosted: addDays(today(), 7),
    });
    const r = await record('township', plan.data!.id, { content: '' });
    expect(r.code).toBe('FORBIDDEN');
    const missing = await record('admin', Buffer.from('DisclosureNotice:999999').toString('base64'));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', argument: 'noticeId' });
  });

  it('keeps the objector out of the audit log and lists objections of a notice, newest first', async () => {
    const { noticeId } = await announcedProject();
    await record('village', noticeId, { raisedOn: addDays(today(), -15) });
    await record('village', noticeId, {
      raisedOn: addDays(today(), -14),
      objectorName: '王五',
      objectorPhone: '13900001111',
    });
    const [row] = await s.handle.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const logged = JSON.stringify(row);
    expect(row!.action).toBe('notice-objection.record');
    expect(logged).not.toContain('王五');
    expect(logged).not.toContain('13900001111');
    const r = await s.run<{
      noticeObjections: { totalCount: number; edges: { node: { raisedOn: string } }[] };
    }>(
      'township',
      `query ($noticeId: ID!) { noticeObjections(noticeId: $noticeId, first: 10) { totalCount
        edges { node { raisedOn objectorName objectorPhone viewerCanAnswer notice { title viewerCanRecordObjection } } } } }`,
      { noticeId },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.noticeObjections.totalCount).toBe(2);
    expect(r.data!.noticeObjections.edges.map((e) => e.node.raisedOn)).toEqual([
      addDays(today(), -14),
      addDays(today(), -15),
    ]);
    expect(JSON.stringify(r.data)).not.toContain('13900001111');
  });

  it('pins the statements: the list with its total is two, recording four, answering four', async () => {
    const { noticeId } = await announcedProject();
    await record('village', noticeId);
    const recorded = s.statements.length;
    const objection = (await record('village', noticeId)).data!;
    await mutate('township', 'answerNoticeObjection', {
      id: objection.id,
      version: objection.version,
      answer: '已核实答复',
    });
    const answered = s.statements.length;
    await s.run(
      'admin',
      `{ noticeObjections(first: 20) { totalCount edges { node { content status answeredByName viewerCanAnswer } } } }`,
    );
    expect({ recorded, answered, list: s.statements.length }).toEqual({ recorded: 4, answered: 4, list: 2 });
  });
});
