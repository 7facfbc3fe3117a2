import type { FundSourceCategory, ProjectState } from '@gongjian/rules';

/** The article's fund figures in 万元 as written (decimal strings, never floats): 2014–2018 and 2019. */
export const ARTICLE_SOURCES: readonly {
  key: string;
  category: FundSourceCategory;
  name: string;
  wan: string;
}[] = [
  { key: 'fiscal_poverty', category: 'FISCAL_POVERTY', name: '财政扶贫资金', wan: '22699' },
  { key: 'integrated_agri', category: 'INTEGRATED_AGRI', name: '财政涉农整合资金', wan: '81000.712' },
  { key: 'credit', category: 'CREDIT', name: '信贷扶贫资金', wan: '34507' },
  { key: 'sector', category: 'SECTOR', name: '行业部门资金', wan: '283076.81' },
  { key: 'social', category: 'SOCIAL', name: '社会帮扶资金', wan: '4712' },
  { key: 'county_budget', category: 'COUNTY_BUDGET', name: '县财政预算投入', wan: '10535' },
];

/** "财政涉农整合资金81000.712万元(含纳入整合的财政扶贫资金24758万元)". */
export const ARTICLE_OVERLAP = { container: 'integrated_agri', contained: 'fiscal_poverty', wan: '24758' };

export const ARTICLE_REPORTED_TOTAL_WAN = '436011.81';
export const INTEGRATED_2019_WAN = '30771';
export const ARTICLE_REFERENCE = '《江华瑶族自治县脱贫攻坚六大机制》(2019)';

/** Project kinds of a village library: category, name, target, poverty link. */
export const PROJECT_KINDS = [
  {
    category: '基础设施',
    name: '村组道路硬化',
    target: '硬化村组道路 3.5 公里, 路面宽 4.5 米, 当年竣工通车',
    link: '优先吸纳贫困户务工, 务工收入人均 3000 元以上',
  },
  {
    category: '基础设施',
    name: '农村安全饮水巩固提升',
    target: '新建蓄水池 2 座、铺设管网 6 公里, 解决 120 户饮水安全',
    link: '覆盖全部建档立卡贫困户, 实现饮水安全有保障',
  },
  {
    category: '产业发展',
    name: '油茶低改及新造',
    target: '低改油茶 500 亩、新造 200 亩, 三年后亩产茶油 15 公斤',
    link: '贫困户以土地入股, 每年保底分红 300 元/户',
  },
  {
    category: '产业发展',
    name: '香芋种植基地',
    target: '建设香芋基地 300 亩, 亩均产值 6000 元',
    link: '合作社带动贫困户种植, 订单收购',
  },
  {
    category: '产业发展',
    name: '光伏扶贫电站',
    target: '建成 60 千瓦村级光伏电站, 年发电收益 5 万元',
    link: '收益用于村公益岗位和贫困户分红',
  },
  {
    category: '公共服务',
    name: '村卫生室标准化建设',
    target: '建成 80 平方米标准化村卫生室, 配齐基本设备',
    link: '贫困人口家庭医生签约服务全覆盖',
  },
  {
    category: '公共服务',
    name: '村级综合服务平台',
    target: '建成村级综合服务中心 1 个, 面积 200 平方米',
    link: '设置公益性岗位 3 个, 优先安排贫困劳动力',
  },
  {
    category: '易地扶贫搬迁',
    name: '安置点配套设施',
    target: '完成安置点道路、供水、污水处理配套',
    link: '服务搬迁贫困户, 配套扶贫车间就业',
  },
] as const;

/** The lifecycle states the demo cycles through, so every state has projects (and a few are removed). */
export const DEMO_STATES: readonly ProjectState[] = [
  'IMPLEMENTATION',
  'COMPLETION_ACCEPTANCE',
  'ASSET_HANDOVER',
  'IN_LIBRARY',
  'APPLICATION',
  'TOWNSHIP_REVIEW',
  'COUNTY_APPRAISAL',
  'APPROVED',
  'IMPLEMENTATION',
  'REMOVED',
  'COMPLETION_ACCEPTANCE',
];

export const AUDIT_PROBLEMS = [
  '项目资金拨付滞后, 结存资金未及时拨付',
  '工程结算审核不严, 多计工程量',
  '项目公告公示内容不全, 未公示资金来源',
  '项目资产未及时确权登记',
] as const;
