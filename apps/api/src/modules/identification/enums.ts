import {
  householdAttribute,
  householdStatus,
  measureKind,
  povertyCause,
  relationToHead,
  sectorRecordKind,
} from '@gongjian/db/schema';
import { LABELS_ZH } from '@gongjian/rules';
import { builder } from '../../builder';

/** GraphQL enums of precise identification, each value described in Chinese. */

function described<V extends string>(values: readonly V[], labels: Record<V, string>) {
  return Object.fromEntries(values.map((value) => [value, { description: labels[value] }])) as Record<
    V,
    { description: string }
  >;
}

export const HouseholdStatusEnum = builder.enumType('HouseholdStatus', {
  description: '贫困状态 (poverty status of a household)',
  values: described(householdStatus.enumValues, LABELS_ZH.householdStatus),
});

export const HouseholdAttributeEnum = builder.enumType('HouseholdAttribute', {
  description: '贫困户属性 (household attribute)',
  values: described(householdAttribute.enumValues, LABELS_ZH.householdAttribute),
});

export const PovertyCauseEnum = builder.enumType('PovertyCause', {
  description: '主要致贫原因 (main cause of poverty)',
  values: described(povertyCause.enumValues, LABELS_ZH.povertyCause),
});

export const RELATION_LABELS: Record<(typeof relationToHead.enumValues)[number], string> = {
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
};
export const RelationToHeadEnum = builder.enumType('RelationToHead', {
  description: '与户主关系 (relation to the head of household)',
  values: described(relationToHead.enumValues, RELATION_LABELS),
});

export const SEX_LABELS = { MALE: '男', FEMALE: '女' } as const;
export const SexEnum = builder.enumType('Sex', {
  description: '性别 (sex; must agree with the ID number)',
  values: described(['MALE', 'FEMALE'] as const, SEX_LABELS),
});

export const EDUCATION_LABELS = {
  PRESCHOOL: '学龄前儿童',
  ILLITERATE: '文盲或半文盲',
  PRIMARY: '小学',
  JUNIOR_SECONDARY: '初中',
  SENIOR_SECONDARY: '高中',
  COLLEGE_OR_ABOVE: '大专及以上',
} as const;
export const EducationLevelEnum = builder.enumType('EducationLevel', {
  description: '文化程度 (education)',
  values: described(Object.keys(EDUCATION_LABELS) as (keyof typeof EDUCATION_LABELS)[], EDUCATION_LABELS),
});

export const HEALTH_LABELS = {
  HEALTHY: '健康',
  CHRONIC_ILLNESS: '长期慢性病',
  SERIOUS_ILLNESS: '患有大病',
  DISABLED: '残疾',
} as const;
export const HealthConditionEnum = builder.enumType('HealthCondition', {
  description: '健康状况 (health; sensitive personal data)',
  values: described(Object.keys(HEALTH_LABELS) as (keyof typeof HEALTH_LABELS)[], HEALTH_LABELS),
});

export const DISABILITY_LABELS = {
  NONE: '无残疾',
  GRADE_1: '一级残疾',
  GRADE_2: '二级残疾',
  GRADE_3: '三级残疾',
  GRADE_4: '四级残疾',
} as const;
export const DisabilityGradeEnum = builder.enumType('DisabilityGrade', {
  description: '残疾等级 (disability grade; sensitive personal data)',
  values: described(Object.keys(DISABILITY_LABELS) as (keyof typeof DISABILITY_LABELS)[], DISABILITY_LABELS),
});

export const LabourCapacityEnum = builder.enumType('LabourCapacity', {
  description: '劳动能力 (labour capacity)',
  values: described(['FULL', 'PARTIAL', 'NONE'] as const, LABELS_ZH.labourCapacity),
});

export const SCHOOL_LABELS = {
  NOT_ENROLLED: '不在校',
  ENROLLED: '在校生',
  OUT_FOR_HEALTH: '因病因残不能就学',
} as const;
export const SchoolEnrolmentEnum = builder.enumType('SchoolEnrolment', {
  description: '在校情况 (school enrolment; compulsory-school-age children must be enrolled)',
  values: described(Object.keys(SCHOOL_LABELS) as (keyof typeof SCHOOL_LABELS)[], SCHOOL_LABELS),
});

export const HousingGradeEnum = builder.enumType('HousingGrade', {
  description: '住房安全等级 (housing grade; C and D are dangerous houses)',
  values: described(['A', 'B', 'C', 'D'] as const, LABELS_ZH.housingGrade),
});

export const MEASURE_LABELS: Record<(typeof measureKind.enumValues)[number], string> = {
  HOUSING: '住房保障',
  SOCIAL_ASSISTANCE: '兜底保障',
  EDUCATION_AID: '教育助学',
  MEDICAL: '健康扶贫',
  DISABILITY_RELIEF: '残疾人救助',
  INDUSTRY: '产业扶贫',
  EMPLOYMENT: '就业扶贫',
  RELOCATION: '易地扶贫搬迁',
  MICROCREDIT: '扶贫小额信贷',
  OTHER: '其他',
};
export const MeasureKindEnum = builder.enumType('MeasureKind', {
  description: '帮扶措施类别 (kind of assistance measure)',
  values: described(measureKind.enumValues, MEASURE_LABELS),
});

export const MeasureStatusEnum = builder.enumType('MeasureStatus', {
  description: '措施状态',
  values: {
    PLANNED: { description: '计划' },
    IN_PROGRESS: { description: '落实中' },
    DONE: { description: '已落实' },
    CANCELLED: { description: '已取消' },
  },
});

export const ApplicationKindEnum = builder.enumType('ApplicationKind', {
  description: '动态调整类别 (kind of status change)',
  values: described(
    ['IDENTIFY', 'EXIT', 'RETURN', 'REMOVE_WRONGLY_INCLUDED', 'ADD_MISSED', 'END_POLICY'] as const,
    LABELS_ZH.applicationKind,
  ),
});

export const ApplicationStateEnum = builder.enumType('ApplicationState', {
  description: '申请状态',
  values: {
    IN_PROGRESS: { description: '办理中' },
    COMPLETED: { description: '已完成 (the household status changed)' },
    REJECTED: { description: '未通过 (a step decided against it; status unchanged)' },
    WITHDRAWN: { description: '已撤回' },
  },
});

export const ProcedureStepEnum = builder.enumType('ProcedureStep', {
  description: '程序步骤 (step of the dynamic-management procedure)',
  values: described(
    [
      'VILLAGE_DELIBERATION',
      'FIRST_NOTICE',
      'TOWNSHIP_REVIEW',
      'SECOND_NOTICE',
      'COUNTY_APPROVAL',
      'ANNOUNCEMENT',
    ] as const,
    LABELS_ZH.procedureStep,
  ),
});

export const StepDecisionEnum = builder.enumType('StepDecision', {
  description: '步骤结论',
  values: {
    APPROVED: { description: '同意/公示无异议' },
    REJECTED: { description: '不同意/公示有异议 (ends the application; status unchanged)' },
  },
});

export const ActorRoleEnum = builder.enumType('ActorRole', {
  description: '经办角色 (the role that does a procedure step)',
  values: described(['VILLAGE_CLERK', 'TOWNSHIP_CLERK', 'COUNTY_ADMIN'] as const, LABELS_ZH.actorRole),
});

export const RulesAdviceEnum = builder.enumType('RulesAdvice', {
  description: '规则意见 (whether the rules support the change)',
  values: {
    SUPPORTS: { description: '符合政策规则' },
    OPPOSES: { description: '与政策规则不符 (a written reason is required)' },
  },
});

export const SECTOR_LABELS: Record<(typeof sectorRecordKind.enumValues)[number], string> = {
  PUBLIC_PAYROLL: '财政供养人员',
  VILLAGE_CADRE: '现任村两委干部',
  VEHICLE: '车辆',
  TOWN_PROPERTY: '城镇房产或商铺',
  LUXURY_RENOVATION: '住房豪华装修',
  BUSINESS: '经营企业、商铺或运输业',
  LONG_TERM_EMPLOYER: '长期雇工',
  LARGE_SCALE_FARMER: '种养大户',
  CONTRACTOR: '承包工程',
  SPLIT_HOUSEHOLD: '为享受政策分户拆户',
  GHOST_REGISTRATION: '空挂户',
  SELF_FUNDED_STUDY_ABROAD: '自费留学',
  COMMERCIAL_PENSION: '购买商业养老保险',
  UNRECTIFIED_ILLEGAL_ACT: '违法拒不改正',
  UNEXPLAINED_REPORT: '举报不能合理解释',
};
export const SectorRecordKindEnum = builder.enumType('SectorRecordKind', {
  description: '部门比对数据类别 (kind of sector data about a person)',
  values: described(sectorRecordKind.enumValues, SECTOR_LABELS),
});

export const FindingStateEnum = builder.enumType('FindingState', {
  description: '筛查结果状态',
  values: {
    OPEN: { description: '待核实' },
    CONFIRMED: { description: '已确认 (a removal application was started)' },
    DISMISSED: { description: '已排除 (with a reason)' },
  },
});

export const MonitoringTypeEnum = builder.enumType('MonitoringType', {
  description: '监测对象类型',
  values: described(['UNSTABLE_EXITED', 'EDGE_PRONE', 'SUDDEN_HARDSHIP'] as const, LABELS_ZH.monitoringType),
});

export const MonitoringStateEnum = builder.enumType('MonitoringState', {
  description: '监测状态',
  values: {
    IDENTIFYING: { description: '认定中' },
    MONITORED: { description: '监测帮扶中' },
    ELIMINATING: { description: '风险消除办理中' },
    RISK_ELIMINATED: { description: '风险已消除 (the record stays)' },
    REJECTED: { description: '未认定' },
  },
});

export const RiskKindEnum = builder.enumType('RiskKind', {
  description: '风险类别',
  values: {
    ILLNESS: { description: '因病' },
    DISABILITY: { description: '因残' },
    DISASTER: { description: '因灾' },
    ACCIDENT: { description: '因意外事故' },
    INCOME_DROP: { description: '收入骤减' },
    EMPLOYMENT_LOSS: { description: '失业' },
    SCHOOLING_COST: { description: '因学' },
    OTHER: { description: '其他' },
  },
});

export const MonitoringProcedureEnum = builder.enumType('MonitoringProcedure', {
  description: '监测程序',
  values: {
    IDENTIFICATION: { description: '监测对象认定' },
    ELIMINATION: { description: '风险消除' },
  },
});

export const ExitVerificationOutcomeEnum = builder.enumType('ExitVerificationOutcome', {
  description: '退出核查结论',
  values: {
    CORRECT_EXIT: { description: '退出准确' },
    WRONG_EXIT: { description: '错退 (standard not met or procedure not followed)' },
  },
});

export const SurveySampleKindEnum = builder.enumType('SurveySampleKind', {
  description: '抽样类别',
  values: {
    EXITED: { description: '已脱贫户 (feeds 错退率)' },
    NON_REGISTERED: { description: '未建档立卡户 (feeds 漏评率)' },
    REGISTERED_POOR: { description: '未脱贫户 (feeds 认可度 only)' },
  },
});
