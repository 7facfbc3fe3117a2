import { describe, expect, it } from 'vitest';
import {
  battleMap,
  canCompleteTask,
  checkDecomposition,
  DEFAULT_PARAMETERS,
  deriveTaskStatus,
  failedRuleIds,
  InvalidInputError,
  JIANGHUA,
  JIANGHUA_COUNTY,
  levelIndex,
  policyFor,
  type RegionNode,
  rollUpProgress,
  source,
  type Task,
  withOverrides,
} from '../src';
import { jianghua } from './helpers';

const policy = jianghua(2019);

function task(id: string, overrides: Partial<Task> = {}): Task {
  return {
    id,
    parentId: null,
    levelId: 'COUNTY_LEADER',
    regionId: 'county',
    responsibleUnit: '县扶贫办',
    responsiblePerson: '张三',
    deadline: '2019-12-31',
    status: 'NOT_STARTED',
    progressPercent: 0,
    ...overrides,
  };
}

describe('the six responsibility levels, ordered and configurable', () => {
  it('orders the default levels from county leaders to helpers', () => {
    const levels = policy.get('responsibility.levels');
    expect(levels.map((level) => level.id)).toEqual([
      'COUNTY_LEADER',
      'COUNTY_DEPARTMENT',
      'TOWNSHIP',
      'VILLAGE',
      'WORK_TEAM',
      'HELPER',
    ]);
    expect(levelIndex('VILLAGE', levels)).toBe(3);
    expect(() => levelIndex('PROVINCE', levels)).toThrow(InvalidInputError);
  });

  it('follows a county’s own list', () => {
    const table = withOverrides(DEFAULT_PARAMETERS, [
      {
        key: 'responsibility.levels',
        scope: { level: 'COUNTY', county: JIANGHUA_COUNTY },
        fromYear: 2019,
        value: [
          { id: 'COUNTY', labelZh: '县', labelEn: 'County', rank: 'COUNTY' },
          { id: 'VILLAGE', labelZh: '村', labelEn: 'Village', rank: 'VILLAGE' },
        ],
        source: source('PROJECT_DEFAULT', 'L'),
      },
    ]);
    const county = policyFor(table, 2019, JIANGHUA);
    const decision = checkDecomposition(
      task('p', { levelId: 'COUNTY' }),
      task('c', { levelId: 'VILLAGE' }),
      county,
    );
    expect(decision.outcome).toBe('PASS');
  });
});

describe('decomposition: one level lower, deadline not after the parent’s', () => {
  const parent = task('p', { levelId: 'TOWNSHIP', deadline: '2019-06-30' });
  it.each([
    ['one level lower, same deadline', { levelId: 'VILLAGE', deadline: '2019-06-30' }, []],
    ['one level lower, earlier deadline', { levelId: 'VILLAGE', deadline: '2019-06-01' }, []],
    ['deadline a day later', { levelId: 'VILLAGE', deadline: '2019-07-01' }, ['TASK.DEADLINE']],
    ['two levels lower', { levelId: 'WORK_TEAM', deadline: '2019-06-30' }, ['TASK.LEVEL']],
    ['the same level', { levelId: 'TOWNSHIP', deadline: '2019-06-30' }, ['TASK.LEVEL']],
    ['a higher level', { levelId: 'COUNTY_DEPARTMENT', deadline: '2019-06-30' }, ['TASK.LEVEL']],
  ])('%s → %j', (_, overrides, failing) => {
    const decision = checkDecomposition(parent, task('c', { ...overrides, parentId: 'p' }), policy);
    expect(failedRuleIds(decision)).toEqual(failing);
  });

  it('says a helper task cannot be decomposed further', () => {
    const decision = checkDecomposition(
      task('p', { levelId: 'HELPER' }),
      task('c', { levelId: 'HELPER' }),
      policy,
    );
    expect(decision.reasons[0]?.messageZh).toMatch(/^HELPER 已是最低层级, 不能再分解/);
  });
});

describe('derived status: OVERDUE once the deadline day has passed in Shanghai', () => {
  it.each([
    ['IN_PROGRESS', '2019-06-30', '2019-06-30', 'IN_PROGRESS'],
    ['IN_PROGRESS', '2019-06-30', '2019-07-01', 'OVERDUE'],
    ['NOT_STARTED', '2019-06-30', '2019-07-01', 'OVERDUE'],
    ['DONE', '2019-06-30', '2020-01-01', 'DONE'],
    ['IN_PROGRESS', '2019-06-30', '2019-06-30T15:59:59Z', 'IN_PROGRESS'],
    ['IN_PROGRESS', '2019-06-30', '2019-06-30T16:00:00Z', 'OVERDUE'],
  ] as const)('%s due %s, asked on %s → %s', (status, deadline, asOf, derived) => {
    expect(deriveTaskStatus({ status, deadline }, asOf)).toBe(derived);
  });

  it.each([
    ['2019-06-20', '2019-06-20', 'DONE'],
    ['2019-06-20', '2019-06-19', 'IN_PROGRESS'],
    ['2019-07-10', '2019-06-30', 'IN_PROGRESS'],
    ['2019-07-10', '2019-07-01', 'OVERDUE'],
    ['2019-07-10', '2019-07-10', 'DONE'],
    [null, '2019-01-01', 'DONE'],
  ] as const)('DONE due 2019-06-30, completed on %s, asked on %s → %s', (completedOn, asOf, derived) => {
    expect(deriveTaskStatus({ status: 'DONE', deadline: '2019-06-30', completedOn }, asOf)).toBe(derived);
  });
});

describe('progress roll-up: a parent is the mean of its children; DONE counts 100', () => {
  const tasks = [
    task('root', { status: 'IN_PROGRESS', progressPercent: 90 }),
    task('a', { parentId: 'root', levelId: 'COUNTY_DEPARTMENT', status: 'DONE', progressPercent: 10 }),
    task('b', { parentId: 'root', levelId: 'COUNTY_DEPARTMENT', status: 'IN_PROGRESS' }),
    task('b1', { parentId: 'b', levelId: 'TOWNSHIP', status: 'IN_PROGRESS', progressPercent: 50 }),
    task('b2', { parentId: 'b', levelId: 'TOWNSHIP', status: 'NOT_STARTED', progressPercent: 40 }),
    task('b3', { parentId: 'b', levelId: 'TOWNSHIP', status: 'DONE' }),
  ];

  it('derives every parent from its children, exactly', () => {
    const progress = Object.fromEntries(rollUpProgress(tasks).map((p) => [p.taskId, p]));
    expect(progress.b).toMatchObject({
      progress: { numerator: 1, denominator: 2 },
      percent: 50,
      fromChildren: true,
    });
    expect(progress.root).toMatchObject({
      progress: { numerator: 3, denominator: 4 },
      percent: 75,
      fromChildren: true,
    });
    expect(progress.a).toMatchObject({ percent: 100, fromChildren: false });
    expect(progress.b2?.percent).toBe(0);
  });

  it('rounds a third down and reaches 100 only when everything is done', () => {
    const thirds = [
      task('r'),
      task('x', { parentId: 'r', status: 'DONE' }),
      task('y', { parentId: 'r', status: 'NOT_STARTED' }),
      task('z', { parentId: 'r', status: 'NOT_STARTED' }),
    ];
    expect(rollUpProgress(thirds)[0]).toMatchObject({
      progress: { numerator: 1, denominator: 3 },
      percent: 33,
    });
    const almost = [
      task('r'),
      task('x', { parentId: 'r', status: 'IN_PROGRESS', progressPercent: 99 }),
      task('y', { parentId: 'r', status: 'DONE' }),
    ];
    expect(rollUpProgress(almost)[0]?.percent).toBe(99);
  });

  it.each([
    ['an unknown parent', [task('a', { parentId: 'ghost' })]],
    ['a cycle', [task('a', { parentId: 'b' }), task('b', { parentId: 'a' })]],
    ['a progress above 100', [task('a', { status: 'IN_PROGRESS', progressPercent: 101 })]],
    ['a fractional progress', [task('a', { status: 'IN_PROGRESS', progressPercent: 12.5 })]],
    ['a negative progress', [task('a', { status: 'IN_PROGRESS', progressPercent: -1 })]],
  ])('rejects %s', (_, bad) => {
    expect(() => rollUpProgress(bad)).toThrow(InvalidInputError);
  });

  it('lets a parent be done only when all its children are', () => {
    expect(canCompleteTask(tasks[0]!, tasks)).toMatchObject({ outcome: 'FAIL' });
    expect(canCompleteTask(tasks[0]!, tasks).reasons[0]?.facts.openChildren).toEqual(['b']);
    expect(canCompleteTask(tasks[1]!, tasks).outcome).toBe('PASS');
  });
});

describe('battle map: counts per region, rolled up village → township → county', () => {
  const regions: RegionNode[] = [
    { id: 'county', parentId: null, level: 'COUNTY' },
    { id: 't1', parentId: 'county', level: 'TOWNSHIP' },
    { id: 't2', parentId: 'county', level: 'TOWNSHIP' },
    { id: 'v1', parentId: 't1', level: 'VILLAGE' },
    { id: 'v2', parentId: 't1', level: 'VILLAGE' },
  ];
  const tasks = [
    task('c1', { regionId: 'county', status: 'IN_PROGRESS', deadline: '2019-12-31' }),
    task('t1a', { regionId: 't1', status: 'DONE', deadline: '2019-01-31' }),
    task('v1a', { regionId: 'v1', status: 'IN_PROGRESS', deadline: '2019-05-31' }),
    task('v1b', { regionId: 'v1', status: 'NOT_STARTED', deadline: '2019-12-31' }),
    task('v2a', { regionId: 'v2', status: 'NOT_STARTED', deadline: '2019-06-01' }),
  ];

  it('counts each task in its region and in every region above it', () => {
    const map = Object.fromEntries(
      battleMap(regions, tasks, '2019-06-01T12:00:00Z').map((node) => [node.regionId, node]),
    );
    expect(map.v1?.total).toEqual({ total: 2, done: 0, inProgress: 0, overdue: 1, notStarted: 1 });
    expect(map.v2?.total).toEqual({ total: 1, done: 0, inProgress: 0, overdue: 0, notStarted: 1 });
    expect(map.t1?.own).toEqual({ total: 1, done: 1, inProgress: 0, overdue: 0, notStarted: 0 });
    expect(map.t1?.total).toEqual({ total: 4, done: 1, inProgress: 0, overdue: 1, notStarted: 2 });
    expect(map.t2?.total.total).toBe(0);
    expect(map.county?.total).toEqual({ total: 5, done: 1, inProgress: 1, overdue: 1, notStarted: 2 });
  });

  it.each([
    ['a task in an unknown region', regions, [task('x', { regionId: 'nowhere' })]],
    [
      'a region with an unknown parent',
      [...regions, { id: 'v9', parentId: 't9', level: 'VILLAGE' as const }],
      [],
    ],
    [
      'a region cycle',
      [
        { id: 'a', parentId: 'b', level: 'TOWNSHIP' as const },
        { id: 'b', parentId: 'a', level: 'TOWNSHIP' as const },
      ],
      [],
    ],
  ])('rejects %s', (_, regionList, taskList) => {
    expect(() => battleMap(regionList, taskList, '2019-06-01')).toThrow(InvalidInputError);
  });
});
