import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundsKit } from './funds-helpers';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

/** Fund sources, overlaps, reported totals and their reconciliation; money as exact decimals. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const { mutate, newProject, newSource } = fundsKit(() => s);

const RECONCILE = `query ($from: Int!, $to: Int!) { fundReconciliation(fromYear: $from, toYear: $to) {
  grossWanYuan overlapWanYuan netWanYuan warning sources { name amountWanYuan }
  overlapChecks { ruleId passed messageZh }
  readings { reportedTotalWanYuan grossDifferenceWanYuan netDifferenceWanYuan outcome severity explanation { ruleId messageZh } } } }`;

interface ReconciliationResult {
  fundReconciliation: {
    grossWanYuan: string;
    overlapWanYuan: string;
    netWanYuan: string;
    warning: boolean;
    sources: { name: string }[];
    overlapChecks: { ruleId: string; passed: boolean; messageZh: string }[];
    readings: {
      reportedTotalWanYuan: string;
      grossDifferenceWanYuan: string;
      netDifferenceWanYuan: string;
      outcome: string;
      severity: string;
      explanation: { ruleId: string; messageZh: string }[];
    }[];
  };
}

describe('fund reconciliation (资金对账)', () => {
  it("shows the article's six sources summing to 436,530.522 万 against the stated 436,011.81 万: a +518.712 万 warning, and −24,239.288 万 net of the overlap", async () => {
    const r = await s.run<ReconciliationResult>('leader', RECONCILE, { from: 2014, to: 2018 });
    expect(r.errors).toBeUndefined();
    const result = r.data!.fundReconciliation;
    expect(result.sources).toHaveLength(6);
    expect(result).toMatchObject({
      grossWanYuan: '436530.522',
      overlapWanYuan: '24758',
      netWanYuan: '411772.522',
      warning: true,
    });
    const [reading] = result.readings;
    expect(reading).toMatchObject({
      reportedTotalWanYuan: '436011.81',
      grossDifferenceWanYuan: '518.712',
      netDifferenceWanYuan: '-24239.288',
      outcome: 'UNEXPLAINED',
      severity: 'WARNING',
    });
    const text = reading!.explanation.map((e) => e.messageZh).join('\n');
    expect(text).toContain('各来源直接相加 436530.522 万元, 与上报总额 436011.81 万元 多 518.712 万元');
    expect(text).toContain('扣除重叠后净额 411772.522 万元, 与上报总额 436011.81 万元 少 24239.288 万元');
    expect(result.overlapChecks[0]).toMatchObject({ ruleId: 'FUNDS.OVERLAP_FITS', passed: false });
  });

  it('says the 2019 integrated 30,771 万 matches its reported total', async () => {
    const r = await s.run<ReconciliationResult>('admin', RECONCILE, { from: 2019, to: 2019 });
    expect(r.data!.fundReconciliation.readings[0]).toMatchObject({
      outcome: 'MATCHES_GROSS',
      severity: 'OK',
    });
    expect(r.data!.fundReconciliation.warning).toBe(false);
  });

  it('reads a total entered net of a declared overlap as MATCHES_NET', async () => {
    const a = await newSource({ amountWanYuan: '100' }, 2041, '甲资金');
    const b = await newSource({ amountWanYuan: '40' }, 2041, '乙资金');
    const overlap = await mutate(
      'admin',
      'declareFundOverlap',
      { containerId: a.id, containedId: b.id, amountWanYuan: '15' },
      'amountWanYuan container { name }',
    );
    expect(overlap.data).toMatchObject({ amountWanYuan: '15', container: { name: '甲资金' } });
    expect(overlap.__typename).toBe('MutationDeclareFundOverlapSuccess');
    const total = await mutate(
      'admin',
      'recordReportedTotal',
      {
        fromYear: 2041,
        toYear: 2041,
        amountWanYuan: '125',
        reportedIn: '测试',
      },
      'amountWanYuan',
    );
    expect(total.__typename).toBe('MutationRecordReportedTotalSuccess');
    const r = await s.run<ReconciliationResult>('admin', RECONCILE, { from: 2041, to: 2041 });
    expect(r.data!.fundReconciliation.readings[0]).toMatchObject({ outcome: 'MATCHES_NET', severity: 'OK' });
  });

  it('refuses an overlap larger than the including source, naming both figures', async () => {
    const a = await newSource({ amountYuan: '100' }, 2042);
    const b = await newSource({ amountYuan: '300' }, 2042);
    const r = await mutate(
      'admin',
      'declareFundOverlap',
      { containerId: a.id, containedId: b.id, amountYuan: '150' },
      'amountWanYuan',
    );
    expect(r).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'FUNDS.OVERLAP_WITHIN_CONTAINER' });
    expect(r.message).toContain('含「测试资金」150.00 元, 超过「测试资金」总额 100.00 元');
  });
});

describe('money arrives as exact decimals', () => {
  it.each([
    ['-1', 'amountYuan'],
    ['1.001', 'amountYuan'],
    ['12,3', 'amountYuan'],
    ['0', 'amountYuan'],
  ])('refuses %s 元 as a validation error on %s', async (amount, path) => {
    const r = await mutate('admin', 'createFundSource', {
      category: 'OTHER',
      name: '坏金额',
      fromYear: 2026,
      toYear: 2026,
      amountYuan: amount,
    });
    expect(r.code).toBe('VALIDATION');
    expect(r.fieldErrors!.map((e) => e.path.join('.'))).toContain(path);
  });

  it('refuses an amount given both in 元 and in 万元, and a 万元 amount finer than one fen', async () => {
    const both = await mutate('admin', 'createFundSource', {
      category: 'OTHER',
      name: '两种',
      fromYear: 2026,
      toYear: 2026,
      amountYuan: '1',
      amountWanYuan: '1',
    });
    expect(both.fieldErrors![0]!.message).toContain('二选一');
    const fine = await mutate('admin', 'createFundSource', {
      category: 'OTHER',
      name: '过细',
      fromYear: 2026,
      toYear: 2026,
      amountWanYuan: '0.0000001',
    });
    expect(fine.fieldErrors![0]!.path).toEqual(['amountWanYuan']);
  });

  it('allocates 0.1 元 and then 0.2 元 and shows exactly 0.30 元 allocated', async () => {
    const source = await newSource({ amountYuan: '1' });
    const project = await newProject();
    for (const amountYuan of ['0.1', '0.2'])
      expect(
        (await mutate('admin', 'allocateFunds', { sourceId: source.id, projectId: project.id, amountYuan }))
          .__typename,
      ).toBe('MutationAllocateFundsSuccess');
    const r = await s.run<{ node: { allocatedYuan: string } }>(
      'admin',
      `query ($id: ID!) { node(id: $id) { ... on Project { allocatedYuan } } }`,
      { id: project.id },
    );
    expect(r.data!.node.allocatedYuan).toBe('0.30');
    const after = await s.run<{ node: { remainingYuan: string } }>(
      'admin',
      `query ($id: ID!) { node(id: $id) { ... on FundSource { remainingYuan } } }`,
      { id: source.id },
    );
    expect(after.data!.node.remainingYuan).toBe('0.70');
  });
});

describe('who registers funds', () => {
  it.each(['township', 'leader'])(
    'refuses a fund source from the %s (the role may not register funds)',
    async (username) => {
      const input = { category: 'OTHER', name: '乡镇资金', fromYear: 2026, toYear: 2026, amountYuan: '1' };
      const r = await s.run(
        username,
        'mutation ($input: CreateFundSourceInput!) { createFundSource(input: $input) { __typename } }',
        { input },
      );
      expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    },
  );
});
