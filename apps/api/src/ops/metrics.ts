import { type DbHandle, rowsOf } from '@gongjian/db';
import { sql } from 'drizzle-orm';
import type { NextFunction, Request, Response } from 'express';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Distinct operation labels kept; past it (arbitrary documents outside production) they count as `other`. */
const MAX_OPERATIONS = 300;

export interface Metrics {
  registry: Registry;
  /** Counts one GraphQL request. */
  observeRequest(operation: string, seconds: number, errorCodes: readonly string[]): void;
  /** Middleware for the import route: follows its NDJSON events into the import gauges. */
  followImport(req: Request, res: Response, next: NextFunction): void;
}

export function createMetrics(handle: DbHandle): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gongjian_' });
  const requests = new Counter({
    name: 'gongjian_graphql_requests_total',
    help: 'GraphQL requests (GraphQL 请求数) by operation',
    labelNames: ['operation'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'gongjian_graphql_request_duration_seconds',
    help: 'GraphQL request latency (请求耗时) by operation',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'gongjian_graphql_errors_total',
    help: 'GraphQL errors (错误) by code',
    labelNames: ['code'],
    registers: [registry],
  });
  const running = new Gauge({
    name: 'gongjian_imports_running',
    help: 'Household imports in progress (正在进行的导入)',
    registers: [registry],
  });
  const rowsDone = new Gauge({
    name: 'gongjian_import_rows_done',
    help: 'Rows done by the latest import (最近一次导入进度) per phase',
    labelNames: ['phase'],
    registers: [registry],
  });
  const rowsTotal = new Gauge({
    name: 'gongjian_import_rows_expected',
    help: 'Rows the latest import expects per phase',
    labelNames: ['phase'],
    registers: [registry],
  });
  const imports = new Counter({
    name: 'gongjian_imports_total',
    help: 'Finished household imports (导入) by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  if (handle.kind === 'postgres') {
    // postgres.js exposes no pool figures: the server's own view of this role's connections stands in.
    new Gauge({
      name: 'gongjian_db_connections',
      help: 'Connections of the API role to its database (数据库连接) by state, from pg_stat_activity',
      labelNames: ['state'],
      registers: [registry],
      async collect() {
        this.reset();
        try {
          const rows = rowsOf<{ state: string | null; n: number }>(
            await handle.db.execute(sql`select state, count(*)::int as n from pg_stat_activity
              where datname = current_database() and usename = current_user group by state`),
          );
          for (const row of rows) this.set({ state: row.state ?? 'unknown' }, row.n);
        } catch {
          // The database is down: /readyz says so; the other figures are still served.
        }
      },
    });
  }
  const seen = new Set<string>();

  const label = (operation: string) => {
    if (seen.has(operation)) return operation;
    if (seen.size >= MAX_OPERATIONS) return 'other';
    seen.add(operation);
    return operation;
  };

  return {
    registry,
    observeRequest(operation, seconds, errorCodes) {
      const name = label(operation);
      requests.inc({ operation: name });
      duration.observe({ operation: name }, seconds);
      for (const code of errorCodes) errors.inc({ code });
    },
    followImport(_req, res, next) {
      running.inc();
      let finished = false;
      const finish = (outcome: string) => {
        if (finished) return;
        finished = true;
        running.dec();
        imports.inc({ outcome });
      };
      const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        for (const line of String(chunk).split('\n')) {
          if (!line.startsWith('{')) continue;
          let event: {
            type: string;
            phase?: string;
            done?: number;
            total?: number | null;
            result?: { status?: string };
          };
          try {
            event = JSON.parse(line);
          } catch {
            continue;
          }
          if (event.type === 'progress' && event.phase) {
            rowsDone.set({ phase: event.phase }, event.done ?? 0);
            if (typeof event.total === 'number') rowsTotal.set({ phase: event.phase }, event.total);
          } else if (event.type === 'result') finish(event.result?.status ?? 'UNKNOWN');
          else if (event.type === 'failed') finish('FAILED');
        }
        return write(chunk, ...rest);
      }) as Response['write'];
      res.once('close', () => finish(res.statusCode === 200 ? 'ABORTED' : 'REFUSED'));
      next();
    },
  };
}
