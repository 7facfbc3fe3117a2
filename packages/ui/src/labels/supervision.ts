import type { EnumValue } from '@gongjian/schema';
import type { Locale } from '../i18n.tsx';

type Name =
  | 'ReportChannel'
  | 'ReportCategory'
  | 'ReportState'
  | 'InspectionFindingStatus'
  | 'AccountabilityKind'
  | 'AssessmentClass';
type Labels<N extends Name> = Record<Locale, Record<EnumValue<N>, string>>;

const reportChannelLabels: Labels<'ReportChannel'> = {
  'zh-CN': {
    HOTLINE_12345: '12345监督举报电话',
    PUBLISHED_PHONE: '公布的责任人电话',
    SUPERVISOR: '村级扶贫监督员',
    WALK_IN: '来访',
  },
  en: {
    HOTLINE_12345: '12345 hotline',
    PUBLISHED_PHONE: 'Published phone',
    SUPERVISOR: 'Village supervisor',
    WALK_IN: 'Walk-in',
  },
};

const reportCategoryLabels: Labels<'ReportCategory'> = {
  'zh-CN': {
    POLICY_CONSULTATION: '政策咨询',
    IDENTIFICATION: '识别退出不准',
    ASSISTANCE: '帮扶不实',
    FUND_MISUSE: '资金项目问题',
    CONDUCT: '作风问题',
  },
  en: {
    POLICY_CONSULTATION: 'Policy question',
    IDENTIFICATION: 'Identification or exit',
    ASSISTANCE: 'Assistance not done',
    FUND_MISUSE: 'Funds and projects',
    CONDUCT: 'Conduct',
  },
};

const reportStateLabels: Labels<'ReportState'> = {
  'zh-CN': { RECEIVED: '已受理', ASSIGNED: '已交办', HANDLED: '已办理', REPLIED: '已答复', CLOSED: '已办结' },
  en: {
    RECEIVED: 'Received',
    ASSIGNED: 'Assigned',
    HANDLED: 'Handled',
    REPLIED: 'Replied',
    CLOSED: 'Closed',
  },
};

const findingStatusLabels: Labels<'InspectionFindingStatus'> = {
  'zh-CN': { OPEN: '整改中', CLOSED: '已销号' },
  en: { OPEN: 'Being rectified', CLOSED: 'Closed' },
};

const accountabilityKindLabels: Labels<'AccountabilityKind'> = {
  'zh-CN': { CONDUCT_ACCOUNTABILITY: '作风问责', CASE_OPENED: '立案' },
  en: { CONDUCT_ACCOUNTABILITY: 'Held accountable', CASE_OPENED: 'Case opened' },
};

const assessmentClassLabels: Labels<'AssessmentClass'> = {
  'zh-CN': {
    CONSOLIDATE: '达标巩固',
    RECTIFY: '整改提升',
    YELLOW_CARD: '黄牌警告',
    KEY_MANAGEMENT: '重点管理',
  },
  en: {
    CONSOLIDATE: 'Consolidate',
    RECTIFY: 'Rectify',
    YELLOW_CARD: 'Yellow card',
    KEY_MANAGEMENT: 'Key management',
  },
};

export const supervisionLabels = {
  'zh-CN': {
    ReportChannel: reportChannelLabels['zh-CN'],
    ReportCategory: reportCategoryLabels['zh-CN'],
    ReportState: reportStateLabels['zh-CN'],
    InspectionFindingStatus: findingStatusLabels['zh-CN'],
    AccountabilityKind: accountabilityKindLabels['zh-CN'],
    AssessmentClass: assessmentClassLabels['zh-CN'],
  },
  en: {
    ReportChannel: reportChannelLabels.en,
    ReportCategory: reportCategoryLabels.en,
    ReportState: reportStateLabels.en,
    InspectionFindingStatus: findingStatusLabels.en,
    AccountabilityKind: accountabilityKindLabels.en,
    AssessmentClass: assessmentClassLabels.en,
  },
};
