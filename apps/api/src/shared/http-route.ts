import type { DbHandle } from '@gongjian/db';
import type { Request, Response } from 'express';
import { hasPermission, type Permission } from '../auth/permissions';
import { SESSION_COOKIE, viewerFromToken } from '../auth/sessions';
import type { Viewer } from '../context';

/** What the plain HTTP routes beside /graphql (Excel files) share: the session, the permission, the file. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function refuse(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export async function authorise(
  handle: DbHandle,
  req: Request,
  res: Response,
  permission: Permission | null,
): Promise<Viewer | null> {
  let viewer: Viewer | null;
  try {
    viewer = await viewerFromToken(handle.db, req.cookies?.[SESSION_COOKIE]);
  } catch {
    refuse(res, 503, 'SERVICE_UNAVAILABLE', '数据库暂时不可用,请稍后重试');
    return null;
  }
  if (!viewer) {
    refuse(res, 401, 'UNAUTHENTICATED', '请先登录');
    return null;
  }
  if (permission && !hasPermission(viewer.roles, permission)) {
    refuse(res, 403, 'FORBIDDEN', '无权执行此操作');
    return null;
  }
  return viewer;
}

export function attachment(res: Response, fileName: string) {
  res.setHeader('Content-Type', XLSX_MIME);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
}
