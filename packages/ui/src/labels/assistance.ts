import type { EnumValue } from '@gongjian/schema';
import type { Locale } from '../i18n.tsx';

type Labels<Name extends 'WorkTeamRole' | 'VisitMode' | 'ComplianceLevel' | 'AssistanceActivityKind'> =
  Record<Locale, Record<EnumValue<Name>, string>>;

const workTeamRoleLabels: Labels<'WorkTeamRole'> = {
  'zh-CN': { CAPTAIN: '队长', FIRST_SECRETARY: '第一书记', MEMBER: '队员' },
  en: { CAPTAIN: 'Captain', FIRST_SECRETARY: 'First secretary', MEMBER: 'Member' },
};

const activityKindLabels: Labels<'AssistanceActivityKind'> = {
  'zh-CN': { CAMPAIGN: '专项活动', PUBLICITY: '政策宣传' },
  en: { CAMPAIGN: 'Campaign', PUBLICITY: 'Publicity' },
};

const visitModeLabels: Labels<'VisitMode'> = {
  'zh-CN': { IN_PERSON: '入户', PHONE: '电话', OTHER: '其他' },
  en: { IN_PERSON: 'In person', PHONE: 'Phone', OTHER: 'Other' },
};

const complianceLevelLabels: Labels<'ComplianceLevel'> = {
  'zh-CN': { TOWNSHIP: '乡镇', VILLAGE: '村', HELPER: '帮扶责任人' },
  en: { TOWNSHIP: 'Township', VILLAGE: 'Village', HELPER: 'Helper' },
};

export const assistanceLabels = {
  'zh-CN': {
    WorkTeamRole: workTeamRoleLabels['zh-CN'],
    VisitMode: visitModeLabels['zh-CN'],
    ComplianceLevel: complianceLevelLabels['zh-CN'],
    AssistanceActivityKind: activityKindLabels['zh-CN'],
  },
  en: {
    WorkTeamRole: workTeamRoleLabels.en,
    VisitMode: visitModeLabels.en,
    ComplianceLevel: complianceLevelLabels.en,
    AssistanceActivityKind: activityKindLabels.en,
  },
};
