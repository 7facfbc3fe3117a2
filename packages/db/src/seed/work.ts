import {
  addDays,
  type CalendarDate,
  firstDayOfMonth,
  fromDayNumber,
  monthOf,
  rollUpProgress,
  toDayNumber,
} from '@gongjian/rules';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbExecutor } from '../client';
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
  tasks,
  units,
  users,
} from '../schema/index';
import type { SeededCounty } from './jianghua';
import { mobilePhone, personName } from './people';
import type { Random } from './random';
import {
  COMBAT_GROUPS,
  COUNTY_DOCUMENTS,
  DEPARTMENT_ABBREVIATIONS,
  DEPARTMENT_SECTIONS,
  type DepartmentName,
  EXTRA_LEADER_POSTS,
  MEETING_ATTENDEES,
  MEETING_COUNTS,
  MEETING_NAMES,
  MEETING_THEMES,
  RESOLUTIONS,
  TASK_TREES,
  type TaskTreeMaterial,
} from './work-material';

/** The day the demo task states are set against: the article's publication date. */
export const WORK_DEMO_DATE: CalendarDate = '2019-09-11';

const FIRST_MEETING_DAY = '2014-01-06';
const LAST_MEETING_DAY = '2019-08-30';

type Cadre = typeof cadres.$inferSelect;
type Unit = typeof units.$inferSelect;

const countyUnitName = (name: string) => `江华瑶族自治县${name}`;

/** 工作推进 + 攻坚责任: command structure, meetings, resolutions, documents and the 2019 task tree. */
export async function seedWorkAdvancement(db: DbExecutor, county: SeededCounty, random: Random) {
  const { countyId, countyPath } = county;
  const tenant = { countyId, regionPath: countyPath };
  const unitRows = await db.select().from(units).where(eq(units.countyId, countyId));
  const cadreRows = await db.select().from(cadres).where(eq(cadres.countyId, countyId));
  const leadership = unitRows.find((u) => u.kind === 'COUNTY_LEADERSHIP')!;

  await db.insert(cadres).values(
    EXTRA_LEADER_POSTS.map((post) => ({
      ...tenant,
      unitId: leadership.id,
      name: personName(random),
      post,
      phone: mobilePhone(random),
    })),
  );
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

  const decisionsByTheme = await seedMeetings(db, county, random);

  const resolutionRows = await db
    .insert(resolutions)
    .values(RESOLUTIONS.map((r) => ({ ...tenant, ...r })))
    .returning();

  const documentIds = await seedDocuments(db, county, sections);

  const groupIdByName = new Map(groupRows.map((g) => [g.name, g.id]));
  const leaderByGroup = new Map(groupRows.map((g) => [g.name, g.leaderId]));
  const adminUser = await db.query.users.findFirst({ where: { username: 'admin' } });
  await seedTaskTrees(db, county, random, {
    unitRows,
    cadreRows,
    leadershipUnitId: leadership.id,
    sections,
    groupIdByName,
    leaderByGroup,
    documentIds,
    resolutionIds: resolutionRows.map((r) => r.id),
    decisionsByTheme,
    completedById: adminUser?.id ?? null,
  });

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
        name: countyUnitName(`${department}扶贫业务股`),
        kind: 'COUNTY_DEPARTMENT' as const,
      })),
    )
    .returning();
  const staffRows = await db
    .insert(cadres)
    .values(
      unitRows.flatMap((unit) =>
        ['股长', '扶贫专干'].map((post) => ({
          ...tenant,
          unitId: unit.id,
          name: personName(random),
          post,
          phone: mobilePhone(random),
        })),
      ),
    )
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
  const decisionRows = await db
    .insert(meetingDecisions)
    .values(decisionValues)
    .returning({ id: meetingDecisions.id, meetingId: meetingDecisions.meetingId });
  // Latest decision per theme (meetings are in date order), for tasks that cite a meeting.
  const themeByMeeting = new Map(meetingRows.map((m, index) => [m.id, drafts[index]!.theme.theme]));
  const decisionsByTheme = new Map<string, number>();
  for (const decision of decisionRows)
    decisionsByTheme.set(themeByMeeting.get(decision.meetingId)!, decision.id);
  return decisionsByTheme;
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
  return ids;
}

interface TreeContext {
  unitRows: Unit[];
  cadreRows: Cadre[];
  leadershipUnitId: number;
  sections: Map<DepartmentName, Section>;
  groupIdByName: Map<string, number>;
  leaderByGroup: Map<string, number>;
  documentIds: Map<string, number>;
  resolutionIds: number[];
  decisionsByTheme: Map<string, number>;
  completedById: number | null;
}

interface DraftTask {
  key: string;
  parentKey: string | null;
  rootKey: string | null;
  values: Omit<typeof tasks.$inferInsert, 'parentId' | 'rootId'>;
}

const lastDayBefore = (date: CalendarDate) => addDays(firstDayOfMonth(monthOf(date)), -1);

/** The deadline choices of a child: the parent's own, or an earlier month end. */
function childDeadline(random: Random, parentDeadline: CalendarDate, earlier: CalendarDate[]) {
  return random.pick([parentDeadline, ...earlier.filter((d) => d < parentDeadline)]);
}

/** A leaf's state on the demo day: mostly done when the deadline has passed, a mix when it has not. */
function leafState(random: Random, deadline: CalendarDate) {
  const roll = random.next();
  const passed = deadline < WORK_DEMO_DATE;
  const doneShare = passed ? 0.8 : 0.2;
  if (roll < doneShare) {
    const lastDay = passed ? deadline : WORK_DEMO_DATE;
    return {
      status: 'DONE' as const,
      progress: 100,
      completedAt: `${addDays(lastDay, -random.int(0, 40))}T16:30:00+08:00`,
    };
  }
  if (roll < (passed ? 0.93 : 0.7)) {
    return { status: 'IN_PROGRESS' as const, progress: random.int(1, 9) * 10, completedAt: null };
  }
  return { status: 'NOT_STARTED' as const, progress: 0, completedAt: null };
}

function treeSource(material: TaskTreeMaterial, context: TreeContext) {
  const { source } = material;
  if ('document' in source)
    return {
      sourceKind: 'POLICY_DOCUMENT' as const,
      policyDocumentId: context.documentIds.get(source.document)!,
    };
  if ('resolution' in source)
    return { sourceKind: 'RESOLUTION' as const, resolutionId: context.resolutionIds[source.resolution]! };
  return {
    sourceKind: 'MEETING_DECISION' as const,
    meetingDecisionId: context.decisionsByTheme.get(source.meetingTheme)!,
  };
}

/** County leaders → departments → townships (→ villages), from the 2019 documents; see work-material.ts. */
async function seedTaskTrees(db: DbExecutor, county: SeededCounty, random: Random, context: TreeContext) {
  const { countyId, countyPath } = county;
  const station = (townshipId: number) =>
    context.unitRows.find((u) => u.kind === 'WORK_STATION' && u.regionId === townshipId)!;
  const committee = (villageId: number) =>
    context.unitRows.find((u) => u.kind === 'VILLAGE_COMMITTEE' && u.regionId === villageId)!;
  const firstCadre = (unitId: number) => context.cadreRows.find((c) => c.unitId === unitId)!;
  const drafts: DraftTask[] = [];
  let next = 0;
  const add = (parent: DraftTask | null, values: DraftTask['values']) => {
    const draft = {
      key: String(next++),
      parentKey: parent?.key ?? null,
      rootKey: parent?.rootKey ?? parent?.key ?? null,
      values,
    };
    drafts.push(draft);
    return draft;
  };
  const open = { status: 'NOT_STARTED' as const, progress: 0, completedAt: null };

  for (const material of TASK_TREES) {
    const common = {
      countyId,
      ...treeSource(material, context),
      combatGroupId: context.groupIdByName.get(material.combatGroup)!,
    };
    const root = add(null, {
      ...common,
      ...open,
      regionPath: countyPath,
      regionId: countyId,
      title: material.title,
      levelId: 'COUNTY_LEADER',
      responsibleUnitId: context.leadershipUnitId,
      responsiblePersonId: context.leaderByGroup.get(material.combatGroup)!,
      deadline: material.deadline,
    });
    const section = context.sections.get(material.department)!;
    const departmentTask = add(root, {
      ...common,
      ...open,
      regionPath: countyPath,
      regionId: countyId,
      title: `${material.title}(${material.department}牵头)`,
      levelId: 'COUNTY_DEPARTMENT',
      responsibleUnitId: section.unit.id,
      responsiblePersonId: section.staff[0]!.id,
      deadline: lastDayBefore(material.deadline),
    });
    for (const township of county.townships) {
      const deadline = childDeadline(random, departmentTask.values.deadline, ['2019-09-30', '2019-08-31']);
      const unit = station(township.id);
      const townshipTask = add(departmentTask, {
        ...common,
        ...(material.toVillages ? open : leafState(random, deadline)),
        regionPath: township.regionPath,
        regionId: township.id,
        title: `${township.name}:${material.title}`,
        levelId: 'TOWNSHIP',
        responsibleUnitId: unit.id,
        responsiblePersonId: firstCadre(unit.id).id,
        deadline,
      });
      if (!material.toVillages) continue;
      for (const village of county.villages.filter((v) => v.townshipId === township.id)) {
        const villageDeadline = childDeadline(random, deadline, ['2019-08-31', '2019-06-30']);
        const villageUnit = committee(village.id);
        add(townshipTask, {
          ...common,
          ...leafState(random, villageDeadline),
          regionPath: village.regionPath,
          regionId: village.id,
          title: `${village.name}:${material.title}`,
          levelId: 'VILLAGE',
          responsibleUnitId: villageUnit.id,
          responsiblePersonId: firstCadre(villageUnit.id).id,
          deadline: villageDeadline,
        });
      }
    }
  }
  for (const [index, township] of [county.townships[1]!, county.townships[2]!].entries()) {
    const unit = station(township.id);
    const deadline = index === 0 ? '2019-08-31' : '2019-10-15';
    add(null, {
      countyId,
      sourceKind: 'INSPECTION_FINDING',
      findingReference: `县脱贫攻坚督导组2019年第${index + 3}次督查反馈问题第${index + 2}条`,
      combatGroupId: context.groupIdByName.get('督查考核组')!,
      ...leafState(random, deadline),
      regionPath: township.regionPath,
      regionId: township.id,
      title: `${township.name}:整改贫困户档案资料不齐全问题`,
      levelId: 'TOWNSHIP',
      responsibleUnitId: unit.id,
      responsiblePersonId: firstCadre(unit.id).id,
      deadline,
    });
  }

  settleParents(drafts, context.completedById);
  await insertTrees(db, drafts);
}

/** Parents take the rules' roll-up of their children; a parent whose children are all done is done. */
function settleParents(drafts: DraftTask[], completedById: number | null) {
  const progress = new Map(
    rollUpProgress(
      drafts.map((d) => ({
        id: d.key,
        parentId: d.parentKey,
        levelId: d.values.levelId,
        regionId: String(d.values.regionId),
        responsibleUnit: String(d.values.responsibleUnitId),
        responsiblePerson: String(d.values.responsiblePersonId),
        deadline: d.values.deadline,
        status: d.values.status ?? 'NOT_STARTED',
        progressPercent: d.values.progress ?? 0,
      })),
    ).map((p) => [p.taskId, p]),
  );
  // Children come after their parents in `drafts`, so walking backwards settles each level before its parent.
  const childrenOf = new Map<string, DraftTask[]>();
  for (const draft of drafts) {
    if (draft.parentKey !== null)
      childrenOf.set(draft.parentKey, [...(childrenOf.get(draft.parentKey) ?? []), draft]);
  }
  for (const draft of [...drafts].reverse()) {
    const children = childrenOf.get(draft.key) ?? [];
    if (children.length === 0) {
      if (draft.values.status === 'DONE') draft.values.completedById = completedById;
      continue;
    }
    const percent = progress.get(draft.key)!.percent;
    if (children.every((c) => c.values.status === 'DONE')) {
      const latest = children
        .map((c) => c.values.completedAt!)
        .sort()
        .at(-1)!;
      Object.assign(draft.values, { status: 'DONE', progress: 100, completedAt: latest, completedById });
    } else {
      Object.assign(draft.values, { status: percent > 0 ? 'IN_PROGRESS' : 'NOT_STARTED', progress: percent });
    }
  }
}

/** Level by level, so each child knows its parent's id; chunks keep each statement's parameters in bounds. */
async function insertTrees(db: DbExecutor, drafts: DraftTask[]) {
  const ids = new Map<string, number>();
  const depthByKey = new Map<string, number>();
  const byDepth = new Map<number, DraftTask[]>();
  for (const draft of drafts) {
    const depth = draft.parentKey === null ? 0 : depthByKey.get(draft.parentKey)! + 1;
    depthByKey.set(draft.key, depth);
    byDepth.set(depth, [...(byDepth.get(depth) ?? []), draft]);
  }
  for (const level of [...byDepth.keys()].sort()) {
    const rows = byDepth.get(level)!;
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      const inserted = await db
        .insert(tasks)
        .values(
          chunk.map((d) => ({
            ...d.values,
            parentId: d.parentKey === null ? null : ids.get(d.parentKey)!,
            rootId: d.rootKey === null ? null : ids.get(d.rootKey)!,
          })),
        )
        .returning({ id: tasks.id });
      for (const [index, draft] of chunk.entries()) ids.set(draft.key, inserted[index]!.id);
    }
  }
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
