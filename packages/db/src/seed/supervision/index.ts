import { addDays, type CalendarDate, toCountyDay } from '@gongjian/rules';
import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '../../client';
import {
  auditFindings,
  cadres,
  inspectionFindings,
  inspections,
  tasks,
  units,
  villageSupervisors,
} from '../../schema/index';
import { bulkInsert } from '../bulk';
import type { DemoLoad, SeededCounty } from '../demo-step';
import { mobilePhone, personName } from '../people';
import { createRandom, type Random } from '../random';
import { seedAccountability } from './accountability';
import { seedAssessments, seedExits, seedPerformance } from './assessments';
import type { FindingBasis, SupervisionContext } from './context';
import { INSPECTION_PROBLEMS, INSPECTION_ROUNDS } from './material';
import { seedReports } from './reports';

/**
 * 监督考核: the supervision group's 2019 inspections (their findings rectified by tasks, the responsibility
 * demo's two inspection tasks among them), a supervisor in each of the 304 villages with poor residents,
 * reports (the open ones dated against the loading day), the article's 116 people held accountable and 19
 * cases, the 2019 self-check and county review of the 304 villages, unit performance and village exits.
 */
export async function seedSupervision(
  db: DbExecutor,
  county: SeededCounty,
  sharedRandom: Random,
  load: DemoLoad,
) {
  const random = createRandom(Math.floor(sharedRandom.next() * 2 ** 32));
  const inCounty = eq(units.countyId, county.countyId);
  const [admin, supervisor, group] = await Promise.all([
    db.query.users.findFirst({ where: { username: 'admin' }, columns: { id: true } }),
    db.query.users.findFirst({ where: { username: 'supervisor' }, columns: { id: true } }),
    db.query.combatGroups.findFirst({
      where: { countyId: county.countyId, name: '督查考核组' },
      columns: { id: true },
    }),
  ]);
  const stations = await db
    .select({ unitId: units.id, regionId: units.regionId, personId: cadres.id })
    .from(units)
    .innerJoin(cadres, eq(cadres.unitId, units.id))
    .where(and(inCounty, eq(units.kind, 'WORK_STATION')))
    .orderBy(cadres.id);
  const stationOf = new Map<number, { unitId: number; personId: number }>();
  for (const s of stations) if (!stationOf.has(s.regionId)) stationOf.set(s.regionId, s);
  const governments = await db
    .select({ id: units.id, regionId: units.regionId })
    .from(units)
    .where(and(inCounty, eq(units.kind, 'TOWNSHIP_GOVERNMENT')));
  const context: SupervisionContext = {
    county,
    random,
    today: toCountyDay(load.now),
    adminId: admin?.id ?? null,
    supervisorId: supervisor?.id ?? null,
    groupId: group?.id ?? null,
    stationOf,
    governmentOf: new Map(governments.map((g) => [g.regionId, g.id])),
  };
  const findingIds = await seedInspections(db, context);
  await seedVillageSupervisors(db, context);
  const reportBases = await seedReports(db, context);
  const audit = await db
    .select({ id: auditFindings.id, regionPath: auditFindings.regionPath, foundOn: auditFindings.foundOn })
    .from(auditFindings)
    .where(eq(auditFindings.countyId, county.countyId));
  await seedAccountability(db, context, {
    reports: reportBases,
    inspectionFindings: findingIds,
    auditFindings: audit,
  });
  await seedAssessments(db, context);
  await seedPerformance(db, context);
  await seedExits(db, context);
}

/**
 * Four rounds of inspection, each with findings in a few townships rectified by township tasks; the responsibility
 * demo's inspection tasks (rounds 3 and 4) get their findings here, so every INSPECTION_FINDING task has one.
 */
async function seedInspections(db: DbExecutor, context: SupervisionContext): Promise<FindingBasis[]> {
  const { county, random } = context;
  const existing = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.countyId, county.countyId), eq(tasks.sourceKind, 'INSPECTION_FINDING')));
  const out: FindingBasis[] = [];
  for (const round of INSPECTION_ROUNDS) {
    const [inspection] = await db
      .insert(inspections)
      .values({
        countyId: county.countyId,
        regionPath: county.countyPath,
        title: `县脱贫攻坚督导组2019年第${round.round}次督查`,
        scope: round.scope,
        startsOn: round.startsOn,
        endsOn: round.endsOn,
        inspectors: '县脱贫攻坚督导组第一、第二督查小组',
        combatGroupId: context.groupId,
        recordedById: context.supervisorId,
      })
      .returning({ id: inspections.id });
    const cited = existing.filter((t) => t.findingReference?.includes(`第${round.round}次督查`));
    const townships = random.shuffle(county.townships).slice(0, 3);
    for (const task of cited) {
      out.push(await insertFinding(db, context, inspection!.id, round.endsOn, task));
    }
    for (const [index, township] of townships.entries()) {
      const station = context.stationOf.get(township.id);
      if (!station) continue;
      const problem = INSPECTION_PROBLEMS[(round.round + index) % INSPECTION_PROBLEMS.length]!;
      const deadline = addDays(round.endsOn, 45);
      const done = deadline < context.today && random.next() < 0.7;
      const [task] = await db
        .insert(tasks)
        .values({
          countyId: county.countyId,
          regionPath: township.regionPath,
          regionId: township.id,
          title: `${township.name}:整改${problem}问题`,
          sourceKind: 'INSPECTION_FINDING',
          findingReference: `县脱贫攻坚督导组2019年第${round.round}次督查反馈问题第${index + 1}条`,
          combatGroupId: context.groupId,
          levelId: 'TOWNSHIP',
          responsibleUnitId: station.unitId,
          responsiblePersonId: station.personId,
          deadline,
          status: done ? 'DONE' : 'IN_PROGRESS',
          progress: done ? 100 : 40,
          completedAt: done ? `${addDays(round.endsOn, random.int(15, 40))}T17:00:00+08:00` : null,
          completedById: done ? context.adminId : null,
        })
        .returning();
      out.push(await insertFinding(db, context, inspection!.id, round.endsOn, task!, problem));
    }
  }
  return out;
}

async function insertFinding(
  db: DbExecutor,
  context: SupervisionContext,
  inspectionId: number,
  foundOn: CalendarDate,
  task: typeof tasks.$inferSelect,
  problem?: string,
): Promise<FindingBasis> {
  const closed = task.status === 'DONE';
  const [finding] = await db
    .insert(inspectionFindings)
    .values({
      countyId: task.countyId,
      regionPath: task.regionPath,
      inspectionId,
      regionId: task.regionId,
      description: problem ?? task.title.replace(/^.*?:整改/, '').replace(/问题$/, ''),
      foundOn,
      taskId: task.id,
      status: closed ? 'CLOSED' : 'OPEN',
      closedAt: closed ? task.completedAt : null,
      recordedById: context.supervisorId,
    })
    .returning({ id: inspectionFindings.id });
  return { id: finding!.id, regionPath: task.regionPath, foundOn };
}

/** 村级扶贫监督员: one in each village with poor residents, appointed in the spring of 2017. */
async function seedVillageSupervisors(db: DbExecutor, context: SupervisionContext) {
  const { county, random } = context;
  const served = county.villages.filter((v) => v.kind === 'POOR_VILLAGE' || v.kind === 'NON_POOR_WITH_POOR');
  await bulkInsert(
    db,
    villageSupervisors,
    served.map((village) => ({
      countyId: county.countyId,
      regionPath: village.regionPath,
      villageId: village.id,
      name: personName(random),
      phone: mobilePhone(random),
      appointedOn: `2017-03-${String(random.int(1, 28)).padStart(2, '0')}`,
    })),
  );
}
