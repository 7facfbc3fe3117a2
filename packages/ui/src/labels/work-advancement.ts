import type { EnumValue } from '@gongjian/schema';
import type { Locale } from '../i18n.tsx';

type Labels<Name extends 'MeetingType' | 'PolicyDocumentKind' | 'PolicyDocumentStatus'> = Record<
  Locale,
  Record<EnumValue<Name>, string>
>;

const meetingTypeLabels: Labels<'MeetingType'> = {
  'zh-CN': {
    COUNTY_STANDING_COMMITTEE: '县委常委会',
    GOVERNMENT_EXECUTIVE: '政府常务会',
    LEADING_GROUP: '扶贫开发领导小组会',
    COUNTY_CONFERENCE: '全县扶贫工作大会',
    OTHER: '其他',
  },
  en: {
    COUNTY_STANDING_COMMITTEE: 'Party standing committee',
    GOVERNMENT_EXECUTIVE: 'Government executive meeting',
    LEADING_GROUP: 'Leading group meeting',
    COUNTY_CONFERENCE: 'County-wide conference',
    OTHER: 'Other',
  },
};

const documentKindLabels: Labels<'PolicyDocumentKind'> = {
  'zh-CN': { MASTER: '“1”总体决定', THEMATIC: '“X”专项文件', DEPARTMENT: '部门方案' },
  en: { MASTER: '“1” master decision', THEMATIC: '“X” thematic', DEPARTMENT: 'Department plan' },
};

const documentStatusLabels: Labels<'PolicyDocumentStatus'> = {
  'zh-CN': { IN_FORCE: '现行有效', SUPERSEDED: '已被替代' },
  en: { IN_FORCE: 'In force', SUPERSEDED: 'Superseded' },
};

/** Meetings and policy documents (工作推进机制). */
export const workAdvancementLabels = {
  'zh-CN': {
    MeetingType: meetingTypeLabels['zh-CN'],
    PolicyDocumentKind: documentKindLabels['zh-CN'],
    PolicyDocumentStatus: documentStatusLabels['zh-CN'],
  },
  en: {
    MeetingType: meetingTypeLabels.en,
    PolicyDocumentKind: documentKindLabels.en,
    PolicyDocumentStatus: documentStatusLabels.en,
  },
};
