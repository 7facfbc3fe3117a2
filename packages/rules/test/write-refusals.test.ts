import { describe, expect, it } from 'vitest';
import {
  applicationAfterStep,
  applicationOpen,
  canDecomposeTask,
  canReassignTask,
  canReportTaskProgress,
  checkChildRegion,
  checkTaskLevel,
  DEFAULT_RESPONSIBILITY_LEVELS,
  decideTaskCompletion,
  householdHasLabour,
  type Task,
} from '../src';

/** Every refusal of a write is a rule with an explanation: the edges of each, as a table. */

const task = (status: Task['status'], id = 't', parentId: string | null = null): Task => ({
  id,
  parentId,
  levelId: 'COUNTY_LEADER',
  regionId: 'r',
  responsibleUnit: 'u',
  responsiblePerson: 'p',
  deadline: '2030-12-31',
  status,
  progressPercent: 0,
});

describe('progress is reported at an open leaf (TASK.PROGRESS_AT_LEAF, TASK.ALREADY_DONE)', () => {
  it.each([
    { status: 'NOT_STARTED', children: 0, outcome: 'PASS', failed: [] },
    { status: 'IN_PROGRESS', children: 0, outcome: 'PASS', failed: [] },
    { status: 'IN_PROGRESS', children: 1, outcome: 'FAIL', failed: ['TASK.PROGRESS_AT_LEAF'] },
    { status: 'DONE', children: 0, outcome: 'FAIL', failed: ['TASK.ALREADY_DONE'] },
    { status: 'DONE', children: 2, outcome: 'FAIL', failed: ['TASK.PROGRESS_AT_LEAF', 'TASK.ALREADY_DONE'] },
  ] as const)('$status with $children children: $outcome', ({ status, children, outcome, failed }) => {
    const decision = canReportTaskProgress(task(status), children);
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons.filter((r) => !r.passed).map((r) => r.ruleId)).toEqual(failed);
  });

  it.each([
    { helperOnly: true, responsible: true, outcome: 'PASS' },
    { helperOnly: true, responsible: false, outcome: 'FAIL' },
    { helperOnly: false, responsible: false, outcome: 'PASS' },
    { helperOnly: false, responsible: true, outcome: 'PASS' },
  ] as const)(
    'a reporter who is helper only: $helperOnly, responsible: $responsible → $outcome (TASK.REPORTER)',
    ({ helperOnly, responsible, outcome }) => {
      const decision = canReportTaskProgress(task('IN_PROGRESS'), 0, { helperOnly, responsible });
      expect(decision.outcome).toBe(outcome);
      expect(decision.reasons[0]).toMatchObject({ ruleId: 'TASK.REPORTER', passed: outcome === 'PASS' });
    },
  );

  it('explains a refusal in Chinese and English', () => {
    const [, , done] = canReportTaskProgress(task('DONE'), 0).reasons;
    expect(done!.passed).toBe(false);
    expect(done!.messageZh).toMatch(/^任务已完成, 不能再填报进度 \(规则 TASK.ALREADY_DONE, 依据 /);
    expect(done!.messageEn).toContain('done');
  });
});

describe('a done task takes no further action: one rule, TASK.ALREADY_DONE (TASK.PARENT_OPEN when decomposing)', () => {
  it.each([
    { rule: 'decompose', decide: canDecomposeTask, ruleId: 'TASK.PARENT_OPEN', zh: '任务已完成, 不能再分解' },
    { rule: 'reassign', decide: canReassignTask, ruleId: 'TASK.ALREADY_DONE', zh: '任务已完成, 不能再改派' },
  ])('$rule: open passes, done fails with $ruleId', ({ decide, ruleId, zh }) => {
    expect(decide(task('IN_PROGRESS')).outcome).toBe('PASS');
    expect(decide(task('NOT_STARTED')).outcome).toBe('PASS');
    const refused = decide(task('DONE'));
    expect(refused.outcome).toBe('FAIL');
    expect(refused.reasons[0]).toMatchObject({ ruleId, passed: false });
    expect(refused.reasons[0]!.messageZh.startsWith(zh)).toBe(true);
  });

  it.each([
    { status: 'IN_PROGRESS', childDone: true, failed: [] },
    { status: 'IN_PROGRESS', childDone: false, failed: ['TASK.CHILDREN_DONE'] },
    { status: 'DONE', childDone: true, failed: ['TASK.ALREADY_DONE'] },
  ] as const)(
    'completing a $status task (child done: $childDone) fails $failed',
    ({ status, childDone, failed }) => {
      const parent = task(status, 'p');
      const child = task(childDone ? 'DONE' : 'IN_PROGRESS', 'c', 'p');
      const decision = decideTaskCompletion(parent, [parent, child]);
      expect(decision.outcome).toBe(failed.length ? 'FAIL' : 'PASS');
      expect(decision.reasons.filter((r) => !r.passed).map((r) => r.ruleId)).toEqual(failed);
    },
  );
});

describe("a child task's region lies inside its parent's (TASK.REGION)", () => {
  it.each([
    { parent: '/1/20/', child: '/1/20/', inside: true },
    { parent: '/1/20/', child: '/1/20/300/', inside: true },
    { parent: '/1/', child: '/1/21/305/', inside: true },
    { parent: '/1/2/', child: '/1/20/300/', inside: false },
    { parent: '/1/20/300/', child: '/1/20/', inside: false },
    { parent: '/1/20/', child: '/1/21/', inside: false },
  ])('$child in $parent: $inside', ({ parent, child, inside }) => {
    const decision = checkChildRegion(parent, { regionPath: child, regionName: '某村' });
    expect(decision.outcome).toBe(inside ? 'PASS' : 'FAIL');
    expect(decision.reasons[0]!.ruleId).toBe('TASK.REGION');
  });
});

describe('steps are recorded only while an application is in progress (APPLICATION.CLOSED)', () => {
  it.each([
    { state: 'IN_PROGRESS', outcome: 'PASS' },
    { state: 'COMPLETED', outcome: 'FAIL' },
    { state: 'REJECTED', outcome: 'FAIL' },
    { state: 'WITHDRAWN', outcome: 'FAIL' },
  ] as const)('$state: $outcome', ({ state, outcome }) => {
    const decision = applicationOpen(state);
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons[0]).toMatchObject({ ruleId: 'APPLICATION.CLOSED', passed: outcome === 'PASS' });
  });
});

describe('the application after an accepted step', () => {
  it.each([
    {
      stepsDone: 0,
      decision: 'APPROVED',
      complete: false,
      state: 'IN_PROGRESS',
      next: 'FIRST_NOTICE',
      changes: false,
    },
    {
      stepsDone: 4,
      decision: 'APPROVED',
      complete: false,
      state: 'IN_PROGRESS',
      next: 'ANNOUNCEMENT',
      changes: false,
    },
    { stepsDone: 5, decision: 'APPROVED', complete: true, state: 'COMPLETED', next: null, changes: true },
    // Past the kind's last step with the procedure not complete, there is no step left to name.
    { stepsDone: 5, decision: 'APPROVED', complete: false, state: 'IN_PROGRESS', next: null, changes: false },
    { stepsDone: 2, decision: 'REJECTED', complete: false, state: 'REJECTED', next: null, changes: false },
    { stepsDone: 5, decision: 'REJECTED', complete: true, state: 'REJECTED', next: null, changes: false },
  ] as const)(
    'after step $stepsDone, $decision (procedure complete: $complete) → $state',
    ({ stepsDone, decision, complete, state, next, changes }) => {
      expect(applicationAfterStep({ kind: 'IDENTIFY', stepsDone }, decision, complete)).toEqual({
        state,
        nextStep: next,
        changesStatus: changes,
      });
    },
  );
});

describe('a household is marked risk-eliminated only if someone can work (RISK_ELIMINATION.HAS_LABOUR)', () => {
  it.each([
    { members: [], allowed: false },
    { members: ['NONE'], allowed: false },
    { members: ['NONE', 'NONE'], allowed: false },
    { members: ['NONE', 'PARTIAL'], allowed: true },
    { members: ['FULL'], allowed: true },
  ] as const)('members $members: $allowed', ({ members, allowed }) => {
    const reason = householdHasLabour(members.map((labourCapacity) => ({ labourCapacity })));
    expect(reason).toMatchObject({ ruleId: 'RISK_ELIMINATION.HAS_LABOUR', passed: allowed });
  });
});

describe('a task’s level against who sets it and where it sits (TASK.LEVEL_RANK, TASK.LEVEL_REGION)', () => {
  const level = (id: string) => DEFAULT_RESPONSIBILITY_LEVELS.find((l) => l.id === id)!;
  const township = { rank: 'TOWNSHIP' as const, name: '沱江镇' };
  const county = { rank: 'COUNTY' as const, name: '江华瑶族自治县' };
  const village = { rank: 'VILLAGE' as const, name: '井头湾村' };
  it.each([
    [
      'the county sets a county-leader task in a township (联乡)',
      'COUNTY_LEADER',
      township,
      'COUNTY',
      'PASS',
      [],
    ],
    [
      'a township clerk sets a county-leader task in a township',
      'COUNTY_LEADER',
      township,
      'TOWNSHIP',
      'FAIL',
      ['TASK.LEVEL_RANK'],
    ],
    ['a township clerk sets a township task in a village', 'TOWNSHIP', village, 'TOWNSHIP', 'PASS', []],
    ['a township task at the county', 'TOWNSHIP', county, 'COUNTY', 'FAIL', ['TASK.LEVEL_REGION']],
    ['a village clerk sets a helper task in the village', 'HELPER', village, 'VILLAGE', 'PASS', []],
    [
      'a village clerk sets a village task in a township',
      'VILLAGE',
      township,
      'VILLAGE',
      'FAIL',
      ['TASK.LEVEL_REGION'],
    ],
  ] as const)('%s: %s', (_case, levelId, region, setter, outcome, failed) => {
    const decision = checkTaskLevel(level(levelId), region, setter);
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons.filter((r) => !r.passed).map((r) => r.ruleId)).toEqual(failed);
    expect(decision.reasons.every((r) => r.messageZh.length > 0 && r.messageEn.length > 0)).toBe(true);
  });

  it('names both tiers in the refusal', () => {
    const refused = checkTaskLevel(level('COUNTY_LEADER'), township, 'TOWNSHIP');
    expect(refused.reasons[0]!.messageZh).toMatch(
      /^乡镇级不能下达“县级领导”\(县级\)任务 \(规则 TASK.LEVEL_RANK/,
    );
  });
});
