import type { DbHandle } from '@gongjian/db';
import { monthOf } from '@gongjian/rules';
import cookieParser from 'cookie-parser';
import express, { type Request, type Router } from 'express';
import { failureRecord, logFailure } from '../../error-log';
import { clock } from '../../policy';
import { decodeGlobalId } from '../../shared/global-id';
import { attachment, authorise, refuse, XLSX_MIME } from '../../shared/http-route';
import { exportActivities, exportCompliance, exportPairings, exportRoster } from './excel-export';
import { importPairings, writePairingTemplate } from './pairing-import';

/**
 * Excel files of the assistance mechanism beside /graphql, with the session cookie, permissions and
 * jurisdiction of GraphQL (the filters are the lists' own):
 *
 * - GET  /assistance/work-teams/export?regionId=&open=&search=        → 驻村工作队花名册 (teams and members)
 * - GET  /assistance/pairings/export?regionId=&helperId=&open=&search= → 结对名单
 * - GET  /assistance/compliance/export?month=YYYY-MM&regionId=&helperId=&onlyShort= → 走访达标名单
 * - GET  /assistance/activities/export?kind=&regionId=&search=&from=&to= → 帮扶活动与政策宣传
 * - GET  /assistance/pairings/import-template                       → the bulk pairing template
 * - POST /assistance/pairings/import?mode=all|clean&dryRun=true      body: the .xlsx bytes → JSON result
 */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A query parameter holding a global id of `type` (or its bare number); undefined when absent, null when bad. */
function idParam(query: Request['query'], name: string, type: string): { id: number } | null | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') return null;
  if (/^\d+$/.test(value)) return { id: Number(value) };
  const decoded = decodeGlobalId(value);
  return decoded.type === type && Number.isInteger(decoded.id) ? { id: decoded.id } : null;
}

function flagParam(query: Request['query'], name: string): boolean | null {
  return query[name] === 'true' ? true : query[name] === 'false' ? false : null;
}

const textParam = (query: Request['query'], name: string) =>
  typeof query[name] === 'string' ? (query[name] as string) : null;

export function assistanceRoutes(handle: DbHandle): Router {
  const router = express.Router();
  router.use(cookieParser());

  router.get('/work-teams/export', async (req, res) => {
    const viewer = await authorise(handle, req, res, 'assistance.read');
    if (!viewer) return;
    const regionId = idParam(req.query, 'regionId', 'Region');
    if (regionId === null) return refuse(res, 400, 'BAD_REQUEST', '筛选条件无效');
    attachment(res, '驻村工作队花名册.xlsx');
    await exportRoster(
      handle.db,
      viewer,
      { regionId, open: flagParam(req.query, 'open'), search: textParam(req.query, 'search') },
      res,
    );
    res.end();
  });

  router.get('/pairings/export', async (req, res) => {
    const viewer = await authorise(handle, req, res, 'assistance.read');
    if (!viewer) return;
    const regionId = idParam(req.query, 'regionId', 'Region');
    const helperId = idParam(req.query, 'helperId', 'Cadre');
    if (regionId === null || helperId === null) return refuse(res, 400, 'BAD_REQUEST', '筛选条件无效');
    attachment(res, '结对帮扶名单.xlsx');
    await exportPairings(
      handle.db,
      viewer,
      { regionId, helperId, open: flagParam(req.query, 'open'), search: textParam(req.query, 'search') },
      res,
    );
    res.end();
  });

  router.get('/compliance/export', async (req, res) => {
    const viewer = await authorise(handle, req, res, 'assistance.read');
    if (!viewer) return;
    const month = textParam(req.query, 'month') ?? monthOf(clock.today());
    const regionId = idParam(req.query, 'regionId', 'Region');
    const helperId = idParam(req.query, 'helperId', 'Cadre');
    if (!MONTH.test(month) || regionId === null || helperId === null)
      return refuse(res, 400, 'BAD_REQUEST', '筛选条件无效');
    attachment(res, `走访达标名单-${month}.xlsx`);
    await exportCompliance(
      handle.db,
      viewer,
      {
        month,
        regionId: regionId ?? null,
        helperId: helperId ?? null,
        onlyShort: flagParam(req.query, 'onlyShort') !== false,
      },
      res,
    );
    res.end();
  });

  router.get('/activities/export', async (req, res) => {
    const viewer = await authorise(handle, req, res, 'assistance.read');
    if (!viewer) return;
    const regionId = idParam(req.query, 'regionId', 'Region');
    const kind = textParam(req.query, 'kind');
    const [from, to] = [textParam(req.query, 'from'), textParam(req.query, 'to')];
    const day = (value: string | null) => value === null || /^\d{4}-\d{2}-\d{2}$/.test(value);
    if (regionId === null || (kind && kind !== 'CAMPAIGN' && kind !== 'PUBLICITY') || !day(from) || !day(to))
      return refuse(res, 400, 'BAD_REQUEST', '筛选条件无效');
    attachment(res, '帮扶活动.xlsx');
    await exportActivities(
      handle.db,
      viewer,
      {
        regionId,
        kind: (kind || null) as 'CAMPAIGN' | 'PUBLICITY' | null,
        from,
        to,
        search: textParam(req.query, 'search'),
      },
      res,
    );
    res.end();
  });

  router.get('/pairings/import-template', async (req, res) => {
    if (!(await authorise(handle, req, res, 'pairing.write'))) return;
    attachment(res, '结对帮扶导入模板.xlsx');
    await writePairingTemplate(res);
    res.end();
  });

  router.post('/pairings/import', express.raw({ type: XLSX_MIME, limit: '16mb' }), async (req, res) => {
    const viewer = await authorise(handle, req, res, 'pairing.write');
    if (!viewer) return;
    if (!Buffer.isBuffer(req.body) || req.body.length === 0)
      return refuse(res, 415, 'BAD_REQUEST', `请以 Content-Type: ${XLSX_MIME} 上传 .xlsx 文件`);
    res.setHeader('Cache-Control', 'no-store');
    try {
      res.json(
        await importPairings(handle.db, viewer, req.body, {
          mode: req.query.mode === 'clean' ? 'CLEAN_ONLY' : 'ALL',
          dryRun: req.query.dryRun === 'true',
        }),
      );
    } catch (error) {
      logFailure('error', '[pairing import] failed', failureRecord(error, error));
      refuse(res, 500, 'INTERNAL', '导入失败, 未写入任何数据');
    }
  });

  return router;
}
