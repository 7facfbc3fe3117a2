import { statfs } from 'node:fs/promises';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Context } from '../context';
import { sqlStateOf } from '../error-log';

export const STORAGE_FULL = 'STORAGE_FULL';

export const DISK_FULL_MESSAGE =
  '数据库磁盘空间已满, 本次操作未保存, 请联系运维人员 (the database disk is full: nothing was saved)';

/** PostgreSQL, and PGlite's WASM build of it, answer SQLSTATE 53100 (disk_full) when a file cannot grow. */
export function isDiskFull(error: unknown): boolean {
  return sqlStateOf(error) === '53100';
}

/**
 * Free space kept under the embedded database (decision 0023): PGlite answers a full disk cleanly (53100)
 * when a table cannot grow, but when a new WAL segment cannot be written its next query spins for ever and
 * blocks the whole process. Writes are refused while less than this is free, so WAL always has room.
 */
export const DEFAULT_DISK_RESERVE_BYTES = 64 * 1024 * 1024;

export interface DiskGuard {
  /** False when fewer than the reserve plus `extra` bytes are free under the data folder. */
  hasRoom(extra?: number): Promise<boolean>;
}

export function diskGuard(dataDir: string, reserveBytes = DEFAULT_DISK_RESERVE_BYTES): DiskGuard {
  return {
    async hasRoom(extra = 0) {
      const stats = await statfs(dataDir);
      return stats.bavail * stats.bsize >= reserveBytes + extra;
    },
  };
}

/** Refuses mutations before any resolver runs while the disk has no room. */
export function diskGuardPlugin(guard: DiskGuard): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'mutation' || (await guard.hasRoom())) return;
          throw new GraphQLError(DISK_FULL_MESSAGE, { extensions: { code: STORAGE_FULL } });
        },
      };
    },
  };
}

/** An import needs room for what it writes: its rows, indexes and WAL, taken as 20 times the file. */
export function diskGuardForImports(guard: DiskGuard) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (await guard.hasRoom(20 * Number(req.get('content-length') ?? 0))) return next();
    res.status(503).json({ errors: [{ message: DISK_FULL_MESSAGE, extensions: { code: STORAGE_FULL } }] });
  };
}
