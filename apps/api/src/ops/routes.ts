import { createHash, timingSafeEqual } from 'node:crypto';
import type { DbHandle } from '@gongjian/db';
import express, { type Request, type Router } from 'express';
import type { Metrics } from './metrics';
import { readiness } from './readiness';

export interface MetricsAccess {
  /** Bearer token /metrics asks for; without one, production does not serve /metrics at all. */
  token?: string;
  production: boolean;
}

function sameToken(req: Request, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** /readyz for the load balancer and /metrics for Prometheus (decision 0024). */
export function opsRoutes(handle: DbHandle, metrics: Metrics, access: MetricsAccess): Router {
  const router = express.Router();

  router.get('/readyz', async (_req, res) => {
    const state = await readiness(handle);
    res.setHeader('Cache-Control', 'no-store');
    if (state.ready) {
      res.json({ status: 'ready', database: handle.kind, migrations: state.migrations });
      return;
    }
    const message =
      state.reason === 'database-unreachable'
        ? '数据库无法连接 (the database does not answer)'
        : '数据库迁移未全部执行 (migrations are not all applied)';
    res.status(503).json({ status: 'not-ready', reason: state.reason, message, pending: state.pending });
  });

  router.get('/metrics', async (req, res) => {
    if (access.token ? !sameToken(req, access.token) : access.production) {
      res.status(access.token ? 401 : 404).json({
        errors: [
          {
            message: '无权读取运行指标 (metrics need the operator token)',
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      });
      return;
    }
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.end(await metrics.registry.metrics());
  });

  return router;
}
