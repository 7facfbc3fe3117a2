import { builder } from '../../builder';

/** The funds mechanism's enumerations, with the Chinese term beside each value. */

export const FundSourceCategoryEnum = builder.enumType('FundSourceCategory', {
  description: '资金来源类别',
  values: {
    FISCAL_POVERTY: { description: '财政扶贫资金' },
    INTEGRATED_AGRI: { description: '财政涉农整合资金' },
    CREDIT: { description: '信贷扶贫资金' },
    SECTOR: { description: '行业部门资金' },
    SOCIAL: { description: '社会帮扶资金' },
    COUNTY_BUDGET: { description: '县财政预算投入' },
    OTHER: { description: '其他资金' },
  },
});

export const ProjectStateEnum = builder.enumType('ProjectState', {
  description: '项目库流程阶段 (application → … → asset hand-over, or removed from the library)',
  values: {
    APPLICATION: { description: '申报' },
    TOWNSHIP_REVIEW: { description: '乡镇审核' },
    COUNTY_APPRAISAL: { description: '县级论证' },
    APPROVED: { description: '县级审定' },
    IN_LIBRARY: { description: '公告入库' },
    IMPLEMENTATION: { description: '实施' },
    COMPLETION_ACCEPTANCE: { description: '竣工验收' },
    ASSET_HANDOVER: { description: '资产确权移交' },
    REMOVED: { description: '调整出库' },
  },
});

export const NoticeSubjectEnum = builder.enumType('NoticeSubject', {
  description: '公告公示内容',
  values: {
    PLAN: { description: '资金项目计划' },
    ALLOCATION: { description: '资金分配结果' },
    PROJECT: { description: '项目' },
  },
});

export const AuditFindingStatusEnum = builder.enumType('AuditFindingStatus', {
  description: '审计发现状态',
  values: {
    OPEN: { description: '整改中' },
    CLOSED: { description: '已销号 (its rectification task is done)' },
  },
});

export const ObjectionStatusEnum = builder.enumType('ObjectionStatus', {
  description: '公示异议状态 (objection status)',
  values: {
    OPEN: { description: '待答复 (open: holds the project at its step)' },
    ANSWERED: { description: '已答复 (answered)' },
  },
});
