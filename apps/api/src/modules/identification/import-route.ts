import type { DbHandle } from '@gongjian/db';
import { householdAttribute, householdStatus, povertyCause } from '@gongjian/db/schema';
import cookieParser from 'cookie-parser';
import express, { type Request, type Router } from 'express';
import { writeAudit } from '../../audit';
import { hasPermission } from '../../auth/permissions';
import { failureRecord, logFailure } from '../../error-log';
import { DISK_FULL_MESSAGE, isDiskFull, STORAGE_FULL } from '../../ops/disk-full';
import { attachment, authorise, refuse, XLSX_MIME } from '../../shared/http-route';
import { countExport } from './export-workbook';
import type { HouseholdListArgs } from './household';
import { exportHouseholds, type ImportEvent, importWorkbook, writeTemplate } from './import-export';

/**
 * Plain HTTP routes beside /graphql for Excel files (Apollo Server takes no multipart uploads), with the
 * same session cookie, permissions and jurisdiction as GraphQL:
 *
 * - GET  /identification/households/import-template  → the empty template (.xlsx) with a notes sheet
 * - POST /identification/households/import?mode=all|clean&dryRun=true
 *        body: the .xlsx bytes, Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
 *        (not a CORS-safelisted type, so a cross-site page cannot send it without a preflight this route never
 *        grants). Answers 200 with NDJSON, one event per line: {"type":"progress","phase":"parse"|"validate"|
 *        "write","done":n,"total":m|null}, {"type":"error","sheet","row","column","reason"} for every bad
 *        cell, and last {"type":"result","result":{status: IMPORTED|REJECTED|VALIDATED, …counts}}.
 * - GET  /identification/households/export?search=&regionId=&status=POOR,EXITED&attribute=&mainCause=&monitored=
 *        → the households the list shows (same filter), in the template's layout, personal data masked.
 * - POST /identification/households/export-unmasked?<the same filter>  body: {"reason": "…"} (JSON)
 *        → the same households with full ID numbers, phones and incomes, a file the import takes back with
 *        nothing changed. Needs the unmask right and household.sensitive; one audit row with the reason,
 *        the filter and the row counts (never the values) is written before the first byte, and a refused
 *        attempt is audited too.
 */

/** The household list's filter from query parameters; null when a value is not one the list accepts. */
export function listArgsFromQuery(query: Request['query']): HouseholdListArgs | null {
  const one = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
  const statuses = one('status')?.split(',').filter(Boolean) ?? [];
  if (statuses.some((s) => !(householdStatus.enumValues as readonly string[]).includes(s))) return null;
  const attribute = one('attribute');
  if (attribute && !(householdAttribute.enumValues as readonly string[]).includes(attribute)) return null;
  const mainCause = one('mainCause');
  if (mainCause && !(povertyCause.enumValues as readonly string[]).includes(mainCause)) return null;
  const region = one('regionId');
  let regionId: { id: number } | null = null;
  if (region) {
    const decoded = /^\d+$/.test(region)
      ? `Region:${region}`
      : Buffer.from(region, 'base64').toString('utf8');
    const match = /^Region:(\d+)$/.exec(decoded);
    if (!match) return null;
    regionId = { id: Number(match[1]) };
  }
  const monitored = one('monitored');
  return {
    search: one('search') ?? null,
    regionId,
    status: statuses as HouseholdListArgs['status'],
    attribute: (attribute as HouseholdListArgs['attribute']) ?? null,
    mainCause: (mainCause as HouseholdListArgs['mainCause']) ?? null,
    monitored: monitored === undefined ? null : monitored === 'true',
  };
}

export function identificationRoutes(handle: DbHandle): Router {
  const router = express.Router();
  router.use(cookieParser());

  router.get('/households/import-template', async (req, res) => {
    if (!(await authorise(handle, req, res, 'household.import'))) return;
    attachment(res, '农户及家庭成员导入模板.xlsx');
    await writeTemplate(res);
    res.end();
  });

  router.post('/households/import', express.raw({ type: XLSX_MIME, limit: '64mb' }), async (req, res) => {
    const viewer = await authorise(handle, req, res, 'household.import');
    if (!viewer) return;
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      refuse(res, 415, 'BAD_REQUEST', `请以 Content-Type: ${XLSX_MIME} 上传 .xlsx 文件`);
      return;
    }
    res.status(200).setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    const emit = (event: ImportEvent) => res.write(`${JSON.stringify(event)}\n`);
    try {
      await importWorkbook(
        handle.db,
        viewer,
        req.body,
        { mode: req.query.mode === 'clean' ? 'CLEAN_ONLY' : 'ALL', dryRun: req.query.dryRun === 'true' },
        emit,
      );
    } catch (error) {
      // The error of a failed statement carries its parameters (names, ID numbers): log its class only.
      logFailure('error', '[import] failed', failureRecord(error, error));
      const failed = isDiskFull(error)
        ? { type: 'failed', code: STORAGE_FULL, message: `导入失败, 未写入任何数据: ${DISK_FULL_MESSAGE}` }
        : { type: 'failed', message: '导入失败, 未写入任何数据' };
      res.write(`${JSON.stringify(failed)}\n`);
    }
    res.end();
  });

  router.get('/households/export', async (req, res) => {
    const viewer = await authorise(handle, req, res, 'household.read');
    if (!viewer) return;
    const args = listArgsFromQuery(req.query);
    if (!args) {
      refuse(res, 400, 'BAD_REQUEST', '筛选条件无效');
      return;
    }
    attachment(res, '农户花名册.xlsx');
    await exportHouseholds(handle.db, viewer, args, res);
    res.end();
  });

  router.post('/households/export-unmasked', express.json({ limit: '8kb' }), async (req, res) => {
    const viewer = await authorise(handle, req, res, 'household.read');
    if (!viewer) return;
    const args = listArgsFromQuery(req.query);
    const reason = typeof req.body?.reason === 'string' ? req.body.reason.trim() : '';
    if (!args || reason.length < 2 || reason.length > 500) {
      refuse(res, 400, 'BAD_REQUEST', args ? '请填写导出理由 (2–500字)' : '筛选条件无效');
      return;
    }
    const audit = (action: string, after: Record<string, unknown>) =>
      writeAudit(handle.db, viewer, {
        action,
        entityType: 'HouseholdExport',
        entityId: null,
        regionPath: viewer.regionPath,
        after: { ...after, filter: args },
        reason,
      });
    if (!viewer.mayUnmask || !hasPermission(viewer.roles, 'household.sensitive')) {
      await audit('personal-data.export-refused', { refusal: 'NO_UNMASK_PERMISSION' });
      refuse(res, 403, 'FORBIDDEN', '您没有导出完整个人信息的权限');
      return;
    }
    await audit('personal-data.export', await countExport(handle.db, viewer, args));
    attachment(res, '农户花名册(完整信息).xlsx');
    res.setHeader('Cache-Control', 'no-store');
    await exportHouseholds(handle.db, viewer, args, res, { unmasked: true });
    res.end();
  });

  return router;
}
