import { auditLog } from '@gongjian/db/schema';
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/clock';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/** Village assessment through the API (self-assessment, county review, the four classes), performance and exit rewards. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

interface Outcome {
  __typename: string;
  code?: string;
  ruleId?: string;
  fieldErrors?: { path: string[]; message: string }[];
  data?: Record<string, unknown> & { id: string; version: number };
}

async function mutate(username: string, name: string, input: Record<string, unknown>, select = 'id version') {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const r = await s.run<Record<string, Outcome>>(
    username,
    `mutation ($input: ${type}!) { ${name}(input: $input) { __typename
      ... on ${success} { data { ${select} } }
      ... on Error { code }
      ... on ValidationError { fieldErrors { path message } }
      ... on RuleViolationError { ruleId } } }`,
    { input },
  );
  expect(r.errors).toBeUndefined();
  return r.data![name]!;
}

const YEAR = Number(clock.today().slice(0, 4));

/** A sheet of two weighted items (60 + 40) and one veto item, totalling `total`. */
const sheet = (total: number, vetoHit = false) => [
  { name: '两不愁三保障', weight: 60, score: Math.min(60, total) },
  { name: '帮扶措施落实', weight: 40, score: Math.round((total - Math.min(60, total)) * 10) / 10 },
  { name: '发生重大舆情或弄虚作假', weight: 0, score: 0, veto: true, vetoHit },
];

async function villageOf(username: string) {
  const viewer = await s.viewer(username);
  return (await s.handle.db.query.regions.findFirst({
    where: { level: 'VILLAGE', regionPath: { like: `${viewer.regionPath}%` } },
  }))!;
}

describe('village assessment (村级核查验收) through the API', () => {
  let assessment: { id: string; version: number };

  it('takes a village’s self-assessment and refuses a score outside 0–100 (ASSESSMENT.SCORE_RANGE), the refusal audited', async () => {
    const village = await villageOf('village');
    const input = { villageId: globalId('Region', village.id), year: YEAR, assessedOn: clock.today() };
    for (const score of [100.1, -1]) {
      const refused = await mutate('village', 'recordSelfAssessment', { ...input, score });
      expect(refused).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'ASSESSMENT.SCORE_RANGE' });
    }
    const twoDecimals = await mutate('village', 'recordSelfAssessment', { ...input, score: 85.55 });
    expect(twoDecimals.__typename).toBe('ValidationError');
    expect(await s.handle.db.$count(auditLog, like(auditLog.action, 'village-assessment.self-refused'))).toBe(
      3,
    );
    const taken = await mutate(
      'village',
      'recordSelfAssessment',
      { ...input, score: 92 },
      'id version selfScore reviewed assessmentClass',
    );
    expect(taken.data).toMatchObject({ selfScore: 92, reviewed: false, assessmentClass: 'CONSOLIDATE' });
    assessment = taken.data!;
    const again = await mutate('village', 'recordSelfAssessment', { ...input, score: 90 });
    expect(again.fieldErrors?.[0]?.path).toEqual(['year']);
  });

  it('refuses an assessment for a village outside the jurisdiction, and audits the attempt', async () => {
    const own = await s.viewer('township');
    const outside = (await s.handle.db.query.regions.findFirst({
      where: { level: 'VILLAGE', regionPath: { notLike: `${own.regionPath}%` } },
    }))!;
    const refused = await mutate('township', 'recordSelfAssessment', {
      villageId: globalId('Region', outside.id),
      year: YEAR,
      score: 120,
      assessedOn: clock.today(),
    });
    expect(refused).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const audit = await s.handle.db.query.auditLog.findFirst({
      where: { action: 'village-assessment.self-refused' },
      orderBy: { id: 'desc' },
    });
    expect(audit!.after).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('classifies by the county review at the band edges: 79.9 yellow card, 80 rectify, 89.9 rectify, 90 consolidate; five problems under 80 is key management', async () => {
    const cases: [number, number, boolean, string][] = [
      [79.9, 4, false, 'YELLOW_CARD'],
      [79.9, 5, false, 'KEY_MANAGEMENT'],
      [80, 5, false, 'RECTIFY'],
      [89.9, 0, false, 'RECTIFY'],
      [90, 0, false, 'CONSOLIDATE'],
      [100, 0, true, 'RECTIFY'],
      [79.9, 0, true, 'YELLOW_CARD'],
      [0, 9, true, 'KEY_MANAGEMENT'],
    ];
    for (const [total, problemCount, vetoHit, expected] of cases) {
      const reviewed = await mutate(
        'supervisor',
        'recordCountyReview',
        {
          id: assessment.id,
          version: assessment.version,
          reviewedOn: clock.today(),
          problemCount,
          items: sheet(total, vetoHit),
        },
        'id version reviewScore vetoHit assessmentClass classification { reasons { ruleId } } items { score veto vetoHit }',
      );
      expect(reviewed.__typename, `${total}`).toBe('MutationRecordCountyReviewSuccess');
      expect(reviewed.data, `${total} / ${problemCount} / veto ${vetoHit}`).toMatchObject({
        reviewScore: total,
        vetoHit,
        assessmentClass: expected,
      });
      expect(reviewed.data!.items).toHaveLength(3);
      assessment = reviewed.data!;
      const listed = await s.run<{
        villageAssessments: { totalCount: number; edges: { node: { id: string } }[] };
      }>(
        'supervisor',
        `query ($classes: [AssessmentClass!]) { villageAssessments(first: 100, filter: { year: ${YEAR}, classes: $classes }) { totalCount edges { node { id } } } }`,
        { classes: [expected] },
      );
      expect(
        listed.data!.villageAssessments.edges.map((e) => e.node.id),
        `${expected} in SQL`,
      ).toContain(assessment.id);
    }
  });

  it('refuses an item over its weight (ASSESSMENT.ITEM_WEIGHT) and weights not adding up to 100, each refusal audited', async () => {
    const base = {
      id: assessment.id,
      version: assessment.version,
      reviewedOn: clock.today(),
      problemCount: 0,
    };
    const over = await mutate('supervisor', 'recordCountyReview', {
      ...base,
      items: [
        { name: '两不愁三保障', weight: 60, score: 60.1 },
        { name: '帮扶措施落实', weight: 40, score: 30 },
      ],
    });
    expect(over).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'ASSESSMENT.ITEM_WEIGHT' });
    const short = await mutate('supervisor', 'recordCountyReview', {
      ...base,
      items: [{ name: '两不愁三保障', weight: 60, score: 50 }],
    });
    expect(short).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'ASSESSMENT.WEIGHTS_TOTAL' });
    const stale = await mutate('supervisor', 'recordCountyReview', { ...base, version: 1, items: sheet(95) });
    expect(stale.__typename).toBe('ConflictError');
    const refusals = await s.handle.db.query.auditLog.findMany({
      where: { action: 'village-assessment.review-refused' },
    });
    expect(refusals.map((r) => (r.after as { ruleId: string }).ruleId)).toEqual([
      'ASSESSMENT.ITEM_WEIGHT',
      'ASSESSMENT.WEIGHTS_TOTAL',
    ]);
  });

  it('lists the 2019 yellow-card villages for 挂牌督办 with their rectification tasks', async () => {
    const r = await s.run<{
      villageAssessments: {
        totalCount: number;
        edges: {
          node: {
            reviewScore: number;
            assessmentClass: string;
            rectificationFindings: { task: { sourceKind: string } }[];
          };
        }[];
      };
      all: { totalCount: number };
    }>(
      'supervisor',
      `{ villageAssessments(first: 100, filter: { year: 2019, classes: [YELLOW_CARD, KEY_MANAGEMENT] }) {
          totalCount edges { node { reviewScore assessmentClass rectificationFindings { task { sourceKind } } } } }
         all: villageAssessments(first: 1, filter: { year: 2019, reviewed: true }) { totalCount } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.all.totalCount).toBe(304);
    const yellow = r.data!.villageAssessments;
    expect(yellow.totalCount).toBeGreaterThan(0);
    for (const { node } of yellow.edges) {
      expect(node.reviewScore).toBeLessThan(80);
      expect(node.rectificationFindings.length).toBeGreaterThan(0);
      expect(node.rectificationFindings[0]!.task.sourceKind).toBe('INSPECTION_FINDING');
    }
  });
});

describe('performance and exit rewards (绩效考核、出列奖励)', () => {
  it('shows the units whose campaign share of the bonus is under 50 %, and judges exactly 50 % as meeting it', async () => {
    const r = await s.run<{
      performanceAssessments: {
        totalCount: number;
        edges: { node: { meetsBonusShare: boolean; campaignSharePercent: number } }[];
      };
    }>(
      'supervisor',
      '{ performanceAssessments(first: 100, filter: { year: 2019, belowBonusShare: true }) { totalCount edges { node { meetsBonusShare campaignSharePercent } } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.performanceAssessments.totalCount).toBe(2);
    expect(r.data!.performanceAssessments.edges.every((e) => !e.node.meetsBonusShare)).toBe(true);
    const unit = (await s.handle.db.query.units.findFirst({ where: { kind: 'COUNTY_DEPARTMENT' } }))!;
    const half = await mutate(
      'supervisor',
      'recordPerformanceAssessment',
      {
        unitId: globalId('Unit', unit.id),
        year: 2020,
        score: 88.5,
        totalBonusYuan: '200000',
        campaignBonusYuan: '100000',
      },
      'id meetsBonusShare campaignSharePercent bonusShare { reasons { ruleId } }',
    );
    expect(half.data).toMatchObject({ meetsBonusShare: true, campaignSharePercent: 50 });
    const over = await mutate('supervisor', 'recordPerformanceAssessment', {
      unitId: globalId('Unit', unit.id),
      year: 2018,
      score: 88.5,
      totalBonusYuan: '200000',
      campaignBonusYuan: '200001',
    });
    expect(over.fieldErrors?.[0]?.path).toEqual(['campaignBonusYuan']);
    const afterCampaign = await mutate('supervisor', 'recordPerformanceAssessment', {
      unitId: globalId('Unit', unit.id),
      year: YEAR,
      score: 88.5,
      totalBonusYuan: '200000',
      campaignBonusYuan: '100000',
    });
    expect(afterCampaign).toMatchObject({
      __typename: 'RuleViolationError',
      ruleId: 'PARAMETER.performance.minBonusShare',
    });
  });

  it('finds a unit’s assessments by a part of its name, and offers the record form only to roles that may write', async () => {
    const unit = (await s.handle.db.query.units.findFirst({
      where: { kind: 'TOWNSHIP_GOVERNMENT' },
      orderBy: { id: 'asc' },
    }))!;
    const query = `query ($search: String) { performanceAssessments(first: 20, filter: { search: $search }) {
      totalCount viewerCanRecord edges { node { unit { name } } } } }`;
    type Result = {
      performanceAssessments: {
        totalCount: number;
        viewerCanRecord: boolean;
        edges: { node: { unit: { name: string } } }[];
      };
    };
    const found = await s.run<Result>('supervisor', query, { search: unit.name.slice(0, 3) });
    expect(found.errors).toBeUndefined();
    const list = found.data!.performanceAssessments;
    expect(list.totalCount).toBeGreaterThan(0);
    expect(list.edges.every((e) => e.node.unit.name.includes(unit.name.slice(0, 3)))).toBe(true);
    expect(list.viewerCanRecord).toBe(true);
    const none = await s.run<Result>('supervisor', query, { search: '没有这个单位' });
    expect(none.data!.performanceAssessments.totalCount).toBe(0);
    for (const username of ['auditor', 'leader', 'township']) {
      const r = await s.run<Result>(username, query, { search: null });
      expect(r.errors).toBeUndefined();
      expect(r.data!.performanceAssessments.viewerCanRecord).toBe(false);
    }
  });

  it('pays the one-time 10万 to a village that exited on schedule, once; a late exit is not eligible; 脱贫不脱政策 is shown', async () => {
    const r = await s.run<{
      owed: {
        totalCount: number;
        edges: {
          node: { id: string; version: number; rewardEligible: boolean; viewerCanGrantReward: boolean };
        }[];
      };
      exited: {
        edges: {
          node: {
            id: string;
            version: number;
            onSchedule: boolean;
            rewardEligible: boolean;
            policiesKept: boolean;
            supportEndsYear: number;
          };
        }[];
      };
    }>(
      'admin',
      `{ owed: villageExits(first: 10, filter: { rewardOwed: true }) { totalCount edges { node { id version rewardEligible viewerCanGrantReward } } }
         exited: villageExits(first: 100, filter: { exited: true }) { edges { node { id version onSchedule rewardEligible policiesKept supportEndsYear } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.owed.totalCount).toBe(5);
    const owed = r.data!.owed.edges[0]!.node;
    expect(owed).toMatchObject({ rewardEligible: true, viewerCanGrantReward: true });
    const paid = await mutate(
      'admin',
      'grantExitReward',
      { id: owed.id, version: owed.version, paidOn: clock.today() },
      'id version rewardWanYuan rewardEligible',
    );
    expect(paid.data).toMatchObject({ rewardWanYuan: '10', rewardEligible: false });
    const twice = await mutate('admin', 'grantExitReward', {
      id: owed.id,
      version: paid.data!.version,
      paidOn: clock.today(),
    });
    expect(twice).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'EXIT_REWARD.ONCE' });
    const late = r.data!.exited.edges.find((e) => !e.node.onSchedule);
    if (late) {
      const refused = await mutate('admin', 'grantExitReward', {
        id: late.node.id,
        version: late.node.version,
        paidOn: clock.today(),
      });
      expect(refused).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'EXIT_REWARD.ON_SCHEDULE' });
    }
    for (const { node } of r.data!.exited.edges) expect(node.policiesKept).toBe(YEAR <= node.supportEndsYear);
    const supervisor = await s.run(
      'supervisor',
      'mutation ($input: GrantExitRewardInput!) { grantExitReward(input: $input) { __typename } }',
      { input: { id: owed.id, version: 1, paidOn: clock.today() } },
    );
    expect(supervisor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
