import type { DbHandle } from '@gongjian/db';
import { auditFindingStatus, fundSourceCategory, noticeSubject, projectState } from '@gongjian/db/schema';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { column, exportRouter, exportSheet, param } from '../../shared/excel-export';
import { fenToWanYuan } from '../../shared/money';
import { allocationListFilter } from './allocation';
import { findingListFilter } from './audit-finding';
import { disbursementListFilter } from './disbursement';
import { sourcesInYears } from './fund-source';
import { noticeListFilter } from './notice';
import { projectListFilter } from './project';
import { reconcilePeriod } from './reconciliation';

/**
 * GET /funds/export/<list>?<the list's filters> → the list as the viewer sees it (its jurisdiction, its
 * filters, its order), every row, money in 万元 as exact decimal text, the export audited: sources, reconciliation, projects,
 * allocations, disbursements, notices, findings.
 */

const wan = (fen: number | null) => (fen === null ? null : fenToWanYuan(fen));
const col = (header: string, key: string, width = 14) => column(header, key, width);
const years = z.object({ fromYear: param.year, toYear: param.year });

const SHEETS = {
  sources: exportSheet({
    title: '资金来源',
    filter: years.extend({ category: param.choice(fundSourceCategory.enumValues) }),
    columns: [
      col('类别', 'category'),
      col('名称', 'name', 28),
      col('起始年度', 'fromYear', 10),
      col('截止年度', 'toYear', 10),
      col('金额 (万元)', 'amount'),
      col('已安排 (万元)', 'allocated'),
      col('可安排余额 (万元)', 'remaining'),
      col('说明', 'notes', 30),
    ],
    rows: async (ctx, { category, fromYear, toYear }, offset, limit) => {
      const period = { fromYear: fromYear ?? null, toYear: toYear ?? null };
      const rows = await ctx.db.query.fundSources.findMany({
        where: {
          RAW: (t) => and(sourcesInYears(t, ctx, period), category ? eq(t.category, category) : undefined)!,
        },
        orderBy: { fromYear: 'desc', toYear: 'desc', category: 'asc', id: 'asc' },
        offset,
        limit,
      });
      return rows.map((s) => ({
        category: s.category,
        name: s.name,
        fromYear: s.fromYear,
        toYear: s.toYear,
        amount: wan(s.amountFen),
        allocated: wan(s.allocatedFen),
        remaining: wan(s.amountFen - s.allocatedFen),
        notes: s.notes,
      }));
    },
  }),
  reconciliation: exportSheet({
    title: '资金对账',
    filter: years,
    columns: [col('项目', 'item', 24), col('金额 (万元)', 'amount', 16), col('说明', 'explanation', 90)],
    rows: async (ctx, { fromYear, toYear }, offset) => {
      if (offset > 0) return [];
      const r = await reconcilePeriod(ctx, fromYear ?? 2014, toYear ?? 2018);
      return [
        ...r.sources.map((s) => ({ item: s.name, amount: wan(s.amountFen), explanation: '' })),
        { item: '各来源直接相加', amount: wan(r.grossFen), explanation: '' },
        { item: '已登记重叠', amount: wan(r.overlapFen), explanation: '' },
        { item: '扣除重叠后净额', amount: wan(r.netFen), explanation: '' },
        ...r.overlapReasons.map((reason) => ({
          item: '重叠核查',
          amount: null,
          explanation: reason.messageZh,
        })),
        ...r.readings.flatMap((reading) => [
          {
            item: `上报总额 (${reading.reportedIn})`,
            amount: wan(reading.reportedTotalFen),
            explanation: reading.severity === 'WARNING' ? '警告: 有需核实的差异' : '对账相符',
          },
          ...reading.reasons.map((reason) => ({ item: '', amount: null, explanation: reason.messageZh })),
        ]),
      ];
    },
  }),
  projects: exportSheet({
    title: '项目库',
    filter: z.object({
      state: param.choice(projectState.enumValues),
      year: param.year,
      search: param.search,
      regionId: param.globalId('Region'),
    }),
    columns: [
      col('项目名称', 'name', 30),
      col('类别', 'category'),
      col('计划年度', 'year', 10),
      col('实施地点', 'village', 16),
      col('责任单位', 'unit', 24),
      col('阶段', 'state'),
      col('资金规模 (万元)', 'budget'),
      col('已安排 (万元)', 'allocated'),
      col('资金缺口 (万元)', 'unallocated'),
      col('已拨付 (万元)', 'disbursed'),
      col('可拨付 (万元)', 'payable'),
      col('受益户数', 'households', 10),
      col('受益人数', 'people', 10),
      col('受益贫困人口', 'poorPeople', 12),
      col('绩效目标', 'target', 40),
      col('带贫减贫机制', 'povertyLink', 40),
    ],
    rows: async (ctx, args, offset, limit) => {
      const rows = await ctx.db.query.projects.findMany({
        where: { RAW: (t) => projectListFilter(t, ctx, args) },
        with: { region: { columns: { name: true } }, responsibleUnit: { columns: { name: true } } },
        orderBy: { year: 'desc', id: 'asc' },
        offset,
        limit,
      });
      return rows.map((p) => ({
        name: p.name,
        category: p.category,
        year: p.year,
        village: p.region.name,
        unit: p.responsibleUnit.name,
        state: p.state,
        budget: wan(p.budgetFen),
        allocated: wan(p.allocatedFen),
        unallocated: wan(p.budgetFen - p.allocatedFen),
        disbursed: wan(p.disbursedFen),
        payable: wan(p.allocatedFen - p.disbursedFen),
        households: p.beneficiaryHouseholds,
        people: p.beneficiaryPeople,
        poorPeople: p.beneficiaryPoorPeople,
        target: p.performanceTarget,
        povertyLink: p.povertyLink,
      }));
    },
  }),
  allocations: exportSheet({
    title: '资金安排',
    filter: z.object({
      sourceId: param.globalId('FundSource'),
      projectId: param.globalId('Project'),
      year: param.year,
    }),
    columns: [
      col('安排日期', 'on', 12),
      col('资金来源', 'source', 24),
      col('项目', 'project', 30),
      col('金额 (万元)', 'amount'),
      col('来源余额 (万元)', 'sourceRemaining'),
      col('项目可拨付 (万元)', 'projectPayable'),
      col('说明', 'notes', 30),
    ],
    rows: async (ctx, args, offset, limit) => {
      const rows = await ctx.db.query.fundAllocations.findMany({
        where: { RAW: (t) => allocationListFilter(t, ctx, args) },
        with: {
          source: { columns: { name: true, amountFen: true, allocatedFen: true } },
          project: { columns: { name: true, allocatedFen: true, disbursedFen: true } },
        },
        orderBy: { allocatedOn: 'desc', id: 'desc' },
        offset,
        limit,
      });
      return rows.map((a) => ({
        on: a.allocatedOn,
        source: a.source.name,
        project: a.project.name,
        amount: wan(a.amountFen),
        sourceRemaining: wan(a.source.amountFen - a.source.allocatedFen),
        projectPayable: wan(a.project.allocatedFen - a.project.disbursedFen),
        notes: a.notes,
      }));
    },
  }),
  disbursements: exportSheet({
    title: '资金拨付',
    filter: z.object({ projectId: param.globalId('Project'), year: param.year }),
    columns: [
      col('拨付日期', 'on', 12),
      col('项目', 'project', 30),
      col('金额 (万元)', 'amount'),
      col('项目已安排 (万元)', 'allocated'),
      col('项目已拨付 (万元)', 'disbursed'),
      col('项目可拨付 (万元)', 'payable'),
      col('说明', 'notes', 30),
    ],
    rows: async (ctx, args, offset, limit) => {
      const rows = await ctx.db.query.disbursements.findMany({
        where: { RAW: (t) => disbursementListFilter(t, ctx, args) },
        with: { project: { columns: { name: true, allocatedFen: true, disbursedFen: true } } },
        orderBy: { paidOn: 'desc', id: 'desc' },
        offset,
        limit,
      });
      return rows.map((d) => ({
        on: d.paidOn,
        project: d.project.name,
        amount: wan(d.amountFen),
        allocated: wan(d.project.allocatedFen),
        disbursed: wan(d.project.disbursedFen),
        payable: wan(d.project.allocatedFen - d.project.disbursedFen),
        notes: d.notes,
      }));
    },
  }),
  notices: exportSheet({
    title: '公告公示',
    filter: z.object({ subject: param.choice(noticeSubject.enumValues) }),
    columns: [
      col('公示内容', 'subject', 12),
      col('标题', 'title', 30),
      col('项目', 'project', 30),
      col('公示地点', 'place', 24),
      col('公示开始', 'postedOn', 12),
      col('公示结束', 'lastDayPosted', 12),
    ],
    rows: async (ctx, args, offset, limit) => {
      const rows = await ctx.db.query.disclosureNotices.findMany({
        where: { RAW: (t) => noticeListFilter(t, ctx, args) },
        with: { project: { columns: { name: true } } },
        orderBy: { postedOn: 'desc', id: 'desc' },
        offset,
        limit,
      });
      return rows.map((n) => ({
        subject: n.subject,
        title: n.title,
        project: n.project?.name ?? null,
        place: n.postingPlace,
        postedOn: n.postedOn,
        lastDayPosted: n.lastDayPosted,
      }));
    },
  }),
  findings: exportSheet({
    title: '审计发现',
    filter: z.object({ status: param.choice(auditFindingStatus.enumValues) }),
    columns: [
      col('发现日期', 'foundOn', 12),
      col('审计机关', 'auditor', 16),
      col('项目或资金来源', 'subject', 30),
      col('问题', 'description', 40),
      col('涉及金额 (万元)', 'amount'),
      col('状态', 'status', 10),
      col('整改任务', 'task', 40),
      col('整改时限', 'deadline', 12),
      col('整改任务状态', 'taskStatus', 12),
    ],
    rows: async (ctx, args, offset, limit) => {
      const rows = await ctx.db.query.auditFindings.findMany({
        where: { RAW: (t) => findingListFilter(t, ctx, args) },
        with: {
          project: { columns: { name: true } },
          source: { columns: { name: true } },
          task: { columns: { title: true, deadline: true, status: true } },
        },
        orderBy: { foundOn: 'desc', id: 'desc' },
        offset,
        limit,
      });
      return rows.map((f) => ({
        foundOn: f.foundOn,
        auditor: f.auditor,
        subject: f.project?.name ?? f.source?.name ?? null,
        description: f.description,
        amount: wan(f.amountFen),
        status: f.status,
        task: f.task?.title ?? null,
        deadline: f.task?.deadline ?? null,
        taskStatus: f.task?.status ?? null,
      }));
    },
  }),
};

export const fundsRoutes = (handle: DbHandle) =>
  exportRouter(handle, { action: 'funds.export', sheets: SHEETS });
