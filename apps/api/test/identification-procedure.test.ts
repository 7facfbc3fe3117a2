import { statusApplications } from '@gongjian/db/schema';
import { addDays } from '@gongjian/rules';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/modules/identification/policy';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';
import { householdWithFacts, recordStep, START_APPLICATION, villageOf } from './identification-helpers';

let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});
const realToday = clock.today;
afterEach(() => {
  clock.today = realToday;
});

interface Started {
  startApplication: {
    __typename: string;
    code?: string;
    fieldErrors?: { path: string[]; message: string }[];
    data?: {
      id: string;
      version: number;
      rulesAdvice: string;
      rulesOutcome: string;
      nextStep: string;
      nextStepRoles: string[];
    };
  };
}

async function start(input: Record<string, unknown>, username = 'village') {
  return s.run<Started>(username, START_APPLICATION, {
    input: { year: 2019, reason: '入户核实', date: '2019-09-01', ...input },
  });
}

/** Walks an identification through its six steps with the right people and dates; returns each result. */
async function identify(householdId: string) {
  const started = await start({ householdId, kind: 'IDENTIFY' });
  const app = started.data!.startApplication.data!;
  const plan: [string, string, string][] = [
    ['village', 'VILLAGE_DELIBERATION', '2019-09-02'],
    ['village', 'FIRST_NOTICE', '2019-09-03'],
    ['township', 'TOWNSHIP_REVIEW', '2019-09-08'],
    ['township', 'SECOND_NOTICE', '2019-09-09'],
    ['admin', 'COUNTY_APPROVAL', '2019-09-14'],
    ['admin', 'ANNOUNCEMENT', '2019-09-15'],
  ];
  let version = app.version;
  const results = [];
  for (const [user, step, date] of plan) {
    const r = await recordStep(s, user, { applicationId: app.id, step, version, date });
    results.push(r.data!.recordApplicationStep);
    version = r.data!.recordApplicationStep.data?.version ?? version;
  }
  return { app, results };
}

describe('identification procedure (识别纳入: 两公示一公告)', () => {
  it('a village clerk starts, the township reviews, the county approves: the status changes only at the announcement', async () => {
    const householdId = await householdWithFacts(s, { perCapitaYuan: '2000' });
    const { results } = await identify(householdId);
    expect(results.map((r) => r.__typename)).toEqual(Array(6).fill('MutationRecordApplicationStepSuccess'));
    expect(results.slice(0, 5).map((r) => r.data!.household.status)).toEqual(Array(5).fill('NON_POOR'));
    const last = results[5]!.data!;
    expect(last).toMatchObject({
      state: 'COMPLETED',
      nextStep: null,
      household: { status: 'POOR', identifiedYear: 2019 },
    });
    expect(last.steps.map((st) => [st.step, st.actorRole, st.actedOn])).toEqual([
      ['VILLAGE_DELIBERATION', 'VILLAGE_CLERK', '2019-09-02'],
      ['FIRST_NOTICE', 'VILLAGE_CLERK', '2019-09-03'],
      ['TOWNSHIP_REVIEW', 'TOWNSHIP_CLERK', '2019-09-08'],
      ['SECOND_NOTICE', 'TOWNSHIP_CLERK', '2019-09-09'],
      ['COUNTY_APPROVAL', 'COUNTY_ADMIN', '2019-09-14'],
      ['ANNOUNCEMENT', 'COUNTY_ADMIN', '2019-09-15'],
    ]);
  });

  it('the rules’ advice and explanation are stored with the application', async () => {
    const householdId = await householdWithFacts(s, { perCapitaYuan: '2000' });
    const r = await start({ householdId, kind: 'IDENTIFY' });
    expect(r.data!.startApplication.data).toMatchObject({
      rulesAdvice: 'SUPPORTS',
      rulesOutcome: 'INCLUDE',
      nextStep: 'VILLAGE_DELIBERATION',
      nextStepRoles: ['VILLAGE_CLERK'],
    });
  });

  it('against the rules’ advice an application needs a written reason', async () => {
    const householdId = await householdWithFacts(s, { perCapitaYuan: '9000' });
    const refused = await start({ householdId, kind: 'IDENTIFY' });
    expect(refused.data!.startApplication).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['againstAdviceReason'] }],
    });
    const withReason = await start({
      householdId,
      kind: 'IDENTIFY',
      againstAdviceReason: '家中突发重病, 收入数据未反映',
    });
    expect(withReason.data!.startApplication.data).toMatchObject({
      rulesAdvice: 'OPPOSES',
      rulesOutcome: 'NOT_INCLUDE',
    });
  });

  it('a step out of order is refused with OUT_OF_ORDER and nothing is written', async () => {
    const householdId = await householdWithFacts(s);
    const app = (await start({ householdId, kind: 'IDENTIFY' })).data!.startApplication.data!;
    const r = await recordStep(s, 'village', {
      applicationId: app.id,
      step: 'FIRST_NOTICE',
      version: app.version,
      date: '2019-09-02',
    });
    expect(r.data!.recordApplicationStep).toMatchObject({
      __typename: 'StepRefusedError',
      code: 'RULE_VIOLATION',
      refusals: ['OUT_OF_ORDER'],
    });
    const stored = await s.handle.db.query.statusApplications.findFirst({ where: { id: decode(app.id) } });
    expect(stored).toMatchObject({ stepsDone: 0, version: 1 });
  });

  it('a step by the wrong role is refused with WRONG_ROLE', async () => {
    const householdId = await householdWithFacts(s);
    const app = (await start({ householdId, kind: 'IDENTIFY' })).data!.startApplication.data!;
    const r = await recordStep(s, 'township', {
      applicationId: app.id,
      step: 'VILLAGE_DELIBERATION',
      version: app.version,
      date: '2019-09-02',
    });
    expect(r.data!.recordApplicationStep).toMatchObject({
      __typename: 'StepRefusedError',
      refusals: ['WRONG_ROLE'],
    });
  });

  it('the step after a notice is refused until the notice has run its days', async () => {
    const householdId = await householdWithFacts(s);
    const app = (await start({ householdId, kind: 'IDENTIFY' })).data!.startApplication.data!;
    let v = app.version;
    v = (
      await recordStep(s, 'village', {
        applicationId: app.id,
        step: 'VILLAGE_DELIBERATION',
        version: v,
        date: '2019-09-02',
      })
    ).data!.recordApplicationStep.data!.version;
    const posted = await recordStep(s, 'village', {
      applicationId: app.id,
      step: 'FIRST_NOTICE',
      version: v,
      date: '2019-09-03',
    });
    expect(posted.data!.recordApplicationStep.data!.noticeEndsOn).toBe('2019-09-08');
    v = posted.data!.recordApplicationStep.data!.version;
    const early = await recordStep(s, 'township', {
      applicationId: app.id,
      step: 'TOWNSHIP_REVIEW',
      version: v,
      date: '2019-09-07',
    });
    expect(early.data!.recordApplicationStep).toMatchObject({
      __typename: 'StepRefusedError',
      refusals: ['NOTICE_NOT_ELAPSED'],
    });
    const onTime = await recordStep(s, 'township', {
      applicationId: app.id,
      step: 'TOWNSHIP_REVIEW',
      version: v,
      date: '2019-09-08',
    });
    expect(onTime.data!.recordApplicationStep.__typename).toBe('MutationRecordApplicationStepSuccess');
  });

  it('"today" comes from one clock: a date after today is refused, and the default date is today', async () => {
    clock.today = () => '2019-09-05';
    const householdId = await householdWithFacts(s);
    const future = await start({ householdId, kind: 'IDENTIFY', date: '2019-09-06' });
    expect(future.data!.startApplication).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['date'] }],
    });
    const app = (await start({ householdId, kind: 'IDENTIFY', date: null })).data!.startApplication.data!;
    const step = await recordStep(s, 'village', {
      applicationId: app.id,
      step: 'VILLAGE_DELIBERATION',
      version: app.version,
    });
    expect(step.data!.recordApplicationStep.data!.steps[0]!.actedOn).toBe('2019-09-05');
  });

  it('a stale version is a CONFLICT carrying the current version', async () => {
    const householdId = await householdWithFacts(s);
    const app = (await start({ householdId, kind: 'IDENTIFY' })).data!.startApplication.data!;
    await recordStep(s, 'village', {
      applicationId: app.id,
      step: 'VILLAGE_DELIBERATION',
      version: app.version,
      date: '2019-09-02',
    });
    const stale = await recordStep(s, 'village', {
      applicationId: app.id,
      step: 'FIRST_NOTICE',
      version: app.version,
      date: '2019-09-03',
    });
    expect(stale.data!.recordApplicationStep).toMatchObject({
      __typename: 'ConflictError',
      code: 'CONFLICT',
      currentVersion: 2,
    });
  });

  it('an application outside the jurisdiction is forbidden, for starting and for steps', async () => {
    const village = await villageOf(s, 'village');
    const foreign = (await s.handle.db.query.statusApplications.findFirst({
      where: {
        state: 'IN_PROGRESS',
        nextStep: 'TOWNSHIP_REVIEW',
        NOT: { regionPath: { like: `${(await villageOf(s, 'township')).regionPath}%` } },
      },
    }))!;
    const r = await recordStep(s, 'township', {
      applicationId: globalId('StatusApplication', foreign.id),
      step: 'TOWNSHIP_REVIEW',
      version: foreign.version,
      date: '2019-09-30',
    });
    expect(r.data!.recordApplicationStep).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const household = (await s.handle.db.query.households.findFirst({
      where: { NOT: { villageId: village.id } },
    }))!;
    const started = await start({ householdId: globalId('Household', household.id), kind: 'EXIT' });
    expect(started.data!.startApplication).toMatchObject({ __typename: 'ForbiddenError' });
  });

  it('only a village clerk starts applications: another role gets the typed FORBIDDEN result', async () => {
    const householdId = await householdWithFacts(s);
    const r = await start({ householdId, kind: 'IDENTIFY' }, 'township');
    expect(r.errors).toBeUndefined();
    expect(r.data!.startApplication).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
  });

  it('a household has at most one open application, and a kind its status does not allow is refused', async () => {
    const householdId = await householdWithFacts(s);
    await start({ householdId, kind: 'IDENTIFY' });
    const second = await start({ householdId, kind: 'IDENTIFY' });
    expect(second.data!.startApplication).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    const other = await householdWithFacts(s);
    const exit = await start({
      householdId: other,
      kind: 'EXIT',
      againstAdviceReason: '测试不允许的状态变化',
    });
    expect(exit.data!.startApplication).toMatchObject({
      __typename: 'RuleViolationError',
      code: 'RULE_VIOLATION',
    });
  });

  it('a rejection ends the application and leaves the household’s status as it was', async () => {
    const householdId = await householdWithFacts(s);
    const app = (await start({ householdId, kind: 'IDENTIFY' })).data!.startApplication.data!;
    const r = await recordStep(s, 'village', {
      applicationId: app.id,
      step: 'VILLAGE_DELIBERATION',
      version: app.version,
      date: '2019-09-02',
      decision: 'REJECTED',
      notes: '民主评议未通过',
    });
    expect(r.data!.recordApplicationStep.data).toMatchObject({
      state: 'REJECTED',
      nextStep: null,
      household: { status: 'NON_POOR' },
    });
    const after = await recordStep(s, 'village', {
      applicationId: app.id,
      step: 'FIRST_NOTICE',
      version: 2,
      date: '2019-09-03',
    });
    expect(after.data!.recordApplicationStep).toMatchObject({ code: 'RULE_VIOLATION' });
  });
});

describe('exit procedure (脱贫退出: one notice of seven days)', () => {
  it('a seeded exit mid-procedure completes: the household is EXITED with the exit year', async () => {
    const village = await villageOf(s, 'village');
    const app = (await s.handle.db.query.statusApplications.findFirst({
      where: { kind: 'EXIT', state: 'IN_PROGRESS', regionPath: village.regionPath, stepsDone: 1 },
      with: { steps: true },
    }))!;
    const id = globalId('StatusApplication', app.id);
    // The demo's procedures under way are dated against the loading day; continue from its last step.
    const day = (n: number) => addDays(app.steps.at(-1)!.actedOn, n);
    clock.today = () => day(10);
    const notice = await recordStep(s, 'village', {
      applicationId: id,
      step: 'FIRST_NOTICE',
      version: app.version,
      date: day(1),
    });
    expect(notice.data!.recordApplicationStep.data!.noticeEndsOn).toBe(day(8));
    let v = notice.data!.recordApplicationStep.data!.version;
    v = (
      await recordStep(s, 'township', {
        applicationId: id,
        step: 'TOWNSHIP_REVIEW',
        version: v,
        date: day(8),
      })
    ).data!.recordApplicationStep.data!.version;
    v = (
      await recordStep(s, 'admin', {
        applicationId: id,
        step: 'COUNTY_APPROVAL',
        version: v,
        date: day(9),
      })
    ).data!.recordApplicationStep.data!.version;
    const done = await recordStep(s, 'admin', {
      applicationId: id,
      step: 'ANNOUNCEMENT',
      version: v,
      date: day(10),
    });
    expect(done.data!.recordApplicationStep.data).toMatchObject({
      state: 'COMPLETED',
      household: { status: 'EXITED', exitedYear: 2019 },
    });
    expect(
      await s.handle.db.$count(statusApplications, eq(statusApplications.householdId, app.householdId)),
    ).toBe(1);
  });

  it('the applications awaiting a role are listed for that role', async () => {
    const r = await s.run<{
      statusApplications: { totalCount: number; edges: { node: { nextStep: string } }[] };
    }>(
      'township',
      `{ statusApplications(awaitingMyAction: true, first: 50) { totalCount edges { node { nextStep } } } }`,
    );
    expect(r.data!.statusApplications.totalCount).toBeGreaterThan(0);
    expect(
      r.data!.statusApplications.edges.every((e) =>
        ['TOWNSHIP_REVIEW', 'SECOND_NOTICE'].includes(e.node.nextStep),
      ),
    ).toBe(true);
  });
});

function decode(id: string) {
  return Number(Buffer.from(id, 'base64').toString().split(':')[1]);
}

const REASON_FIELDS = 'ruleId passed messageZh messageEn sourceDocument evidenceGrade paramsJson factsJson';

const APPLICATION_ADVICE = /* GraphQL */ `
  query ($id: ID!, $kind: ApplicationKind!, $year: Int!, $date: Date) {
    household(id: $id) {
      applicationAdvice(kind: $kind, year: $year, date: $date) {
        kind year date rulesAdvice perCapitaNetIncomeYuan
        decision { outcome reasons { ${REASON_FIELDS} } }
      }
    }
  }`;

const START_AND_STORE = /* GraphQL */ `
  mutation ($input: StartApplicationInput!) {
    startApplication(input: $input) {
      __typename
      ... on MutationStartApplicationSuccess {
        data { rulesAdvice rulesOutcome rulesExplanation { ${REASON_FIELDS} } }
      }
      ... on Error { code message }
    }
  }`;

interface ReasonJson {
  ruleId: string;
  paramsJson: string;
  factsJson: string;
}
interface Advised {
  household: {
    applicationAdvice: {
      kind: string;
      year: number;
      date: string;
      rulesAdvice: string;
      perCapitaNetIncomeYuan: string;
      decision: { outcome: string; reasons: ReasonJson[] };
    } | null;
  } | null;
}

/** Stored reasons come back from jsonb, whose key order differs: compare the JSON as values. */
const asValues = (reasons: ReasonJson[]) =>
  reasons.map(({ paramsJson, factsJson, ...rest }) => ({
    ...rest,
    params: JSON.parse(paramsJson),
    facts: JSON.parse(factsJson),
  }));

describe('the rules’ advice before an application starts (Household.applicationAdvice)', () => {
  it.each([
    { perCapitaYuan: '2000', advice: 'SUPPORTS', outcome: 'INCLUDE', againstAdviceReason: undefined },
    {
      perCapitaYuan: '9000',
      advice: 'OPPOSES',
      outcome: 'NOT_INCLUDE',
      againstAdviceReason: '收入数据未反映',
    },
  ])(
    'is what startApplication then stores for the same household, kind, year and date ($advice)',
    async ({ perCapitaYuan, advice, outcome, againstAdviceReason }) => {
      const householdId = await householdWithFacts(s, { perCapitaYuan });
      const request = { kind: 'IDENTIFY', year: 2019, date: '2019-09-01' };
      const advised = await s.run<Advised>('village', APPLICATION_ADVICE, { id: householdId, ...request });
      expect(advised.errors).toBeUndefined();
      const shown = advised.data!.household!.applicationAdvice!;
      expect(shown).toMatchObject({
        ...request,
        rulesAdvice: advice,
        perCapitaNetIncomeYuan: `${perCapitaYuan}.00`,
      });
      expect(shown.decision.outcome).toBe(outcome);

      const started = await s.run<{
        startApplication: {
          __typename: string;
          data: { rulesAdvice: string; rulesOutcome: string; rulesExplanation: ReasonJson[] };
        };
      }>('village', START_AND_STORE, {
        input: { householdId, ...request, reason: '入户核实', againstAdviceReason },
      });
      expect(started.data!.startApplication.__typename).toBe('MutationStartApplicationSuccess');
      const stored = started.data!.startApplication.data;
      expect(stored.rulesAdvice).toBe(shown.rulesAdvice);
      expect(stored.rulesOutcome).toBe(shown.decision.outcome);
      expect(asValues(stored.rulesExplanation)).toEqual(asValues(shown.decision.reasons));
    },
  );

  it('costs two statements: the household and its facts for the year', async () => {
    const householdId = await householdWithFacts(s);
    const r = await s.run<Advised>('village', APPLICATION_ADVICE, {
      id: householdId,
      kind: 'EXIT',
      year: 2019,
      date: '2019-09-01',
    });
    expect(r.data!.household!.applicationAdvice!.decision.outcome).toBeTruthy();
    expect(s.statements).toHaveLength(2);
  });

  it('is null for a year without facts and for roles that may not see incomes; a date after today is refused', async () => {
    const householdId = await householdWithFacts(s);
    const withoutFacts = await s.run<Advised>('village', APPLICATION_ADVICE, {
      id: householdId,
      kind: 'IDENTIFY',
      year: 2020,
    });
    expect(withoutFacts.errors).toBeUndefined();
    expect(withoutFacts.data!.household!.applicationAdvice).toBeNull();
    const auditor = await s.run<Advised>('auditor', APPLICATION_ADVICE, {
      id: householdId,
      kind: 'IDENTIFY',
      year: 2019,
    });
    expect(auditor.data!.household!.applicationAdvice).toBeNull();
    clock.today = () => '2019-09-01';
    const future = await s.run<Advised>('village', APPLICATION_ADVICE, {
      id: householdId,
      kind: 'IDENTIFY',
      year: 2019,
      date: '2019-09-02',
    });
    expect(future.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });
});
