import { describe, expect, it } from 'vitest';
import {
  checkAllocationCaps,
  checkDisbursementCaps,
  checkNoticePeriod,
  earliestTakeDown,
  type FundSource,
  failedRuleIds,
  InvalidInputError,
  PROJECT_STATES,
  PROJECT_TRANSITIONS,
  type ProjectState,
  reconcileFunds,
  transitionProject,
  yuan,
} from '../src';
import { jianghua, reason } from './helpers';

const sources: FundSource[] = [
  { key: 'a', category: 'FISCAL_POVERTY', amountFen: yuan(1000) },
  { key: 'b', category: 'INTEGRATED_AGRI', amountFen: yuan(3000) },
];

describe('reconciling sources with a reported total, gross and net of overlaps', () => {
  it.each([
    ['the gross sum', yuan(4000), 'MATCHES_GROSS', 'OK'],
    ['the net sum', yuan(3600), 'MATCHES_NET', 'OK'],
    ['neither', yuan(3999), 'UNEXPLAINED', 'WARNING'],
  ])('a total equal to %s → %s', (_, reported, outcome, severity) => {
    const result = reconcileFunds(
      sources,
      [{ containerKey: 'b', containedKey: 'a', amountFen: yuan(400) }],
      reported,
    );
    expect(result).toMatchObject({ outcome, severity, grossFen: yuan(4000), netFen: yuan(3600) });
    expect(result.grossDifferenceFen).toBe(yuan(4000) - reported);
    expect(result.netDifferenceFen).toBe(yuan(3600) - reported);
  });

  it('reads gross first when there are no overlaps', () => {
    expect(reconcileFunds(sources, [], yuan(4000)).outcome).toBe('MATCHES_GROSS');
  });

  it.each([
    ['larger than the contained source', 'b', 'a', yuan(1001), false],
    ['larger than the container', 'a', 'b', yuan(1001), false],
    ['as large as the contained source', 'b', 'a', yuan(1000), true],
  ])('flags an overlap %s: fits %s', (_, containerKey, containedKey, amountFen, fits) => {
    const result = reconcileFunds(sources, [{ containerKey, containedKey, amountFen }], yuan(1));
    expect(reason(result.reasons, 'FUNDS.OVERLAP_FITS').passed).toBe(fits);
  });

  it.each([
    [
      'an unknown source in an overlap',
      () => reconcileFunds(sources, [{ containerKey: 'b', containedKey: 'z', amountFen: 1 }], 0),
    ],
    [
      'an unknown container',
      () => reconcileFunds(sources, [{ containerKey: 'z', containedKey: 'a', amountFen: 1 }], 0),
    ],
    ['a negative source', () => reconcileFunds([{ key: 'a', category: 'OTHER', amountFen: -1 }], [], 0)],
    ['a fractional reported total', () => reconcileFunds(sources, [], 0.5)],
  ])('rejects %s', (_, run) => {
    expect(run).toThrow(InvalidInputError);
  });
});

describe('allocation and disbursement caps', () => {
  it.each([
    ['within the source', yuan(500), yuan(400), 'PASS'],
    ['exactly the source', yuan(600), yuan(400), 'PASS'],
    ['1 fen over', yuan(600), yuan('400.01'), 'FAIL'],
  ])('allocations %s → %s', (_, first, second, outcome) => {
    const result = checkAllocationCaps(sources, [
      { sourceKey: 'a', projectId: 'p1', amountFen: first },
      { sourceKey: 'a', projectId: 'p2', amountFen: second },
    ]);
    expect(result.outcome).toBe(outcome);
    expect(result.usage[0]).toEqual({
      key: 'a',
      capFen: yuan(1000),
      usedFen: first + second,
      remainingFen: yuan(1000) - first - second,
    });
  });

  it('rejects an allocation from an unknown source', () => {
    expect(() => checkAllocationCaps(sources, [{ sourceKey: 'z', projectId: 'p', amountFen: 1 }])).toThrow(
      InvalidInputError,
    );
  });

  it('caps payments at what is allocated to the project, across sources', () => {
    const allocations = [
      { sourceKey: 'a', projectId: 'p1', amountFen: yuan(500) },
      { sourceKey: 'b', projectId: 'p1', amountFen: yuan(500) },
    ];
    const exact = checkDisbursementCaps(allocations, [
      { id: 'pay1', projectId: 'p1', amountFen: yuan(700) },
      { id: 'pay2', projectId: 'p1', amountFen: yuan(300) },
    ]);
    expect(exact.outcome).toBe('PASS');
    const over = checkDisbursementCaps(allocations, [
      { id: 'pay1', projectId: 'p1', amountFen: yuan('1000.01') },
      { id: 'pay2', projectId: 'p2', amountFen: yuan(1) },
    ]);
    expect(over.outcome).toBe('FAIL');
    expect(failedRuleIds(over)).toEqual(['FUNDS.DISBURSEMENT_CAP', 'FUNDS.DISBURSEMENT_CAP']);
    expect(over.usage.map((u) => [u.key, u.remainingFen])).toEqual([
      ['p1', -1],
      ['p2', -100],
    ]);
    const unpaid = checkDisbursementCaps([{ sourceKey: 'a', projectId: 'p3', amountFen: yuan(200) }], []);
    expect(unpaid.usage).toEqual([{ key: 'p3', capFen: yuan(200), usedFen: 0, remainingFen: yuan(200) }]);
    expect(unpaid.outcome).toBe('PASS');
    expect(over.reasons[1]?.messageZh).toMatch(/^p2: 已拨付 1\.00 元, 上限 0\.00 元, 超出上限/);
  });
});

describe('project lifecycle', () => {
  const project = (state: ProjectState, performanceTarget: string | null = '带动 50 户增收 2000 元') => ({
    id: 'p1',
    state,
    performanceTarget,
  });

  it('walks every stage in order to asset hand-over', () => {
    const path: ProjectState[] = [
      'APPLICATION',
      'TOWNSHIP_REVIEW',
      'COUNTY_APPRAISAL',
      'APPROVED',
      'IN_LIBRARY',
      'IMPLEMENTATION',
      'COMPLETION_ACCEPTANCE',
      'ASSET_HANDOVER',
    ];
    for (let i = 0; i + 1 < path.length; i += 1) {
      expect(transitionProject(project(path[i]!), path[i + 1]!).outcome).toBe('ACCEPTED');
    }
  });

  it.each([
    ['APPLICATION', 'APPROVED', 'REFUSED'],
    ['IN_LIBRARY', 'REMOVED', 'ACCEPTED'],
    ['APPLICATION', 'REMOVED', 'ACCEPTED'],
    ['IMPLEMENTATION', 'REMOVED', 'REFUSED'],
    ['REMOVED', 'IN_LIBRARY', 'REFUSED'],
    ['ASSET_HANDOVER', 'IMPLEMENTATION', 'REFUSED'],
    ['IMPLEMENTATION', 'IN_LIBRARY', 'REFUSED'],
  ] as const)('%s → %s: %s', (from, to, outcome) => {
    expect(transitionProject(project(from), to).outcome).toBe(outcome);
  });

  it.each([
    [null, 'REFUSED'],
    ['   ', 'REFUSED'],
    ['新增村集体收入 5 万元', 'ACCEPTED'],
  ])('enters the library with performance target %j: %s', (target, outcome) => {
    const decision = transitionProject(project('APPROVED', target), 'IN_LIBRARY');
    expect(decision.outcome).toBe(outcome);
    expect(reason(decision.reasons, 'PROJECT.PERFORMANCE_TARGET').passed).toBe(outcome === 'ACCEPTED');
  });

  it('lets every state except the last two lead somewhere', () => {
    const terminal = PROJECT_STATES.filter((state) => PROJECT_TRANSITIONS[state].length === 0);
    expect(terminal).toEqual(['ASSET_HANDOVER', 'REMOVED']);
  });
});

describe('disclosure periods (the posting day counts)', () => {
  const policy = jianghua(2019);
  it.each([
    ['FUND_PROJECT', '2019-03-01', '2019-03-10', 'PASS', 10],
    ['FUND_PROJECT', '2019-03-01', '2019-03-09', 'FAIL', 9],
    ['FUND_PROJECT', '2019-03-01', '2019-05-01', 'PASS', 62],
    ['HOUSEHOLD', '2019-03-17', '2019-03-21', 'PASS', 5],
    ['HOUSEHOLD', '2019-03-17', '2019-03-20', 'FAIL', 4],
    ['VILLAGE', '2019-03-17', '2019-03-23', 'PASS', 7],
    ['VILLAGE', '2019-03-17', '2019-03-24', 'WARNING', 8],
    ['FUND_PROJECT', '2020-02-20', '2020-02-29', 'PASS', 10],
  ] as const)('%s notice %s to %s → %s (%i days)', (kind, posted, last, outcome, days) => {
    const decision = checkNoticePeriod(kind, posted, last, policy);
    expect(decision).toMatchObject({ outcome, daysPosted: days });
  });

  it('gives the last day a notice must stay up', () => {
    expect(earliestTakeDown('FUND_PROJECT', '2019-03-01', policy)).toBe('2019-03-10');
    expect(earliestTakeDown('HOUSEHOLD', '2020-02-27', policy)).toBe('2020-03-02');
  });

  it('rejects a notice taken down before it was posted', () => {
    expect(() => checkNoticePeriod('VILLAGE', '2019-03-17', '2019-03-16', policy)).toThrow(InvalidInputError);
  });
});
