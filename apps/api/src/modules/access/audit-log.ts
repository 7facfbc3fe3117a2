import type { Database } from '@gongjian/db';
import { auditLog } from '@gongjian/db/schema';
import { addDays, requireCalendarDate } from '@gongjian/rules';
import { and, eq, gte, ilike, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit';
import { inJurisdiction } from '../../auth/jurisdiction';
import { maskAuditDetails } from '../../auth/masking';
import { hasPermission } from '../../auth/permissions';
import { builder } from '../../builder';
import type { Context, Viewer } from '../../context';
import { env } from '../../env';
import { validate } from '../../shared/validate';

/**
 * 审计日志查询 (the audit viewer): who did what to which row, when and why, for the `audit.read` roles, cut to
 * their jurisdiction; personal data masked; every read and export is itself audited.
 */

export interface AuditLogArgs {
  from?: string | null;
  to?: string | null;
  action?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  actor?: string | null;
}

const isCalendarDate = (value: string) => {
  try {
    requireCalendarDate(value);
    return true;
  } catch {
    return false;
  }
};
const day = z.string().refine(isCalendarDate, '应为有效日期 YYYY-MM-DD');
const term = (max: number) => z.string().trim().max(max, `不能超过${max}个字`).nullish();
export const AuditLogArgsSchema = z
  .object({
    from: day.nullish(),
    to: day.nullish(),
    action: term(60),
    entityType: term(60),
    entityId: term(40),
    actor: term(40),
  })
  .refine((args) => !args.from || !args.to || args.from <= args.to, {
    path: ['to'],
    message: '截止日期不能早于起始日期',
  });

/** Rows without a region (sign-ins, refused looks at a row that does not exist) are the county's: county-wide readers only. */
function auditVisible(table: typeof auditLog, viewer: Viewer | null): SQL {
  const countyWide = viewer !== null && viewer.jurisdictionId === viewer.countyId;
  return or(
    inJurisdiction(table.regionPath, viewer),
    countyWide ? and(isNull(table.regionPath), eq(table.countyId, viewer.countyId!)) : undefined,
  )!;
}

/** Days are the county's (Asia/Shanghai): `to` is inclusive. */
export function auditLogFilter(table: typeof auditLog, viewer: Viewer | null, args: AuditLogArgs): SQL {
  const actor = args.actor?.trim();
  return and(
    auditVisible(table, viewer),
    args.from ? gte(table.occurredAt, `${args.from}T00:00:00+08:00`) : undefined,
    args.to ? lt(table.occurredAt, `${addDays(args.to, 1)}T00:00:00+08:00`) : undefined,
    args.action ? ilike(table.action, `${args.action.trim()}%`) : undefined,
    args.entityType ? eq(table.entityType, args.entityType.trim()) : undefined,
    args.entityId ? eq(table.entityId, args.entityId.trim()) : undefined,
    actor
      ? sql`${table.actorUserId} in (select u.id from users u where u.username ilike ${`%${actor}%`} or u.display_name ilike ${`%${actor}%`})`
      : undefined,
  )!;
}

/** Each look at the audit log is a row of it: the filters, not the rows seen. */
export async function auditTheRead(db: Database, viewer: Viewer, action: string, args: AuditLogArgs) {
  const filters = Object.fromEntries(Object.entries(args).filter(([, value]) => value));
  await writeAudit(db, viewer, {
    action,
    entityType: 'AuditLog',
    entityId: null,
    regionPath: viewer.regionPath,
    after: { filters },
  });
}

export const AuditEntry = builder.drizzleObject('auditLog', {
  name: 'AuditEntry',
  description: '审计日志条目 (one audited action: who, when, what, which row, before/after, reason)',
  fields: (t) => ({
    id: t.exposeID('id', { description: '条目编号' }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: '发生时间' }),
    action: t.exposeString('action', { description: '操作 (e.g. member.update, personal-data.reveal)' }),
    entityType: t.exposeString('entityType', { description: '对象类型 (e.g. HouseholdMember)' }),
    entityId: t.exposeString('entityId', { nullable: true, description: '对象编号 (the row id)' }),
    actorName: t.string({
      nullable: true,
      description: '操作人 (display name and user name; empty for the system)',
      select: { with: { actor: { columns: { displayName: true, username: true } } } },
      resolve: (row) => (row.actor ? `${row.actor.displayName} (${row.actor.username})` : null),
    }),
    before: t.field({
      type: 'JSON',
      nullable: true,
      description: '变更前 (ID numbers and phones masked; health and incomes only for sensitive roles)',
      select: { columns: { before: true } },
      resolve: (row, _args, ctx) => maskedDetails(row.before, ctx),
    }),
    after: t.field({
      type: 'JSON',
      nullable: true,
      description: '变更后 (masked as 变更前)',
      select: { columns: { after: true } },
      resolve: (row, _args, ctx) => maskedDetails(row.after, ctx),
    }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: '理由 (e.g. why personal data was unmasked)',
    }),
  }),
});

function maskedDetails(details: unknown, ctx: Context) {
  if (details === null || details === undefined) return null;
  return maskAuditDetails(
    details,
    ctx.viewer ? hasPermission(ctx.viewer.roles, 'household.sensitive') : false,
  );
}

builder.queryFields((t) => ({
  auditLog: t.drizzleConnection({
    type: 'auditLog',
    description:
      '审计日志 (newest first; filter by day range, action prefix, object and actor; each read is audited)',
    authScopes: { permission: 'audit.read' },
    args: {
      from: t.arg({ type: 'Date', required: false, description: '起始日期 (inclusive, county calendar)' }),
      to: t.arg({ type: 'Date', required: false, description: '截止日期 (inclusive)' }),
      action: t.arg.string({
        required: false,
        description: '操作 (prefix, e.g. "member." or "personal-data")',
      }),
      entityType: t.arg.string({ required: false, description: '对象类型' }),
      entityId: t.arg.string({ required: false, description: '对象编号' }),
      actor: t.arg.string({ required: false, description: '操作人 (user name or display name)' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(auditLog, auditLogFilter(auditLog, ctx.viewer, validate(AuditLogArgsSchema, args))),
    resolve: async (query, _root, args, ctx) => {
      const filters = validate(AuditLogArgsSchema, args);
      await auditTheRead(ctx.db, ctx.viewer!, 'audit-log.read', filters);
      return ctx.db.query.auditLog.findMany(
        query({
          where: { RAW: (table) => auditLogFilter(table, ctx.viewer, filters) },
          orderBy: { occurredAt: 'desc', id: 'desc' },
        }),
      );
    },
  }),
  auditRetentionMonths: t.int({
    description:
      '审计日志保存月数 (MLPS 2.0 level 3: at least 6; set by GONGJIAN_AUDIT_RETENTION_MONTHS, purged by pnpm db:audit-purge)',
    authScopes: { permission: 'audit.read' },
    resolve: () => env.auditRetentionMonths,
  }),
}));
