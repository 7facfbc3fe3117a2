/**
 * Text material for the work-advancement demo: the command structure, the department sections, meeting
 * themes, resolutions and the "1+X+部门" documents of Jianghua (shared/seed, paragraphs 一 and 二).
 * Titles the article names are quoted as written; document numbers (文号) and exact days are plausible
 * demo values, not official records.
 */

/** Posts of the county leaders added to the leadership unit, beside the five the organisation step seeds. */
export const EXTRA_LEADER_POSTS = [
  '县委常委、组织部长(副指挥长)',
  '县委常委、宣传部长(副指挥长)',
  '县委常委、政法委书记(副指挥长)',
  '县委常委、统战部长(副指挥长)',
  '副县长(分管农业农村)(副指挥长)',
  '副县长(分管教育卫健)(副指挥长)',
  '副县长(分管住建交通)(副指挥长)',
] as const;

/** Sector departments with a poverty-alleviation section (扶贫业务股室) and named staff. */
export const DEPARTMENT_SECTIONS = [
  '扶贫开发办公室',
  '发展和改革局',
  '教育局',
  '民政局',
  '财政局',
  '人力资源和社会保障局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '卫生健康局',
  '医疗保障局',
  '林业局',
] as const;
export type DepartmentName = (typeof DEPARTMENT_SECTIONS)[number];

/** Short forms used in department document numbers (江教发〔2019〕3号). */
export const DEPARTMENT_ABBREVIATIONS: Record<DepartmentName, string> = {
  扶贫开发办公室: '扶',
  发展和改革局: '发改',
  教育局: '教',
  民政局: '民',
  财政局: '财',
  人力资源和社会保障局: '人社',
  住房和城乡建设局: '建',
  交通运输局: '交',
  水利局: '水',
  农业农村局: '农',
  卫生健康局: '卫',
  医疗保障局: '医保',
  林业局: '林',
};

export const COMBAT_GROUPS: { name: string; remit: string; departments: DepartmentName[] }[] = [
  {
    name: '综合协调组',
    remit: '统筹调度全县脱贫攻坚工作,汇总信息,筹备指挥部会议和迎检工作',
    departments: ['扶贫开发办公室'],
  },
  {
    name: '产业扶贫组',
    remit: '发展特色种养业和扶贫车间,落实产业奖补和利益联结机制',
    departments: ['农业农村局', '林业局'],
  },
  {
    name: '就业扶贫组',
    remit: '贫困劳动力技能培训、转移就业和公益性岗位安置',
    departments: ['人力资源和社会保障局'],
  },
  { name: '易地扶贫搬迁组', remit: '易地扶贫搬迁安置点建设和搬迁后续扶持', departments: ['发展和改革局'] },
  { name: '教育扶贫组', remit: '教育资助全覆盖,控辍保学,义务教育有保障', departments: ['教育局'] },
  {
    name: '健康扶贫组',
    remit: '基本医疗保险全覆盖,先诊疗后付费,大病专项救治',
    departments: ['卫生健康局', '医疗保障局'],
  },
  {
    name: '危房改造组',
    remit: '农村危房改造和住房安全鉴定,住房安全有保障',
    departments: ['住房和城乡建设局'],
  },
  {
    name: '基础设施建设组',
    remit: '农村公路、安全饮水、电网和通信等基础设施建设',
    departments: ['交通运输局', '水利局'],
  },
  { name: '社会保障兜底组', remit: '低保、特困供养和残疾人两项补贴等兜底保障', departments: ['民政局'] },
  { name: '驻村帮扶组', remit: '驻村工作队管理和结对帮扶走访', departments: ['扶贫开发办公室'] },
  { name: '资金监管组', remit: '涉农资金统筹整合、扶贫项目库和资金监管', departments: ['财政局'] },
  { name: '督查考核组', remit: '督查巡查、考核验收和问题整改督办', departments: ['扶贫开发办公室'] },
];

export const MEETING_COUNTS = {
  COUNTY_STANDING_COMMITTEE: 87,
  GOVERNMENT_EXECUTIVE: 38,
  LEADING_GROUP: 29,
  COUNTY_CONFERENCE: 33,
} as const;

export const MEETING_NAMES: Record<keyof typeof MEETING_COUNTS, string> = {
  COUNTY_STANDING_COMMITTEE: '县委常委会会议',
  GOVERNMENT_EXECUTIVE: '县政府常务会议',
  LEADING_GROUP: '县扶贫开发领导小组会议',
  COUNTY_CONFERENCE: '全县脱贫攻坚工作大会',
};

export const MEETING_ATTENDEES: Record<keyof typeof MEETING_COUNTS, string[]> = {
  COUNTY_STANDING_COMMITTEE: [
    '县委书记',
    '县委副书记、县长',
    '县委副书记',
    '县委常委',
    '县人大常委会主任(列席)',
  ],
  GOVERNMENT_EXECUTIVE: ['县长', '常务副县长', '副县长', '县政府办主任', '县扶贫办主任(列席)'],
  LEADING_GROUP: ['组长(县委书记)', '副组长(县长)', '领导小组成员单位主要负责人', '县扶贫办'],
  COUNTY_CONFERENCE: ['县四大家领导', '各乡镇党委书记、乡镇长', '县直单位主要负责人', '驻村工作队长'],
};

/** What the meetings studied, with the decisions such a meeting would take. */
export const MEETING_THEMES: { theme: string; decisions: string[] }[] = [
  {
    theme: '精准识别和动态管理',
    decisions: [
      '开展建档立卡贫困对象动态调整,做到应纳尽纳、应退尽退',
      '对“四类对象”开展清理排查,限期整改到位',
      '建立贫困边缘户排查台账,逐户落实帮扶措施',
    ],
  },
  {
    theme: '产业扶贫',
    decisions: [
      '安排产业扶贫资金,支持贫困村发展特色种养业',
      '推行“合作社+贫困户”模式,建立利益联结机制',
      '每个贫困村至少建成一个扶贫产业基地',
    ],
  },
  {
    theme: '易地扶贫搬迁',
    decisions: ['加快集中安置点建设,确保按期入住', '落实搬迁户后续产业和就业扶持'],
  },
  {
    theme: '教育扶贫',
    decisions: ['落实建档立卡学生资助政策,做到应助尽助', '开展控辍保学专项行动,劝返失学辍学学生'],
  },
  {
    theme: '健康扶贫',
    decisions: ['贫困人口基本医疗保险参保率达到100%', '落实县域内住院先诊疗后付费和一站式结算'],
  },
  {
    theme: '农村危房改造',
    decisions: ['完成存量危房改造任务,做到应改尽改', '开展住房安全鉴定,建立一户一档'],
  },
  {
    theme: '基础设施建设',
    decisions: ['推进贫困村通组公路硬化', '实施农村安全饮水巩固提升工程'],
  },
  {
    theme: '驻村帮扶和结对帮扶',
    decisions: ['调整充实驻村工作队,落实“五天四夜”驻村要求', '落实结对帮扶固定走访日制度'],
  },
  {
    theme: '扶贫资金整合和项目管理',
    decisions: ['统筹整合财政涉农资金,优先保障脱贫攻坚项目', '完善扶贫项目库,规范项目公告公示'],
  },
  {
    theme: '督查考核和问题整改',
    decisions: ['组织开展脱贫攻坚督查巡查,问题清单限期销号', '将脱贫攻坚纳入年度综合绩效考核'],
  },
  {
    theme: '脱贫摘帽迎检',
    decisions: ['开展脱贫摘帽自查评估,逐村逐户查漏补缺', '完善贫困户档案资料,做到账实相符'],
  },
  {
    theme: '巩固提升脱贫成果',
    decisions: ['落实“四个不摘”要求,保持政策稳定', '开展巩固脱贫成果自查自纠和县级复核'],
  },
];

/** The three resolutions the article names. */
export const RESOLUTIONS = [
  {
    issuingBody: '中共江华瑶族自治县委员会',
    adoptedOn: '2015-08-20',
    title: '关于切实肩负如期脱贫摘帽政治责任历史责任的决议',
    summary: '把脱贫攻坚作为全县头等大事和第一民生工程,确保如期脱贫摘帽',
  },
  {
    issuingBody: '江华瑶族自治县第十七届人民代表大会第三次会议',
    adoptedOn: '2018-02-06',
    title: '为脱贫摘帽贡献力量',
    summary: '动员全县各级人大代表和全县人民为脱贫摘帽贡献力量',
  },
  {
    issuingBody: '中国共产党江华瑶族自治县第十二届委员会第七次全体会议',
    adoptedOn: '2019-07-26',
    title: '中国共产党江华瑶族自治县委员会关于坚决贯彻落实“四个不摘”巩固提升脱贫摘帽成效的决议',
    summary: '摘帽不摘责任、不摘政策、不摘帮扶、不摘监管,巩固提升脱贫摘帽成效',
  },
] as const;

export interface DocumentMaterial {
  key: string;
  kind: 'MASTER' | 'THEMATIC';
  documentNumber: string;
  title: string;
  issuer: string;
  issuedOn: string;
  /** Key of the document that replaced this one. */
  supersededBy?: string;
}

const COUNTY_OFFICES = '中共江华瑶族自治县委办公室 江华瑶族自治县人民政府办公室';

/** The "1" (the 2015 resolution) and the "X" (thematic documents), including the 2019 documents named. */
export const COUNTY_DOCUMENTS: DocumentMaterial[] = [
  {
    key: 'master',
    kind: 'MASTER',
    documentNumber: '江发〔2015〕11号',
    title: '关于切实肩负如期脱贫摘帽政治责任历史责任的决议',
    issuer: '中共江华瑶族自治县委员会',
    issuedOn: '2015-08-20',
  },
  {
    key: 'plan13',
    kind: 'THEMATIC',
    documentNumber: '江政发〔2016〕5号',
    title: '江华瑶族自治县“十三五”脱贫攻坚规划',
    issuer: '江华瑶族自治县人民政府',
    issuedOn: '2016-04-18',
  },
  {
    key: 'exclusions',
    kind: 'THEMATIC',
    documentNumber: '江办发〔2016〕9号',
    title: '精准识贫“七个不纳入”实施办法',
    issuer: COUNTY_OFFICES,
    issuedOn: '2016-06-02',
  },
  {
    key: 'industry',
    kind: 'THEMATIC',
    documentNumber: '江办发〔2016〕15号',
    title: '关于推进产业精准扶贫的实施意见',
    issuer: COUNTY_OFFICES,
    issuedOn: '2016-08-10',
  },
  {
    key: 'inspection',
    kind: 'THEMATIC',
    documentNumber: '江办发〔2017〕4号',
    title: '脱贫攻坚督查巡查工作办法',
    issuer: COUNTY_OFFICES,
    issuedOn: '2017-03-15',
  },
  {
    key: 'assessment2017',
    kind: 'THEMATIC',
    documentNumber: '江办发〔2017〕12号',
    title: '脱贫攻坚工作考核办法(试行)',
    issuer: COUNTY_OFFICES,
    issuedOn: '2017-05-08',
    supersededBy: 'assessment2019',
  },
  {
    key: 'quality2019',
    kind: 'THEMATIC',
    documentNumber: '江办发〔2019〕2号',
    title: '提高脱贫质量促进稳定脱贫的实施方案',
    issuer: COUNTY_OFFICES,
    issuedOn: '2019-01-28',
  },
  {
    key: 'assessment2019',
    kind: 'THEMATIC',
    documentNumber: '江办发〔2019〕5号',
    title: '巩固提升脱贫成果考核办法',
    issuer: COUNTY_OFFICES,
    issuedOn: '2019-02-20',
  },
];

/** The unit of a department's poverty-alleviation section (扶贫业务股). */
export const departmentSectionName = (department: DepartmentName) => `江华瑶族自治县${department}扶贫业务股`;
