import { cadres, units } from '@gongjian/db/schema';
import { CADRE_NAME_MAX_LENGTH, canSaveUnitKind, UNIT_NAME_MAX_LENGTH } from '@gongjian/rules';
import { and, eq, ilike, ne } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, inSubtree } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { WRITE_ERRORS } from '../../shared/error-types';
import { validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import { audited, reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Region, regionPathOf, writableRegion } from '../geography/region';

export const UnitKindEnum = builder.enumType('UnitKind', {
  description: '单位类别',
  values: {
    COUNTY_LEADERSHIP: { description: '县领导班子' },
    COUNTY_DEPARTMENT: { description: '县直部门 (行业扶贫部门)' },
    BACKING_UNIT: { description: '后盾单位' },
    TOWNSHIP_GOVERNMENT: { description: '乡镇政府' },
    WORK_STATION: { description: '扶贫工作站' },
    VILLAGE_COMMITTEE: { description: '村委会' },
  },
});

export const BackingLevelEnum = builder.enumType('BackingLevel', {
  description: '后盾单位级别',
  values: {
    NATIONAL: { description: '中央/国家单位' },
    PROVINCIAL: { description: '省直单位' },
    CITY: { description: '市直单位' },
    COUNTY: { description: '县直单位' },
  },
});

export const Unit = builder.drizzleNode('units', {
  name: 'Unit',
  description:
    '单位 (a unit: leadership, department, backing unit, township government, work station, village committee)',
  id: { column: (u) => u.id },
  authScopes: (unit) => ({ jurisdiction: unit.regionPath }),
  fields: (t) => ({
    name: t.exposeString('name', { description: '单位名称' }),
    kind: t.expose('kind', { type: UnitKindEnum, description: '单位类别' }),
    backingLevel: t.expose('backingLevel', {
      type: BackingLevelEnum,
      nullable: true,
      description: '后盾单位级别',
    }),
    region: t.relation('region', { type: Region, description: '所在区划' }),
    cadres: t.relatedConnection('cadres', {
      description: '本单位干部',
      totalCount: true,
      query: { orderBy: { id: 'asc' } },
    }),
    cadreCount: t.relatedCount('cadres', { description: '干部人数' }),
    version: t.exposeInt('version', { description: '版本号 (send it back when editing)' }),
  }),
});

export interface UnitListArgs {
  regionId?: { id: number } | null;
  kind?: (typeof units.$inferSelect)['kind'] | null;
  search?: string | null;
}

export function unitListFilter(
  table: typeof units,
  ctx: Context,
  args: UnitListArgs,
  regionPath: string | null,
) {
  const term = args.search?.trim().slice(0, 50);
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
    regionPath ? inSubtree(table.regionPath, regionPath) : undefined,
    args.kind ? eq(table.kind, args.kind) : undefined,
    term ? ilike(table.name, `%${term}%`) : undefined,
  );
}

builder.queryFields((t) => ({
  units: t.drizzleConnection({
    type: 'units',
    description: '单位列表 (units in your jurisdiction; filter by region, kind and name)',
    args: {
      regionId: t.arg.globalID({ required: false, for: [Region], description: '该区划及其下级的单位' }),
      kind: t.arg({ type: UnitKindEnum, required: false }),
      search: t.arg.string({ required: false, description: '按单位名称搜索' }),
    },
    totalCount: async (_parent, args, ctx) =>
      ctx.db.$count(units, unitListFilter(units, ctx, args, await regionPathOf(ctx, args.regionId))),
    resolve: async (query, _root, args, ctx) => {
      const regionPath = await regionPathOf(ctx, args.regionId);
      return await ctx.db.query.units.findMany(
        query({
          where: { RAW: (table) => unitListFilter(table, ctx, args, regionPath)! },
          orderBy: { id: 'asc' },
        }),
      );
    },
  }),
}));

const boundedName = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过${max}个字`);
export const unitNameSchema = boundedName(UNIT_NAME_MAX_LENGTH);
export const cadreNameSchema = boundedName(CADRE_NAME_MAX_LENGTH);
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '应为11位手机号或带区号的固定电话');
export const versionSchema = z.number().int().min(1, '版本号无效');

const unitFields = {
  name: unitNameSchema,
  kind: z.enum([
    'COUNTY_LEADERSHIP',
    'COUNTY_DEPARTMENT',
    'BACKING_UNIT',
    'TOWNSHIP_GOVERNMENT',
    'WORK_STATION',
    'VILLAGE_COMMITTEE',
  ]),
  backingLevel: z.enum(['NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY']).nullable(),
};
const backingLevelMatchesKind = (u: { kind?: string; backingLevel?: string | null }) =>
  u.kind === undefined || (u.kind === 'BACKING_UNIT') === (u.backingLevel != null);
const backingLevelIssue = { message: '后盾单位必须填写级别,其他单位不填', path: ['backingLevel'] };

const CreateUnitSchema = z.object(unitFields).refine(backingLevelMatchesKind, backingLevelIssue);
const UpdateUnitSchema = z
  .object({ version: versionSchema, ...unitFields })
  .refine(backingLevelMatchesKind, backingLevelIssue);

const CreateUnitInput = builder.inputType('CreateUnitInput', {
  description: '新建单位',
  fields: (t) => ({
    name: t.string({ required: true, description: '单位名称 (unique in the county)' }),
    kind: t.field({ type: UnitKindEnum, required: true }),
    backingLevel: t.field({ type: BackingLevelEnum, required: false, description: '后盾单位必填' }),
    regionId: t.globalID({ required: true, for: [Region], description: '所在区划' }),
  }),
});

const UpdateUnitInput = builder.inputType('UpdateUnitInput', {
  description: '修改单位 (send the version you read; a stale version gets a ConflictError)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Unit] }),
    version: t.int({ required: true }),
    name: t.string({ required: true }),
    kind: t.field({ type: UnitKindEnum, required: true }),
    backingLevel: t.field({ type: BackingLevelEnum, required: false }),
    regionId: t.globalID({ required: true, for: [Region] }),
  }),
});

function mapUniqueViolation(error: unknown): never {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
  if (cause?.code === '23505') throw ValidationError.field('name', '本县已有同名单位');
  throw error;
}

/** Load: a unit the viewer may change (NOT_FOUND naming `argument`, FORBIDDEN outside the jurisdiction). */
export async function writableUnit(ctx: Context, id: number, argument: string) {
  return writableRow(ctx, await ctx.db.query.units.findFirst({ where: { id } }), {
    entity: '单位',
    argument,
    id,
  });
}

/** Decide: UNIT.ONE_COUNTY_LEADERSHIP, counting the county's leadership units other than `unitId`. */
async function refuseSecondLeadership(ctx: Context, kind: string, countyId: number, unitId?: number) {
  if (kind !== 'COUNTY_LEADERSHIP') return;
  const others = await ctx.db.$count(
    units,
    and(
      eq(units.countyId, countyId),
      eq(units.kind, 'COUNTY_LEADERSHIP'),
      unitId ? ne(units.id, unitId) : undefined,
    ),
  );
  refuseUnless(canSaveUnitKind(kind, others));
}

builder.mutationFields((t) => ({
  createUnit: t.drizzleField({
    type: Unit,
    description: '新建单位 (needs organisation.write; region must be in your jurisdiction)',
    authScopes: { permission: 'organisation.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateUnitInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const region = await writableRegion(ctx, Number(input.regionId.id), 'regionId');
      const values = validate(CreateUnitSchema, { ...input, backingLevel: input.backingLevel ?? null });
      await refuseSecondLeadership(ctx, values.kind, region.countyId!);
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(units)
          .values({
            ...values,
            regionId: region.id,
            countyId: region.countyId!,
            regionPath: region.regionPath,
          })
          .returning();
        return audited('Unit', 'unit.create', created!, { after: created });
      }).catch(mapUniqueViolation);
      return reread(ctx.db.query.units.findFirst(query({ where: { id } })), '单位', id);
    },
  }),
  updateUnit: t.drizzleField({
    type: Unit,
    description: '修改单位',
    authScopes: { permission: 'organisation.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: UpdateUnitInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const before = await writableUnit(ctx, id, 'id');
      const region = await writableRegion(ctx, Number(input.regionId.id), 'regionId');
      const values = validate(UpdateUnitSchema, { ...input, backingLevel: input.backingLevel ?? null });
      await refuseSecondLeadership(ctx, values.kind, region.countyId!, id);
      await writeAudited(ctx, async (tx) => {
        const guard = { id, version: values.version, entity: '单位' };
        const { name, kind, backingLevel } = values;
        const updated = await updateAtVersion(tx, units, guard, {
          name,
          kind,
          backingLevel,
          regionId: region.id,
          regionPath: region.regionPath,
        });
        // Cadres carry their unit's region path; a unit that moves takes its cadres along.
        if (before.regionPath !== region.regionPath)
          await tx.update(cadres).set({ regionPath: region.regionPath }).where(eq(cadres.unitId, id));
        return audited('Unit', 'unit.update', updated, { before, after: updated });
      }).catch(mapUniqueViolation);
      return reread(ctx.db.query.units.findFirst(query({ where: { id } })), '单位', id);
    },
  }),
}));

builder.drizzleObjectFields(Unit, (t) => ({
  viewerCanEdit: t.boolean({
    description: '我可修改 (organisation.write and the unit inside your jurisdiction, as updateUnit checks)',
    select: { columns: { regionPath: true } },
    resolve: (unit, _args, ctx) => viewerMayChange(ctx, 'organisation.write', unit.regionPath),
  }),
}));
