import { defineDictionaries } from '@gongjian/ui';

export const battleMapWords = defineDictionaries(
  {
    title: '挂图作战 · 任务推进',
    asOf: '统计日期',
    tasks: '任务',
    done: '已完成',
    inProgress: '推进中',
    overdue: '已逾期',
    notStarted: '未启动',
    averageProgress: '平均进度',
    region: '区划',
    total: '合计',
    chartHint: '按末级任务统计；点击乡镇查看各村，点击村查看该村',
    noNodes: '该范围内没有下级区划',
    overdueCount: '逾期 {count}',
  },
  {
    title: 'Battle map · task progress',
    asOf: 'As of',
    tasks: 'Tasks',
    done: 'Done',
    inProgress: 'In progress',
    overdue: 'Overdue',
    notStarted: 'Not started',
    averageProgress: 'Average progress',
    region: 'Region',
    total: 'Total',
    chartHint: 'Counted at leaf tasks; click a township to open its villages, a village to open it',
    noNodes: 'No regions below this one',
    overdueCount: '{count} overdue',
  },
);
