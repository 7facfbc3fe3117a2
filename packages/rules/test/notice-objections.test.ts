import { describe, expect, it } from 'vitest';
import {
  canAdvanceProject,
  canAnswerObjection,
  canRaiseObjection,
  canRegisterSourceOnce,
  type ProjectState,
} from '../src';
import { jianghua } from './helpers';

/** 公示异议: when an objection may be raised, answered once, and how an open one holds a project's next step. */

const failed = (decision: { reasons: { passed: boolean; ruleId: string }[] }) =>
  decision.reasons.filter((r) => !r.passed).map((r) => r.ruleId);

const notice = { postedOn: '2019-03-01', lastDayPosted: '2019-03-10' };

describe('an objection is raised on or after the posting day, not after today (OBJECTION.RAISED_ON)', () => {
  it.each([
    ['2019-02-28', '2019-04-01', 'FAIL', '早于公示开始 2019-03-01'],
    ['2019-03-01', '2019-04-01', 'PASS', '公示期内'],
    ['2019-03-10', '2019-04-01', 'PASS', '公示期内'],
    ['2019-03-11', '2019-04-01', 'PASS', '公示期满后'],
    ['2019-04-02', '2019-04-01', 'FAIL', '晚于今天 2019-04-01'],
  ] as const)('raised on %s (today %s): %s', (raisedOn, today, outcome, zh) => {
    const decision = canRaiseObjection(notice, raisedOn, today);
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons[0]!.messageZh).toContain(zh);
  });
});

describe('an objection is answered once (OBJECTION.OPEN)', () => {
  it.each([
    ['OPEN', 'PASS'],
    ['ANSWERED', 'FAIL'],
  ] as const)('%s: %s', (status, outcome) => {
    expect(canAnswerObjection({ id: '1', status }).outcome).toBe(outcome);
  });
});

describe('an open objection holds the project at its step (PROJECT.OBJECTION_OPEN)', () => {
  const policy = jianghua(2019);
  const facts = (state: ProjectState) => ({ id: '7', state, performanceTarget: '建成' });
  const ran = (openObjections: number) => [
    { postedOn: '2019-03-01', lastDayPosted: '2019-03-10', openObjections },
  ];
  it.each([
    ['IN_LIBRARY', 'IMPLEMENTATION', 1, ['PROJECT.OBJECTION_OPEN']],
    ['IN_LIBRARY', 'IMPLEMENTATION', 0, []],
    ['IMPLEMENTATION', 'COMPLETION_ACCEPTANCE', 2, ['PROJECT.OBJECTION_OPEN']],
    ['IN_LIBRARY', 'REMOVED', 1, []],
  ] as const)('%s → %s with %i open: failed %j', (from, to, open, ids) => {
    expect(failed(canAdvanceProject(facts(from), to, ran(open), '2019-04-01', policy))).toEqual(ids);
  });

  it('counts the open objections of the notices that carry them, beside notices read without them', () => {
    const notices = [...ran(1), { postedOn: '2019-02-01', lastDayPosted: '2019-02-10' }];
    const refused = canAdvanceProject(facts('IN_LIBRARY'), 'IMPLEMENTATION', notices, '2019-04-01', policy);
    expect(refused.reasons.find((r) => !r.passed)!.messageZh).toContain('有 1 件异议未答复');
  });

  it('says in Chinese how many objections wait for their answer', () => {
    const refused = canAdvanceProject(facts('IN_LIBRARY'), 'IMPLEMENTATION', ran(2), '2019-04-01', policy);
    expect(refused.reasons.find((r) => !r.passed)!.messageZh).toContain('有 2 件异议未答复');
  });
});

describe('a fund source is registered once (FUNDS.SOURCE_ONCE)', () => {
  const fundSource = { category: 'OTHER', name: '社会捐赠', fromYear: 2019, toYear: 2019 };
  it.each([
    [false, null, 'PASS', '尚未登记'],
    [true, null, 'FAIL', '2019 年资金来源「社会捐赠」已登记'],
    [false, 3, 'FAIL', '与第 3 行重复'],
  ] as const)('registered %s, earlier row %s: %s', (registered, earlier, outcome, zh) => {
    const decision = canRegisterSourceOnce(fundSource, registered, earlier);
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons[0]!.messageZh).toContain(zh);
  });

  it('names a source of several years by its run of years', () => {
    const decision = canRegisterSourceOnce({ ...fundSource, fromYear: 2016, toYear: 2018 }, true, null);
    expect(decision.reasons[0]!.messageZh).toContain('2016–2018 年资金来源「社会捐赠」已登记');
  });
});
