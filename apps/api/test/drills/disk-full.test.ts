import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, type DbHandle } from '@gongjian/db';
import { type Fingerprint, fingerprint } from '@gongjian/db/backup';
import { seedJianghua } from '@gongjian/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../src/clock';
import { type DiskGuard, diskGuard } from '../../src/ops/disk-full';
import { createApp } from '../../src/server';
import { buildWorkbook } from '../identification-workbook';

/**
 * The embedded database's data folder on a size-limited tmpfs that fills up: every write answers a typed
 * STORAGE_FULL, the API stays up, and once space is freed the data is as before the failed writes and new
 * writes succeed. Mounting needs root: the drill runs as root and always under CI (where it fails if not root).
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const root = process.getuid?.() === 0;
const MOUNT_MB = 160;

let mount: string;
let mounted = false;
let handle: DbHandle | undefined;
let server: Server;
let base: string;
let cookie: string;

async function serve(db: DbHandle, disk?: DiskGuard) {
  const { app } = await createApp(db, undefined, undefined, { disk });
  const listening = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listening.once('listening', resolve));
  return { listening, url: `http://127.0.0.1:${(listening.address() as AddressInfo).port}` };
}

async function post(query: string, variables?: Record<string, unknown>) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: Record<string, { __typename?: string } | null> | null;
      errors?: { message: string; extensions: Record<string, unknown> }[];
    },
  };
}

const CREATE_CADRE = `mutation ($input: CreateCadreInput!) { createCadre(input: $input) {
  __typename ... on MutationCreateCadreSuccess { data { id } } } }`;

async function upload(file: Buffer) {
  const res = await fetch(`${base}/identification/households/import?mode=all`, {
    method: 'POST',
    headers: { 'content-type': XLSX, cookie },
    body: file,
  });
  return JSON.parse((await res.text()).trim().split('\n').at(-1)!) as Record<string, unknown>;
}

/** Writes zeros until `leave` bytes are free, or until the file system refuses; returns the filler's path. */
function fillUp(leave = 0): string {
  const filler = path.join(mount, 'filler');
  const fd = openSync(filler, 'w');
  const block = Buffer.alloc(256 * 1024);
  const free = () => {
    const stats = statfsSync(mount);
    return stats.bavail * stats.bsize;
  };
  try {
    while (leave === 0 || free() > leave + block.length) writeSync(fd, block);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    closeSync(fd);
  }
  return filler;
}

beforeAll(async () => {
  if (!root) return;
  process.env.GONGJIAN_DEMO_HOUSEHOLDS = '300';
  mount = mkdtempSync(path.join(tmpdir(), 'gongjian-full-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${MOUNT_MB}m`, 'tmpfs', mount]);
  mounted = true;
  handle = createDb({ dataDir: path.join(mount, 'data') });
  await handle.migrate();
  await handle.db.transaction((tx) => seedJianghua(tx, undefined, clock.now()));
  ({ listening: server, url: base } = await serve(handle));
  const login = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { login(input: { username: "admin", password: "Gongjian@2026" }) { __typename } }`,
    }),
  });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
}, 300_000);
afterAll(async () => {
  server?.close();
  await handle?.close().catch(() => {});
  if (mounted) execFileSync('umount', ['-l', mount]);
  if (mount) rmSync(mount, { recursive: true, force: true });
});

describe.runIf(root || process.env.CI === 'true')('a full disk under the embedded database', () => {
  it('refuses writes with a typed error, stays up, keeps the data, and writes again once space is freed', async () => {
    expect(root, 'the drill mounts a tmpfs and must run as root').toBe(true);
    const db = handle!.db;
    const village = (await db.query.regions.findFirst({
      where: { level: 'VILLAGE' },
      with: { parent: true },
    }))!;
    const villages = [{ township: village.parent!.name, name: village.name }];
    const unit = (await db.query.units.findFirst({ where: { kind: 'COUNTY_DEPARTMENT' } }))!;
    const cadre = (n: number) => ({
      input: { name: `满盘${n}`, post: '队员', unitId: Buffer.from(`Unit:${unit.id}`).toString('base64') },
    });
    expect(
      await upload(await buildWorkbook({ households: 300, villages, prefix: 'LOAD', idOffset: 70_000 })),
    ).toMatchObject({ type: 'result', result: { status: 'IMPORTED' } });

    const filler = fillUp();
    // Pages with room left still take rows: write until the file system refuses.
    let before: Fingerprint = await fingerprint(db);
    let refused: Awaited<ReturnType<typeof post>> | undefined;
    let accepted = 0;
    for (let n = 0; n < 500 && !refused; n++) {
      const res = await post(CREATE_CADRE, cadre(n));
      if (res.body.data?.createCadre?.__typename === 'MutationCreateCadreSuccess') {
        accepted++;
        before = await fingerprint(db);
      } else refused = res;
    }
    expect(refused, 'a write was refused within 500 attempts').toBeDefined();
    expect(refused!.status).toBe(503);
    expect(refused!.body.errors).toEqual([
      {
        message:
          '数据库磁盘空间已满, 本次操作未保存, 请联系运维人员 (the database disk is full: nothing was saved)',
        path: ['createCadre'],
        extensions: { code: 'STORAGE_FULL' },
      },
    ]);
    expect(await fingerprint(db)).toEqual(before);

    const full = await buildWorkbook({ households: 500, villages, prefix: 'FULL', idOffset: 75_000 });
    const started = Date.now();
    expect(await upload(full)).toEqual({
      type: 'failed',
      code: 'STORAGE_FULL',
      message:
        '导入失败, 未写入任何数据: 数据库磁盘空间已满, 本次操作未保存, 请联系运维人员 (the database disk is full: nothing was saved)',
    });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await fingerprint(db)).toEqual(before);

    unlinkSync(filler);
    expect(await fingerprint(db)).toEqual(before);
    const list = await post('{ households(first: 5, search: "LOAD") { totalCount } }');
    expect(list.body.data!.households).toEqual({ totalCount: 300 });
    expect((await post(CREATE_CADRE, cadre(9999))).body.data!.createCadre!.__typename).toBe(
      'MutationCreateCadreSuccess',
    );
    expect(await upload(full)).toMatchObject({ type: 'result', result: { status: 'IMPORTED' } });

    // The API as main.ts serves it: the free-space guard refuses writes before the reserve is reached.
    const guarded = await serve(handle!, diskGuard(mount, 32 * 1024 * 1024));
    const unguarded = base;
    base = guarded.url;
    try {
      const nearlyFull = fillUp(16 * 1024 * 1024);
      const kept = await fingerprint(db);
      const refusedEarly = await post(CREATE_CADRE, cadre(10_000));
      expect(refusedEarly.status).toBe(503);
      expect(refusedEarly.body.errors![0]!.extensions.code).toBe('STORAGE_FULL');
      expect(refusedEarly.body.errors![0]!.message).toContain('数据库磁盘空间已满');
      const importRefused = await fetch(`${base}/identification/households/import?mode=all`, {
        method: 'POST',
        headers: { 'content-type': XLSX, cookie },
        body: full,
      });
      expect(importRefused.status).toBe(503);
      expect(
        ((await importRefused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions
          .code,
      ).toBe('STORAGE_FULL');
      expect(await fingerprint(db)).toEqual(kept);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      unlinkSync(nearlyFull);
      expect((await post(CREATE_CADRE, cadre(10_001))).body.data!.createCadre!.__typename).toBe(
        'MutationCreateCadreSuccess',
      );
    } finally {
      guarded.listening.close();
      base = unguarded;
    }
    const after = await fingerprint(db);
    expect(after.rowCounts['public.households']).toBe(before.rowCounts['public.households']! + 500);
    expect(after.rowCounts['public.cadres']).toBe(before.rowCounts['public.cadres']! + 2);

    // Closed and opened again, the data folder is whole: the same rows, the same audit log.
    server.close();
    await handle!.close();
    handle = createDb({ dataDir: path.join(mount, 'data') });
    expect(await fingerprint(handle.db)).toEqual(after);
    console.log(
      `full disk drill: ${accepted} writes fitted in free pages, then STORAGE_FULL for a mutation and a 500-household import; ` +
        `after freeing space ${Object.keys(after.rowCounts).length} tables and the audit log checksum matched, new writes succeeded`,
    );
  }, 600_000);
});
