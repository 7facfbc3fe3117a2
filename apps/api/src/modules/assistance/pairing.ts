import { cadres, households, pairings } from '@gongjian/db/schema';
import { addDays, canEndPairing, canPairHelper, type PairingRequest, type Policy } from '@gongjian/rules';
import { and, eq, ilike, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, inRegionSubtree, regionVisible } from '../../auth/jurisdiction';
import { maskPhone } from '../../auth/masking';
import { isHelperOnly, seesAsHelper } from '../../auth/permissions';
import { builder } from '../../builder';
import type { Viewer } from '../../context';
import { ForbiddenError } from '../../errors';
import { clock, policyForYear, runRule } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { rowsOf } from '../../shared/rows';
import { validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { referencedRow, viewerMayChange, writableRow } from '../../spine/load';
import { reread, writeAudited } from '../../spine/write';
import { Region } from '../geography/region';
import { Household } from '../identification/household';
import { Cadre } from '../organisation/cadre';
import { constraintText } from './db-constraint';
import { endOpenPeriod } from './end-period';

/** 结对帮扶: a helper (cadre) and a household; at most one open pairing per household, 5 per helper. */

export const Pairing = builder.drizzleNode('pairings', {
  name: 'Pairing',
  description:
    '结对帮扶 (a helper and a household, from a start day to an inclusive end day; open while endDate is null)',
  id: { column: (p) => p.id },
  authScopes: (p, ctx) =>
    seesAsHelper(ctx.viewer, p.helperId)
      ? { $all: { jurisdiction: p.regionPath, permission: 'assistance.read' } }
      : false,
  fields: (t) => ({
    household: t.relation('household', { type: Household, description: '结对户' }),
    householdNumber: t.string({
      description: '户编号',
      select: { with: { household: { columns: { householdNumber: true } } } },
      resolve: (p) => p.household.householdNumber,
    }),
    helperName: t.string({
      description: '帮扶责任人姓名',
      select: { with: { helper: { columns: { name: true } } } },
      resolve: (p) => p.helper.name,
    }),
    helperPost: t.string({
      description: '帮扶责任人职务',
      select: { with: { helper: { columns: { post: true } } } },
      resolve: (p) => p.helper.post,
    }),
    helperId: t.globalID({
      description: '帮扶责任人 (Cadre 的全局ID)',
      resolve: (p) => ({ type: 'Cadre', id: p.helperId }),
    }),
    startDate: t.expose('startDate', { type: 'Date', description: '结对开始日期' }),
    endDate: t.expose('endDate', {
      type: 'Date',
      nullable: true,
      description: '结对结束日期 (含当日; 空表示在帮)',
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

/** The helper of a household's open pairing, named without opening the cadre record (often a county unit's). */
const PairedHelper = builder.objectRef<{
  name: string;
  post: string;
  phone: string | null;
  unitName: string;
}>('PairedHelper');
PairedHelper.implement({
  description: '帮扶责任人 (the helper of the open pairing)',
  fields: (t) => ({
    name: t.exposeString('name', { description: '姓名' }),
    post: t.exposeString('post', { description: '职务 (干部、教师、医生…)' }),
    unitName: t.exposeString('unitName', { description: '所在单位' }),
    phone: t.string({ nullable: true, description: '联系电话 (masked)', resolve: (h) => maskPhone(h.phone) }),
  }),
});

builder.drizzleObjectFields(Household, (t) => ({
  activePairing: t.relation('openPairing', {
    type: Pairing,
    nullable: true,
    description: '当前结对 (the open pairing, or null when the household has no helper)',
  }),
  helper: t.field({
    type: PairedHelper,
    nullable: true,
    description: '帮扶责任人 (of the open pairing)',
    select: {
      with: {
        openPairing: {
          columns: { id: true },
          with: {
            helper: {
              columns: { name: true, post: true, phone: true },
              with: { unit: { columns: { name: true } } },
            },
          },
        },
      },
    },
    resolve: (h) => {
      const helper = h.openPairing?.helper;
      return helper
        ? { name: helper.name, post: helper.post, phone: helper.phone, unitName: helper.unit.name }
        : null;
    },
  }),
  viewerCanPair: t.boolean({
    description:
      '我可结对或更换帮扶责任人 (pairing.write and the household in your jurisdiction, as pairHelper checks)',
    select: { columns: { regionPath: true } },
    resolve: (h, _args, ctx) => viewerMayChange(ctx, 'pairing.write', h.regionPath),
  }),
}));

export interface PairingListArgs {
  regionId?: { id: string | number } | null;
  helperId?: { id: string | number } | null;
  open?: boolean | null;
  search?: string | null;
}

/** The one filter of the pairing list and its count: jurisdiction, a helper only their own, region, helper, open, search. */
export function pairingListFilter(table: typeof pairings, viewer: Viewer | null, args: PairingListArgs) {
  const term = args.search?.trim().slice(0, 30);
  return and(
    inJurisdiction(table.regionPath, viewer),
    isHelperOnly(viewer!.roles) ? eq(table.helperId, viewer!.cadreId ?? -1) : undefined,
    inRegionSubtree(table.regionPath, args.regionId),
    args.helperId ? eq(table.helperId, Number(args.helperId.id)) : undefined,
    args.open === true
      ? isNull(table.endDate)
      : args.open === false
        ? sql`${table.endDate} is not null`
        : undefined,
    term
      ? sql`(exists (select 1 from ${households} h where h.id = ${table.householdId} and h.household_number like ${`${term}%`})
          or exists (select 1 from ${cadres} c where c.id = ${table.helperId} and ${ilike(cadres.name, `%${term}%`)}))`
      : undefined,
  );
}

builder.queryFields((t) => ({
  pairings: t.drizzleConnection({
    type: 'pairings',
    description:
      '结对列表 (pairings in your jurisdiction; a helper sees their own; filter by region, helper, open)',
    authScopes: { permission: 'assistance.read' },
    args: {
      regionId: t.arg.globalID({ required: false, for: [Region], description: '乡镇或村 (含下级)' }),
      helperId: t.arg.globalID({ required: false, for: [Cadre], description: '帮扶责任人' }),
      open: t.arg.boolean({ required: false, description: '只看在帮 (true) 或已结束 (false)' }),
      search: t.arg.string({ required: false, description: '户编号或帮扶责任人姓名' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(pairings, pairingListFilter(pairings, ctx.viewer, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.pairings.findMany(
        query({
          where: { RAW: (table) => pairingListFilter(table, ctx.viewer, args)! },
          orderBy: { id: 'asc' },
        }),
      ),
  }),
}));

const PairHelperInput = builder.inputType('PairHelperInput', {
  description:
    '结对帮扶 (pair a helper with a household; replaceCurrent ends the current pairing the day before)',
  fields: (t) => ({
    householdId: t.globalID({ required: true, for: [Household] }),
    helperId: t.globalID({ required: true, for: [Cadre], description: '帮扶责任人' }),
    startDate: t.field({ type: 'Date', required: false, description: '结对开始日期 (默认今天)' }),
    replaceCurrent: t.boolean({ required: false, description: '更换帮扶责任人 (ends the current pairing)' }),
  }),
});

const EndPairingInput = builder.inputType('EndPairingInput', {
  description: '结束结对 (the end day is the last day of the pairing)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Pairing] }),
    version: t.int({ required: true }),
    endDate: t.field({ type: 'Date', required: false, description: '结束日期 (含当日, 默认今天)' }),
  }),
});

const PairSchema = z.object({ startDate: z.string().nullish(), replaceCurrent: z.boolean().nullish() });
/**
 * The database's own refusals, should a write slip past the locks (the trigger's cap of 5, the one open
 * pairing per household): the same typed errors, from the same rules, as the decision before the write.
 */
function mapPairingConstraint(error: unknown, request: PairingRequest, policy: Policy): never {
  const text = constraintText(error);
  if (text.includes('pairings_helper_cap'))
    refuseUnless(canPairHelper({ ...request, helperActiveHouseholds: 5, current: null }, policy));
  if (text.includes('pairings_open_household_uq'))
    refuseUnless(
      canPairHelper(
        { ...request, current: { helperId: '', startDate: request.startDate }, replaceCurrent: false },
        policy,
      ),
    );
  throw error;
}

builder.mutationFields((t) => ({
  pairHelper: t.drizzleField({
    type: Pairing,
    description:
      '结对帮扶 (at most 5 open households per helper, enforced by the database; one helper per household; re-pairing ends the old pairing in the same transaction)',
    authScopes: { permission: 'pairing.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: PairHelperInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const householdId = Number(input.householdId.id);
      const helperId = Number(input.helperId.id);
      const household = writableRow(
        ctx,
        await ctx.db.query.households.findFirst({
          where: { id: householdId },
          columns: { id: true, countyId: true, regionPath: true },
          with: { village: { columns: { code: true } } },
        }),
        { entity: '农户', argument: 'householdId', id: householdId },
      );
      const helper = referencedRow(
        await ctx.db.query.cadres.findFirst({
          where: { id: helperId },
          columns: { id: true, regionPath: true },
        }),
        { entity: '帮扶责任人', argument: 'helperId', id: helperId },
      );
      if (!regionVisible(ctx.viewer, helper.regionPath))
        throw new ForbiddenError('helperId: 该帮扶责任人不在您的管辖范围内');
      const values = validate(PairSchema, input);
      const today = clock.today();
      const startDate = values.startDate ?? today;
      const policy = runRule(() => policyForYear(Number(startDate.slice(0, 4)), household.village.code));
      const request = {
        householdId: String(householdId),
        helperId: String(helperId),
        replaceCurrent: values.replaceCurrent === true,
        startDate,
        today,
      };
      const id = await writeAudited(ctx, async (tx) => {
        // Household first, then helper: re-pairings of one household queue on the first lock, pairings of one helper on the second.
        await tx.execute(sql`select 1 from ${households} where id = ${householdId} for no key update`);
        await tx.execute(sql`select 1 from ${cadres} where id = ${helperId} for no key update`);
        // Read after both locks, in a statement of its own, so it sees what the writers before us committed.
        const [state] = rowsOf<{
          helperOpen: number;
          currentId: number | null;
          currentHelperId: number | null;
          currentStart: string | null;
        }>(
          await tx.execute(sql`
            select (select count(*)::int from ${pairings} where helper_id = ${helperId} and end_date is null) as "helperOpen",
                   p.id as "currentId", p.helper_id as "currentHelperId", p.start_date::text as "currentStart"
            from (select 1) as one left join ${pairings} p on p.household_id = ${householdId} and p.end_date is null`),
        );
        const current = state?.currentId
          ? { helperId: String(state.currentHelperId), startDate: state.currentStart! }
          : null;
        refuseUnless(
          canPairHelper(
            { ...request, helperActiveHouseholds: Number(state?.helperOpen ?? 0), current },
            policy,
          ),
        );
        if (current)
          await tx
            .update(pairings)
            .set({
              endDate: addDays(startDate, -1),
              version: sql`${pairings.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(eq(pairings.id, state!.currentId!));
        const [created] = await tx
          .insert(pairings)
          .values({
            countyId: household.countyId,
            regionPath: household.regionPath,
            helperId,
            householdId,
            startDate,
          })
          .returning();
        const before = current ? { pairingId: state!.currentId, helperId: state!.currentHelperId } : null;
        return {
          id: created!.id,
          audit: {
            action: current ? 'pairing.replace' : 'pairing.create',
            entityType: 'Pairing',
            entityId: created!.id,
            regionPath: household.regionPath,
            before,
            after: { householdId, helperId, startDate },
          },
        };
      }).catch((error: unknown) =>
        mapPairingConstraint(error, { ...request, helperActiveHouseholds: 0, current: null }, policy),
      );
      return reread(ctx.db.query.pairings.findFirst(query({ where: { id } })), '结对', id);
    },
  }),
  endPairing: t.drizzleField({
    type: Pairing,
    description: '结束结对 (the household then needs a new helper; see assistanceCoverage)',
    authScopes: { permission: 'pairing.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: EndPairingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const pairing = writableRow(ctx, await ctx.db.query.pairings.findFirst({ where: { id } }), {
        entity: '结对',
        argument: 'id',
        id,
      });
      await endOpenPeriod(ctx, {
        table: pairings,
        row: pairing,
        input,
        entity: '结对',
        entityType: 'Pairing',
        action: 'pairing.end',
        decide: canEndPairing,
      });
      return reread(ctx.db.query.pairings.findFirst(query({ where: { id } })), '结对', id);
    },
  }),
}));

builder.drizzleObjectFields(Pairing, (t) => ({
  viewerCanEnd: t.boolean({
    description: '我可结束该结对 (pairing.write, jurisdiction and the rule PAIRING.ALREADY_ENDED)',
    select: { columns: { id: true, regionPath: true, startDate: true, endDate: true } },
    resolve: (p, _args, ctx) => {
      const today = clock.today();
      return (
        viewerMayChange(ctx, 'pairing.write', p.regionPath) &&
        canEndPairing({ id: String(p.id), startDate: p.startDate, endDate: p.endDate }, today, today)
          .outcome === 'PASS'
      );
    },
  }),
}));
