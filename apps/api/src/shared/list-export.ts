import type { DbHandle } from '@gongjian/db';
import cookieParser from 'cookie-parser';
import ExcelJS from 'exceljs';
import express, { type Request, type Router } from 'express';
import { writeAudit } from '../audit';
import { SESSION_COOKIE, viewerFromToken } from '../auth/sessions';
import type { Context } from '../context';
import { ValidationError } from '../errors';
import { decodeGlobalId } from './global-id';
import { attachment, refuse } from './http-route';

/**
 * GET /export/<list>?<the list's filters> for the registers (units, cadres, tasks, meetings): the list as the
 * viewer's own query sees it (its jurisdiction filter, its order), every row, as Excel; the export is audited.
 */

export type ExportQuery = Request['query'];
export type ExportRow = Record<string, string | number | null>;
export interface ExportSheet {
  title: string;
  columns: { header: string; key: string; width: number }[];
  /** The filter read from the query string (throws ValidationError), kept in the audit. */
  filter: (ctx: Context, query: ExportQuery) => Promise<unknown>;
  rows: (ctx: Context, filter: never, offset: number, limit: number) => Promise<ExportRow[]>;
}

const PAGE = 2000;

export const exportColumn = (header: string, key: string, width = 14) => ({ header, key, width });

export function queryText(query: ExportQuery, name: string): string | null {
  const value = query[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

export function queryChoice<T extends string>(
  query: ExportQuery,
  name: string,
  values: readonly T[],
): T | null {
  const value = queryText(query, name);
  if (value === null) return null;
  if (!(values as readonly string[]).includes(value)) throw ValidationError.field(name, '取值无效');
  return value as T;
}

export function queryDate(query: ExportQuery, name: string): string | null {
  const value = queryText(query, name);
  if (value !== null && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw ValidationError.field(name, '日期格式应为 YYYY-MM-DD');
  return value;
}

export function queryGlobalId(query: ExportQuery, name: string, type: string): { id: number } | null {
  const value = queryText(query, name);
  if (value === null) return null;
  const decoded = decodeGlobalId(value);
  if (decoded.type !== type || !Number.isInteger(decoded.id)) throw ValidationError.field(name, '编号无效');
  return { id: decoded.id };
}

export function listExportRoutes(handle: DbHandle, sheets: Record<string, ExportSheet>): Router {
  const router = express.Router();
  router.use(cookieParser());
  router.get('/:list', async (req, res) => {
    const sheet = Object.hasOwn(sheets, req.params.list) ? sheets[req.params.list] : undefined;
    if (!sheet) {
      refuse(res, 404, 'NOT_FOUND', '没有这个导出列表');
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
    let filter: unknown;
    try {
      filter = await sheet.filter(ctx, req.query);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      refuse(res, 400, 'BAD_REQUEST', error.message);
      return;
    }
    await writeAudit(handle.db, viewer, {
      action: 'register.export',
      entityType: sheet.title,
      entityId: null,
      regionPath: viewer.regionPath,
      after: { list: req.params.list, filter: JSON.parse(JSON.stringify(filter ?? null)) },
    });
    attachment(res, `${sheet.title}.xlsx`);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: res,
      useStyles: false,
      useSharedStrings: false,
    });
    const worksheet = workbook.addWorksheet(sheet.title);
    worksheet.columns = sheet.columns;
    for (let offset = 0; ; ) {
      const page = await sheet.rows(ctx, filter as never, offset, PAGE);
      for (const row of page) worksheet.addRow(row).commit();
      offset += page.length;
      if (page.length < PAGE) break;
    }
    worksheet.commit();
    await workbook.commit();
  });
  return router;
}
