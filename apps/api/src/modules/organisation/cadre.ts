import type { Transaction } from '@gongjian/db';
import { cadres, units } from '@gongjian/db/schema';
import { checkWorkStationStaffChange, type StaffChange } from '@gongjian/rules';
import { and, asc, eq, ilike, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, inSubtree } from '../../auth/jurisdiction';
import { maskPhone } from '../../auth/masking';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { clock, policyForYear, runRule } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { revealPersonalData } from '../../shared/reveal';
import { validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import { audited, reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Region, regionPathOf } from '../geography/region';
import { cadreNameSchema, phoneSchema, Unit, versionSchema, writableUnit } from './unit';

export const Cadre = builder.drizzleNode('cadres', {
  name: 'Cadre',
  description: '干部 (a person working in the campaign)',
  id: { column: (c) => c.id },
  authScopes: (cadre) => ({ jurisdiction: cadre.regionPath }),
  fields: (t) => ({
    name: t.exposeString('name', { description: '姓名' }),
    post: t.exposeString('post', { description: '职务' }),
    phone: t.string({
      nullable: true,
      description:
        '联系电话 (always masked, e.g. 138****1234; use revealCadrePhone to see it, which is logged)',
      select: { columns: { phone: true } },
      resolve: (cadre) => maskPhone(cadre.phone),
    }),
    unit: t.relation('unit', { type: Unit, description: '所在单位' }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

export interface CadreListArgs {
  unitId?: { id: number } | null;
  regionId?: { id: number } | null;
  search?: string | null;
}

export function cadreListFilter(
  table: typeof cadres,
  ctx: Context,
  args: CadreListArgs,
  regionPath: string | null,
) {
  const term = args.search?.trim().slice(0, 50);
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
    regionPath ? inSubtree(table.regionPath, regionPath) : undefined,
    args.unitId ? eq(table.unitId, Number(args.unitId.id)) : undefined,
    term ? sql`(${ilike(table.name, `%${term}%`)} or ${ilike(table.post, `%${term}%`)})` : undefined,
  );
}

builder.queryFields((t) => ({
  cadres: t.drizzleConnection({
    type: 'cadres',
    description: '干部列表 (cadres in your jurisdiction; filter by unit, region subtree and name or post)',
    args: {
      unitId: t.arg.globalID({ required: false, for: [Unit] }),
      regionId: t.arg.globalID({ required: false, for: [Region], description: '该区划及其下级' }),
      search: t.arg.string({ required: false, description: '按姓名或职务搜索' }),
    },
    totalCount: async (_parent, args, ctx) =>
      ctx.db.$count(cadres, cadreListFilter(cadres, ctx, args, await regionPathOf(ctx, args.regionId))),
    resolve: async (query, _root, args, ctx) => {
      const regionPath = await regionPathOf(ctx, args.regionId);
      return await ctx.db.query.cadres.findMany(
        query({
          where: { RAW: (table) => cadreListFilter(table, ctx, args, regionPath)! },
          orderBy: { id: 'asc' },
        }),
      );
    },
  }),
}));

const CreateCadreInput = builder.inputType('CreateCadreInput', {
  description: '新建干部',
  fields: (t) => ({
    unitId: t.globalID({ required: true, for: [Unit] }),
    name: t.string({ required: true, description: '姓名' }),
    post: t.string({ required: true, description: '职务' }),
    phone: t.string({ required: false, description: '联系电话' }),
  }),
});

const UpdateCadreInput = builder.inputType('UpdateCadreInput', {
  description: '修改干部',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Cadre] }),
    version: t.int({ required: true }),
    unitId: t.globalID({ required: true, for: [Unit] }),
    name: t.string({ required: true }),
    post: t.string({ required: true }),
    phone: t.string({
      required: false,
      description: '联系电话 (omit to keep the current number; an empty string or null removes it)',
    }),
  }),
});

const RevealInput = builder.inputType('RevealCadrePhoneInput', {
  description: '查看完整电话号码 (needs the unmask permission; logged with the reason)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Cadre] }),
    reason: t.string({ required: true, description: '查看理由' }),
  }),
});

const CadreSchema = z.object({
  name: cadreNameSchema,
  post: z.string().trim().min(1, '不能为空').max(60, '不能超过60个字'),
  phone: phoneSchema.nullable(),
});

/**
 * Locks the work stations a cadre write touches (in id order, so two writers cannot deadlock) and applies
 * the staffing rule (WORK_STATION.STAFF, 2–5 people) to the counts as they are under the lock. The counts
 * are read in a statement of their own after the lock: a count inside the locking statement would use that
 * statement's snapshot from before it waited, and miss the cadre the other writer just added.
 */
async function checkStationStaffing(tx: Transaction, moves: { unitId: number; change: StaffChange }[]) {
  const ids = [...new Set(moves.map((move) => move.unitId))].sort((a, b) => a - b);
  await tx
    .select({ id: units.id })
    .from(units)
    .where(inArray(units.id, ids))
    .orderBy(asc(units.id))
    .for('update');
  const locked = await tx
    .select({
      id: units.id,
      kind: units.kind,
      staff: sql<number>`(select count(*)::int from cadres c where c.unit_id = units.id)`,
      countyCode: sql<string>`(select r.code from regions r where r.id = units.county_id)`,
    })
    .from(units)
    .where(inArray(units.id, ids));
  for (const move of moves) {
    const unit = locked.find((row) => row.id === move.unitId);
    if (unit?.kind !== 'WORK_STATION') continue;
    const policy = policyForYear(Number(clock.today().slice(0, 4)), unit.countyCode);
    refuseUnless(runRule(() => checkWorkStationStaffChange(unit.staff, move.change, policy)));
  }
}

const maskedPhone = <T extends { phone: string | null }>(row: T) => ({
  ...row,
  phone: row.phone ? '(masked)' : null,
});

builder.mutationFields((t) => ({
  createCadre: t.drizzleField({
    type: Cadre,
    description: '新建干部',
    authScopes: { permission: 'organisation.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateCadreInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const unit = await writableUnit(ctx, Number(input.unitId.id), 'unitId');
      const values = validate(CadreSchema, { ...input, phone: input.phone || null });
      const id = await writeAudited(ctx, async (tx) => {
        await checkStationStaffing(tx, [{ unitId: unit.id, change: 'ADD' }]);
        const [created] = await tx
          .insert(cadres)
          .values({ ...values, unitId: unit.id, countyId: unit.countyId, regionPath: unit.regionPath })
          .returning();
        return audited('Cadre', 'cadre.create', created!, { after: maskedPhone(created!) });
      });
      return reread(ctx.db.query.cadres.findFirst(query({ where: { id } })), '干部', id);
    },
  }),
  updateCadre: t.drizzleField({
    type: Cadre,
    description: '修改干部',
    authScopes: { permission: 'organisation.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: UpdateCadreInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const before = writableRow(ctx, await ctx.db.query.cadres.findFirst({ where: { id } }), {
        entity: '干部',
        argument: 'id',
        id,
      });
      const unit = await writableUnit(ctx, Number(input.unitId.id), 'unitId');
      // The client only ever sees masked numbers, so an omitted phone keeps the stored one.
      const phone = input.phone === undefined ? before.phone : input.phone || null;
      const values = validate(CadreSchema.extend({ version: versionSchema }), { ...input, phone });
      await writeAudited(ctx, async (tx) => {
        if (unit.id !== before.unitId)
          await checkStationStaffing(tx, [
            { unitId: before.unitId, change: 'REMOVE' },
            { unitId: unit.id, change: 'ADD' },
          ]);
        const { name, post } = values;
        const set = { unitId: unit.id, regionPath: unit.regionPath, name, post, phone: values.phone };
        const updated = await updateAtVersion(
          tx,
          cadres,
          { id, version: values.version, entity: '干部' },
          set,
        );
        const change = { before: maskedPhone(before), after: maskedPhone(updated) };
        return audited('Cadre', 'cadre.update', updated, change);
      });
      return reread(ctx.db.query.cadres.findFirst(query({ where: { id } })), '干部', id);
    },
  }),
  revealCadrePhone: t.string({
    nullable: true,
    description: '查看干部完整电话 (needs the unmask permission; each look is logged with its reason)',
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RevealInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const cadre = await revealPersonalData(ctx, {
        entity: '干部',
        entityType: 'Cadre',
        field: 'phone',
        argumentId: String(Number(input.id.id)),
        id: Number(input.id.id),
        reason: input.reason,
        load: (cadreId) => ctx.db.query.cadres.findFirst({ where: { id: cadreId } }),
      });
      return cadre.phone;
    },
  }),
}));

builder.drizzleObjectFields(Cadre, (t) => ({
  viewerCanEdit: t.boolean({
    description:
      '我可修改 (organisation.write and the cadre inside your jurisdiction, as updateCadre checks)',
    select: { columns: { regionPath: true } },
    resolve: (cadre, _args, ctx) => viewerMayChange(ctx, 'organisation.write', cadre.regionPath),
  }),
}));
