import type { EnumValue } from '@gongjian/schema';
import type { Locale } from '@gongjian/ui';

type Labels<Name extends 'MeetingType' | 'PolicyDocumentKind' | 'PolicyDocumentStatus'> = Record<
  Locale,
  Record<EnumValue<Name>, string>
>;

export const meetingTypeLabels: Labels<'MeetingType'> = {
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

export const documentKindLabels: Labels<'PolicyDocumentKind'> = {
  'zh-CN': { MASTER: '“1”总体决定', THEMATIC: '“X”专项文件', DEPARTMENT: '部门方案' },
  en: { MASTER: '“1” master decision', THEMATIC: '“X” thematic', DEPARTMENT: 'Department plan' },
};

export const documentStatusLabels: Labels<'PolicyDocumentStatus'> = {
  'zh-CN': { IN_FORCE: '现行有效', SUPERSEDED: '已被替代' },
  en: { IN_FORCE: 'In force', SUPERSEDED: 'Superseded' },
};

export function optionsOf<Value extends string>(labels: Record<Value, string>) {
  return (Object.keys(labels) as Value[]).map((value) => ({ value, label: labels[value] }));
}
