import { describe, expect, it } from 'vitest';
import {
  canAdvanceProject,
  canAllocate,
  canAllocateToProject,
  canCloseAuditFinding,
  canDeclareOverlap,
  canDisburse,
  canPublishNotice,
  mayImportProjects,
  type ProjectBalance,
  type ProjectState,
  yuan,
} from '../src';
import { jianghua } from './helpers';

/** The refusals of fund writes, each a rule whose Chinese message names the figures. */

const failed = (decision: { reasons: { passed: boolean; ruleId: string }[] }) =>
  decision.reasons.filter((r) => !r.passed).map((r) => r.ruleId);

const source = { name: '财政扶贫资金', amountFen: yuan('1000'), allocatedFen: yuan('600') };
const project = (state: ProjectState, allocated = '500', disbursed = '200'): ProjectBalance => ({
  name: '村道硬化',
  state,
  allocatedFen: yuan(allocated),
  disbursedFen: yuan(disbursed),
});

describe('an allocation fits in what its source has left (FUNDS.ALLOCATION_CAP)', () => {
  it.each([
    ['399.99', 'PASS'],
    ['400', 'PASS'],
    ['400.01', 'FAIL'],
  ] as const)('allocating %s 元 of the 400 元 left → %s', (amount, outcome) => {
    expect(canAllocate(source, yuan(amount)).outcome).toBe(outcome);
  });

  it('names the total, what is allocated, what is left and the excess in Chinese', () => {
    const [reason] = canAllocate(source, yuan('500')).reasons;
    expect(reason!.messageZh).toContain(
      '总额 1000.00 元, 已安排 600.00 元, 剩余 400.00 元; 本次安排 500.00 元, 超出剩余 100.00 元',
    );
  });

  it.each([
    ['APPROVED', []],
    ['REMOVED', ['FUNDS.PROJECT_OPEN']],
    ['ASSET_HANDOVER', ['FUNDS.PROJECT_OPEN']],
  ] as const)('a project in %s → failed %j', (state, ids) => {
    expect(failed(canAllocateToProject(source, project(state), yuan('1')))).toEqual(ids);
  });

  it('a removed project says so in Chinese', () => {
    expect(canAllocateToProject(source, project('REMOVED'), 1).reasons[0]!.messageZh).toContain(
      '已出库或已移交',
    );
  });
});

describe('a payment is made during the works and fits in what is allocated (FUNDS.PAYMENT_STAGE, FUNDS.DISBURSEMENT_CAP)', () => {
  it.each([
    ['IMPLEMENTATION', '300', []],
    ['COMPLETION_ACCEPTANCE', '300.01', ['FUNDS.DISBURSEMENT_CAP']],
    ['APPROVED', '1', ['FUNDS.PAYMENT_STAGE']],
    ['ASSET_HANDOVER', '301', ['FUNDS.PAYMENT_STAGE', 'FUNDS.DISBURSEMENT_CAP']],
  ] as const)('%s paying %s 元 of 300 元 unpaid → failed %j', (state, amount, ids) => {
    expect(failed(canDisburse(project(state), yuan(amount)))).toEqual(ids);
  });

  it('names what is allocated, paid, payable and the excess in Chinese', () => {
    const reasons = canDisburse(project('APPROVED'), yuan('350')).reasons;
    expect(reasons[0]!.messageZh).toContain('实施或竣工验收阶段方可拨付');
    expect(reasons[1]!.messageZh).toContain(
      '已安排 500.00 元, 已拨付 200.00 元, 可拨付 300.00 元; 本次拨付 350.00 元, 超出 50.00 元',
    );
    expect(canDisburse(project('IMPLEMENTATION'), 1).reasons[0]!.messageZh).toContain('可拨付阶段');
  });
});

describe('an overlap links two sources of one period and fits in the including one (FUNDS.OVERLAP_*)', () => {
  const agri = { id: '1', name: '财政涉农整合资金', period: '2014–2018', amountFen: yuan('810007120') };
  const poverty = { id: '2', name: '财政扶贫资金', period: '2014–2018', amountFen: yuan('226990000') };
  it.each([
    [
      "the article's 24,758 万, more than the contained source (reported by the reconciliation)",
      agri,
      poverty,
      '247580000',
      [],
    ],
    ['more than the including source', poverty, agri, '226990000.01', ['FUNDS.OVERLAP_WITHIN_CONTAINER']],
    ['a source with itself', agri, agri, '1', ['FUNDS.OVERLAP_DISTINCT']],
    ['across periods', agri, { ...poverty, period: '2019' }, '1', ['FUNDS.OVERLAP_SAME_PERIOD']],
  ] as const)('%s → failed %j', (_what, container, contained, amount, ids) => {
    expect(failed(canDeclareOverlap(container, contained, yuan(amount)))).toEqual(ids);
  });

  it('names the periods and the amounts in Chinese', () => {
    const reasons = canDeclareOverlap(poverty, { ...agri, period: '2019' }, yuan('226990001')).reasons;
    expect(reasons[2]!.messageZh).toContain('超过「财政扶贫资金」总额 226990000.00 元');
    expect(reasons[1]!.messageZh).toContain('为 2019 年, 包含关系须在同一期间');
    expect(canDeclareOverlap(agri, agri, 1).reasons[0]!.messageZh).toContain('不能包含自身');
  });
});

describe('project steps follow the lifecycle, and leave "announced" only after the notice has run (PROJECT.*)', () => {
  const policy = jianghua(2019);
  const facts = (state: ProjectState, performanceTarget: string | null = '新建村道 3 公里') => ({
    id: 'p',
    state,
    performanceTarget,
  });
  const ran = [{ postedOn: '2019-03-01', lastDayPosted: '2019-03-10' }];
  it.each([
    ['APPLICATION', 'TOWNSHIP_REVIEW', [], '2019-03-11', []],
    ['APPLICATION', 'APPROVED', [], '2019-03-11', ['PROJECT.TRANSITION']],
    ['IN_LIBRARY', 'IMPLEMENTATION', ran, '2019-03-11', []],
    ['IN_LIBRARY', 'IMPLEMENTATION', ran, '2019-03-10', ['PROJECT.NOTICE_RUN']],
    ['IN_LIBRARY', 'IMPLEMENTATION', [], '2019-04-01', ['PROJECT.NOTICE_RUN']],
    [
      'IN_LIBRARY',
      'IMPLEMENTATION',
      [{ postedOn: '2019-03-01', lastDayPosted: '2019-03-09' }],
      '2019-04-01',
      ['PROJECT.NOTICE_RUN'],
    ],
    ['IN_LIBRARY', 'REMOVED', [], '2019-03-11', []],
  ] as const)('%s → %s with %j on %s: failed %j', (from, to, notices, today, ids) => {
    expect(failed(canAdvanceProject(facts(from), to, notices, today, policy))).toEqual(ids);
  });

  it('refuses library entry without a performance target', () => {
    expect(failed(canAdvanceProject(facts('APPROVED', ' '), 'IN_LIBRARY', [], '2019-03-11', policy))).toEqual(
      ['PROJECT.PERFORMANCE_TARGET'],
    );
  });

  it('says in Chinese how long the notice must run, and when one has', () => {
    const refused = canAdvanceProject(facts('IN_LIBRARY'), 'IMPLEMENTATION', [], '2019-04-01', policy);
    expect(refused.reasons[1]!.messageZh).toContain('需公示不少于 10 天且在 2019-04-01 前结束');
    const passed = canAdvanceProject(facts('IN_LIBRARY'), 'IMPLEMENTATION', ran, '2019-04-01', policy);
    expect(passed.reasons[1]!.messageZh).toContain('2019-03-01 至 2019-03-10 已期满');
  });
});

describe('a fund or project notice runs at least 10 days (DISCLOSURE.PERIOD)', () => {
  const policy = jianghua(2019);
  it.each([
    ['2019-03-01', '2019-03-09', 'FAIL'],
    ['2019-03-01', '2019-03-10', 'PASS'],
  ] as const)('%s to %s → %s', (postedOn, last, outcome) => {
    expect(canPublishNotice(postedOn, last, policy).outcome).toBe(outcome);
  });
});

describe('an audit finding closes only when its rectification task is done (AUDIT.TASK_DONE)', () => {
  it.each([
    [false, true, 'PASS', '整改任务已完成'],
    [false, false, 'FAIL', '整改任务未完成'],
    [true, true, 'FAIL', '已销号'],
  ] as const)('closed %s, task done %s → %s', (closed, taskDone, outcome, zh) => {
    const decision = canCloseAuditFinding({ id: 'f', closed, taskDone });
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons[0]!.messageZh).toContain(zh);
  });
});

describe('PROJECT.IMPORT_ROLE', () => {
  it('lets the village, the township and the county import applications, and no one else', () => {
    expect(mayImportProjects(['TOWNSHIP_CLERK']).outcome).toBe('PASS');
    expect(mayImportProjects(['COUNTY_ADMIN']).outcome).toBe('PASS');
    expect(mayImportProjects(['VILLAGE_CLERK']).outcome).toBe('PASS');
    const helper = mayImportProjects(['HELPER', 'AUDITOR']);
    expect(helper.outcome).toBe('FAIL');
    expect(helper.reasons[0]!.messageZh).toContain('无权导入项目');
  });

  it('refuses an actor with no role, naming no one as the actor', () => {
    const nobody = mayImportProjects([]);
    expect(nobody.outcome).toBe('FAIL');
    expect(nobody.reasons[0]!.messageZh).toMatch(/^— 无权导入项目/);
  });
});
