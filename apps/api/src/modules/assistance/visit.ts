import { type visitMode, visits } from '@gongjian/db/schema';
import { canRecordVisit, firstDayOfMonth, lastDayOfMonth } from '@gongjian/rules';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction } from '../../auth/jurisdiction';
import { isHelperOnly, seesAsHelper } from '../../auth/permissions';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { clock } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import { reread, writeAudited } from '../../spine/write';
import { Household } from '../identification/household';
import { Pairing } from './pairing';

/** 走访: a helper's visit to a paired household, with the signatures of 三走访三签字. */

export const VisitModeEnum = builder.enumType('VisitMode', {
  description: '走访方式',
  values: {
    IN_PERSON: { description: '入户' },
    PHONE: { description: '电话' },
    OTHER: { description: '其他' },
  } satisfies Record<(typeof visitMode.enumValues)[number], { description: string }>,
});

export const Visit = builder.drizzleNode('visits', {
  name: 'Visit',
  description: '走访 (a visit of the pairing’s helper to the household: when, how, notes and signatures)',
  id: { column: (v) => v.id },
  authScopes: (v, ctx) =>
    seesAsHelper(ctx.viewer, v.helperId)
      ? { $all: { jurisdiction: v.regionPath, permission: 'assistance.read' } }
      : false,
  fields: (t) => ({
    pairing: t.relation('pairing', { type: Pairing, description: '结对' }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: '走访时间' }),
    mode: t.expose('mode', { type: VisitModeEnum, description: '走访方式' }),
    notes: t.exposeString('notes', { description: '走访记录' }),
    householdSigned: t.exposeBoolean('householdSigned', { description: '农户签字' }),
    helperSigned: t.exposeBoolean('helperSigned', { description: '帮扶责任人签字' }),
    villageSigned: t.exposeBoolean('villageSigned', { description: '村 (工作队) 签字' }),
    helperName: t.string({
      description: '走访人',
      select: { with: { helper: { columns: { name: true } } } },
      resolve: (v) => v.helper.name,
    }),
  }),
});

interface VisitListArgs {
  householdId?: { id: string | number } | null;
  pairingId?: { id: string | number } | null;
  month?: string | null;
}

/** The visit list's one filter: jurisdiction, a helper only their own, household, pairing, Shanghai month. */
function visitListFilter(table: typeof visits, ctx: Context, args: VisitListArgs) {
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
    isHelperOnly(ctx.viewer!.roles) ? eq(table.helperId, ctx.viewer!.cadreId ?? -1) : undefined,
    args.householdId ? eq(table.householdId, Number(args.householdId.id)) : undefined,
    args.pairingId ? eq(table.pairingId, Number(args.pairingId.id)) : undefined,
    args.month ? monthWindow(table.occurredAt, args.month) : undefined,
  );
}

/** SQL: an instant inside a Shanghai calendar month (index-friendly bounds at +08:00). */
export function monthWindow(column: typeof visits.occurredAt, month: string) {
  const from = `${firstDayOfMonth(month)}T00:00:00+08:00`;
  const next = new Date(Date.parse(`${lastDayOfMonth(month)}T00:00:00+08:00`) + 86_400_000).toISOString();
  return sql`(${column} >= ${from}::timestamptz and ${column} < ${next}::timestamptz)`;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

builder.queryFields((t) => ({
  visitClock: t.field({
    type: 'DateTime',
    description:
      '登记走访用的服务器时间 (the API clock now; the helper’s page dates visits by it, whatever the device’s clock says)',
    authScopes: { permission: 'visit.record' },
    resolve: () => clock.now().toISOString(),
  }),
  visits: t.drizzleConnection({
    type: 'visits',
    description: '走访记录 (newest first; a helper sees their own; filter by household, pairing, month)',
    authScopes: { permission: 'assistance.read' },
    args: {
      householdId: t.arg.globalID({ required: false, for: [Household] }),
      pairingId: t.arg.globalID({ required: false, for: [Pairing] }),
      month: t.arg.string({ required: false, description: '月份 YYYY-MM (Asia/Shanghai)' }),
    },
    totalCount: (_parent, args, ctx) => ctx.db.$count(visits, visitListFilter(visits, ctx, monthArg(args))),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.visits.findMany(
        query({
          where: { RAW: (table) => visitListFilter(table, ctx, monthArg(args))! },
          orderBy: { occurredAt: 'desc', id: 'desc' },
        }),
      ),
  }),
}));

function monthArg<T extends { month?: string | null }>(args: T): T {
  if (args.month && !MONTH.test(args.month)) return { ...args, month: '0000-01' };
  return args;
}

const RecordVisitInput = builder.inputType('RecordVisitInput', {
  description: '登记走访 (a replay with the same idempotency key returns the visit first stored)',
  fields: (t) => ({
    pairingId: t.globalID({ required: true, for: [Pairing] }),
    occurredAt: t.field({
      type: 'DateTime',
      required: true,
      description: '走访时间 (not before the pairing, not in the future)',
    }),
    mode: t.field({ type: VisitModeEnum, required: true }),
    notes: t.string({ required: false, description: '走访记录' }),
    householdSigned: t.boolean({ required: false, description: '农户签字' }),
    helperSigned: t.boolean({ required: false, description: '帮扶责任人签字' }),
    villageSigned: t.boolean({ required: false, description: '村 (工作队) 签字' }),
    idempotencyKey: t.string({
      required: false,
      description:
        '幂等键 (the device’s id for this visit; sent again after a lost response, nothing new is stored)',
    }),
  }),
});

const VisitSchema = z.object({
  notes: text(1000, 0).nullish(),
  householdSigned: z.boolean().nullish(),
  helperSigned: z.boolean().nullish(),
  villageSigned: z.boolean().nullish(),
  idempotencyKey: z
    .string()
    .regex(/^[\w-]{8,100}$/, '幂等键应为8至100个字母、数字、下划线或连字符')
    .nullish(),
});

/** The key was stored by a concurrent request first: return that visit. */
class Replayed extends Error {
  constructor(readonly visitId: number) {
    super('replayed');
  }
}

builder.mutationFields((t) => ({
  recordVisit: t.drizzleField({
    type: Visit,
    description:
      '登记走访 (a helper on their own pairings; clerks in their jurisdiction; idempotent by key per helper)',
    authScopes: { permission: 'visit.record' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RecordVisitInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const pairingId = Number(input.pairingId.id);
      const key = input.idempotencyKey ?? null;
      const pairing = writableRow(
        ctx,
        await ctx.db.query.pairings.findFirst({
          where: { id: pairingId },
          with: { visits: { columns: { id: true }, where: { idempotencyKey: key ?? '' }, limit: 1 } },
        }),
        { entity: '结对', argument: 'pairingId', id: pairingId },
      );
      const values = validate(VisitSchema, input);
      const replay = key ? pairing.visits[0] : undefined;
      if (replay)
        return reread(ctx.db.query.visits.findFirst(query({ where: { id: replay.id } })), '走访', replay.id);
      refuseUnless(
        canRecordVisit({
          pairing: { id: String(pairing.id), startDate: pairing.startDate, endDate: pairing.endDate },
          occurredAt: input.occurredAt,
          now: clock.now().toISOString(),
          helperOnly: isHelperOnly(ctx.viewer!.roles),
          ownPairing: ctx.viewer!.cadreId === pairing.helperId,
        }),
      );
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(visits)
          .values({
            countyId: pairing.countyId,
            regionPath: pairing.regionPath,
            pairingId,
            householdId: pairing.householdId,
            helperId: pairing.helperId,
            occurredAt: input.occurredAt,
            mode: input.mode,
            notes: values.notes ?? '',
            householdSigned: values.householdSigned ?? false,
            helperSigned: values.helperSigned ?? false,
            villageSigned: values.villageSigned ?? false,
            idempotencyKey: key,
            recordedById: ctx.viewer!.id,
          })
          .onConflictDoNothing({ target: [visits.helperId, visits.idempotencyKey] })
          .returning({ id: visits.id });
        if (!created) {
          const [first] = await tx
            .select({ id: visits.id })
            .from(visits)
            .where(and(eq(visits.helperId, pairing.helperId), eq(visits.idempotencyKey, key!)));
          throw new Replayed(first!.id);
        }
        return {
          id: created.id,
          audit: {
            action: 'visit.record',
            entityType: 'Visit',
            entityId: created.id,
            regionPath: pairing.regionPath,
            after: { pairingId, occurredAt: input.occurredAt, mode: input.mode },
          },
        };
      }).catch((error: unknown) => {
        if (error instanceof Replayed) return error.visitId;
        throw error;
      });
      return reread(ctx.db.query.visits.findFirst(query({ where: { id } })), '走访', id);
    },
  }),
}));

builder.drizzleObjectFields(Pairing, (t) => ({
  viewerCanRecordVisit: t.boolean({
    description: '我可登记走访 (visit.record, jurisdiction, an open pairing and the rule VISIT.OWN_PAIRING)',
    select: { columns: { id: true, regionPath: true, helperId: true, startDate: true, endDate: true } },
    resolve: (p, _args, ctx) => {
      const now = clock.now().toISOString();
      return (
        viewerMayChange(ctx, 'visit.record', p.regionPath) &&
        canRecordVisit({
          pairing: { id: String(p.id), startDate: p.startDate, endDate: p.endDate },
          occurredAt: now,
          now,
          helperOnly: isHelperOnly(ctx.viewer!.roles),
          ownPairing: ctx.viewer!.cadreId === p.helperId,
        }).outcome === 'PASS'
      );
    },
  }),
}));
