import type { DbHandle } from '@gongjian/db';
import cookieParser from 'cookie-parser';
import ExcelJS from 'exceljs';
import express, { type Router } from 'express';
import { writeAudit } from '../../audit';
import { hasPermission } from '../../auth/permissions';
import { ValidationError } from '../../errors';
import { attachment, authorise, refuse } from '../../shared/http-route';
import { validate } from '../../shared/validate';
import { REPORTER_COLUMNS, SHEETS } from './export-sheets';

/**
 * GET /supervision/export/<list>?<the list's filters> → the list as Excel, inside the viewer's jurisdiction:
 * reports, inspection-findings, village-supervisors, accountability, village-assessments, exit-rewards,
 * performance. The export is itself audited (without any reporter identity).
 */
const PAGE = 2000;

export function supervisionRoutes(handle: DbHandle): Router {
  const router = express.Router();
  router.use(cookieParser());
  router.get('/export/:list', async (req, res) => {
    const sheet = SHEETS[req.params.list ?? ''];
    if (!sheet) {
      refuse(res, 404, 'NOT_FOUND', '没有这个导出列表');
      return;
    }
    const viewer = await authorise(handle, req, res, 'supervision.read');
    if (!viewer) return;
    const query = Object.fromEntries(
      Object.entries(req.query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    let filter: unknown;
    try {
      filter = validate(sheet.filter, query);
    } catch (error) {
      refuse(res, 400, 'BAD_REQUEST', error instanceof ValidationError ? error.message : '筛选条件无效');
      return;
    }
    await writeAudit(handle.db, viewer, {
      action: 'supervision.export',
      entityType: sheet.title,
      entityId: null,
      after: { list: req.params.list, filter },
    });
    attachment(res, `${sheet.title}.xlsx`);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: res,
      useStyles: false,
      useSharedStrings: false,
    });
    const worksheet = workbook.addWorksheet(sheet.title);
    const identity = req.params.list === 'reports' && hasPermission(viewer.roles, 'report.identity');
    worksheet.columns = identity ? [...sheet.columns, ...REPORTER_COLUMNS] : sheet.columns;
    let beforeId = 2_147_483_647;
    for (;;) {
      const page = await sheet.page(handle.db, viewer, filter as never, beforeId, PAGE);
      for (const { row } of page) worksheet.addRow(row).commit();
      if (page.length < PAGE) break;
      beforeId = page.at(-1)!.id;
    }
    worksheet.commit();
    await workbook.commit();
  });
  return router;
}
