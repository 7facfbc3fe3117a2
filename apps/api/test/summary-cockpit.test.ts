import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/clock';
import { COCKPIT } from './cockpit-document';
import { supervisionCount } from './cockpit-supervision-count';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

type Row = Record<string, unknown>;
const rows = async (query: string) => {
  const result = (await s.handle.db.execute(sql.raw(query))) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
};
const shanghaiDay = (instant: unknown) =>
  new Date(new Date(String(instant)).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const inside = (path: unknown, prefix: string) => String(path).startsWith(prefix);

/** The figures counted again here from the raw rows, in TypeScript, without the API's SQL. */
async function independent(prefix: string, asOf: string) {
  const year = Number(asOf.slice(0, 4));
  const [
    hh,
    members,
    apps,
    pairings,
    visits,
    teams,
    teamMembers,
    tasks,
    regions,
    units,
    cadres,
    meetings,
    changes,
  ] = await Promise.all([
    rows('select id, region_path, status, identified_year, exited_year from households'),
    rows('select household_id from household_members'),
    rows(
      `select household_id, from_status, completed_on::text as completed_on, id from status_applications where state = 'COMPLETED'`,
    ),
    rows('select household_id, helper_id, region_path, start_date::text s, end_date::text e from pairings'),
    rows('select household_id, occurred_at::text at from visits'),
    rows('select id, village_id, region_path, start_date::text s, end_date::text e from work_teams'),
    rows('select work_team_id, start_date::text s, end_date::text e from work_team_members'),
    rows(
      'select id, parent_id, region_path, status, deadline::text deadline, completed_at::text completed_at from tasks',
    ),
    rows('select id, region_path, level, village_kind from regions'),
    rows('select region_path from units'),
    rows('select region_path from cadres'),
    rows('select region_path, held_on::text held_on from meetings'),
    rows('select task_id, status, changed_at::text changed_at, id from task_status_changes'),
  ]);
  const statusOnDay = new Map<number, { at: string; id: number; status: string }>();
  for (const c of changes) {
    const at = new Date(String(c.changed_at)).toISOString();
    if (shanghaiDay(c.changed_at) > asOf) continue;
    const last = statusOnDay.get(Number(c.task_id));
    if (!last || last.at < at || (last.at === at && last.id < Number(c.id)))
      statusOnDay.set(Number(c.task_id), { at, id: Number(c.id), status: String(c.status) });
  }
  const started = (t: Row) => (statusOnDay.get(Number(t.id))?.status ?? 'NOT_STARTED') !== 'NOT_STARTED';
  const people = new Map<number, number>();
  for (const m of members) people.set(Number(m.household_id), (people.get(Number(m.household_id)) ?? 0) + 1);
  const statusOn = (h: Row) => {
    const later = apps
      .filter((a) => a.household_id === h.id && String(a.completed_on) > asOf)
      .sort(
        (a, b) => String(a.completed_on).localeCompare(String(b.completed_on)) || Number(a.id) - Number(b.id),
      )[0];
    if (later) return String(later.from_status);
    if (h.identified_year !== null && Number(h.identified_year) > year) return 'NON_POOR';
    const exitedLater =
      h.exited_year !== null &&
      (Number(h.exited_year) > year || (Number(h.exited_year) === year && asOf < `${year}-12-31`));
    if (['EXITED', 'EXITED_NO_POLICY', 'RETURNED'].includes(String(h.status)) && exitedLater) return 'POOR';
    return String(h.status);
  };
  const scoped = hh
    .filter((h) => inside(h.region_path, prefix))
    .map((h): Row & { on: string } => ({ ...h, on: statusOn(h) }));
  const poor = scoped.filter((h) => h.on === 'POOR' || h.on === 'RETURNED');
  const active = (r: Row) => String(r.s) <= asOf && (r.e === null || String(r.e) >= asOf);
  const activePairings = pairings.filter((p) => inside(p.region_path, prefix) && active(p));
  const paired = new Set(activePairings.map((p) => Number(p.household_id)));
  const monthStart = `${asOf.slice(0, 7)}-01`;
  const visited = new Set(
    visits
      .filter((v) => shanghaiDay(v.at) >= monthStart && shanghaiDay(v.at) <= asOf)
      .map((v) => Number(v.household_id)),
  );
  const activeTeams = teams.filter((t) => inside(t.region_path, prefix) && active(t));
  const strength = activeTeams.map(
    (t) => teamMembers.filter((m) => m.work_team_id === t.id && active(m)).length,
  );
  const parents = new Set(
    tasks
      .map((t) => t.parent_id)
      .filter((id) => id !== null)
      .map(Number),
  );
  const leaves = tasks.filter((t) => inside(t.region_path, prefix) && !parents.has(Number(t.id)));
  const doneOn = (t: Row) => t.completed_at !== null && shanghaiDay(t.completed_at) <= asOf;
  const open = leaves.filter((t) => !doneOn(t));
  const within = (list: Row[]) => list.filter((r) => inside(r.region_path, prefix));
  return {
    poorHouseholds: poor.length,
    poorPeople: poor.reduce((n, h) => n + (people.get(Number(h.id)) ?? 0), 0),
    registeredHouseholds: scoped.filter((h) => h.on !== 'NON_POOR').length,
    exitedHouseholds: scoped.filter((h) => h.on === 'EXITED').length,
    allHouseholds: scoped.length,
    helpers: new Set(activePairings.map((p) => Number(p.helper_id))).size,
    pairings: activePairings.length,
    poorWithoutHelper: poor.filter((h) => !paired.has(Number(h.id))).length,
    visitedThisMonth: [...paired].filter((id) => visited.has(id)).length,
    teams: activeTeams.length,
    teamMembers: strength.reduce((a, b) => a + b, 0),
    teamsBelowStrength: strength.filter((n) => n < 3).length,
    tasks: {
      total: leaves.length,
      done: leaves.filter(doneOn).length,
      overdue: open.filter((t) => String(t.deadline) < asOf).length,
      inProgress: open.filter((t) => String(t.deadline) >= asOf && started(t)).length,
      notStarted: open.filter((t) => String(t.deadline) >= asOf && !started(t)).length,
    },
    villages: within(regions).filter((r) => r.level === 'VILLAGE').length,
    poorVillages: within(regions).filter((r) => r.village_kind === 'POOR_VILLAGE').length,
    units: within(units).length,
    cadres: within(cadres).length,
    meetings: within(meetings).filter((m) => String(m.held_on) <= asOf).length,
  };
}

interface CockpitData {
  cockpit: {
    region: { id: string; name: string };
    households: Record<string, number> & { byStatus: { status: string; households: number }[] };
    assistance: Record<string, number>;
    tasks: { counts: Record<string, number> };
    organisation: Record<string, number> & { meetings: { type: string; count: number }[] };
    funds: { readings: { outcome: string; grossDifferenceWanYuan: string }[]; grossWanYuan: string };
    trends: { year: number; poorHouseholds: number }[];
    supervision: Record<string, unknown> & { rewardsWanYuan: string };
    warnings: {
      light: string;
      ruleId: string;
      count: number;
      reason: { messageZh: string };
      link: { target: string; households: string | null };
    }[];
  };
}

const supervisionRows = async () => {
  const [reports, cases, assessments, exits, performance] = await Promise.all([
    rows(`select region_path, category, received_on::text received_on, received_at::text received_at,
      assigned_at::text assigned_at, handled_at::text handled_at, replied_at::text replied_at,
      closed_at::text closed_at, merged_at::text merged_at from reports`),
    rows('select region_path, year, kind, decided_on::text decided_on from accountability_cases'),
    rows(`select region_path, village_id, year, self_score_tenths, self_assessed_on::text self_assessed_on,
      review_score_tenths, reviewed_on::text reviewed_on, veto_hit, problem_count from village_assessments`),
    rows('select region_path, exit_year, reward_fen, reward_paid_on::text reward_paid_on from village_exits'),
    rows(
      'select region_path, unit_id, year, total_bonus_fen, campaign_bonus_fen from performance_assessments',
    ),
  ]);
  return { reports, cases, assessments, exits, performance };
};

async function township() {
  const [row] = await rows(
    `select id, region_path, name from regions where level = 'TOWNSHIP' order by sort_order, id limit 1`,
  );
  return { id: globalId('Region', Number(row!.id)), path: String(row!.region_path) };
}

describe('the cockpit counts what the rows say', async () => {
  const cases: [string, string | null][] = [
    ['the county today', null],
    ['the county on 2019-09-11', '2019-09-11'],
    ['a township today', null],
    ['a township on 2019-09-11', '2019-09-11'],
  ];
  it.each(cases)('%s: every figure equals a count made from the raw rows', async (name, asOf) => {
    const t = name.startsWith('a township') ? await township() : null;
    const [county] = await rows(`select region_path from regions where level = 'COUNTY'`);
    const prefix = t?.path ?? String(county!.region_path);
    const r = await s.run<CockpitData>('leader', COCKPIT, { regionId: t?.id ?? null, asOf });
    expect(r.errors).toBeUndefined();
    const c = r.data!.cockpit;
    const day = asOf ?? clock.today();
    const x = await independent(prefix, day);
    expect({
      poorHouseholds: c.households.poorHouseholds,
      poorPeople: c.households.poorPeople,
      registeredHouseholds: c.households.registeredHouseholds,
      exitedHouseholds: c.households.byStatus.find((b) => b.status === 'EXITED')!.households,
      allHouseholds: c.households.allHouseholds,
      helpers: c.assistance.helpers,
      pairings: c.assistance.pairings,
      poorWithoutHelper: c.assistance.poorWithoutHelper,
      visitedThisMonth: c.assistance.visitedThisMonth,
      teams: c.assistance.teams,
      teamMembers: c.assistance.teamMembers,
      teamsBelowStrength: c.assistance.teamsBelowStrength,
      tasks: c.tasks.counts,
      villages: c.organisation.villages,
      poorVillages: c.organisation.poorVillages,
      units: c.organisation.units,
      cadres: c.organisation.cadres,
      meetings: c.organisation.meetings.reduce((n, m) => n + m.count, 0),
    }).toEqual(x);
    const y = await supervisionRows();
    const [code] = await rows(`select code from regions where level = 'COUNTY'`);
    const { rewardsFen, ...sup } = supervisionCount(y, (p) => inside(p, prefix), day, String(code!.code));
    const {
      rewardsWanYuan,
      bonusTotalWanYuan,
      bonusCampaignWanYuan,
      bonusSharePercent,
      flaggedVillages,
      ...got
    } = c.supervision;
    expect(got).toEqual(sup);
    expect(Number(rewardsWanYuan) * 1_000_000).toBeCloseTo(rewardsFen, 0);
    expect(flaggedVillages).toBe(sup.yellowCard + sup.keyManagement);
    const thisYear = c.trends.at(-1)!;
    expect(thisYear.poorHouseholds).toBe(x.poorHouseholds);
    expect(c.trends[0]!.year).toBe(2014);
  });

  it('on 2019-09-11 the county shows the article’s records and the warnings they imply', async () => {
    const r = await s.run<CockpitData>('leader', COCKPIT, { asOf: '2019-09-11' });
    const c = r.data!.cockpit;
    expect(c.organisation.villages).toBe(304);
    expect(c.organisation.poorVillages).toBe(112);
    expect(c.assistance.teamMembers).toBe(347 + 358);
    expect(Object.fromEntries(c.organisation.meetings.map((m) => [m.type, m.count]))).toMatchObject({
      COUNTY_STANDING_COMMITTEE: 87,
      GOVERNMENT_EXECUTIVE: 38,
      LEADING_GROUP: 29,
      COUNTY_CONFERENCE: 33,
    });
    expect(c.funds.readings[0]).toMatchObject({ outcome: 'UNEXPLAINED', grossDifferenceWanYuan: '518.712' });
    const rules = c.warnings.map((w) => w.ruleId);
    expect(rules).toContain('FUNDS.RECONCILIATION');
    expect(
      c.warnings.some((w) => w.ruleId.startsWith('FUNDS.') && w.reason.messageZh.includes('518.712')),
    ).toBe(true);
    expect(c.warnings.find((w) => w.ruleId === 'SUMMARY.TEAMS_BELOW_STRENGTH')).toMatchObject({
      light: 'RED',
      count: 192,
    });
    expect(c.warnings[0]!.light).toBe('RED');
  });

  it('is a small fixed number of statements, whatever the day', async () => {
    for (const asOf of [null, '2019-09-11', '2016-12-31']) {
      const r = await s.run('leader', COCKPIT, { asOf });
      expect(r.errors).toBeUndefined();
      expect(s.statements).toHaveLength(11);
    }
  });
});

describe('tasks on a past day read their status changes', () => {
  it('a task started after day D and done after D+10 is not started on D, in progress on D+5 and done on D+11', async () => {
    const [leaf] =
      await rows(`select t.id, t.version, r.id as village_id from tasks t join regions r on r.id = t.region_id
      where t.status = 'NOT_STARTED' and r.level = 'VILLAGE'
        and not exists (select 1 from tasks c where c.parent_id = t.id) order by t.id limit 1`);
    const id = Number(leaf!.id);
    await rows(`update tasks set deadline = '2999-12-31' where id = ${id}`);
    const today = clock.today();
    const day = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const D = day(-20);
    const village = globalId('Region', Number(leaf!.village_id));
    const counts = async (asOf: string) => {
      const r = await s.run<{ cockpit: { tasks: { counts: Record<string, number> } } }>(
        'leader',
        'query ($r: ID, $d: Date) { cockpit(regionId: $r, asOf: $d) { tasks { counts { done inProgress notStarted } } } }',
        { r: village, d: asOf },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.cockpit.tasks.counts;
    };
    const before = { D: await counts(D), D5: await counts(day(-15)), D11: await counts(day(-9)) };
    const write = async (name: string, input: Record<string, unknown>) => {
      const r = await s.run<Record<string, { data?: { version: number } }>>(
        'admin',
        `mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename ... on Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success { data { version } } } }`,
        { input },
      );
      expect(r.errors).toBeUndefined();
      return r.data![name]!.data!.version;
    };
    const version = await write('reportTaskProgress', {
      id: globalId('Task', id),
      version: Number(leaf!.version),
      progress: 30,
    });
    await write('completeTask', { id: globalId('Task', id), version });
    const history = await rows(
      `select status from task_status_changes where task_id = ${id} order by changed_at, id`,
    );
    expect(history.map((h) => h.status)).toEqual(['IN_PROGRESS', 'DONE']);
    // The writes happened now; their days move back to D+1 and D+11 (10:00 in the county).
    await rows(
      `update task_status_changes set changed_at = '${day(-19)}T10:00:00+08:00' where task_id = ${id} and status = 'IN_PROGRESS'`,
    );
    await rows(
      `update task_status_changes set changed_at = '${day(-9)}T10:00:00+08:00' where task_id = ${id} and status = 'DONE'`,
    );
    await rows(`update tasks set completed_at = '${day(-9)}T10:00:00+08:00' where id = ${id}`);
    expect(await counts(D)).toEqual(before.D);
    expect(await counts(day(-15))).toEqual({
      ...before.D5,
      inProgress: before.D5.inProgress! + 1,
      notStarted: before.D5.notStarted! - 1,
    });
    expect(await counts(day(-9))).toEqual({
      ...before.D11,
      done: before.D11.done! + 1,
      notStarted: before.D11.notStarted! - 1,
    });
  });
});

describe('drilling down from a figure', () => {
  it('the poor households of a township on 2019-09-11 page through exactly the counted rows, masked', async () => {
    const t = await township();
    const figure = await s.run<CockpitData>('leader', COCKPIT, { regionId: t.id, asOf: '2019-09-11' });
    const expected = figure.data!.cockpit.households.poorHouseholds!;
    const page = await s.run<{
      cockpitHouseholds: {
        totalCount: number;
        edges: { node: { headName: string; village: { name: string } } }[];
      };
    }>(
      'leader',
      `query ($r: ID) { cockpitHouseholds(filter: POOR, regionId: $r, asOf: "2019-09-11", first: 10) {
        totalCount edges { node { householdNumber headName status village { name } } } } }`,
      { r: t.id },
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.cockpitHouseholds.totalCount).toBe(expected);
    expect(page.data!.cockpitHouseholds.edges.length).toBe(Math.min(10, expected));
    for (const edge of page.data!.cockpitHouseholds.edges) expect(edge.node.headName).toMatch(/^.\*+$/);
  });

  it('the overdue tasks of the most overdue unit are listed by the tasks list with that unit', async () => {
    const r = await s.run<{ cockpit: { tasks: { byUnit: { id: string; overdue: number }[] } } }>(
      'leader',
      '{ cockpit { tasks { byUnit(first: 1) { id overdue } } } }',
    );
    const unit = r.data!.cockpit.tasks.byUnit[0]!;
    const list = await s.run<{ tasks: { totalCount: number } }>(
      'leader',
      'query ($u: ID) { tasks(status: OVERDUE, leavesOnly: true, responsibleUnitId: $u, first: 5) { totalCount } }',
      { u: unit.id },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.tasks.totalCount).toBe(unit.overdue);
  });

  it('the overdue and open reports of a township on 2019-09-11 and today page through the counted rows, without the reporter', async () => {
    const t = await township();
    for (const asOf of ['2019-09-11', null]) {
      const figure = await s.run<CockpitData>('leader', COCKPIT, { regionId: t.id, asOf });
      const { reportsOverdue, reportsOpen } = figure.data!.cockpit.supervision;
      const warning = figure.data!.cockpit.warnings.find((w) => w.ruleId === 'SUMMARY.REPORTS_OVERDUE');
      if (Number(reportsOverdue) > 0)
        expect(warning).toMatchObject({ count: reportsOverdue, link: { reports: 'OVERDUE' } });
      for (const [filter, expected] of [
        ['OVERDUE', reportsOverdue],
        ['OPEN', reportsOpen],
      ] as const) {
        const page = await s.run<{ cockpitReports: { totalCount: number; edges: unknown[] } }>(
          'leader',
          `query ($r: ID, $d: Date) { cockpitReports(filter: ${filter}, regionId: $r, asOf: $d, first: 5) {
            totalCount edges { node { category channel receivedOn state region { name } assignedUnit { name } } } } }`,
          { r: t.id, d: asOf },
        );
        expect(page.errors).toBeUndefined();
        expect(page.data!.cockpitReports.totalCount).toBe(expected);
        expect(page.data!.cockpitReports.edges.length).toBe(Math.min(5, Number(expected)));
      }
    }
    const reporter = await s.run(
      'leader',
      '{ cockpitReports(filter: OPEN, first: 1) { edges { node { reporter { name } } } } }',
    );
    expect(reporter.errors?.[0]?.message).toMatch(/reporter/);
  });

  it('a township clerk, a helper and the anonymous cannot open the cockpit; a region outside the jurisdiction is NOT_FOUND', async () => {
    for (const username of ['township', 'helper', null]) {
      const r = await s.run(username, '{ cockpit { year } }');
      expect(r.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    const future = await s.run('leader', '{ cockpit(asOf: "2999-01-01") { year } }');
    expect(future.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });
});
