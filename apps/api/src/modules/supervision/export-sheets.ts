import {
  ACCOUNTABILITY_KINDS,
  ASSESSMENT_CLASSES,
  LABELS_ZH,
  REPORT_CATEGORIES,
  REPORT_STATES,
} from '@gongjian/rules';
import { z } from 'zod';
import { hasPermission } from '../../auth/permissions';
import { clock, countyPolicy } from '../../policy';
import { column, exportSheet, param } from '../../shared/excel-export';
import { fenToWanYuan } from '../../shared/money';
import { accountabilityListFilter } from './accountability';
import { findingListFilter } from './inspection-finding';
import { performanceListFilter } from './performance';
import { reportListFilter, reportTimeliness } from './report';
import { maskReporter } from './reporter';
import { assessmentListFilter, classificationOf, points } from './village-assessment';
import { exitListFilter, exitReward } from './village-exit';
import { supervisorListFilter } from './village-supervisor';

/**
 * The Excel sheets of the supervision lists: each reads the list's own filter (so jurisdiction is the list's,
 * in SQL) a page at a time, newest first. The reporter's identity is a column only for supervision roles,
 * masked as the list masks it.
 */

const { flag, search } = param;
const year = z.coerce.number().int().min(2014).max(2100).optional();
const col = column;
const yesNo = (value: boolean) => (value ? '是' : '否');
const thisYear = () => Number(clock.today().slice(0, 4));

const reportFilter = z.object({
  state: z.enum(REPORT_STATES).optional(),
  category: z.enum(REPORT_CATEGORIES).optional(),
  overdue: flag,
  search,
});

/** The reporter's columns, added for supervision roles only. */
const REPORTER_COLUMNS = [
  col('举报人 (脱敏)', 'reporterName', 12),
  col('举报人电话 (脱敏)', 'reporterPhone', 16),
];

const REPORT_COLUMNS = [
  col('受理日期', 'receivedOn', 12),
  col('渠道', 'channel'),
  col('类别', 'category'),
  col('事由', 'subject', 30),
  col('反映内容', 'content', 50),
  col('涉及地区', 'region'),
  col('状态', 'state', 10),
  col('承办单位', 'assignedUnit', 24),
  col('是否超期', 'overdue', 10),
  col('办理结果', 'handlingResult', 40),
  col('答复', 'reply', 40),
  col('匿名', 'anonymous', 8),
];
const reportsSheet = exportSheet({
  title: '举报',
  columns: (viewer) =>
    hasPermission(viewer.roles, 'report.identity')
      ? [...REPORT_COLUMNS, ...REPORTER_COLUMNS]
      : REPORT_COLUMNS,
  filter: reportFilter,
  async rows({ db, viewer }, filter: z.output<typeof reportFilter>, offset, limit) {
    const policy = filter.overdue ? await countyPolicy(db, viewer.countyId!, thisYear()) : null;
    const identity = hasPermission(viewer.roles, 'report.identity');
    const rows = await db.query.reports.findMany({
      where: { RAW: (t) => reportListFilter(t, viewer, filter, policy) },
      orderBy: { id: 'desc' },
      offset,
      limit,
      with: {
        region: { columns: { name: true, code: true } },
        assignedUnit: { columns: { name: true } },
        ...(identity ? { reporter: { columns: { name: true, phone: true } } } : {}),
      },
    });
    return rows.map((r) => {
      const reporter = identity && 'reporter' in r && r.reporter ? maskReporter(r.reporter as never) : null;
      return {
        receivedOn: r.receivedOn,
        channel: LABELS_ZH.reportChannel[r.channel],
        category: LABELS_ZH.reportCategory[r.category],
        subject: r.subject,
        content: r.content,
        region: r.region.name,
        state: LABELS_ZH.reportState[r.state],
        assignedUnit: r.assignedUnit?.name ?? '',
        overdue: yesNo(r.mergedIntoId === null && reportTimeliness(r, r.region.code).outcome === 'OVERDUE'),
        handlingResult: r.handlingResult ?? '',
        reply: r.reply ?? '',
        anonymous: yesNo(r.anonymous),
        ...(identity ? { reporterName: reporter?.name ?? '', reporterPhone: reporter?.phone ?? '' } : {}),
      };
    });
  },
});

const findingFilter = z.object({ status: z.enum(['OPEN', 'CLOSED']).optional(), search });
const findingsSheet = exportSheet({
  title: '督查问题',
  columns: [
    col('督查', 'inspection', 30),
    col('督查日期', 'days', 24),
    col('问题所在地区', 'region'),
    col('问题', 'description', 50),
    col('反馈日期', 'foundOn', 12),
    col('整改任务', 'task', 40),
    col('整改时限', 'deadline', 12),
    col('任务状态', 'taskStatus', 10),
    col('销号', 'status', 10),
  ],
  filter: findingFilter,
  async rows({ db, viewer }, filter: z.output<typeof findingFilter>, offset, limit) {
    const rows = await db.query.inspectionFindings.findMany({
      where: { RAW: (t) => findingListFilter(t, viewer, filter) },
      orderBy: { id: 'desc' },
      offset,
      limit,
      with: {
        inspection: { columns: { title: true, startsOn: true, endsOn: true } },
        region: { columns: { name: true } },
        task: { columns: { title: true, deadline: true, status: true } },
      },
    });
    return rows.map((f) => ({
      inspection: f.inspection.title,
      days: `${f.inspection.startsOn} 至 ${f.inspection.endsOn}`,
      region: f.region.name,
      description: f.description,
      foundOn: f.foundOn,
      task: f.task.title,
      deadline: f.task.deadline,
      taskStatus: f.task.status === 'DONE' ? '已办结' : '整改中',
      status: f.status === 'CLOSED' ? '已销号' : '未销号',
    }));
  },
});

const supervisorFilter = z.object({ serving: flag, search });
const supervisorsSheet = exportSheet({
  title: '村级扶贫监督员',
  columns: [
    col('村', 'village'),
    col('姓名', 'name', 10),
    col('聘任日期', 'appointedOn', 12),
    col('离任日期', 'endedOn', 12),
  ],
  filter: supervisorFilter,
  async rows({ db, viewer }, filter: z.output<typeof supervisorFilter>, offset, limit) {
    const rows = await db.query.villageSupervisors.findMany({
      where: { RAW: (t) => supervisorListFilter(t, viewer, filter) },
      orderBy: { id: 'desc' },
      offset,
      limit,
      with: { village: { columns: { name: true } } },
    });
    return rows.map((v) => ({
      village: v.village.name,
      name: v.name,
      appointedOn: v.appointedOn,
      endedOn: v.endedOn ?? '在任',
    }));
  },
});

const accountabilityFilter = z.object({ year, kind: z.enum(ACCOUNTABILITY_KINDS).optional(), search });
const accountabilitySheet = exportSheet({
  title: '问责记录',
  columns: [
    col('决定日期', 'decidedOn', 12),
    col('类型', 'kind', 10),
    col('姓名', 'personName', 10),
    col('职务', 'personPost', 20),
    col('单位', 'unit', 24),
    col('处理方式', 'measure', 16),
    col('事由', 'summary', 50),
    col('依据', 'basis', 12),
  ],
  filter: accountabilityFilter,
  async rows({ db, viewer }, filter: z.output<typeof accountabilityFilter>, offset, limit) {
    const rows = await db.query.accountabilityCases.findMany({
      where: { RAW: (t) => accountabilityListFilter(t, viewer, filter) },
      orderBy: { id: 'desc' },
      offset,
      limit,
      with: { unit: { columns: { name: true } } },
    });
    return rows.map((c) => ({
      decidedOn: c.decidedOn,
      kind: LABELS_ZH.accountabilityKind[c.kind],
      personName: c.personName,
      personPost: c.personPost,
      unit: c.unit?.name ?? '',
      measure: c.measure,
      summary: c.summary,
      basis: c.reportId !== null ? '举报' : c.inspectionFindingId !== null ? '督查问题' : '审计发现',
    }));
  },
});

const assessmentFilter = z.object({
  year,
  classes: z
    .string()
    .transform((v) => v.split(','))
    .pipe(z.array(z.enum(ASSESSMENT_CLASSES)))
    .optional(),
});
const assessmentsSheet = exportSheet({
  title: '村级核查验收',
  columns: [
    col('年度', 'year', 8),
    col('村', 'village'),
    col('自评得分', 'selfScore', 10),
    col('复核得分', 'reviewScore', 10),
    col('否决项', 'vetoHit', 8),
    col('问题数', 'problemCount', 8),
    col('分类', 'class', 12),
  ],
  filter: assessmentFilter,
  async rows({ db, viewer }, filter: z.output<typeof assessmentFilter>, offset, limit) {
    const policy = filter.classes?.length
      ? await countyPolicy(db, viewer.countyId!, filter.year ?? thisYear())
      : null;
    const rows = await db.query.villageAssessments.findMany({
      where: { RAW: (t) => assessmentListFilter(t, viewer, filter, policy) },
      orderBy: { id: 'desc' },
      offset,
      limit,
      with: { village: { columns: { name: true, code: true } } },
    });
    return rows.map((a) => ({
      year: a.year,
      village: a.village.name,
      selfScore: a.selfScoreTenths / 10,
      reviewScore: points(a.reviewScoreTenths),
      vetoHit: yesNo(a.vetoHit),
      problemCount: a.problemCount,
      class: LABELS_ZH.assessmentClass[classificationOf(a, a.village.code).outcome],
    }));
  },
});

const exitFilter = z.object({ rewardOwed: flag, exited: flag });
const rewardsSheet = exportSheet({
  title: '出列奖励',
  columns: [
    col('村', 'village'),
    col('计划出列', 'scheduledExitYear', 10),
    col('实际出列', 'exitYear', 10),
    col('如期出列', 'onSchedule', 10),
    col('可发放奖励', 'eligible', 10),
    col('已发放 (万元)', 'reward', 12),
    col('发放日期', 'rewardPaidOn', 12),
    col('脱贫不脱政策至', 'supportEndsYear', 14),
  ],
  filter: exitFilter,
  async rows({ db, viewer }, filter: z.output<typeof exitFilter>, offset, limit) {
    const rows = await db.query.villageExits.findMany({
      where: { RAW: (t) => exitListFilter(t, viewer, filter) },
      orderBy: { id: 'desc' },
      offset,
      limit,
      with: { village: { columns: { name: true, code: true, villageKind: true } } },
    });
    return rows.map((e) => ({
      village: e.village.name,
      scheduledExitYear: e.scheduledExitYear,
      exitYear: e.exitYear ?? '未出列',
      onSchedule: yesNo(e.exitYear !== null && e.exitYear <= e.scheduledExitYear),
      eligible: yesNo(exitReward(e, e.village).outcome === 'ELIGIBLE'),
      reward: e.rewardFen === null ? '' : fenToWanYuan(e.rewardFen),
      rewardPaidOn: e.rewardPaidOn ?? '',
      supportEndsYear: e.supportEndsYear,
    }));
  },
});

const performanceFilter = z.object({ year, belowBonusShare: flag, search });
const performanceSheet = exportSheet({
  title: '绩效考核',
  columns: [
    col('年度', 'year', 8),
    col('单位', 'unit', 28),
    col('得分', 'score', 8),
    col('奖金总额 (万元)', 'total', 14),
    col('挂钩奖金 (万元)', 'campaign', 14),
    col('挂钩比例 (%)', 'share', 12),
  ],
  filter: performanceFilter,
  async rows({ db, viewer }, filter: z.output<typeof performanceFilter>, offset, limit) {
    const policy = filter.belowBonusShare
      ? await countyPolicy(db, viewer.countyId!, filter.year ?? thisYear())
      : null;
    const rows = await db.query.performanceAssessments.findMany({
      where: { RAW: (t) => performanceListFilter(t, viewer, filter, policy) },
      orderBy: { id: 'desc' },
      offset,
      limit,
      with: { unit: { columns: { name: true } } },
    });
    return rows.map((p) => ({
      year: p.year,
      unit: p.unit.name,
      score: p.scoreTenths / 10,
      total: fenToWanYuan(p.totalBonusFen),
      campaign: fenToWanYuan(p.campaignBonusFen),
      share: Math.round((p.campaignBonusFen / p.totalBonusFen) * 10_000) / 100,
    }));
  },
});

export const SHEETS = {
  reports: reportsSheet,
  'inspection-findings': findingsSheet,
  'village-supervisors': supervisorsSheet,
  accountability: accountabilitySheet,
  'village-assessments': assessmentsSheet,
  'exit-rewards': rewardsSheet,
  performance: performanceSheet,
};
