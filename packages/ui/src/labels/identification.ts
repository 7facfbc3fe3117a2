import type { EnumValue } from '@gongjian/schema';

type IdentificationEnum =
  | 'HouseholdStatus'
  | 'HouseholdAttribute'
  | 'PovertyCause'
  | 'ApplicationKind'
  | 'ApplicationState'
  | 'ProcedureStep'
  | 'StepDecision'
  | 'ActorRole'
  | 'RelationToHead'
  | 'Sex'
  | 'EducationLevel'
  | 'HealthCondition'
  | 'DisabilityGrade'
  | 'LabourCapacity'
  | 'SchoolEnrolment'
  | 'MeasureKind'
  | 'MeasureStatus'
  | 'HousingGrade'
  | 'MonitoringType'
  | 'MonitoringState'
  | 'MonitoringStep'
  | 'MonitoringProcedure'
  | 'RiskKind'
  | 'FindingState'
  | 'StepRefusal'
  | 'RulesAdvice'
  | 'SectorRecordKind'
  | 'VehicleKind'
  | 'TownPropertyKind'
  | 'BusinessKind'
  | 'SurveySampleKind'
  | 'ExitVerificationOutcome';

type Labels = { [Name in IdentificationEnum]: Record<EnumValue<Name>, string> };

/** The registry's enumerations in the words of the national information system (POLICY.md 1.5). */
const chinese: Labels = {
  HouseholdStatus: {
    NON_POOR: '非贫困户',
    POOR: '未脱贫',
    EXITED: '已脱贫(享受政策)',
    EXITED_NO_POLICY: '已脱贫(不再享受政策)',
    RETURNED: '返贫',
  },
  HouseholdAttribute: {
    ORDINARY: '一般贫困户',
    MINIMUM_LIVELIHOOD: '低保贫困户',
    EXTREME_POVERTY_SUPPORT: '特困供养贫困户',
  },
  PovertyCause: {
    ILLNESS: '因病',
    DISABILITY: '因残',
    SCHOOLING: '因学',
    DISASTER: '因灾',
    LACK_OF_LAND: '缺土地',
    LACK_OF_WATER: '缺水',
    LACK_OF_SKILLS: '缺技术',
    LACK_OF_LABOUR: '缺劳力',
    LACK_OF_CAPITAL: '缺资金',
    POOR_TRANSPORT: '交通条件落后',
    LACK_OF_MOTIVATION: '自身发展动力不足',
    OTHER: '其他',
  },
  ApplicationKind: {
    IDENTIFY: '识别纳入',
    EXIT: '脱贫退出',
    END_POLICY: '不再享受政策',
    RETURN: '返贫纳入',
    REMOVE_WRONGLY_INCLUDED: '错评剔除',
    ADD_MISSED: '漏评补录',
  },
  ApplicationState: { IN_PROGRESS: '办理中', COMPLETED: '已完成', REJECTED: '未通过', WITHDRAWN: '已撤回' },
  ProcedureStep: {
    VILLAGE_DELIBERATION: '村民代表民主评议',
    FIRST_NOTICE: '村内第一次公示',
    TOWNSHIP_REVIEW: '乡镇审核',
    SECOND_NOTICE: '第二次公示',
    COUNTY_APPROVAL: '县级审批',
    ANNOUNCEMENT: '公告',
  },
  StepDecision: { APPROVED: '同意 / 公示无异议', REJECTED: '不同意 / 公示有异议' },
  ActorRole: { VILLAGE_CLERK: '村级专干', TOWNSHIP_CLERK: '乡镇专干', COUNTY_ADMIN: '县级管理员' },
  RelationToHead: {
    HEAD: '户主',
    SPOUSE: '配偶',
    SON: '之子',
    DAUGHTER: '之女',
    SON_IN_LAW: '之女婿',
    DAUGHTER_IN_LAW: '之儿媳',
    GRANDSON: '之孙子',
    GRANDDAUGHTER: '之孙女',
    FATHER: '之父',
    MOTHER: '之母',
    SIBLING: '兄弟姐妹',
    OTHER: '其他',
  },
  Sex: { MALE: '男', FEMALE: '女' },
  EducationLevel: {
    PRESCHOOL: '学龄前儿童',
    ILLITERATE: '文盲或半文盲',
    PRIMARY: '小学',
    JUNIOR_SECONDARY: '初中',
    SENIOR_SECONDARY: '高中',
    COLLEGE_OR_ABOVE: '大专及以上',
  },
  HealthCondition: {
    HEALTHY: '健康',
    CHRONIC_ILLNESS: '长期慢性病',
    SERIOUS_ILLNESS: '患有大病',
    DISABLED: '残疾',
  },
  DisabilityGrade: {
    NONE: '无残疾',
    GRADE_1: '一级残疾',
    GRADE_2: '二级残疾',
    GRADE_3: '三级残疾',
    GRADE_4: '四级残疾',
  },
  LabourCapacity: { FULL: '有劳动能力', PARTIAL: '弱劳动能力', NONE: '无劳动能力' },
  SchoolEnrolment: { ENROLLED: '在校生', NOT_ENROLLED: '不在校', OUT_FOR_HEALTH: '因病因残不能就学' },
  MeasureKind: {
    HOUSING: '住房保障',
    SOCIAL_ASSISTANCE: '兜底保障',
    EDUCATION_AID: '教育助学',
    MEDICAL: '健康扶贫',
    DISABILITY_RELIEF: '残疾人救助',
    INDUSTRY: '产业扶贫',
    EMPLOYMENT: '就业扶贫',
    MICROCREDIT: '扶贫小额信贷',
    RELOCATION: '易地扶贫搬迁',
    OTHER: '其他',
  },
  MeasureStatus: { PLANNED: '计划', IN_PROGRESS: '落实中', DONE: '已落实', CANCELLED: '已取消' },
  HousingGrade: { A: 'A级(安全)', B: 'B级(基本安全)', C: 'C级(局部危房)', D: 'D级(整栋危房)' },
  MonitoringType: {
    UNSTABLE_EXITED: '脱贫不稳定户',
    EDGE_PRONE: '边缘易致贫户',
    SUDDEN_HARDSHIP: '突发严重困难户',
  },
  MonitoringState: {
    IDENTIFYING: '认定中',
    MONITORED: '监测帮扶中',
    ELIMINATING: '风险消除办理中',
    RISK_ELIMINATED: '风险已消除',
    REJECTED: '未认定',
  },
  MonitoringStep: {
    RISK_CLUE: '发现风险线索',
    HOUSEHOLD_VISIT: '入户核实并签署授权承诺',
    DATA_CROSS_CHECK: '部门数据比对',
    VILLAGE_NOTICE: '村级评议公示',
    TOWNSHIP_REVIEW: '乡镇审核',
    COUNTY_APPROVAL: '县级确定',
    ELIMINATION_VISIT: '风险消除入户核实',
    ELIMINATION_NOTICE: '风险消除评议公示',
    ELIMINATION_APPROVAL: '县级审定并公告',
  },
  MonitoringProcedure: { IDENTIFICATION: '监测对象认定', ELIMINATION: '风险消除' },
  RiskKind: {
    ILLNESS: '因病',
    DISABILITY: '因残',
    SCHOOLING_COST: '因学',
    DISASTER: '因灾',
    ACCIDENT: '因意外事故',
    EMPLOYMENT_LOSS: '失业',
    INCOME_DROP: '收入骤减',
    OTHER: '其他',
  },
  FindingState: { OPEN: '待核实', CONFIRMED: '已确认', DISMISSED: '已排除' },
  StepRefusal: {
    OUT_OF_ORDER: '步骤顺序错误',
    WRONG_ROLE: '您的角色无权办理此步骤',
    NOTICE_NOT_ELAPSED: '公示期未满',
    DATE_BEFORE_PREVIOUS_STEP: '办理日期早于上一步骤',
    ALREADY_COMPLETE: '程序已全部完成',
    STEP_NOT_IN_PROCEDURE: '本程序不含此步骤',
    TRANSITION_NOT_ALLOWED: '当前状态不能办理此类申请',
  },
  RulesAdvice: { SUPPORTS: '符合政策规则', OPPOSES: '与政策规则不符' },
  SectorRecordKind: {
    BUSINESS: '经营企业、商铺或运输业',
    COMMERCIAL_PENSION: '购买商业养老保险',
    CONTRACTOR: '承包工程',
    GHOST_REGISTRATION: '空挂户',
    LARGE_SCALE_FARMER: '种养大户',
    LONG_TERM_EMPLOYER: '长期雇工',
    LUXURY_RENOVATION: '住房豪华装修',
    PUBLIC_PAYROLL: '财政供养人员',
    SELF_FUNDED_STUDY_ABROAD: '自费留学',
    SPLIT_HOUSEHOLD: '为享受政策分户拆户',
    TOWN_PROPERTY: '城镇房产或商铺',
    UNEXPLAINED_REPORT: '举报不能合理解释',
    UNRECTIFIED_ILLEGAL_ACT: '违法拒不改正',
    VEHICLE: '车辆',
    VILLAGE_CADRE: '现任村两委干部',
  },
  VehicleKind: {
    CAR: '小汽车',
    LARGE_FARM_VEHICLE: '大型农用车',
    CONSTRUCTION_MACHINERY: '工程机械',
    SHIP: '船舶',
  },
  TownPropertyKind: { COMMERCIAL_HOUSE: '商品房', SHOP: '商铺', STOREFRONT: '门面房' },
  BusinessKind: { COMPANY: '公司企业', SHOP: '商铺', TRANSPORT: '运输业' },
  SurveySampleKind: { EXITED: '已脱贫户', NON_REGISTERED: '未建档立卡户', REGISTERED_POOR: '未脱贫户' },
  ExitVerificationOutcome: { CORRECT_EXIT: '退出准确', WRONG_EXIT: '错退' },
};

const english: Labels = {
  HouseholdStatus: {
    NON_POOR: 'Not poor',
    POOR: 'Poor (not yet out)',
    EXITED: 'Exited (policies continue)',
    EXITED_NO_POLICY: 'Exited (policies ended)',
    RETURNED: 'Returned to poverty',
  },
  HouseholdAttribute: {
    ORDINARY: 'Ordinary',
    MINIMUM_LIVELIHOOD: 'Minimum livelihood allowance',
    EXTREME_POVERTY_SUPPORT: 'Extreme-poverty support',
  },
  PovertyCause: {
    ILLNESS: 'Illness',
    DISABILITY: 'Disability',
    SCHOOLING: 'Schooling costs',
    DISASTER: 'Disaster',
    LACK_OF_LAND: 'No land',
    LACK_OF_WATER: 'No water',
    LACK_OF_SKILLS: 'No skills',
    LACK_OF_LABOUR: 'No labour',
    LACK_OF_CAPITAL: 'No capital',
    POOR_TRANSPORT: 'Poor transport',
    LACK_OF_MOTIVATION: 'Lack of motivation',
    OTHER: 'Other',
  },
  ApplicationKind: {
    IDENTIFY: 'Identify as poor',
    EXIT: 'Exit',
    END_POLICY: 'End policies',
    RETURN: 'Return to poverty',
    REMOVE_WRONGLY_INCLUDED: 'Remove (wrongly included)',
    ADD_MISSED: 'Add (missed)',
  },
  ApplicationState: {
    IN_PROGRESS: 'In progress',
    COMPLETED: 'Completed',
    REJECTED: 'Rejected',
    WITHDRAWN: 'Withdrawn',
  },
  ProcedureStep: {
    VILLAGE_DELIBERATION: 'Village deliberation',
    FIRST_NOTICE: 'First notice',
    TOWNSHIP_REVIEW: 'Township review',
    SECOND_NOTICE: 'Second notice',
    COUNTY_APPROVAL: 'County approval',
    ANNOUNCEMENT: 'Announcement',
  },
  StepDecision: { APPROVED: 'Approved / no objection', REJECTED: 'Rejected / objection raised' },
  ActorRole: {
    VILLAGE_CLERK: 'Village clerk',
    TOWNSHIP_CLERK: 'Township clerk',
    COUNTY_ADMIN: 'County admin',
  },
  RelationToHead: {
    HEAD: 'Head',
    SPOUSE: 'Spouse',
    SON: 'Son',
    DAUGHTER: 'Daughter',
    SON_IN_LAW: 'Son-in-law',
    DAUGHTER_IN_LAW: 'Daughter-in-law',
    GRANDSON: 'Grandson',
    GRANDDAUGHTER: 'Granddaughter',
    FATHER: 'Father',
    MOTHER: 'Mother',
    SIBLING: 'Sibling',
    OTHER: 'Other',
  },
  Sex: { MALE: 'Male', FEMALE: 'Female' },
  EducationLevel: {
    PRESCHOOL: 'Pre-school',
    ILLITERATE: 'Illiterate',
    PRIMARY: 'Primary',
    JUNIOR_SECONDARY: 'Junior secondary',
    SENIOR_SECONDARY: 'Senior secondary',
    COLLEGE_OR_ABOVE: 'College or above',
  },
  HealthCondition: {
    HEALTHY: 'Healthy',
    CHRONIC_ILLNESS: 'Chronic illness',
    SERIOUS_ILLNESS: 'Serious illness',
    DISABLED: 'Disabled',
  },
  DisabilityGrade: {
    NONE: 'None',
    GRADE_1: 'Grade 1',
    GRADE_2: 'Grade 2',
    GRADE_3: 'Grade 3',
    GRADE_4: 'Grade 4',
  },
  LabourCapacity: { FULL: 'Able to work', PARTIAL: 'Partly able', NONE: 'Unable to work' },
  SchoolEnrolment: {
    ENROLLED: 'At school',
    NOT_ENROLLED: 'Not at school',
    OUT_FOR_HEALTH: 'Out of school for health',
  },
  MeasureKind: {
    HOUSING: 'Housing',
    SOCIAL_ASSISTANCE: 'Social-assistance floor',
    EDUCATION_AID: 'Education aid',
    MEDICAL: 'Medical',
    DISABILITY_RELIEF: 'Disability relief',
    INDUSTRY: 'Industry',
    EMPLOYMENT: 'Employment',
    MICROCREDIT: 'Microcredit',
    RELOCATION: 'Relocation',
    OTHER: 'Other',
  },
  MeasureStatus: { PLANNED: 'Planned', IN_PROGRESS: 'In progress', DONE: 'Done', CANCELLED: 'Cancelled' },
  HousingGrade: { A: 'A (safe)', B: 'B (basically safe)', C: 'C (partly dangerous)', D: 'D (dangerous)' },
  MonitoringType: {
    UNSTABLE_EXITED: 'Unstable exited',
    EDGE_PRONE: 'Edge, prone to poverty',
    SUDDEN_HARDSHIP: 'Sudden severe hardship',
  },
  MonitoringState: {
    IDENTIFYING: 'Being identified',
    MONITORED: 'Monitored',
    ELIMINATING: 'Eliminating risk',
    RISK_ELIMINATED: 'Risk eliminated',
    REJECTED: 'Not identified',
  },
  MonitoringStep: {
    RISK_CLUE: 'Risk clue',
    HOUSEHOLD_VISIT: 'Household visit and pledge',
    DATA_CROSS_CHECK: 'Data cross-check',
    VILLAGE_NOTICE: 'Village notice',
    TOWNSHIP_REVIEW: 'Township review',
    COUNTY_APPROVAL: 'County decision',
    ELIMINATION_VISIT: 'Elimination visit',
    ELIMINATION_NOTICE: 'Elimination notice',
    ELIMINATION_APPROVAL: 'County approval and announcement',
  },
  MonitoringProcedure: { IDENTIFICATION: 'Identification', ELIMINATION: 'Risk elimination' },
  RiskKind: {
    ILLNESS: 'Illness',
    DISABILITY: 'Disability',
    SCHOOLING_COST: 'Schooling costs',
    DISASTER: 'Disaster',
    ACCIDENT: 'Accident',
    EMPLOYMENT_LOSS: 'Job loss',
    INCOME_DROP: 'Income drop',
    OTHER: 'Other',
  },
  FindingState: { OPEN: 'Open', CONFIRMED: 'Confirmed', DISMISSED: 'Dismissed' },
  StepRefusal: {
    OUT_OF_ORDER: 'Out of order',
    WRONG_ROLE: 'Your role may not record this step',
    NOTICE_NOT_ELAPSED: 'The notice period is not over',
    DATE_BEFORE_PREVIOUS_STEP: 'The date is before the previous step',
    ALREADY_COMPLETE: 'The procedure is already complete',
    STEP_NOT_IN_PROCEDURE: 'Not a step of this procedure',
    TRANSITION_NOT_ALLOWED: 'Not possible from the current status',
  },
  RulesAdvice: { SUPPORTS: 'Consistent with the rules', OPPOSES: 'Against the rules' },
  SectorRecordKind: {
    BUSINESS: 'Runs a business, shop or haulage',
    COMMERCIAL_PENSION: 'Bought a commercial pension',
    CONTRACTOR: 'Contracts construction work',
    GHOST_REGISTRATION: 'Registered but not living here',
    LARGE_SCALE_FARMER: 'Large-scale farmer',
    LONG_TERM_EMPLOYER: 'Employs labour long-term',
    LUXURY_RENOVATION: 'Luxury home renovation',
    PUBLIC_PAYROLL: 'On the public payroll',
    SELF_FUNDED_STUDY_ABROAD: 'Self-funded study abroad',
    SPLIT_HOUSEHOLD: 'Split the household to get benefits',
    TOWN_PROPERTY: 'Owns town property or a shop',
    UNEXPLAINED_REPORT: 'A report not reasonably explained',
    UNRECTIFIED_ILLEGAL_ACT: 'An illegal act not put right',
    VEHICLE: 'Vehicle',
    VILLAGE_CADRE: 'Serving village committee cadre',
  },
  VehicleKind: {
    CAR: 'Car',
    LARGE_FARM_VEHICLE: 'Large farm vehicle',
    CONSTRUCTION_MACHINERY: 'Construction machinery',
    SHIP: 'Ship',
  },
  TownPropertyKind: { COMMERCIAL_HOUSE: 'Commercial housing', SHOP: 'Shop', STOREFRONT: 'Storefront' },
  BusinessKind: { COMPANY: 'Company', SHOP: 'Shop', TRANSPORT: 'Haulage' },
  SurveySampleKind: {
    EXITED: 'Exited household',
    NON_REGISTERED: 'Not registered',
    REGISTERED_POOR: 'Registered, still poor',
  },
  ExitVerificationOutcome: { CORRECT_EXIT: 'Exit confirmed', WRONG_EXIT: 'Wrong exit' },
};

/** Households, applications, screening and monitoring (精准识别机制). */
export const identificationLabels = { 'zh-CN': chinese, en: english };
