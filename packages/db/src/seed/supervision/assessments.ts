import { addDays, yuan } from '@gongjian/rules';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbExecutor } from '../../client';
import {
  assessmentItems,
  inspectionFindings,
  inspections,
  performanceAssessments,
  tasks,
  units,
  villageAssessments,
  villageExits,
} from '../../schema/index';
import { bulkInsert } from '../bulk';
import type { Random } from '../random';
import type { SupervisionContext } from './context';
import { SCORE_SHEET, VETO_ITEM } from './material';

const REVIEW = { startsOn: '2019-05-06', endsOn: '2019-07-31' };

/** A county review total (tenths) and problem count by band: most up to standard, a few under 80. */
function drawReview(random: Random): { total: number; problems: number; veto: boolean } {
  const r = random.next();
  if (r < 0.6) return { total: random.int(900, 990), problems: random.int(0, 2), veto: false };
  if (r < 0.64) return { total: random.int(900, 960), problems: random.int(1, 3), veto: true };
  if (r < 0.9) return { total: random.int(800, 899), problems: random.int(1, 4), veto: false };
  if (r < 0.95) return { total: random.int(700, 799), problems: random.int(2, 4), veto: false };
  return { total: random.int(640, 799), problems: random.int(5, 9), veto: false };
}

/** Item scores (tenths) adding up to `total`: each item starts full and loses points, never below 0. */
function spread(random: Random, total: number): number[] {
  const scores = SCORE_SHEET.map((item) => item.weight * 10);
  let missing = 1000 - total;
  while (missing > 0) {
    const index = random.int(0, scores.length - 1);
    const take = Math.min(missing, scores[index]!, random.int(1, 30));
    scores[index] = scores[index]! - take;
    missing -= take;
  }
  return scores;
}

/**
 * 2019 自查自评 and 县级复核 of the 304 villages with poor residents; the villages under 80 are listed for
 * 挂牌督办 with a rectification task each, found by the county review (an inspection of its own).
 */
export async function seedAssessments(db: DbExecutor, context: SupervisionContext) {
  const { random, county } = context;
  const served = county.villages.filter((v) => v.kind === 'POOR_VILLAGE' || v.kind === 'NON_POOR_WITH_POOR');
  const drawn = served.map((village) => ({ village, ...drawReview(random) }));
  const rows = await bulkInsert<{ id: number }>(
    db,
    villageAssessments,
    drawn.map(({ village, total, problems, veto }) => ({
      countyId: county.countyId,
      regionPath: village.regionPath,
      villageId: village.id,
      year: 2019,
      selfScoreTenths: Math.min(1000, total + random.int(0, 50)),
      selfAssessedOn: `2019-05-${String(random.int(10, 31)).padStart(2, '0')}`,
      reviewScoreTenths: total,
      reviewedOn: `2019-0${random.int(6, 7)}-${String(random.int(1, 28)).padStart(2, '0')}`,
      reviewedById: context.supervisorId,
      vetoHit: veto,
      problemCount: problems,
    })),
    { returning: ['id'] },
  );
  await bulkInsert(
    db,
    assessmentItems,
    drawn.flatMap(({ village, total, veto }, index) => [
      ...spread(random, total).map((score, position) => ({
        countyId: county.countyId,
        regionPath: village.regionPath,
        assessmentId: rows[index]!.id,
        position,
        name: SCORE_SHEET[position]!.name,
        weightTenths: SCORE_SHEET[position]!.weight * 10,
        scoreTenths: score,
        veto: false,
        vetoHit: false,
      })),
      {
        countyId: county.countyId,
        regionPath: village.regionPath,
        assessmentId: rows[index]!.id,
        position: SCORE_SHEET.length,
        name: VETO_ITEM,
        weightTenths: 0,
        scoreTenths: 0,
        veto: true,
        vetoHit: veto,
      },
    ]),
  );
  const yellow = drawn.filter((d) => d.total < 800);
  if (yellow.length === 0) return;
  const [review] = await db
    .insert(inspections)
    .values({
      countyId: county.countyId,
      regionPath: county.countyPath,
      title: '2019年巩固脱贫成果县级复核',
      scope: '全县有贫困人口的304个村(社区)自查自纠和县级复核',
      startsOn: REVIEW.startsOn,
      endsOn: REVIEW.endsOn,
      inspectors: '县脱贫攻坚督导组、县扶贫办',
      combatGroupId: context.groupId,
      recordedById: context.supervisorId,
    })
    .returning({ id: inspections.id });
  for (const { village, total, problems } of yellow) {
    const station = context.stationOf.get(village.townshipId);
    if (!station) continue;
    const problem = `核查验收得分 ${(total / 10).toFixed(1)} 分, 发现问题 ${problems} 个, 黄牌警告、挂牌督办`;
    const [task] = await db
      .insert(tasks)
      .values({
        countyId: county.countyId,
        regionPath: village.regionPath,
        regionId: village.id,
        title: `${village.name}:挂牌督办整改核查验收问题`,
        sourceKind: 'INSPECTION_FINDING',
        findingReference: `2019年巩固脱贫成果县级复核: ${problem}`,
        combatGroupId: context.groupId,
        levelId: 'TOWNSHIP',
        responsibleUnitId: station.unitId,
        responsiblePersonId: station.personId,
        deadline: addDays(REVIEW.endsOn, 90),
        status: 'IN_PROGRESS',
        progress: random.int(2, 8) * 10,
      })
      .returning({ id: tasks.id });
    await db.insert(inspectionFindings).values({
      countyId: county.countyId,
      regionPath: village.regionPath,
      inspectionId: review!.id,
      regionId: village.id,
      description: problem,
      foundOn: REVIEW.endsOn,
      taskId: task!.id,
      recordedById: context.supervisorId,
    });
  }
}

/** 2019 unit performance: bonuses of 20万–80万 with 50–70 % tied to the campaign; two units fall short and are reported. */
export async function seedPerformance(db: DbExecutor, context: SupervisionContext) {
  const { random, county } = context;
  const assessed = await db
    .select({ id: units.id, regionPath: units.regionPath })
    .from(units)
    .where(
      and(
        eq(units.countyId, county.countyId),
        inArray(units.kind, ['COUNTY_DEPARTMENT', 'TOWNSHIP_GOVERNMENT']),
      ),
    )
    .orderBy(units.id);
  await bulkInsert(
    db,
    performanceAssessments,
    assessed.map((unit, index) => {
      const totalBonusFen = yuan(String(random.int(20, 80) * 10_000));
      const percent = index === 3 || index === 11 ? 45 : random.int(50, 70);
      return {
        countyId: county.countyId,
        regionPath: unit.regionPath,
        unitId: unit.id,
        year: 2019,
        scoreTenths: random.int(780, 980),
        totalBonusFen,
        campaignBonusFen: Math.round((totalBonusFen * percent) / 100),
      };
    }),
  );
}

/**
 * The 112 poor villages' exits, planned from 2016 to 2019: most on schedule and rewarded the next spring, a
 * few a year late (no reward), five 2018 exits still awaiting their reward, the 2019 ones not yet due.
 */
export async function seedExits(db: DbExecutor, context: SupervisionContext) {
  const { random, county } = context;
  const poor = county.villages.filter((v) => v.kind === 'POOR_VILLAGE');
  let pending = 5;
  await bulkInsert(
    db,
    villageExits,
    poor.map((village, index) => {
      const scheduledExitYear = 2016 + Math.min(3, Math.floor((index * 4) / poor.length));
      const late = scheduledExitYear < 2018 && random.next() < 0.08;
      const exitYear = scheduledExitYear === 2019 ? null : scheduledExitYear + (late ? 1 : 0);
      const owed = exitYear !== null && !late && scheduledExitYear === 2018 && pending-- > 0;
      const rewarded = exitYear !== null && !late && !owed;
      return {
        countyId: county.countyId,
        regionPath: village.regionPath,
        villageId: village.id,
        scheduledExitYear,
        exitYear,
        supportEndsYear: 2020,
        rewardFen: rewarded ? yuan('100000') : null,
        rewardPaidOn: rewarded ? `${exitYear! + 1}-03-${String(random.int(10, 28))}` : null,
        rewardedById: rewarded ? context.adminId : null,
      };
    }),
  );
}
