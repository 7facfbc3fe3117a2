import type { DepartmentName } from '../work-advancement/material';

/**
 * The task tree the demo builds from the 2019 documents, the 2019 resolution and one meeting decision:
 * each root task goes to its combat group's lead department, then to every township, and (when
 * `toVillages`) to every village.
 */
export interface TaskTreeMaterial {
  title: string;
  source: { document: string } | { resolution: number } | { meetingTheme: string };
  combatGroup: string;
  department: DepartmentName;
  deadline: string;
  toVillages: boolean;
}

export const TASK_TREES: TaskTreeMaterial[] = [
  {
    title: '发展特色产业,带动贫困户稳定增收',
    source: { document: 'quality2019' },
    combatGroup: '产业扶贫组',
    department: '农业农村局',
    deadline: '2019-12-31',
    toVillages: true,
  },
  {
    title: '落实教育资助政策,控辍保学不漏一人',
    source: { document: 'quality2019' },
    combatGroup: '教育扶贫组',
    department: '教育局',
    deadline: '2019-12-31',
    toVillages: true,
  },
  {
    title: '完成存量农村危房改造,住房安全有保障',
    source: { document: 'quality2019' },
    combatGroup: '危房改造组',
    department: '住房和城乡建设局',
    deadline: '2019-11-30',
    toVillages: true,
  },
  {
    title: '巩固提升农村安全饮水',
    source: { document: 'quality2019' },
    combatGroup: '基础设施建设组',
    department: '水利局',
    deadline: '2019-12-31',
    toVillages: true,
  },
  {
    title: '贫困人口基本医疗保险和大病救治全覆盖',
    source: { document: 'quality2019' },
    combatGroup: '健康扶贫组',
    department: '卫生健康局',
    deadline: '2019-12-31',
    toVillages: false,
  },
  {
    title: '贫困劳动力技能培训和转移就业',
    source: { document: 'quality2019' },
    combatGroup: '就业扶贫组',
    department: '人力资源和社会保障局',
    deadline: '2019-12-31',
    toVillages: false,
  },
  {
    title: '落实低保、特困供养兜底保障',
    source: { document: 'quality2019' },
    combatGroup: '社会保障兜底组',
    department: '民政局',
    deadline: '2019-10-31',
    toVillages: false,
  },
  {
    title: '开展巩固脱贫成果自查自纠和县级复核',
    source: { document: 'assessment2019' },
    combatGroup: '督查考核组',
    department: '扶贫开发办公室',
    deadline: '2019-10-31',
    toVillages: true,
  },
  {
    title: '落实“四个不摘”要求,保持帮扶力量总体稳定',
    source: { resolution: 2 },
    combatGroup: '驻村帮扶组',
    department: '扶贫开发办公室',
    deadline: '2019-12-31',
    toVillages: false,
  },
  {
    title: '统筹整合涉农资金,完善扶贫项目库',
    source: { meetingTheme: '扶贫资金整合和项目管理' },
    combatGroup: '资金监管组',
    department: '财政局',
    deadline: '2019-11-30',
    toVillages: false,
  },
];
