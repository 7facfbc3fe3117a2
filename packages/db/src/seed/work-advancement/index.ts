import { fromDayNumber, toDayNumber } from '@gongjian/rules';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbExecutor } from '../../client';
import {
  cadres,
  combatGroupMembers,
  combatGroups,
  commandPostMembers,
  commandPosts,
  meetingDecisions,
  meetings,
  policyDocuments,
  resolutions,
  units,
  users,
} from '../../schema/index';
import type { SeededCounty } from '../demo-step';
import { demoCadre } from '../organisation/index';
import type { Random } from '../random';
import {
  COMBAT_GROUPS,
  COUNTY_DOCUMENTS,
  DEPARTMENT_ABBREVIATIONS,
  DEPARTMENT_SECTIONS,
  type DepartmentName,
  departmentSectionName,
  EXTRA_LEADER_POSTS,
  MEETING_ATTENDEES,
  MEETING_COUNTS,
  MEETING_NAMES,
  MEETING_THEMES,
  RESOLUTIONS,
} from './material';

const FIRST_MEETING_DAY = '2014-01-06';
const LAST_MEETING_DAY = '2019-08-30';

type Cadre = typeof cadres.$inferSelect;
type Unit = typeof units.$inferSelect;

const countyUnitName = (name: string) => `江华瑶族自治县${name}`;

/** 工作推进: the command structure, department sections, meetings, resolutions and documents. */
export async function seedWorkAdvancement(db: DbExecutor, county: SeededCounty, random: Random) {
  const { countyId, countyPath } = county;
  const tenant = { countyId, regionPath: countyPath };
  const unitRows = await db.select().from(units).where(eq(units.countyId, countyId));
  const cadreRows = await db.select().from(cadres).where(eq(cadres.countyId, countyId));
  const leadership = unitRows.find((u) => u.kind === 'COUNTY_LEADERSHIP')!;

  await db.insert(cadres).values(EXTRA_LEADER_POSTS.map((post) => demoCadre(random, leadership, post)));
  const leaders = await db.select().from(cadres).where(eq(cadres.unitId, leadership.id)).orderBy(cadres.id);
  const commander = leaders.find((c) => c.post.startsWith('县委书记'))!;
  const deputies = leaders.filter((c) => c.id !== commander.id);

  const sections = await seedDepartmentSections(db, county, random);

  const [post] = await db
    .insert(commandPosts)
    .values({ ...tenant, name: '江华瑶族自治县脱贫攻坚战役指挥部', establishedOn: '2016-03-01' })
    .returning();
  await db.insert(commandPostMembers).values([
    { ...tenant, commandPostId: post!.id, cadreId: commander.id, role: 'COMMANDER' as const, sortOrder: 0 },
    ...deputies.map((cadre, index) => ({
      ...tenant,
      commandPostId: post!.id,
      cadreId: cadre.id,
      role: 'DEPUTY_COMMANDER' as const,
      sortOrder: index + 1,
    })),
  ]);

  const groupRows = await db
    .insert(combatGroups)
    .values(
      COMBAT_GROUPS.map((group, index) => ({
        ...tenant,
        commandPostId: post!.id,
        name: group.name,
        remit: group.remit,
        leaderId: deputies[index % deputies.length]!.id,
        sortOrder: index,
      })),
    )
    .returning();
  const backingLiaisons = cadreRows.filter((c) =>
    unitRows.some((u) => u.id === c.unitId && u.kind === 'BACKING_UNIT' && u.backingLevel === 'COUNTY'),
  );
  await db.insert(combatGroupMembers).values(
    COMBAT_GROUPS.flatMap((group, index) => {
      const staff = group.departments.flatMap((department) => sections.get(department)!.staff);
      const liaisons = random.shuffle(backingLiaisons).slice(0, random.int(1, 3));
      return [...staff, ...liaisons].map((cadre) => ({
        ...tenant,
        combatGroupId: groupRows[index]!.id,
        cadreId: cadre.id,
      }));
    }),
  );

  await seedMeetings(db, county, random);

  await db.insert(resolutions).values(RESOLUTIONS.map((r) => ({ ...tenant, ...r })));
  await seedDocuments(db, county, sections);
  await linkDemoUsers(db, county, unitRows, cadreRows, sections);
}

interface Section {
  unit: Unit;
  staff: Cadre[];
}

async function seedDepartmentSections(db: DbExecutor, county: SeededCounty, random: Random) {
  const tenant = { countyId: county.countyId, regionPath: county.countyPath };
  const unitRows = await db
    .insert(units)
    .values(
      DEPARTMENT_SECTIONS.map((department) => ({
        ...tenant,
        regionId: county.countyId,
        name: departmentSectionName(department),
        kind: 'COUNTY_DEPARTMENT' as const,
      })),
    )
    .returning();
  const staffRows = await db
    .insert(cadres)
    .values(unitRows.flatMap((unit) => ['股长', '扶贫专干'].map((post) => demoCadre(random, unit, post))))
    .returning();
  return new Map<DepartmentName, Section>(
    DEPARTMENT_SECTIONS.map((department, index) => {
      const unit = unitRows[index]!;
      return [department, { unit, staff: staffRows.filter((c) => c.unitId === unit.id) }];
    }),
  );
}

/** The meeting counts since 2014 (87 / 38 / 29 / 33), spread evenly with some jitter, 1–3 decisions each. */
async function seedMeetings(db: DbExecutor, county: SeededCounty, random: Random) {
  const tenant = { countyId: county.countyId, regionPath: county.countyPath };
  const first = toDayNumber(FIRST_MEETING_DAY);
  const span = toDayNumber(LAST_MEETING_DAY) - first;
  const drafts: { meeting: typeof meetings.$inferInsert; theme: (typeof MEETING_THEMES)[number] }[] = [];
  for (const [type, count] of Object.entries(MEETING_COUNTS) as [keyof typeof MEETING_COUNTS, number][]) {
    for (let i = 0; i < count; i++) {
      const heldOn = fromDayNumber(first + Math.floor(((i + 0.15 + random.next() * 0.7) * span) / count));
      const year = Number(heldOn.slice(0, 4));
      // Exit inspections began in 2018 and consolidation after the 2019 exit, so those themes wait.
      const themes = MEETING_THEMES.filter(
        (t) =>
          (t.theme !== '脱贫摘帽迎检' || year >= 2018) && (t.theme !== '巩固提升脱贫成果' || year >= 2019),
      );
      const theme = random.pick(themes);
      const topic =
        type === 'COUNTY_CONFERENCE'
          ? `全县${theme.theme}工作推进会`
          : `${year}年${MEETING_NAMES[type]}:专题研究${theme.theme}工作`;
      drafts.push({ meeting: { ...tenant, type, heldOn, topic, attendees: MEETING_ATTENDEES[type] }, theme });
    }
  }
  drafts.sort((a, b) =>
    a.meeting.heldOn < b.meeting.heldOn ? -1 : a.meeting.heldOn > b.meeting.heldOn ? 1 : 0,
  );
  const meetingRows = await db
    .insert(meetings)
    .values(drafts.map((d) => d.meeting))
    .returning({ id: meetings.id });
  const decisionValues = drafts.flatMap((draft, index) =>
    random
      .shuffle(draft.theme.decisions)
      .slice(0, random.int(1, Math.min(3, draft.theme.decisions.length)))
      .map((content, sequence) => ({
        ...tenant,
        meetingId: meetingRows[index]!.id,
        sequence: sequence + 1,
        content,
      })),
  );
  await db.insert(meetingDecisions).values(decisionValues);
}

async function seedDocuments(db: DbExecutor, county: SeededCounty, sections: Map<DepartmentName, Section>) {
  const tenant = { countyId: county.countyId, regionPath: county.countyPath };
  const countyRows = await db
    .insert(policyDocuments)
    .values(
      COUNTY_DOCUMENTS.map(({ key: _key, supersededBy: _supersededBy, ...document }) => ({
        ...tenant,
        ...document,
      })),
    )
    .returning({ id: policyDocuments.id });
  const ids = new Map(COUNTY_DOCUMENTS.map((document, index) => [document.key, countyRows[index]!.id]));
  for (const document of COUNTY_DOCUMENTS) {
    if (!document.supersededBy) continue;
    await db
      .update(policyDocuments)
      .set({ status: 'SUPERSEDED', supersededById: ids.get(document.supersededBy)! })
      .where(eq(policyDocuments.id, ids.get(document.key)!));
  }
  await db.insert(policyDocuments).values(
    DEPARTMENT_SECTIONS.map((department, index) => ({
      ...tenant,
      kind: 'DEPARTMENT' as const,
      documentNumber: `江${DEPARTMENT_ABBREVIATIONS[department]}发〔2019〕${index + 3}号`,
      title: `${countyUnitName(department)}2019年巩固提升脱贫成果工作实施方案`,
      issuer: sections.get(department)!.unit.name.replace(/扶贫业务股$/, ''),
      issuedOn: fromDayNumber(toDayNumber('2019-03-01') + index * 2),
    })),
  );
}

/** The demo logins of 沱江镇 and its first village act as the work-station head and the village secretary. */
async function linkDemoUsers(
  db: DbExecutor,
  county: SeededCounty,
  unitRows: Unit[],
  cadreRows: Cadre[],
  sections: Map<DepartmentName, Section>,
) {
  const township = county.townships[0]!;
  const village = county.villages.find((v) => v.townshipId === township.id)!;
  const stationId = unitRows.find((u) => u.kind === 'WORK_STATION' && u.regionId === township.id)!.id;
  const committeeId = unitRows.find((u) => u.kind === 'VILLAGE_COMMITTEE' && u.regionId === village.id)!.id;
  const links: [string, number][] = [
    ['admin', sections.get('扶贫开发办公室')!.staff[0]!.id],
    ['township', cadreRows.find((c) => c.unitId === stationId)!.id],
    ['village', cadreRows.find((c) => c.unitId === committeeId)!.id],
  ];
  for (const [username, cadreId] of links) {
    await db
      .update(users)
      .set({ cadreId })
      .where(and(eq(users.username, username), inArray(users.countyId, [county.countyId])));
  }
}
