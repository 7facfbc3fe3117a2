import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropDatabases, onPostgres, seededPglite, seededPostgresTemplate } from './seed-template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL template database every scenario is created from. */
    seededTemplate: string;
    /** The file holding the seeded PGlite data directory every scenario loads. */
    seededDataDir: string;
  }
}

/**
 * Migrates and seeds the demo county once for the whole run instead of once per test file: on PostgreSQL a
 * template database, on PGlite a dump of the data directory (loading it takes a tenth of seeding it).
 */
export default async function setup(project: TestProject) {
  if (process.env.GONGJIAN_DRILLS) return;
  if (onPostgres) {
    const template = await seededPostgresTemplate();
    project.provide('seededTemplate', template);
    return () => dropDatabases([template]);
  }
  const pg = await seededPglite();
  const file = path.join(tmpdir(), `gongjian-seeded-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer()));
  await pg.close();
  project.provide('seededDataDir', file);
  return () => rm(file, { force: true });
}
