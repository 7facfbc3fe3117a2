import type { DbHandle } from '@gongjian/db';
import cookieParser from 'cookie-parser';
import { and, lt } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import express, { type Router } from 'express';
import { maskAuditDetails } from '../../auth/masking';
import { hasPermission } from '../../auth/permissions';
import { ValidationError } from '../../errors';
import { attachment, authorise, refuse } from '../../shared/http-route';
import { validate } from '../../shared/validate';
import { AuditLogArgsSchema, auditLogFilter, auditTheRead } from './audit-log';

/**
 * GET /access/audit-log/export?from=&to=&action=&entityType=&entityId=&actor= → the audit log the viewer may
 * read with those filters (the list's), newest first, details masked as the list masks them; the export is
 * itself audited.
 */
const COLUMNS = [
  { header: '时间', key: 'occurredAt', width: 26 },
  { header: '操作人', key: 'actor', width: 24 },
  { header: '操作', key: 'action', width: 28 },
  { header: '对象类型', key: 'entityType', width: 18 },
  { header: '对象编号', key: 'entityId', width: 12 },
  { header: '理由', key: 'reason', width: 30 },
  { header: '变更前', key: 'before', width: 60 },
  { header: '变更后', key: 'after', width: 60 },
];
const PAGE = 2000;

export function auditRoutes(handle: DbHandle): Router {
  const router = express.Router();
  router.use(cookieParser());
  router.get('/audit-log/export', async (req, res) => {
    const viewer = await authorise(handle, req, res, 'audit.read');
    if (!viewer) return;
    const text = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : null);
    let args: ReturnType<typeof AuditLogArgsSchema.parse>;
    try {
      args = validate(AuditLogArgsSchema, {
        from: text('from'),
        to: text('to'),
        action: text('action'),
        entityType: text('entityType'),
        entityId: text('entityId'),
        actor: text('actor'),
      });
    } catch (error) {
      refuse(res, 400, 'BAD_REQUEST', error instanceof ValidationError ? error.message : '筛选条件无效');
      return;
    }
    await auditTheRead(handle.db, viewer, 'audit-log.export', args);
    const sensitive = hasPermission(viewer.roles, 'household.sensitive');
    attachment(res, '审计日志.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: res,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('审计日志');
    sheet.columns = COLUMNS;
    let beforeId = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const page = await handle.db.query.auditLog.findMany({
        where: { RAW: (table) => and(auditLogFilter(table, viewer, args), lt(table.id, beforeId))! },
        orderBy: { id: 'desc' },
        limit: PAGE,
        with: { actor: { columns: { displayName: true, username: true } } },
      });
      for (const row of page) {
        const details = (value: unknown) =>
          value === null ? '' : JSON.stringify(maskAuditDetails(value, sensitive));
        sheet
          .addRow({
            occurredAt: row.occurredAt,
            actor: row.actor ? `${row.actor.displayName} (${row.actor.username})` : '',
            action: row.action,
            entityType: row.entityType,
            entityId: row.entityId ?? '',
            reason: row.reason ?? '',
            before: details(row.before),
            after: details(row.after),
          })
          .commit();
      }
      if (page.length < PAGE) break;
      beforeId = page.at(-1)!.id;
    }
    sheet.commit();
    await workbook.commit();
  });
  return router;
}
