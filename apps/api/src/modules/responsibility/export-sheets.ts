import { deriveTaskStatus } from '@gongjian/rules';
import {
  exportColumn as col,
  type ExportSheet,
  queryChoice,
  queryDate,
  queryGlobalId,
  queryText,
} from '../../shared/list-export';
import { countyToday, type TaskListArgs, taskListFilter, withCompletedOn } from './task';

const STATUS_ZH = {
  NOT_STARTED: '未开始',
  IN_PROGRESS: '进行中',
  DONE: '已完成',
  OVERDUE: '已逾期',
} as const;
const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'OVERDUE'] as const;

/** The task list as Excel (GET /export/tasks), with the list's own filters and order. */
export const RESPONSIBILITY_SHEETS: Record<string, ExportSheet> = {
  tasks: {
    title: '任务清单',
    columns: [
      col('任务', 'title', 40),
      col('层级', 'level', 16),
      col('所在区划', 'region', 14),
      col('责任单位', 'unit', 30),
      col('责任人', 'person', 10),
      col('完成时限', 'deadline', 12),
      col('状态', 'status', 10),
      col('进度 (%)', 'progress', 10),
    ],
    filter: async (_ctx, query) => {
      const flag = (name: string) => queryText(query, name) === 'true' || null;
      return {
        mine: flag('mine'),
        myUnit: flag('myUnit'),
        overdue: flag('overdue'),
        topOfJurisdiction: flag('topOfJurisdiction'),
        leavesOnly: flag('leavesOnly'),
        withoutCombatGroup: flag('withoutCombatGroup'),
        status: queryChoice(query, 'status', STATUSES),
        level: queryText(query, 'level'),
        regionId: queryGlobalId(query, 'regionId', 'Region'),
        combatGroupId: queryGlobalId(query, 'combatGroupId', 'CombatGroup'),
        responsibleUnitId: queryGlobalId(query, 'responsibleUnitId', 'Unit'),
        policyDocumentId: queryGlobalId(query, 'policyDocumentId', 'PolicyDocument'),
        search: queryText(query, 'search'),
        asOf: queryDate(query, 'asOf'),
      } satisfies TaskListArgs;
    },
    rows: async (ctx, args: TaskListArgs, offset, limit) => {
      const asOf = args.asOf ?? countyToday();
      const rows = await ctx.db.query.tasks.findMany({
        where: { RAW: (t) => taskListFilter(t, ctx, args) },
        with: {
          region: { columns: { name: true } },
          responsibleUnit: { columns: { name: true } },
          responsiblePerson: { columns: { name: true } },
        },
        orderBy: { deadline: 'asc', id: 'asc' },
        offset,
        limit,
      });
      return rows.map((task) => ({
        title: task.title,
        level: task.levelId,
        region: task.region.name,
        unit: task.responsibleUnit.name,
        person: task.responsiblePerson.name,
        deadline: task.deadline,
        status: STATUS_ZH[deriveTaskStatus(withCompletedOn(task), asOf)],
        progress: task.progress,
      }));
    },
  },
};
