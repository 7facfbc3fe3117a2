import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Express } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Vite names every file under `assets/` by its content hash, so a cached copy never goes stale. */
const HASHED = `${path.sep}assets${path.sep}`;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashes: the browser asks again (a 304 when unchanged). */
const REVALIDATE = 'no-cache';

function cacheHeaders(res: ServerResponse, file: string) {
  res.setHeader('Cache-Control', file.includes(HASHED) ? IMMUTABLE : REVALIDATE);
}

/**
 * A built client at `mount`: the files the build precompressed (.br, .gz) sent as the browser accepts them,
 * hashed assets cached for a year, and every other path answered with index.html for the client's router.
 */
export function serveClient(app: Express, mount: string, dist: string) {
  if (!existsSync(path.join(dist, 'index.html'))) {
    app.get([mount, `${mount}/*rest`], (_req, res) => {
      res.status(503).type('text/plain; charset=utf-8').send(`${mount} 尚未构建 (not built): run pnpm build`);
    });
    return;
  }
  app.use(
    mount,
    expressStaticGzip(dist, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: 'index.html',
      serveStatic: { setHeaders: cacheHeaders },
    }),
  );
  app.get([mount, `${mount}/*rest`], (_req, res) => {
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(path.join(dist, 'index.html'));
  });
}
