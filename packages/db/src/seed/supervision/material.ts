import type { ReportCategory, ReportChannel } from '@gongjian/rules';

/** The article's supervision figures (ARTICLE_2019): 给予作风问责116人, 立案19件; 304 villages with poor residents. */
export const ARTICLE_PEOPLE_HELD_ACCOUNTABLE = 116;
export const ARTICLE_CASES_OPENED = 19;

/** Rounds of the 县脱贫攻坚督导组's inspections in 2019 (the responsibility demo cites rounds 3 and 4). */
export const INSPECTION_ROUNDS = [
  { round: 1, startsOn: '2019-03-11', endsOn: '2019-03-22', scope: '各乡镇脱贫攻坚责任落实情况' },
  { round: 2, startsOn: '2019-05-06', endsOn: '2019-05-17', scope: '驻村帮扶和结对帮扶工作开展情况' },
  { round: 3, startsOn: '2019-06-10', endsOn: '2019-06-21', scope: '建档立卡档案资料和动态管理' },
  { round: 4, startsOn: '2019-07-15', endsOn: '2019-07-26', scope: '扶贫资金项目和问题整改落实情况' },
] as const;

export const INSPECTION_PROBLEMS = [
  '贫困户档案资料不齐全',
  '帮扶手册填写不规范',
  '结对帮扶走访记录缺失',
  '产业扶贫项目进度滞后',
  '危房改造验收资料不全',
  '政策宣传不到位, 群众知晓率低',
] as const;

/** The county review's weighted items (满分 100) and its veto item (一票否决). */
export const SCORE_SHEET = [
  { name: '两不愁 (吃穿不愁)', weight: 20 },
  { name: '三保障 (义务教育、基本医疗、住房安全)', weight: 30 },
  { name: '饮水安全', weight: 10 },
  { name: '产业就业帮扶', weight: 15 },
  { name: '驻村帮扶和结对帮扶', weight: 15 },
  { name: '档案资料和信息数据', weight: 10 },
] as const;
export const VETO_ITEM = '错评、漏评、错退 (一票否决)';

export const ACCOUNTABILITY_MEASURES = ['诫勉谈话', '通报批评', '约谈', '党内警告', '责令检查'] as const;
export const CASE_MEASURES = ['立案审查', '党内严重警告', '政务记过'] as const;
export const ACCOUNTABLE_POSTS = [
  '村支部书记',
  '村委会主任',
  '驻村工作队员',
  '乡镇扶贫专干',
  '站所工作人员',
] as const;

export interface ReportMaterial {
  channel: ReportChannel;
  category: ReportCategory;
  subject: string;
  content: string;
}

export const REPORT_MATERIAL: readonly ReportMaterial[] = [
  {
    channel: 'HOTLINE_12345',
    category: 'IDENTIFICATION',
    subject: '反映村里有人家有小车却被评为贫困户',
    content: '来电人反映本村一户家中有小轿车和门面, 仍被纳入建档立卡贫困户, 请求核查。',
  },
  {
    channel: 'PUBLISHED_PHONE',
    category: 'ASSISTANCE',
    subject: '反映帮扶干部很久没有上门',
    content: '来电人反映结对帮扶干部近三个月没有走访, 家中困难无人过问。',
  },
  {
    channel: 'SUPERVISOR',
    category: 'FUND_MISUSE',
    subject: '反映村道硬化项目资金公示不清楚',
    content: '村级扶贫监督员反映村道硬化项目未按规定公示资金使用情况。',
  },
  {
    channel: 'WALK_IN',
    category: 'POLICY_CONSULTATION',
    subject: '咨询易地扶贫搬迁后续扶持政策',
    content: '来访群众咨询搬迁后原宅基地复垦和就业扶持政策。',
  },
  {
    channel: 'HOTLINE_12345',
    category: 'CONDUCT',
    subject: '反映村干部优亲厚友',
    content: '来电人反映村干部在低保和危房改造评定中照顾亲属, 请求调查处理。',
  },
  {
    channel: 'HOTLINE_12345',
    category: 'POLICY_CONSULTATION',
    subject: '咨询教育扶贫资助如何申请',
    content: '来电人咨询子女就读高中能否享受教育扶贫资助及申请流程。',
  },
];
