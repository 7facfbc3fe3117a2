import type { EnumValue } from '@gongjian/schema';
import type { Locale } from '../i18n.tsx';

type Labels<Name extends 'DerivedTaskStatus' | 'TaskSourceKind'> = Record<
  Locale,
  Record<EnumValue<Name>, string>
>;

const derivedStatusLabels: Labels<'DerivedTaskStatus'> = {
  'zh-CN': { NOT_STARTED: '未启动', IN_PROGRESS: '推进中', DONE: '已完成', OVERDUE: '已逾期' },
  en: { NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', DONE: 'Done', OVERDUE: 'Overdue' },
};

const sourceKindLabels: Labels<'TaskSourceKind'> = {
  'zh-CN': {
    MEETING_DECISION: '会议决定',
    RESOLUTION: '决议',
    POLICY_DOCUMENT: '政策文件',
    INSPECTION_FINDING: '督查问题',
    AUDIT_FINDING: '审计问题',
  },
  en: {
    MEETING_DECISION: 'Meeting decision',
    RESOLUTION: 'Resolution',
    POLICY_DOCUMENT: 'Policy document',
    INSPECTION_FINDING: 'Inspection finding',
    AUDIT_FINDING: 'Audit finding',
  },
};

/** Task states and sources (攻坚责任机制). */
export const responsibilityLabels = {
  'zh-CN': { DerivedTaskStatus: derivedStatusLabels['zh-CN'], TaskSourceKind: sourceKindLabels['zh-CN'] },
  en: { DerivedTaskStatus: derivedStatusLabels.en, TaskSourceKind: sourceKindLabels.en },
};
