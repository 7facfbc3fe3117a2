import { addDays, shanghaiDate } from '@gongjian/rules';
import type { DbExecutor } from '../../client';
import { assistanceActivities } from '../../schema/index';
import { bulkInsert } from '../bulk';
import type { DemoLoad, SeededCounty } from '../demo-step';
import type { Random } from '../random';

/**
 * The article's campaigns (三走访三签字, 千名干部下基层, 户帮户亲帮亲) county-wide and in every township,
 * and its publicity (手册, 政策告知书, 年历挂图: 20余万份) as drives per township, all held before the day
 * the demo is loaded.
 */
export const ARTICLE_PUBLICITY_COPIES = 200_000;

const CAMPAIGNS = [
  { name: '三走访三签字', days: 60, participants: 8_996 },
  { name: '千名干部下基层, 精准帮扶解难题', days: 90, participants: 1_000 },
  { name: '户帮户亲帮亲, 互助脱贫奔小康', days: 120, participants: 3_000 },
] as const;

const MATERIALS = ['脱贫攻坚手册', '政策告知书', '年历挂图'] as const;

export async function seedActivities(db: DbExecutor, county: SeededCounty, random: Random, load: DemoLoad) {
  const today = shanghaiDate(load.now);
  const county_ = { id: county.countyId, regionPath: county.countyPath };
  const rows: (typeof assistanceActivities.$inferInsert)[] = [];
  /** bulkInsert takes its columns from the first row: every row names them all. */
  const add = (row: Omit<typeof assistanceActivities.$inferInsert, 'countyId'>) =>
    rows.push({ countyId: county.countyId, copiesDistributed: 0, materials: '', notes: '', ...row });
  CAMPAIGNS.forEach((campaign, index) => {
    const endDate = addDays(today, -30 * index - 1);
    add({
      regionPath: county_.regionPath,
      regionId: county_.id,
      kind: 'CAMPAIGN',
      name: campaign.name,
      startDate: addDays(endDate, -campaign.days + 1),
      endDate,
      participants: campaign.participants,
      notes: '县级领导、驻村工作队、结对帮扶责任人深入贫困村、贫困户细查政策落实情况',
    });
    for (const township of county.townships) {
      const start = addDays(endDate, -random.int(10, campaign.days - 1));
      add({
        regionPath: township.regionPath,
        regionId: township.id,
        kind: 'CAMPAIGN',
        name: `${township.name}${campaign.name}`,
        startDate: start,
        endDate: addDays(start, random.int(0, 9)),
        participants: random.int(30, 300),
      });
    }
  });
  const perDrive = Math.ceil(ARTICLE_PUBLICITY_COPIES / (county.townships.length * MATERIALS.length));
  for (const township of county.townships)
    MATERIALS.forEach((material, index) => {
      const start = addDays(today, -random.int(100, 300));
      add({
        regionPath: township.regionPath,
        regionId: township.id,
        kind: 'PUBLICITY',
        name: `政策入户宣传 · ${material}`,
        startDate: start,
        endDate: addDays(start, random.int(5, 30)),
        participants: random.int(10, 60),
        copiesDistributed: perDrive + index * 37 + random.int(0, 200),
        materials: material,
      });
    });
  await bulkInsert(db, assistanceActivities, rows);
}
