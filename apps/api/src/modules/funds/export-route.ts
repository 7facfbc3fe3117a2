import type { DbHandle } from '@gongjian/db';
import { auditFindingStatus, fundSourceCategory, noticeSubject, projectState } from '@gongjian/db/schema';
import cookieParser from 'cookie-parser';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import express, { type Request, type Router } from 'express';
import { SESSION_COOKIE, viewerFromToken } from '../../auth/sessions';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { decodeGlobalId } from '../../shared/global-id';
import { attachment, refuse } from '../../shared/http-route';
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
 * filters, its order), every row, money in 万元 as exact decimal text: sources, reconciliation, projects,
 * allocations, disbursements, notices, findings.
 */

type Query = Request['query'];
type Row = Record<string, string | number | null>;
interface Sheet {
  file: string;
  columns: { header: string; key: string; width: number }[];
  /** The rows from `offset`, at most `limit`; the reconciliation answers once. */
  rows: (ctx: Context, query: Query, offset: number, limit: number) => Promise<Row[]>;
}

const PAGE = 2000;
const wan = (fen: number | null) => (fen === null ? null : fenToWanYuan(fen));

function one(query: Query, name: string): string | undefined {
  const value = query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function year(query: Query, name: string): number | null {
  const value = one(query, name);
  if (value === undefined) return null;
  if (!/^\d{4}$/.test(value)) throw ValidationError.field(name, '年度应为四位数字');
  return Number(value);
}

function choice<T extends string>(query: Query, name: string, values: readonly T[]): T | null {
  const value = one(query, name);
  if (value === undefined) return null;
  if (!(values as readonly string[]).includes(value)) throw ValidationError.field(name, '取值无效');
  return value as T;
}

function globalIdOf(query: Query, name: string, type: string): { id: number } | null {
  const value = one(query, name);
  if (value === undefined) return null;
  const decoded = decodeGlobalId(value);
  if (decoded.type !== type || !Number.isInteger(decoded.id)) throw ValidationError.field(name, '编号无效');
  return { id: decoded.id };
}

const col = (header: string, key: string, width = 14) => ({ header, key, width });

const SHEETS: Record<string, Sheet> = {
  sources: {
    file: '资金来源',
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
    rows: async (ctx, query, offset, limit) => {
      const category = choice(query, 'category', fundSourceCategory.enumValues);
      const years = { fromYear: year(query, 'fromYear'), toYear: year(query, 'toYear') };
      const rows = await ctx.db.query.fundSources.findMany({
        where: {
          RAW: (t) => and(sourcesInYears(t, ctx, years), category ? eq(t.category, category) : undefined)!,
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
  },
  reconciliation: {
    file: '资金对账',
    columns: [col('项目', 'item', 24), col('金额 (万元)', 'amount', 16), col('说明', 'explanation', 90)],
    rows: async (ctx, query, offset) => {
      if (offset > 0) return [];
      const r = await reconcilePeriod(ctx, year(query, 'fromYear') ?? 2014, year(query, 'toYear') ?? 2018);
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
  },
  projects: {
    file: '项目库',
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
    rows: async (ctx, query, offset, limit) => {
      const args = {
        state: choice(query, 'state', projectState.enumValues),
        year: year(query, 'year'),
        search: one(query, 'search') ?? null,
        regionId: globalIdOf(query, 'regionId', 'Region'),
      };
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
  },
  allocations: {
    file: '资金安排',
    columns: [
      col('安排日期', 'on', 12),
      col('资金来源', 'source', 24),
      col('项目', 'project', 30),
      col('金额 (万元)', 'amount'),
      col('来源余额 (万元)', 'sourceRemaining'),
      col('项目可拨付 (万元)', 'projectPayable'),
      col('说明', 'notes', 30),
    ],
    rows: async (ctx, query, offset, limit) => {
      const args = {
        sourceId: globalIdOf(query, 'sourceId', 'FundSource'),
        projectId: globalIdOf(query, 'projectId', 'Project'),
        year: year(query, 'year'),
      };
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
  },
  disbursements: {
    file: '资金拨付',
    columns: [
      col('拨付日期', 'on', 12),
      col('项目', 'project', 30),
      col('金额 (万元)', 'amount'),
      col('项目已安排 (万元)', 'allocated'),
      col('项目已拨付 (万元)', 'disbursed'),
      col('项目可拨付 (万元)', 'payable'),
      col('说明', 'notes', 30),
    ],
    rows: async (ctx, query, offset, limit) => {
      const args = { projectId: globalIdOf(query, 'projectId', 'Project'), year: year(query, 'year') };
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
  },
  notices: {
    file: '公告公示',
    columns: [
      col('公示内容', 'subject', 12),
      col('标题', 'title', 30),
      col('项目', 'project', 30),
      col('公示地点', 'place', 24),
      col('公示开始', 'postedOn', 12),
      col('公示结束', 'lastDayPosted', 12),
    ],
    rows: async (ctx, query, offset, limit) => {
      const args = { subject: choice(query, 'subject', noticeSubject.enumValues) };
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
  },
  findings: {
    file: '审计发现',
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
    rows: async (ctx, query, offset, limit) => {
      const args = { status: choice(query, 'status', auditFindingStatus.enumValues) };
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
  },
};

export function fundsRoutes(handle: DbHandle): Router {
  const router = express.Router();
  router.use(cookieParser());
  router.get('/export/:list', async (req, res) => {
    const sheet = Object.hasOwn(SHEETS, req.params.list) ? SHEETS[req.params.list] : undefined;
    if (!sheet) {
      refuse(res, 404, 'NOT_FOUND', '没有这个列表');
      return;
    }
    let viewer: Context['viewer'];
    try {
      viewer = await viewerFromToken(handle.db, req.cookies?.[SESSION_COOKIE]);
    } catch {
      refuse(res, 503, 'SERVICE_UNAVAILABLE', '数据库暂时不可用,请稍后重试');
      return;
    }
    if (!viewer) {
      refuse(res, 401, 'UNAUTHENTICATED', '请先登录');
      return;
    }
    const ctx: Context = {
      db: handle.db,
      viewer,
      cookies: { set() {}, clear() {} },
      requestIp: req.ip ?? null,
    };
    let first: Row[];
    try {
      first = await sheet.rows(ctx, req.query, 0, PAGE);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      refuse(res, 400, 'BAD_REQUEST', error.message);
      return;
    }
    attachment(res, `${sheet.file}.xlsx`);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: res,
      useStyles: false,
      useSharedStrings: false,
    });
    const worksheet = workbook.addWorksheet(sheet.file);
    worksheet.columns = sheet.columns;
    let page = first;
    for (let offset = 0; ; ) {
      for (const row of page) worksheet.addRow(row).commit();
      offset += page.length;
      if (page.length < PAGE) break;
      page = await sheet.rows(ctx, req.query, offset, PAGE);
    }
    worksheet.commit();
    await workbook.commit();
  });
  return router;
}
