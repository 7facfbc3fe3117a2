import { addDays, type CalendarDate, daysBetween, type ProjectState, wanYuan } from '@gongjian/rules';
import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '../../client';
import {
  auditFindings,
  cadres,
  disbursements,
  disclosureNotices,
  fundAllocations,
  fundOverlaps,
  fundReportedTotals,
  fundSources,
  projectSteps,
  projects,
  tasks,
  units,
} from '../../schema/index';
import { type DemoClock, demoClock } from '../demo-clock';
import type { DemoLoad, SeededCounty } from '../demo-step';
import type { Random } from '../random';
import {
  ARTICLE_OVERLAP,
  ARTICLE_REFERENCE,
  ARTICLE_REPORTED_TOTAL_WAN,
  ARTICLE_SOURCES,
  AUDIT_PROBLEMS,
  DEMO_STATES,
  INTEGRATED_2019_WAN,
  PROJECT_KINDS,
} from './material';
import { seedNoticeObjections } from './objections';

const LIFECYCLE: readonly ProjectState[] = [
  'APPLICATION',
  'TOWNSHIP_REVIEW',
  'COUNTY_APPRAISAL',
  'APPROVED',
  'IN_LIBRARY',
  'IMPLEMENTATION',
  'COMPLETION_ACCEPTANCE',
  'ASSET_HANDOVER',
];

const PROJECTS_PER_TOWNSHIP = 4;

/** The states a project passed through to reach `state` (removed projects leave after county appraisal). */
function pathTo(state: ProjectState): ProjectState[] {
  if (state === 'REMOVED') return [...LIFECYCLE.slice(0, 3), 'REMOVED'];
  return LIFECYCLE.slice(0, LIFECYCLE.indexOf(state) + 1);
}

/** Plan year by state: handed-over projects are 2018's, early stages the 2020 library, the rest 2019's plan. */
function planYear(state: ProjectState): number {
  if (state === 'ASSET_HANDOVER') return 2018;
  return LIFECYCLE.indexOf(state) >= 0 && LIFECYCLE.indexOf(state) <= 3 ? 2020 : 2019;
}

/** Applications open in Q4 of the year before the plan year (2020's in mid-2019, the demo's present). */
const FIRST_DAY: Record<number, CalendarDate> = {
  2018: '2017-10-09',
  2019: '2018-10-08',
  2020: '2019-06-03',
};

interface PlannedProject {
  values: typeof projects.$inferInsert;
  steps: { fromState: ProjectState | null; toState: ProjectState; actedOn: CalendarDate }[];
  notice: { postedOn: CalendarDate; lastDayPosted: CalendarDate } | null;
  allocation: { sourceKey: string; amountFen: number; allocatedOn: CalendarDate } | null;
  disbursedFen: number;
  paidOn: CalendarDate | null;
  /** Whole days its dates were moved by (a project still under way stands to the loading day as to 2019-09-11). */
  shift: number;
}

/** A project still under way keeps its intervals and moves by whole days toward the loading day. */
function moveToLoadingDay(project: PlannedProject, clock: DemoClock): PlannedProject {
  const { state } = project.values;
  if (state === 'ASSET_HANDOVER' || state === 'REMOVED') return project;
  const dates = [
    ...project.steps.map((s) => s.actedOn),
    project.notice?.lastDayPosted,
    project.allocation?.allocatedOn,
    project.paidOn,
  ].filter((d): d is CalendarDate => d !== undefined && d !== null);
  const last = dates.sort().at(-1)!;
  const shift = Math.max(0, Math.min(clock.days, daysBetween(last, clock.today)));
  const move = (date: CalendarDate) => addDays(date, shift);
  return {
    ...project,
    steps: project.steps.map((s) => ({ ...s, actedOn: move(s.actedOn) })),
    notice: project.notice && {
      postedOn: move(project.notice.postedOn),
      lastDayPosted: move(project.notice.lastDayPosted),
    },
    allocation: project.allocation && {
      ...project.allocation,
      allocatedOn: move(project.allocation.allocatedOn),
    },
    paidOn: project.paidOn && move(project.paidOn),
    shift,
  };
}

/** 资金整合: the article's sources, overlap and totals, and a project library that spends them. */
export async function seedFunds(db: DbExecutor, county: SeededCounty, random: Random, load: DemoLoad) {
  const { countyId, countyPath } = county;
  const admin = await db.query.users.findFirst({ where: { username: 'admin' } });
  const adminId = admin?.id ?? null;
  const governments = await db
    .select()
    .from(units)
    .where(and(eq(units.countyId, countyId), eq(units.kind, 'TOWNSHIP_GOVERNMENT')));
  const stations = await db
    .select()
    .from(units)
    .where(and(eq(units.countyId, countyId), eq(units.kind, 'WORK_STATION')));
  const cadreRows = await db.select().from(cadres).where(eq(cadres.countyId, countyId)).orderBy(cadres.id);

  const remaining = new Map<string, number>([
    ...ARTICLE_SOURCES.map((s) => [s.key, wanYuan(s.wan)] as const),
    ['integrated_2019', wanYuan(INTEGRATED_2019_WAN)],
  ]);
  const planned: PlannedProject[] = [];
  let drawn = 0;
  for (const township of county.townships) {
    const villages = county.villages.filter((v) => v.townshipId === township.id);
    const poorFirst = [...villages.filter((v) => v.kind === 'POOR_VILLAGE'), ...villages];
    const government = governments.find((u) => u.regionId === township.id)!;
    for (let i = 0; i < PROJECTS_PER_TOWNSHIP; i++) {
      const state = DEMO_STATES[drawn++ % DEMO_STATES.length]!;
      const village = random.pick(poorFirst.slice(0, Math.max(3, poorFirst.length / 2)));
      const kind = random.pick(PROJECT_KINDS);
      const year = planYear(state);
      const budgetFen = wanYuan(random.int(50, 900)) + random.int(0, 9999) * 100;
      const households = random.int(20, 300);
      const people = households * random.int(3, 4);
      const steps: PlannedProject['steps'] = [];
      let day = addDays(FIRST_DAY[year]!, random.int(0, 20));
      let notice: PlannedProject['notice'] = null;
      let previous: ProjectState | null = null;
      for (const toState of pathTo(state)) {
        if (toState === 'IMPLEMENTATION') day = addDays(notice!.lastDayPosted, random.int(1, 30));
        else if (toState === 'COMPLETION_ACCEPTANCE') day = addDays(day, random.int(60, 120));
        else if (previous !== null) day = addDays(day, random.int(7, 20));
        if (toState === 'IN_LIBRARY') notice = { postedOn: day, lastDayPosted: addDays(day, 9) };
        steps.push({ fromState: previous, toState, actedOn: day });
        previous = toState;
      }
      const funded = year !== 2020 && state !== 'REMOVED';
      const sourceKey =
        year === 2018
          ? random.pick(['fiscal_poverty', 'integrated_agri', 'sector', 'county_budget'])
          : 'integrated_2019';
      const amountFen = funded ? Math.min(budgetFen, remaining.get(sourceKey)!) : 0;
      remaining.set(sourceKey, remaining.get(sourceKey)! - amountFen);
      const libraryDay = steps.find((s) => s.toState === 'IN_LIBRARY')?.actedOn ?? day;
      const paidTenths =
        state === 'IMPLEMENTATION'
          ? random.int(3, 7)
          : state === 'COMPLETION_ACCEPTANCE'
            ? 9
            : state === 'ASSET_HANDOVER'
              ? 10
              : 0;
      const disbursedFen = Math.floor((amountFen * paidTenths) / 1000) * 100;
      planned.push({
        values: {
          countyId,
          regionPath: village.regionPath,
          name: `${village.name}${kind.name}项目`,
          category: kind.category,
          year,
          regionId: village.id,
          responsibleUnitId: government.id,
          budgetFen,
          beneficiaryHouseholds: households,
          beneficiaryPeople: people,
          beneficiaryPoorPeople: Math.floor(people * random.int(2, 6) * 0.1),
          performanceTarget: kind.target,
          povertyLink: kind.link,
          state,
          allocatedFen: amountFen,
          disbursedFen,
        },
        steps,
        notice,
        allocation: amountFen > 0 ? { sourceKey, amountFen, allocatedOn: libraryDay } : null,
        disbursedFen,
        paidOn: disbursedFen > 0 ? addDays(steps.at(-1)!.actedOn, 5) : null,
        shift: 0,
      });
    }
  }

  const sourceIds = await seedSources(db, county, remaining);
  const projectRows = await db
    .insert(projects)
    .values(planned.map((p) => p.values))
    .returning({ id: projects.id });
  const clock = demoClock(load);
  const withIds = planned.map((p, i) => ({ ...moveToLoadingDay(p, clock), id: projectRows[i]!.id }));
  const tenant = (p: PlannedProject) => ({ countyId, regionPath: p.values.regionPath });
  await db
    .insert(projectSteps)
    .values(
      withIds.flatMap((p) =>
        p.steps.map((step) => ({ ...tenant(p), projectId: p.id, ...step, actedById: adminId, notes: null })),
      ),
    );
  await db.insert(disclosureNotices).values([
    {
      countyId,
      regionPath: countyPath,
      subject: 'PLAN' as const,
      title: '江华瑶族自治县2019年度统筹整合财政涉农资金使用方案公告',
      postingPlace: '县人民政府门户网站',
      postedOn: '2019-01-10',
      lastDayPosted: '2019-01-24',
      publishedById: adminId,
    },
    ...withIds
      .filter((p) => p.notice)
      .map((p) => ({
        ...tenant(p),
        subject: 'PROJECT' as const,
        projectId: p.id,
        title: `${p.values.name}入库公告`,
        postingPlace: '村务公开栏',
        ...p.notice!,
        publishedById: adminId,
      })),
  ]);
  await seedNoticeObjections(db, county, adminId, clock.today);
  await db.insert(fundAllocations).values(
    withIds
      .filter((p) => p.allocation)
      .map((p) => ({
        ...tenant(p),
        sourceId: sourceIds.get(p.allocation!.sourceKey)!,
        projectId: p.id,
        amountFen: p.allocation!.amountFen,
        allocatedOn: p.allocation!.allocatedOn,
        allocatedById: adminId,
      })),
  );
  await db.insert(disbursements).values(
    withIds
      .filter((p) => p.disbursedFen > 0)
      .map((p) => ({
        ...tenant(p),
        projectId: p.id,
        amountFen: p.disbursedFen,
        paidOn: p.paidOn!,
        paidById: adminId,
      })),
  );
  const fundGroup = await db.query.combatGroups.findFirst({
    columns: { id: true },
    where: { countyId: county.countyId, name: '资金监管组' },
  });
  const combatGroupId = fundGroup?.id ?? null;
  await seedAuditFindings(db, county, random, {
    withIds,
    stations,
    cadreRows,
    adminId,
    combatGroupId,
    clock,
  });
}

async function seedSources(db: DbExecutor, county: SeededCounty, remaining: Map<string, number>) {
  const tenant = { countyId: county.countyId, regionPath: county.countyPath };
  const rows = [
    ...ARTICLE_SOURCES.map((s) => ({ ...s, fromYear: 2014, toYear: 2018 })),
    {
      key: 'integrated_2019',
      category: 'INTEGRATED_AGRI' as const,
      name: '2019年统筹整合财政涉农资金',
      wan: INTEGRATED_2019_WAN,
      fromYear: 2019,
      toYear: 2019,
    },
  ];
  const inserted = await db
    .insert(fundSources)
    .values(
      rows.map((s) => {
        const amountFen = wanYuan(s.wan);
        const { category, name, fromYear, toYear } = s;
        return {
          ...tenant,
          category,
          name,
          fromYear,
          toYear,
          amountFen,
          allocatedFen: amountFen - remaining.get(s.key)!,
        };
      }),
    )
    .returning({ id: fundSources.id });
  const ids = new Map(rows.map((s, i) => [s.key, inserted[i]!.id]));
  await db.insert(fundOverlaps).values({
    ...tenant,
    containerId: ids.get(ARTICLE_OVERLAP.container)!,
    containedId: ids.get(ARTICLE_OVERLAP.contained)!,
    amountFen: wanYuan(ARTICLE_OVERLAP.wan),
    notes: '含纳入整合的财政扶贫资金',
  });
  await db.insert(fundReportedTotals).values([
    {
      ...tenant,
      fromYear: 2014,
      toYear: 2018,
      amountFen: wanYuan(ARTICLE_REPORTED_TOTAL_WAN),
      reportedIn: ARTICLE_REFERENCE,
    },
    {
      ...tenant,
      fromYear: 2019,
      toYear: 2019,
      amountFen: wanYuan(INTEGRATED_2019_WAN),
      reportedIn: ARTICLE_REFERENCE,
    },
  ]);
  return ids;
}

interface FindingContext {
  withIds: (PlannedProject & { id: number })[];
  stations: (typeof units.$inferSelect)[];
  cadreRows: (typeof cadres.$inferSelect)[];
  adminId: number | null;
  /** 资金监管组: the combat group that oversees the rectification of fund audit findings. */
  combatGroupId: number | null;
  clock: DemoClock;
}

/**
 * One audit finding per township, on one of its funded projects, each rectified by a township task. A
 * finding moves with its project when the project is under way, and a rectification still open moves
 * toward the loading day, so it was found as many days before that day as before 2019-09-11.
 */
async function seedAuditFindings(
  db: DbExecutor,
  county: SeededCounty,
  random: Random,
  context: FindingContext,
) {
  for (const [index, township] of county.townships.entries()) {
    const ofTownship = context.withIds.filter((p) => p.values.regionPath.startsWith(township.regionPath));
    const project = ofTownship.find((p) => p.disbursedFen > 0) ?? ofTownship[0]!;
    const station = context.stations.find((u) => u.regionId === township.id)!;
    const person = context.cadreRows.find((c) => c.unitId === station.id)!;
    const problem = AUDIT_PROBLEMS[index % AUDIT_PROBLEMS.length]!;
    const foundIn2019 = `2019-0${random.int(4, 7)}-${String(random.int(10, 28))}`;
    const done = random.next() < 0.5;
    const foundOn = addDays(foundIn2019, project.shift || (done ? 0 : context.clock.days));
    const completedAt = done ? `${addDays(foundOn, random.int(20, 40))}T16:30:00+08:00` : null;
    const [task] = await db
      .insert(tasks)
      .values({
        countyId: county.countyId,
        regionPath: township.regionPath,
        regionId: township.id,
        title: `${township.name}:整改${project.values.name}${problem}问题`,
        sourceKind: 'AUDIT_FINDING',
        findingReference: `县审计局2019年扶贫资金专项审计: ${problem}`,
        combatGroupId: context.combatGroupId,
        levelId: 'TOWNSHIP',
        responsibleUnitId: station.id,
        responsiblePersonId: person.id,
        deadline: addDays(foundOn, 60),
        status: done ? 'DONE' : 'IN_PROGRESS',
        progress: done ? 100 : 50,
        completedAt,
        completedById: done ? context.adminId : null,
      })
      .returning({ id: tasks.id });
    await db.insert(auditFindings).values({
      countyId: county.countyId,
      regionPath: project.values.regionPath,
      projectId: project.id,
      description: problem,
      amountFen: Math.floor(project.disbursedFen / 1000) * 100,
      foundOn,
      auditor: '江华瑶族自治县审计局',
      status: done ? 'CLOSED' : 'OPEN',
      taskId: task!.id,
      closedAt: completedAt,
      recordedById: context.adminId,
    });
  }
}
