import type { EnumValue } from '@gongjian/schema';
import type { Locale } from '../i18n.tsx';

type Labels<Name extends 'FundSourceCategory' | 'ProjectState' | 'NoticeSubject' | 'AuditFindingStatus'> =
  Record<Locale, Record<EnumValue<Name>, string>>;

const fundSourceCategoryLabels: Labels<'FundSourceCategory'> = {
  'zh-CN': {
    FISCAL_POVERTY: '财政扶贫资金',
    INTEGRATED_AGRI: '财政涉农整合资金',
    CREDIT: '信贷扶贫资金',
    SECTOR: '行业部门资金',
    SOCIAL: '社会帮扶资金',
    COUNTY_BUDGET: '县财政预算投入',
    OTHER: '其他资金',
  },
  en: {
    FISCAL_POVERTY: 'Fiscal poverty funds',
    INTEGRATED_AGRI: 'Integrated agriculture-related funds',
    CREDIT: 'Poverty credit',
    SECTOR: 'Sector department funds',
    SOCIAL: 'Social assistance funds',
    COUNTY_BUDGET: 'County budget',
    OTHER: 'Other',
  },
};

const projectStateLabels: Labels<'ProjectState'> = {
  'zh-CN': {
    APPLICATION: '申报',
    TOWNSHIP_REVIEW: '乡镇审核',
    COUNTY_APPRAISAL: '县级论证',
    APPROVED: '县级审定',
    IN_LIBRARY: '公告入库',
    IMPLEMENTATION: '实施',
    COMPLETION_ACCEPTANCE: '竣工验收',
    ASSET_HANDOVER: '资产确权移交',
    REMOVED: '调整出库',
  },
  en: {
    APPLICATION: 'Application',
    TOWNSHIP_REVIEW: 'Township review',
    COUNTY_APPRAISAL: 'County appraisal',
    APPROVED: 'Approved',
    IN_LIBRARY: 'Announced, in the library',
    IMPLEMENTATION: 'Implementation',
    COMPLETION_ACCEPTANCE: 'Completion acceptance',
    ASSET_HANDOVER: 'Asset hand-over',
    REMOVED: 'Removed from the library',
  },
};

const noticeSubjectLabels: Labels<'NoticeSubject'> = {
  'zh-CN': { PLAN: '资金项目计划', ALLOCATION: '资金分配结果', PROJECT: '项目' },
  en: { PLAN: 'Plan', ALLOCATION: 'Allocation results', PROJECT: 'Project' },
};

const auditFindingStatusLabels: Labels<'AuditFindingStatus'> = {
  'zh-CN': { OPEN: '整改中', CLOSED: '已销号' },
  en: { OPEN: 'Being rectified', CLOSED: 'Closed' },
};

export const fundsLabels = {
  'zh-CN': {
    FundSourceCategory: fundSourceCategoryLabels['zh-CN'],
    ProjectState: projectStateLabels['zh-CN'],
    NoticeSubject: noticeSubjectLabels['zh-CN'],
    AuditFindingStatus: auditFindingStatusLabels['zh-CN'],
  },
  en: {
    FundSourceCategory: fundSourceCategoryLabels.en,
    ProjectState: projectStateLabels.en,
    NoticeSubject: noticeSubjectLabels.en,
    AuditFindingStatus: auditFindingStatusLabels.en,
  },
};
