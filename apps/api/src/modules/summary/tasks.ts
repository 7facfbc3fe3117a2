import { encodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'drizzle-orm';
import { pathPrefix } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { oncePerRequest } from '../../shared/once-per-request';
import { rowsOf } from '../../shared/rows';
import { Cockpit, type CockpitScope, sectionKey } from './scope';

/**
 * 任务 as of a day, counted at the leaves as the battle map counts them (the rules' `deriveTaskStatus`):
 * done when completed on or before the day; otherwise overdue when the deadline was before the day;
 * otherwise in progress or not started by the status the task had entered by the end of the day (its
 * status changes; none: not started). By responsibility level, by unit (the most overdue first) and by
 * combat group. One statement.
 */

export interface TaskCounts {
  total: number;
  done: number;
  inProgress: number;
  overdue: number;
  notStarted: number;
}

interface TaskLine extends TaskCounts {
  key: string;
  name: string;
  /** The Relay id of the unit or combat group, for the drill-down to `tasks(…)`; null for a level. */
  id: string | null;
}

export interface TaskFigures {
  counts: TaskCounts;
  byLevel: TaskLine[];
  byUnit: TaskLine[];
  byGroup: TaskLine[];
}

const empty = (): TaskCounts => ({ total: 0, done: 0, inProgress: 0, overdue: 0, notStarted: 0 });

function add(target: TaskCounts, source: TaskCounts) {
  target.total += source.total;
  target.done += source.done;
  target.inProgress += source.inProgress;
  target.overdue += source.overdue;
  target.notStarted += source.notStarted;
}

export function taskFigures(ctx: Context, scope: CockpitScope): Promise<TaskFigures> {
  return oncePerRequest(ctx, sectionKey('tasks', scope), async () => {
    const prefix = pathPrefix(scope.regionPath);
    const doneOn = sql`(t.completed_at is not null and (t.completed_at at time zone 'Asia/Shanghai')::date <= ${scope.asOf}::date)`;
    const startedOn = sql`(coalesce(s.status, 'NOT_STARTED') <> 'NOT_STARTED')`;
    const rows = rowsOf<{
      levelId: string;
      unitId: number;
      unitName: string;
      groupId: number | null;
      groupName: string | null;
      total: number;
      done: number;
      inProgress: number;
      overdue: number;
      notStarted: number;
    }>(
      await ctx.db.execute(sql`
        select t.level_id as "levelId", t.responsible_unit_id as "unitId", u.name as "unitName",
          t.combat_group_id as "groupId", g.name as "groupName",
          count(*)::int as total,
          (count(*) filter (where ${doneOn}))::int as done,
          (count(*) filter (where not ${doneOn} and t.deadline < ${scope.asOf}::date))::int as overdue,
          (count(*) filter (where not ${doneOn} and t.deadline >= ${scope.asOf}::date and ${startedOn}))::int as "inProgress",
          (count(*) filter (where not ${doneOn} and t.deadline >= ${scope.asOf}::date and not ${startedOn}))::int as "notStarted"
        from tasks t join units u on u.id = t.responsible_unit_id
          left join combat_groups g on g.id = t.combat_group_id
          left join lateral (select h.status from task_status_changes h where h.task_id = t.id
            and (h.changed_at at time zone 'Asia/Shanghai')::date <= ${scope.asOf}::date
            order by h.changed_at desc, h.id desc limit 1) s on true
        where t.region_path like ${prefix} and not exists (select 1 from tasks c where c.parent_id = t.id)
        group by t.level_id, t.responsible_unit_id, u.name, t.combat_group_id, g.name`),
    );
    const counts = empty();
    const lines = (keyOf: (r: (typeof rows)[number]) => [string, string, string | null]) => {
      const map = new Map<string, TaskLine>();
      for (const r of rows) {
        const [key, name, id] = keyOf(r);
        const line = map.get(key) ?? { key, name, id, ...empty() };
        add(line, {
          total: Number(r.total),
          done: Number(r.done),
          inProgress: Number(r.inProgress),
          overdue: Number(r.overdue),
          notStarted: Number(r.notStarted),
        });
        map.set(key, line);
      }
      return [...map.values()];
    };
    for (const line of lines(() => ['all', '', null])) add(counts, line);
    const levels = scope.policy.get('responsibility.levels');
    const byLevel = lines((r) => [
      r.levelId,
      levels.find((l) => l.id === r.levelId)?.labelZh ?? r.levelId,
      null,
    ]).sort((a, b) => levels.findIndex((l) => l.id === a.key) - levels.findIndex((l) => l.id === b.key));
    const byUnit = lines((r) => [String(r.unitId), r.unitName, encodeGlobalID('Unit', r.unitId)]).sort(
      (a, b) => b.overdue - a.overdue || b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'),
    );
    const byGroup = lines((r) =>
      r.groupId === null
        ? ['NONE', '未分组', null]
        : [String(r.groupId), r.groupName ?? '', encodeGlobalID('CombatGroup', r.groupId)],
    ).sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'zh-CN'));
    return { counts, byLevel, byUnit, byGroup };
  });
}

const countFields = {
  total: { description: '任务数 (末级)' },
  done: { description: '已完成 (completed on or before the day)' },
  inProgress: { description: '推进中' },
  overdue: { description: '已逾期 (not done, deadline before the day)' },
  notStarted: { description: '未启动' },
} as const;

const TaskCountsRef = builder.objectRef<TaskCounts>('CockpitTaskCounts').implement({
  description: '任务状态计数 (leaf tasks on the day)',
  fields: (t) => ({
    total: t.exposeInt('total', countFields.total),
    done: t.exposeInt('done', countFields.done),
    inProgress: t.exposeInt('inProgress', countFields.inProgress),
    overdue: t.exposeInt('overdue', countFields.overdue),
    notStarted: t.exposeInt('notStarted', countFields.notStarted),
  }),
});

const TaskLineRef = builder.objectRef<TaskLine>('CockpitTaskLine').implement({
  description: '任务分组行 (a responsibility level, a unit or a combat group)',
  fields: (t) => ({
    key: t.exposeString('key', { description: '键 (level id, unit or group database id, NONE)' }),
    name: t.exposeString('name', { description: '名称' }),
    id: t.exposeID('id', { nullable: true, description: '单位或战斗组 (for tasks(…) filters)' }),
    total: t.exposeInt('total', countFields.total),
    done: t.exposeInt('done', countFields.done),
    inProgress: t.exposeInt('inProgress', countFields.inProgress),
    overdue: t.exposeInt('overdue', countFields.overdue),
    notStarted: t.exposeInt('notStarted', countFields.notStarted),
  }),
});

const TasksRef = builder.objectRef<TaskFigures>('CockpitTasks').implement({
  description: '任务 (done, in progress and overdue on the day, by level, unit and combat group)',
  fields: (t) => ({
    counts: t.field({ type: TaskCountsRef, description: '合计', resolve: (f) => f.counts }),
    byLevel: t.field({ type: [TaskLineRef], description: '按责任层级', resolve: (f) => f.byLevel }),
    byUnit: t.field({
      type: [TaskLineRef],
      description: '按责任单位 (most overdue first)',
      args: { first: t.arg.int({ required: false, description: '前几个 (default 10, at most 100)' }) },
      resolve: (f, args) => f.byUnit.slice(0, Math.min(Math.max(args.first ?? 10, 0), 100)),
    }),
    byGroup: t.field({ type: [TaskLineRef], description: '按战斗组', resolve: (f) => f.byGroup }),
  }),
});

builder.objectFields(Cockpit, (t) => ({
  tasks: t.field({
    type: TasksRef,
    description: '任务 (one statement)',
    resolve: (scope, _args, ctx) => taskFigures(ctx, scope),
  }),
}));
