import { projects } from '@gongjian/db/schema';
import { addDays } from '@gongjian/rules';
import { expect } from 'vitest';
import { clock } from '../src/clock';
import { globalId, type Scenario } from './harness';

/** Shared setup of the funds tests: the mutations' documents, a village and unit, projects at each stage. */

export interface Outcome {
  __typename: string;
  code?: string;
  message?: string;
  ruleId?: string;
  argument?: string | null;
  currentVersion?: number | null;
  fieldErrors?: { path: string[]; message: string }[];
  data?: Record<string, unknown> & { id: string };
}

export interface ProjectRef {
  id: string;
  version: number;
  state?: string;
}

const INPUTS: Record<string, string> = { allocateFunds: 'AllocateFundsInput' };

/** Who takes each lifecycle step in the tests: the role the rules give it (PROJECT.STEP_ROLE). */
export const STEP_USER: Record<string, string> = {
  TOWNSHIP_REVIEW: 'township',
  COUNTY_APPRAISAL: 'admin',
  APPROVED: 'admin',
  IN_LIBRARY: 'admin',
  IMPLEMENTATION: 'village',
  COMPLETION_ACCEPTANCE: 'township',
  ASSET_HANDOVER: 'admin',
  REMOVED: 'admin',
};

/** Who applies for projects in the tests: the village clerk (PROJECT.STEP_ROLE). */
export const APPLICANT = 'village';

export const today = () => clock.today();

export function fundsKit(scenario: () => Scenario) {
  /** Runs one funds mutation as `username` and returns its union result. */
  async function mutate(username: string, name: string, input: Record<string, unknown>, select = 'id') {
    const type = INPUTS[name] ?? `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
    const r = await scenario().run<Record<string, Outcome>>(
      username,
      `mutation ($input: ${type}!) { ${name}(input: $input) { __typename
        ... on ${success} { data { ${select} } }
        ... on Error { code message }
        ... on ValidationError { fieldErrors { path message } }
        ... on NotFoundError { argument }
        ... on RuleViolationError { ruleId }
        ... on ConflictError { currentVersion } } }`,
      { input },
    );
    expect(r.errors).toBeUndefined();
    return r.data![name]!;
  }

  /** 沱江镇, the village clerk's village in it, a village of another township, and the township's government. */
  async function countyRows() {
    const db = scenario().handle.db;
    const township = (await db.query.regions.findFirst({ where: { level: 'TOWNSHIP', name: '沱江镇' } }))!;
    const clerk = (await db.query.users.findFirst({ where: { username: 'village' } }))!;
    const inside = (await db.query.regions.findFirst({ where: { id: clerk.jurisdictionId } }))!;
    const villages = await db.query.regions.findMany({ where: { level: 'VILLAGE' }, orderBy: { id: 'asc' } });
    const outside = villages.find((v) => !v.regionPath.startsWith(township.regionPath))!;
    const unit = (await db.query.units.findFirst({
      where: { kind: 'TOWNSHIP_GOVERNMENT', regionId: township.id },
    }))!;
    return { township, inside, outside, unit };
  }

  const projectInput = (villageId: number, unitId: number, overrides: Record<string, unknown> = {}) => ({
    name: '测试村道路硬化项目',
    category: '基础设施',
    year: 2026,
    villageId: globalId('Region', villageId),
    responsibleUnitId: globalId('Unit', unitId),
    amountWanYuan: '120.5',
    beneficiaryHouseholds: 80,
    beneficiaryPeople: 300,
    beneficiaryPoorPeople: 90,
    performanceTarget: '硬化村道 2 公里, 当年通车',
    povertyLink: '优先吸纳贫困户务工',
    ...overrides,
  });

  async function newProject(username = APPLICANT) {
    const rows = await countyRows();
    const created = await mutate(
      username,
      'createProject',
      projectInput(rows.inside.id, rows.unit.id),
      'id version state',
    );
    expect(created.__typename, JSON.stringify(created)).toBe('MutationCreateProjectSuccess');
    return created.data as unknown as ProjectRef;
  }

  /** A project of a village outside 沱江镇, written straight to the database (no demo clerk applies there). */
  async function foreignProject(): Promise<ProjectRef> {
    const rows = await countyRows();
    const [row] = await scenario()
      .handle.db.insert(projects)
      .values({
        countyId: rows.outside.countyId!,
        regionPath: rows.outside.regionPath,
        regionId: rows.outside.id,
        responsibleUnitId: rows.unit.id,
        name: '外乡项目',
        category: '基础设施',
        year: 2026,
        budgetFen: 100_000,
        performanceTarget: '建成',
        povertyLink: '务工',
      })
      .returning();
    return { id: globalId('Project', row!.id), version: row!.version, state: row!.state };
  }

  async function advance(username: string, project: ProjectRef, to: string, notes?: string) {
    const r = await mutate(
      username,
      'advanceProject',
      { id: project.id, version: project.version, to, notes },
      'id version state',
    );
    if (r.data) Object.assign(project, r.data);
    return r;
  }

  /** Takes the project through `states`, each step by the user of its role. */
  async function walk(project: ProjectRef, states: readonly string[]) {
    for (const to of states) {
      const r = await advance(STEP_USER[to]!, project, to);
      expect(r.__typename, JSON.stringify(r)).toBe('MutationAdvanceProjectSuccess');
    }
    return project;
  }

  async function newSource(amount: Record<string, string>, year = 2026, name = '测试资金') {
    const r = await mutate(
      'admin',
      'createFundSource',
      { category: 'OTHER', name, fromYear: year, toYear: year, ...amount },
      'id amountYuan remainingYuan',
    );
    expect(r.__typename).toBe('MutationCreateFundSourceSuccess');
    return r.data as { id: string; amountYuan: string };
  }

  /** A project notice posted from `from` days ago to `to` days ago (negative: in the future). */
  const projectNotice = (project: ProjectRef, from: number, to: number) =>
    mutate('admin', 'publishNotice', {
      subject: 'PROJECT',
      projectId: project.id,
      title: '入库公告',
      postingPlace: '村务公开栏',
      postedOn: addDays(today(), -from),
      lastDayPosted: addDays(today(), -to),
    });

  /** A project taken through the lifecycle to IMPLEMENTATION, with a notice that has run. */
  async function projectInImplementation() {
    const project = await walk(await newProject(), [
      'TOWNSHIP_REVIEW',
      'COUNTY_APPRAISAL',
      'APPROVED',
      'IN_LIBRARY',
    ]);
    expect((await projectNotice(project, 20, 11)).__typename).toBe('MutationPublishNoticeSuccess');
    return walk(project, ['IMPLEMENTATION']);
  }

  return {
    mutate,
    countyRows,
    projectInput,
    newProject,
    foreignProject,
    advance,
    walk,
    newSource,
    projectNotice,
    projectInImplementation,
  };
}

/** The 整改 unit and person of 沱江镇's work station, for audit findings. */
export async function stationRectifier(s: Scenario) {
  const township = (await s.handle.db.query.regions.findFirst({
    where: { level: 'TOWNSHIP', name: '沱江镇' },
  }))!;
  const station = (await s.handle.db.query.units.findFirst({
    where: { kind: 'WORK_STATION', regionId: township.id },
    with: { cadres: true },
  }))!;
  return {
    responsibleUnitId: globalId('Unit', station.id),
    responsiblePersonId: globalId('Cadre', station.cadres[0]!.id),
  };
}
