import { deriveTaskStatus } from '@gongjian/rules';
import { z } from 'zod';
import { column as col, type ExportSheet, exportSheet, param } from '../../shared/excel-export';
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
  tasks: exportSheet({
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
    filter: z.object({
      mine: param.flag,
      myUnit: param.flag,
      overdue: param.flag,
      topOfJurisdiction: param.flag,
      leavesOnly: param.flag,
      withoutCombatGroup: param.flag,
      status: param.choice(STATUSES),
      level: param.search,
      regionId: param.globalId('Region'),
      combatGroupId: param.globalId('CombatGroup'),
      responsibleUnitId: param.globalId('Unit'),
      policyDocumentId: param.globalId('PolicyDocument'),
      search: param.search,
      asOf: param.day,
    }),
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
  }),
};
