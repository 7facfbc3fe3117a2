import type { DbHandle } from '@gongjian/db';
import cookieParser from 'cookie-parser';
import ExcelJS from 'exceljs';
import express, { type Router } from 'express';
import { z } from 'zod';
import { writeAudit } from '../audit';
import type { Permission } from '../auth/permissions';
import type { Context, Viewer } from '../context';
import { ValidationError } from '../errors';
import { decodeGlobalId } from './global-id';
import { attachment, authorise, refuse } from './http-route';
import { validate } from './validate';

/**
 * GET <mechanism>/export/<list>?<the list's filters> → the list as an Excel sheet, as the viewer sees it: each
 * sheet reads with the list's own filter function (so the jurisdiction is the list's, in SQL) and its order,
 * a page at a time into a streaming workbook. Every export is audited with its list and filter.
 */

/** A request's context with its signed-in viewer. */
export type ExportContext = Context & { viewer: Viewer };

export type ExportRow = Record<string, string | number | null>;
export interface ExportColumn {
  header: string;
  key: string;
  width: number;
}

export interface ExportSheet<F = unknown> {
  title: string;
  columns: ExportColumn[] | ((viewer: Viewer) => ExportColumn[]);
  filter: z.ZodType<F, unknown>;
  /** The rows from `offset`, at most `limit`, in the list's order. */
  rows(ctx: ExportContext, filter: F, offset: number, limit: number): Promise<ExportRow[]>;
}

/** Declares a sheet so that `rows` is typed by its filter. */
export const exportSheet = <F>(sheet: ExportSheet<F>): ExportSheet => sheet as ExportSheet;

export const column = (header: string, key: string, width = 16): ExportColumn => ({ header, key, width });

/** Query-string parameters as the lists take them. */
export const param = {
  year: z
    .string()
    .regex(/^\d{4}$/, '年度应为四位数字')
    .transform(Number)
    .optional(),
  flag: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  search: z.string().max(100).optional(),
  day: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  choice: <T extends string>(values: readonly [T, ...T[]]) => z.enum(values, '取值无效').optional(),
  /** A Relay global id of the given type, as `{ id }` the way the list's own argument arrives. */
  globalId: (type: string) =>
    z
      .string()
      .transform((value, check) => {
        const decoded = decodeGlobalId(value);
        if (decoded.type === type && Number.isInteger(decoded.id)) return { id: decoded.id as number };
        check.addIssue({ code: 'custom', message: '编号无效' });
        return z.NEVER;
      })
      .optional(),
};

const PAGE = 2000;

function queryStrings(query: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(query).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    ),
  );
}

export function exportRouter(
  handle: DbHandle,
  options: { permission?: Permission; action: string; sheets: Record<string, ExportSheet> },
): Router {
  const router = express.Router();
  router.get('/export/:list', cookieParser(), async (req, res) => {
    const list = String(req.params.list);
    const sheet = Object.hasOwn(options.sheets, list) ? options.sheets[list] : undefined;
    if (!sheet) {
      refuse(res, 404, 'NOT_FOUND', '没有这个导出列表');
      return;
    }
    const viewer = await authorise(handle, req, res, options.permission ?? null);
    if (!viewer) return;
    let filter: unknown;
    try {
      filter = validate(sheet.filter, queryStrings(req.query));
    } catch (error) {
      refuse(res, 400, 'BAD_REQUEST', error instanceof ValidationError ? error.message : '筛选条件无效');
      return;
    }
    const ctx: ExportContext = {
      db: handle.db,
      viewer,
      cookies: { set() {}, clear() {} },
      requestIp: req.ip ?? null,
    };
    await writeAudit(handle.db, viewer, {
      action: options.action,
      entityType: sheet.title,
      entityId: null,
      regionPath: viewer.regionPath,
      after: { list, filter },
    });
    attachment(res, `${sheet.title}.xlsx`);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: res,
      useStyles: false,
      useSharedStrings: false,
    });
    const worksheet = workbook.addWorksheet(sheet.title);
    worksheet.columns = typeof sheet.columns === 'function' ? sheet.columns(viewer) : sheet.columns;
    for (let offset = 0; ; offset += PAGE) {
      const rows = await sheet.rows(ctx, filter, offset, PAGE);
      for (const row of rows) worksheet.addRow(row).commit();
      if (rows.length < PAGE) break;
    }
    worksheet.commit();
    await workbook.commit();
  });
  return router;
}
