import type { DbHandle } from '@gongjian/db';
import { mayImportProjects } from '@gongjian/rules';
import cookieParser from 'cookie-parser';
import express, { type Router } from 'express';
import { failureRecord, logFailure } from '../../error-log';
import { attachment, authorise, refuse, XLSX_MIME } from '../../shared/http-route';
import { importProjects, writeProjectTemplate } from './project-import';
import { importFundSources, writeSourceTemplate } from './source-import';

/**
 * Excel import of the funds mechanism beside /graphql, with the session cookie and permissions of GraphQL;
 * sources are the county's, so the viewer's jurisdiction must be the county (as createFundSource):
 *
 * - GET  /funds/sources/import-template                   → 资金来源导入模板 (drop-down and notes)
 * - POST /funds/sources/import?mode=all|clean&dryRun=true  body: the .xlsx bytes → JSON result with row issues
 * - GET  /funds/projects/import-template, POST /funds/projects/import: 项目库导入 into the viewer's villages
 */
export function fundsImportRoutes(handle: DbHandle): Router {
  const router = express.Router();
  router.use(cookieParser());

  router.get('/sources/import-template', async (req, res) => {
    if (!(await authorise(handle, req, res, 'funds.write'))) return;
    attachment(res, '资金来源导入模板.xlsx');
    await writeSourceTemplate(res);
    res.end();
  });

  router.post('/sources/import', express.raw({ type: XLSX_MIME, limit: '16mb' }), async (req, res) => {
    const viewer = await authorise(handle, req, res, 'funds.write');
    if (!viewer) return;
    if (!viewer.countyId || viewer.jurisdictionId !== viewer.countyId)
      return refuse(res, 403, 'FORBIDDEN', '资金来源由县级登记');
    if (!Buffer.isBuffer(req.body) || req.body.length === 0)
      return refuse(res, 415, 'BAD_REQUEST', `请以 Content-Type: ${XLSX_MIME} 上传 .xlsx 文件`);
    res.setHeader('Cache-Control', 'no-store');
    try {
      res.json(
        await importFundSources(
          handle.db,
          viewer,
          { countyId: viewer.countyId, regionPath: viewer.regionPath },
          req.body,
          { mode: req.query.mode === 'clean' ? 'CLEAN_ONLY' : 'ALL', dryRun: req.query.dryRun === 'true' },
        ),
      );
    } catch (error) {
      logFailure('error', '[fund source import] failed', failureRecord(error, error));
      refuse(res, 500, 'INTERNAL', '导入失败, 未写入任何数据');
    }
  });

  router.get('/projects/import-template', async (req, res) => {
    if (!(await authorise(handle, req, res, 'project.import'))) return;
    attachment(res, '项目库导入模板.xlsx');
    await writeProjectTemplate(res);
    res.end();
  });

  router.post('/projects/import', express.raw({ type: XLSX_MIME, limit: '16mb' }), async (req, res) => {
    const viewer = await authorise(handle, req, res, 'project.import');
    if (!viewer) return;
    const decision = mayImportProjects(viewer.roles);
    if (decision.outcome === 'FAIL' || !viewer.countyId)
      return refuse(res, 403, 'FORBIDDEN', decision.reasons[0]!.messageZh);
    if (!Buffer.isBuffer(req.body) || req.body.length === 0)
      return refuse(res, 415, 'BAD_REQUEST', `请以 Content-Type: ${XLSX_MIME} 上传 .xlsx 文件`);
    res.setHeader('Cache-Control', 'no-store');
    try {
      res.json(
        await importProjects(handle.db, viewer, req.body, {
          mode: req.query.mode === 'clean' ? 'CLEAN_ONLY' : 'ALL',
          dryRun: req.query.dryRun === 'true',
        }),
      );
    } catch (error) {
      logFailure('error', '[project import] failed', failureRecord(error, error));
      refuse(res, 500, 'INTERNAL', '导入失败, 未写入任何数据');
    }
  });

  return router;
}
