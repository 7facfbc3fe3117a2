import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveClient } from '../src/serve-client';

let dist: string;
let base: string;
let close: () => void;
const script = 'console.log("攻坚");'.repeat(200);

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'gongjian-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><script src="/admin/assets/main-Ab12Cd.js"></script>',
  );
  const asset = path.join(dist, 'assets', 'main-Ab12Cd.js');
  writeFileSync(asset, script);
  writeFileSync(`${asset}.br`, brotliCompressSync(script));
  writeFileSync(`${asset}.gz`, gzipSync(script));
  const app = express();
  serveClient(app, '/admin', dist);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => {
  close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, encoding: string) =>
  fetch(`${base}${url}`, { headers: { 'accept-encoding': encoding } });

describe('the built clients are served precompressed and cached by their hash', () => {
  it('a hashed asset is sent as brotli when accepted, else gzip, else as is, and cached for a year', async () => {
    const br = await get('/admin/assets/main-Ab12Cd.js', 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(await br.text()).toBe(script);
    const gz = await get('/admin/assets/main-Ab12Cd.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await get('/admin/assets/main-Ab12Cd.js', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(Buffer.byteLength(script));
  });

  it('index.html, and any client route answered with it, is revalidated on every visit', async () => {
    for (const url of ['/admin/', '/admin/funds/projects']) {
      const res = await get(url, 'br');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('main-Ab12Cd.js');
    }
  });
});
