import { addDays, type CalendarDate, firstDayOfMonth, monthOf, rollUpProgress } from '@gongjian/rules';
import { eq } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbExecutor } from '../../client';
import {
  cadres,
  combatGroups,
  meetingDecisions,
  policyDocuments,
  resolutions,
  tasks,
  units,
} from '../../schema/index';
import { type DemoClock, demoClock } from '../demo-clock';
import { DEMO_DATE, type DemoLoad, type SeededCounty } from '../demo-step';
import { createRandom, type Random } from '../random';
import { COUNTY_DOCUMENTS, departmentSectionName, MEETING_THEMES } from '../work-advancement/material';
import { TASK_TREES, type TaskTreeMaterial } from './material';

type Cadre = typeof cadres.$inferSelect;
type Unit = typeof units.$inferSelect;

/** What the task trees cite and whom they assign, as the organisation and work-advancement steps wrote it. */
interface TreeContext {
  unitRows: Unit[];
  cadreRows: Cadre[];
  leadershipUnitId: number;
  groupIdByName: Map<string, number>;
  leaderByGroup: Map<string, number>;
  documentIds: Map<string, number>;
  resolutionIds: number[];
  decisionsByTheme: Map<string, number>;
  completedById: number | null;
}

/**
 * 攻坚责任: the 2019 task trees, from the county leaders down to the villages, and two inspection findings.
 * Work done keeps its 2019 dates; work still open on the loading day is due relative to that day.
 */
export async function seedResponsibility(
  db: DbExecutor,
  county: SeededCounty,
  random: Random,
  load: DemoLoad,
) {
  await seedTaskTrees(db, county, random, await treeContext(db, county), demoClock(load));
}

async function treeContext(db: DbExecutor, county: SeededCounty): Promise<TreeContext> {
  const inCounty = <T extends { countyId: AnyPgColumn }>(table: T) => eq(table.countyId, county.countyId);
  const unitRows = await db.select().from(units).where(inCounty(units)).orderBy(units.id);
  const cadreRows = await db.select().from(cadres).where(inCounty(cadres)).orderBy(cadres.id);
  const groupRows = await db.select().from(combatGroups).where(inCounty(combatGroups));
  const documentRows = await db.select().from(policyDocuments).where(inCounty(policyDocuments));
  const resolutionRows = await db
    .select()
    .from(resolutions)
    .where(inCounty(resolutions))
    .orderBy(resolutions.id);
  const decisionRows = await db
    .select({ id: meetingDecisions.id, content: meetingDecisions.content })
    .from(meetingDecisions)
    .where(inCounty(meetingDecisions))
    .orderBy(meetingDecisions.id);
  const adminUser = await db.query.users.findFirst({ where: { username: 'admin' } });
  const documentIdByNumber = new Map(documentRows.map((d) => [d.documentNumber, d.id]));
  // Decisions are in meeting-date order, so the last one of a theme is its latest.
  const themeOfDecision = new Map(
    MEETING_THEMES.flatMap((t) => t.decisions.map((d) => [d, t.theme] as const)),
  );
  const decisionsByTheme = new Map<string, number>();
  for (const decision of decisionRows)
    decisionsByTheme.set(themeOfDecision.get(decision.content)!, decision.id);
  return {
    unitRows,
    cadreRows,
    leadershipUnitId: unitRows.find((u) => u.kind === 'COUNTY_LEADERSHIP')!.id,
    groupIdByName: new Map(groupRows.map((g) => [g.name, g.id])),
    leaderByGroup: new Map(groupRows.map((g) => [g.name, g.leaderId])),
    documentIds: new Map(COUNTY_DOCUMENTS.map((d) => [d.key, documentIdByNumber.get(d.documentNumber)!])),
    resolutionIds: resolutionRows.map((r) => r.id),
    decisionsByTheme,
    completedById: adminUser?.id ?? null,
  };
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
  const passed = deadline < DEMO_DATE;
  const doneShare = passed ? 0.8 : 0.2;
  if (roll < doneShare) {
    const lastDay = passed ? deadline : DEMO_DATE;
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

/** County leaders → departments → townships (→ villages), from the 2019 documents; see material.ts. */
async function seedTaskTrees(
  db: DbExecutor,
  county: SeededCounty,
  random: Random,
  context: TreeContext,
  clock: DemoClock,
) {
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
    const section = context.unitRows.find((u) => u.name === departmentSectionName(material.department))!;
    const departmentTask = add(root, {
      ...common,
      ...open,
      regionPath: countyPath,
      regionId: countyId,
      title: `${material.title}(${material.department}牵头)`,
      levelId: 'COUNTY_DEPARTMENT',
      responsibleUnitId: section.id,
      responsiblePersonId: firstCadre(section.id).id,
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

  const parentKeys = new Set(drafts.map((d) => d.parentKey));
  const leaves = drafts.filter((d) => !parentKeys.has(d.key));
  settleLeavesSince(leaves, clock);
  settleParents(drafts, context.completedById);
  for (const draft of drafts)
    if (draft.values.status !== 'DONE') draft.values.deadline = clock.live(draft.values.deadline);
  await insertTrees(db, drafts);
}

/**
 * What became of the leaves open on the article's day: two in three of those already overdue then were
 * finished late that autumn (history: overdue as of 2019-09-11, done today); the rest are still open and,
 * with their parents, due relative to the loading day. Draws from its own sequence, so the shared one the
 * later demo steps draw from is unchanged.
 */
function settleLeavesSince(leaves: DraftTask[], clock: DemoClock) {
  const random = createRandom(20191231);
  for (const leaf of leaves) {
    if (leaf.values.status === 'DONE' || leaf.values.deadline >= DEMO_DATE) continue;
    const late = random.next() < 2 / 3;
    const finishedOn = addDays(DEMO_DATE, random.int(5, 75));
    if (late && finishedOn < clock.today)
      Object.assign(leaf.values, {
        status: 'DONE',
        progress: 100,
        completedAt: `${finishedOn}T16:30:00+08:00`,
      });
  }
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
