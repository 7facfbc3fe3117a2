import { combatGroups, regions, tasks } from '@gongjian/db/schema';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { inSubtree, insideJurisdiction, visibleUpOrDown } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ForbiddenError, NotFoundError } from '../../errors';
import { Region, RegionLevelEnum, VillageKindEnum } from '../geography/region';
import { countyToday, derivedStatusIs } from './task';

/**
 * 三级挂图作战: for the county, each township and each village in scope, the targets (villages to lift
 * and consolidate) and the live state of their tasks, per region and per combat group, rolled up
 * village → township → county. Tasks are counted at the leaves (a decomposed task is counted through its
 * children, so no work is counted twice). Three SQL statements whatever the number of tasks: the regions
 * in scope, the leaf tasks aggregated by region and combat group, and the combat groups.
 */

interface StateCounts {
  total: number;
  done: number;
  inProgress: number;
  overdue: number;
  notStarted: number;
  progressSum: number;
}

interface Targets {
  villages: number;
  poorVillages: number;
  nonPoorWithPoor: number;
}

type RegionRow = Pick<
  typeof regions.$inferSelect,
  'id' | 'parentId' | 'level' | 'name' | 'code' | 'villageKind' | 'regionPath' | 'sortOrder'
>;

interface MapNode {
  region: RegionRow;
  targets: Targets;
  counts: StateCounts;
  byGroup: Map<string, StateCounts>;
}

interface MapGroup {
  key: string;
  combatGroupId: number | null;
  name: string;
  counts: StateCounts;
}

interface BattleMapData {
  asOf: string;
  scope: MapNode;
  nodes: MapNode[];
  groups: MapGroup[];
}

/** Tasks outside every combat group are shown under this key. */
const UNGROUPED = 'NONE';

const emptyCounts = (): StateCounts => ({
  total: 0,
  done: 0,
  inProgress: 0,
  overdue: 0,
  notStarted: 0,
  progressSum: 0,
});

function addCounts(target: StateCounts, source: StateCounts) {
  target.total += source.total;
  target.done += source.done;
  target.inProgress += source.inProgress;
  target.overdue += source.overdue;
  target.notStarted += source.notStarted;
  target.progressSum += source.progressSum;
}

const groupKey = (combatGroupId: number | null) =>
  combatGroupId === null ? UNGROUPED : encodeGlobalID('CombatGroup', combatGroupId);

async function loadBattleMap(ctx: Context, regionId: number | null, asOf: string): Promise<BattleMapData> {
  const viewer = ctx.viewer!;
  const scopePath = regionId
    ? sql`(select r.region_path from ${regions} r where r.id = ${regionId})`
    : sql`${viewer.regionPath}`;
  const regionRows: RegionRow[] = await ctx.db
    .select({
      id: regions.id,
      parentId: regions.parentId,
      level: regions.level,
      name: regions.name,
      code: regions.code,
      villageKind: regions.villageKind,
      regionPath: regions.regionPath,
      sortOrder: regions.sortOrder,
    })
    .from(regions)
    .where(
      and(
        sql`${regions.regionPath} like ${scopePath} || '%'`,
        inArray(regions.level, ['COUNTY', 'TOWNSHIP', 'VILLAGE']),
      ),
    )
    .orderBy(asc(regions.sortOrder), asc(regions.id));
  const scopeRow = regionId
    ? regionRows.find((r) => r.id === regionId)
    : regionRows.find((r) => r.regionPath === viewer.regionPath);
  if (!scopeRow) throw new NotFoundError('区划', String(regionId ?? viewer.jurisdictionId));
  if (!insideJurisdiction(viewer, scopeRow.regionPath)) throw new ForbiddenError('只能查看管辖范围内的挂图');

  const isLeaf = sql`not exists (select 1 from ${tasks} c where c.parent_id = ${tasks.id})`;
  const counted = (condition: ReturnType<typeof derivedStatusIs>) =>
    sql<number>`(count(*) filter (where ${condition}))::int`;
  const [cells, groupRows] = await Promise.all([
    ctx.db
      .select({
        regionId: tasks.regionId,
        combatGroupId: tasks.combatGroupId,
        total: sql<number>`${count()}::int`,
        done: counted(derivedStatusIs(tasks, 'DONE', asOf)),
        inProgress: counted(derivedStatusIs(tasks, 'IN_PROGRESS', asOf)),
        overdue: counted(derivedStatusIs(tasks, 'OVERDUE', asOf)),
        notStarted: counted(derivedStatusIs(tasks, 'NOT_STARTED', asOf)),
        progressSum: sql<number>`coalesce(sum(${tasks.progress}), 0)::int`,
      })
      .from(tasks)
      .where(and(inSubtree(tasks.regionPath, scopeRow.regionPath), isLeaf))
      .groupBy(tasks.regionId, tasks.combatGroupId),
    ctx.db
      .select({ id: combatGroups.id, name: combatGroups.name })
      .from(combatGroups)
      .where(
        and(
          eq(combatGroups.countyId, viewer.countyId ?? -1),
          visibleUpOrDown(combatGroups.regionPath, ctx.viewer),
        ),
      )
      .orderBy(asc(combatGroups.sortOrder), asc(combatGroups.id)),
  ]);

  const nodes = new Map<number, MapNode>(
    regionRows.map((region) => [
      region.id,
      {
        region,
        targets: { villages: 0, poorVillages: 0, nonPoorWithPoor: 0 },
        counts: emptyCounts(),
        byGroup: new Map(),
      },
    ]),
  );
  for (const node of nodes.values()) {
    if (node.region.level !== 'VILLAGE') continue;
    node.targets.villages = 1;
    node.targets.poorVillages = node.region.villageKind === 'POOR_VILLAGE' ? 1 : 0;
    node.targets.nonPoorWithPoor = node.region.villageKind === 'NON_POOR_WITH_POOR' ? 1 : 0;
  }
  for (const cell of cells) {
    const node = nodes.get(cell.regionId);
    if (!node) continue;
    const key = groupKey(cell.combatGroupId);
    const counts = { ...cell };
    addCounts(node.counts, counts);
    const groupCounts = node.byGroup.get(key) ?? emptyCounts();
    addCounts(groupCounts, counts);
    node.byGroup.set(key, groupCounts);
  }
  // Deepest first, so a village's totals reach its township before the township's reach the county.
  const deepestFirst = [...nodes.values()].sort(
    (a, b) => b.region.regionPath.length - a.region.regionPath.length,
  );
  for (const node of deepestFirst) {
    if (node === nodes.get(scopeRow.id)) continue;
    const parent = node.region.parentId === null ? undefined : nodes.get(node.region.parentId);
    if (!parent) continue;
    addCounts(parent.counts, node.counts);
    parent.targets.villages += node.targets.villages;
    parent.targets.poorVillages += node.targets.poorVillages;
    parent.targets.nonPoorWithPoor += node.targets.nonPoorWithPoor;
    for (const [key, counts] of node.byGroup) {
      const parentCounts = parent.byGroup.get(key) ?? emptyCounts();
      addCounts(parentCounts, counts);
      parent.byGroup.set(key, parentCounts);
    }
  }
  const scope = nodes.get(scopeRow.id)!;
  const groups: MapGroup[] = groupRows.map((g) => ({
    key: groupKey(g.id),
    combatGroupId: g.id,
    name: g.name,
    counts: scope.byGroup.get(groupKey(g.id)) ?? emptyCounts(),
  }));
  const ungrouped = scope.byGroup.get(UNGROUPED);
  if (ungrouped) groups.push({ key: UNGROUPED, combatGroupId: null, name: '未分组', counts: ungrouped });
  return { asOf, scope, nodes: [...nodes.values()], groups };
}

const TaskStateCounts = builder.objectRef<StateCounts>('TaskStateCounts').implement({
  description: '任务状态计数 (leaf tasks by their state on the day asked about)',
  fields: (t) => ({
    total: t.exposeInt('total', { description: '任务总数' }),
    done: t.exposeInt('done', { description: '已完成' }),
    inProgress: t.exposeInt('inProgress', { description: '推进中' }),
    overdue: t.exposeInt('overdue', { description: '已逾期' }),
    notStarted: t.exposeInt('notStarted', { description: '未启动' }),
    averageProgress: t.int({
      description: '平均进度% (mean of the leaf tasks’ progress, rounded down)',
      resolve: (c) => (c.total === 0 ? 0 : Math.floor(c.progressSum / c.total)),
    }),
  }),
});

const BattleMapTargets = builder.objectRef<Targets>('BattleMapTargets').implement({
  description: '挂图目标 (the villages the region must lift and consolidate)',
  fields: (t) => ({
    villages: t.exposeInt('villages', { description: '有贫困人口的村(社区)数' }),
    poorVillages: t.exposeInt('poorVillages', { description: '贫困村数' }),
    nonPoorWithPoor: t.exposeInt('nonPoorWithPoor', { description: '有贫困人口的非贫困村数' }),
  }),
});

const BattleMapCell = builder
  .objectRef<{ groupKey: string; counts: StateCounts }>('BattleMapCell')
  .implement({
    description: '挂图单元格 (one region × one task group)',
    fields: (t) => ({
      groupKey: t.exposeString('groupKey', { description: '任务组 (BattleMapGroup.key)' }),
      counts: t.field({ type: TaskStateCounts, resolve: (cell) => cell.counts }),
    }),
  });

const BattleMapNode = builder.objectRef<MapNode>('BattleMapNode').implement({
  description: '挂图节点 (a county, township or village with its targets and task states, rolled up)',
  fields: (t) => ({
    regionId: t.id({
      description: '区划 (Region id)',
      resolve: (n) => encodeGlobalID('Region', n.region.id),
    }),
    parentRegionId: t.id({
      nullable: true,
      description: '上级区划',
      resolve: (n) => (n.region.parentId === null ? null : encodeGlobalID('Region', n.region.parentId)),
    }),
    name: t.string({ description: '名称', resolve: (n) => n.region.name }),
    code: t.string({ description: '区划代码', resolve: (n) => n.region.code }),
    level: t.field({ type: RegionLevelEnum, description: '层级', resolve: (n) => n.region.level }),
    villageKind: t.field({
      type: VillageKindEnum,
      nullable: true,
      description: '村类别',
      resolve: (n) => n.region.villageKind,
    }),
    targets: t.field({ type: BattleMapTargets, resolve: (n) => n.targets }),
    counts: t.field({ type: TaskStateCounts, description: '全部任务组合计', resolve: (n) => n.counts }),
    cells: t.field({
      type: [BattleMapCell],
      description: '按任务组 (only groups with tasks here)',
      resolve: (n) => [...n.byGroup].map(([key, counts]) => ({ groupKey: key, counts })),
    }),
  }),
});

const BattleMapGroup = builder.objectRef<MapGroup>('BattleMapGroup').implement({
  description: '任务组 (the battle map’s columns: the combat groups, plus 未分组 when tasks have none)',
  fields: (t) => ({
    key: t.exposeString('key', { description: '键 (the combat group id, or NONE)' }),
    combatGroupId: t.id({
      nullable: true,
      description: '战斗组',
      resolve: (g) => (g.combatGroupId === null ? null : encodeGlobalID('CombatGroup', g.combatGroupId)),
    }),
    name: t.exposeString('name', { description: '名称' }),
    counts: t.field({ type: TaskStateCounts, description: '本组合计 (in scope)', resolve: (g) => g.counts }),
  }),
});

const BattleMap = builder.objectRef<BattleMapData>('BattleMap').implement({
  description: '三级挂图作战 (county, township and village maps of targets and task states)',
  fields: (t) => ({
    asOf: t.field({ type: 'Date', description: '统计日期', resolve: (m) => m.asOf }),
    scope: t.field({
      type: BattleMapNode,
      description: '挂图范围 (the region asked for)',
      resolve: (m) => m.scope,
    }),
    groups: t.field({ type: [BattleMapGroup], description: '任务组 (columns)', resolve: (m) => m.groups }),
    nodes: t.field({
      type: [BattleMapNode],
      description: '各级节点 (filter by level or parent; all regions in scope by default)',
      args: {
        level: t.arg({ type: RegionLevelEnum, required: false }),
        parentRegionId: t.arg.globalID({ required: false, for: [Region] }),
      },
      resolve: (m, args) =>
        m.nodes.filter(
          (n) =>
            (!args.level || n.region.level === args.level) &&
            (!args.parentRegionId || n.region.parentId === Number(args.parentRegionId.id)),
        ),
    }),
  }),
});

builder.queryField('battleMap', (t) =>
  t.field({
    type: BattleMap,
    description: '三级挂图作战 (for your jurisdiction or a region inside it; three SQL statements)',
    args: {
      regionId: t.arg.globalID({
        required: false,
        for: [Region],
        description: '挂图范围 (default: your jurisdiction)',
      }),
      asOf: t.arg({
        type: 'Date',
        required: false,
        description: '统计日期 (default: today in Asia/Shanghai)',
      }),
    },
    resolve: (_root, args, ctx) =>
      loadBattleMap(ctx, args.regionId ? Number(args.regionId.id) : null, args.asOf ?? countyToday()),
  }),
);
