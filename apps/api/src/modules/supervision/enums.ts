import { LABELS_ZH, REPORT_CATEGORIES, REPORT_CHANNELS, REPORT_STATES } from '@gongjian/rules';
import { builder } from '../../builder';

/** The supervision mechanism's enumerations, with the Chinese term beside each value. */

const described = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  Object.fromEntries(values.map((value) => [value, { description: labels[value] }])) as Record<
    T,
    { description: string }
  >;

export const ReportChannelEnum = builder.enumType('ReportChannel', {
  description: '举报渠道',
  values: described(REPORT_CHANNELS, LABELS_ZH.reportChannel),
});

export const ReportCategoryEnum = builder.enumType('ReportCategory', {
  description: '举报类别 (each with its own time limits)',
  values: described(REPORT_CATEGORIES, LABELS_ZH.reportCategory),
});

export const ReportStateEnum = builder.enumType('ReportState', {
  description: '举报办理状态 (received → assigned → handled → replied → closed)',
  values: described(REPORT_STATES, LABELS_ZH.reportState),
});

export const ReportStepEnum = builder.enumType('ReportStep', {
  description: '有时限的办理步骤',
  values: {
    ASSIGNED: { description: '交办' },
    HANDLED: { description: '办理' },
    REPLIED: { description: '答复' },
  },
});

export const StepTimelinessEnum = builder.enumType('StepTimeliness', {
  description: '步骤时效 (derived from the time limit and today, never stored)',
  values: {
    ON_TIME: { description: '按时完成' },
    LATE: { description: '超时完成' },
    PENDING: { description: '未到期' },
    OVERDUE: { description: '已超期' },
  },
});

export const FindingStatusEnum = builder.enumType('InspectionFindingStatus', {
  description: '督查问题状态',
  values: {
    OPEN: { description: '整改中' },
    CLOSED: { description: '已销号 (its rectification task is done)' },
  },
});

export const AccountabilityKindEnum = builder.enumType('AccountabilityKind', {
  description: '问责类型',
  values: {
    CONDUCT_ACCOUNTABILITY: { description: '作风问责 (a person held accountable)' },
    CASE_OPENED: { description: '立案 (a case opened)' },
  },
});

export const AssessmentClassEnum = builder.enumType('AssessmentClass', {
  description: '村级核查验收分类 (by the rules, from the score, veto items and problem count)',
  values: {
    CONSOLIDATE: { description: '达标巩固' },
    RECTIFY: { description: '整改提升' },
    YELLOW_CARD: { description: '黄牌警告' },
    KEY_MANAGEMENT: { description: '重点管理 (黄牌警告、挂牌督办)' },
  },
});
