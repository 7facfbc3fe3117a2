import type { Transaction } from '@gongjian/db';
import { cadres, units } from '@gongjian/db/schema';
import { checkWorkStationStaffChange, type StaffChange } from '@gongjian/rules';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../audit';
import { insideJurisdiction } from '../auth/jurisdiction';
import { builder } from '../builder';
import type { Context } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../errors';
import { clock, countyPolicy, runRule } from '../policy';
import { validate, WRITE_ERRORS } from './common';
import { Region } from './geography';
import { BackingLevelEnum, Cadre, Unit, UnitKindEnum, writableRegion } from './organisation';

const nameSchema = z.string().trim().min(1, '不能为空').max(100, '不能超过100个字');
const phoneSchema = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '应为11位手机号或带区号的固定电话');
const versionSchema = z.number().int().min(1, '版本号无效');

const unitFields = {
  name: nameSchema,
  kind: z.enum([
    'COUNTY_LEADERSHIP',
    'COUNTY_DEPARTMENT',
    'BACKING_UNIT',
    'TOWNSHIP_GOVERNMENT',
    'WORK_STATION',
    'VILLAGE_COMMITTEE',
  ]),
  backingLevel: z.enum(['NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY']).nullable(),
  regionId: z.number().int(),
};
const backingLevelMatchesKind = (u: { kind?: string; backingLevel?: string | null }) =>
  u.kind === undefined || (u.kind === 'BACKING_UNIT') === (u.backingLevel != null);
const backingLevelIssue = { message: '后盾单位必须填写级别,其他单位不填', path: ['backingLevel'] };

const CreateUnitSchema = z.object(unitFields).refine(backingLevelMatchesKind, backingLevelIssue);
const UpdateUnitSchema = z
  .object({ id: z.number().int(), version: versionSchema, ...unitFields })
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
  unitId: z.number().int(),
  name: nameSchema,
  post: z.string().trim().min(1, '不能为空').max(60, '不能超过60个字'),
  phone: phoneSchema.nullable(),
});

function mapUniqueViolation(error: unknown): never {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
  if (cause?.code === '23505') throw ValidationError.field('name', '本县已有同名单位');
  throw error;
}

async function writableUnit(ctx: Context, unitId: number, field: string) {
  const unit = await ctx.db.query.units.findFirst({ where: { id: unitId } });
  if (!unit) throw ValidationError.field(field, '单位不存在');
  if (!insideJurisdiction(ctx.viewer, unit.regionPath)) throw new ForbiddenError('该单位不在您的管辖范围内');
  return unit;
}

/**
 * Locks the work stations a cadre write touches (in id order, so two writers cannot deadlock) and applies
 * the staffing rule (WORK_STATION.STAFF, 2–5 people) to the counts as they are under the lock.
 */
async function checkStationStaffing(tx: Transaction, moves: { unitId: number; change: StaffChange }[]) {
  const ids = [...new Set(moves.map((move) => move.unitId))].sort((a, b) => a - b);
  const locked = await tx
    .select({ id: units.id, kind: units.kind, countyId: units.countyId })
    .from(units)
    .where(inArray(units.id, ids))
    .orderBy(asc(units.id))
    .for('update');
  for (const move of moves) {
    const unit = locked.find((row) => row.id === move.unitId);
    if (unit?.kind !== 'WORK_STATION') continue;
    const staff = await tx.$count(cadres, eq(cadres.unitId, unit.id));
    const policy = await countyPolicy(tx, unit.countyId, Number(clock.today().slice(0, 4)));
    const decision = runRule(() => checkWorkStationStaffChange(staff, move.change, policy));
    if (decision.outcome === 'FAIL') {
      throw new RuleViolationError('WORK_STATION.STAFF', decision.reasons[0]!.messageZh);
    }
  }
}

/** Runs an optimistic-concurrency update: zero rows means someone else changed or removed the row first. */
async function conflictOrMissing(
  current: { version: number } | undefined,
  entity: string,
  id: number,
): Promise<never> {
  if (!current) throw new NotFoundError(entity, String(id));
  throw new ConflictError(current.version);
}

builder.mutationFields((t) => ({
  createUnit: t.drizzleField({
    type: Unit,
    description: '新建单位 (needs organisation.write; region must be in your jurisdiction)',
    authScopes: { permission: 'organisation.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateUnitInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(CreateUnitSchema, {
        ...input,
        backingLevel: input.backingLevel ?? null,
        regionId: Number(input.regionId.id),
      });
      const region = await writableRegion(ctx, values.regionId, 'regionId');
      const id = await ctx.db
        .transaction(async (tx) => {
          const [created] = await tx
            .insert(units)
            .values({ ...values, countyId: region.countyId!, regionPath: region.regionPath })
            .returning();
          await writeAudit(tx, ctx.viewer, {
            action: 'unit.create',
            entityType: 'Unit',
            entityId: created!.id,
            regionPath: created!.regionPath,
            after: created,
          });
          return created!.id;
        })
        .catch(mapUniqueViolation);
      return (await ctx.db.query.units.findFirst(query({ where: { id } })))!;
    },
  }),
  updateUnit: t.drizzleField({
    type: Unit,
    description: '修改单位',
    authScopes: { permission: 'organisation.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: UpdateUnitInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(UpdateUnitSchema, {
        ...input,
        id: Number(input.id.id),
        backingLevel: input.backingLevel ?? null,
        regionId: Number(input.regionId.id),
      });
      const before = await writableUnit(ctx, values.id, 'id');
      const region = await writableRegion(ctx, values.regionId, 'regionId');
      await ctx.db
        .transaction(async (tx) => {
          const [updated] = await tx
            .update(units)
            .set({
              name: values.name,
              kind: values.kind,
              backingLevel: values.backingLevel,
              regionId: region.id,
              regionPath: region.regionPath,
              version: sql`${units.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(and(eq(units.id, values.id), eq(units.version, values.version)))
            .returning();
          if (!updated) {
            await conflictOrMissing(
              await tx.query.units.findFirst({ where: { id: values.id } }),
              '单位',
              values.id,
            );
          }
          // Cadres carry their unit's region path; a unit that moves takes its cadres along.
          if (before.regionPath !== region.regionPath) {
            await tx
              .update(cadres)
              .set({ regionPath: region.regionPath })
              .where(eq(cadres.unitId, values.id));
          }
          await writeAudit(tx, ctx.viewer, {
            action: 'unit.update',
            entityType: 'Unit',
            entityId: values.id,
            regionPath: region.regionPath,
            before,
            after: updated,
          });
        })
        .catch(mapUniqueViolation);
      return (await ctx.db.query.units.findFirst(query({ where: { id: values.id } })))!;
    },
  }),
  createCadre: t.drizzleField({
    type: Cadre,
    description: '新建干部',
    authScopes: { permission: 'organisation.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateCadreInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(CadreSchema, {
        ...input,
        unitId: Number(input.unitId.id),
        phone: input.phone || null,
      });
      const unit = await writableUnit(ctx, values.unitId, 'unitId');
      const id = await ctx.db.transaction(async (tx) => {
        await checkStationStaffing(tx, [{ unitId: unit.id, change: 'ADD' }]);
        const [created] = await tx
          .insert(cadres)
          .values({ ...values, countyId: unit.countyId, regionPath: unit.regionPath })
          .returning();
        await writeAudit(tx, ctx.viewer, {
          action: 'cadre.create',
          entityType: 'Cadre',
          entityId: created!.id,
          regionPath: created!.regionPath,
          after: created,
        });
        return created!.id;
      });
      return (await ctx.db.query.cadres.findFirst(query({ where: { id } })))!;
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
      const before = await ctx.db.query.cadres.findFirst({ where: { id } });
      if (!before) throw new NotFoundError('干部', String(id));
      if (!insideJurisdiction(ctx.viewer, before.regionPath)) throw new ForbiddenError();
      // The client only ever sees masked numbers, so an omitted phone keeps the stored one.
      const phone = input.phone === undefined ? before.phone : input.phone || null;
      const values = validate(CadreSchema.extend({ version: versionSchema }), {
        ...input,
        unitId: Number(input.unitId.id),
        phone,
      });
      const unit = await writableUnit(ctx, values.unitId, 'unitId');
      await ctx.db.transaction(async (tx) => {
        if (unit.id !== before.unitId) {
          await checkStationStaffing(tx, [
            { unitId: before.unitId, change: 'REMOVE' },
            { unitId: unit.id, change: 'ADD' },
          ]);
        }
        const [updated] = await tx
          .update(cadres)
          .set({
            unitId: unit.id,
            regionPath: unit.regionPath,
            name: values.name,
            post: values.post,
            phone: values.phone,
            version: sql`${cadres.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(and(eq(cadres.id, id), eq(cadres.version, values.version)))
          .returning();
        if (!updated) await conflictOrMissing(await tx.query.cadres.findFirst({ where: { id } }), '干部', id);
        await writeAudit(tx, ctx.viewer, {
          action: 'cadre.update',
          entityType: 'Cadre',
          entityId: id,
          regionPath: unit.regionPath,
          before: { ...before, phone: before.phone ? '(masked)' : null },
          after: { ...updated, phone: updated?.phone ? '(masked)' : null },
        });
      });
      return (await ctx.db.query.cadres.findFirst(query({ where: { id } })))!;
    },
  }),
  revealCadrePhone: t.string({
    nullable: true,
    description: '查看干部完整电话 (needs the unmask permission; each look is logged with its reason)',
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RevealInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { reason } = validate(
        z.object({ reason: z.string().trim().min(2, '请填写查看理由').max(200) }),
        input,
      );
      if (!ctx.viewer?.mayUnmask) throw new ForbiddenError('您没有查看完整个人信息的权限');
      const id = Number(input.id.id);
      const cadre = await ctx.db.query.cadres.findFirst({ where: { id } });
      if (!cadre || !insideJurisdiction(ctx.viewer, cadre.regionPath))
        throw new NotFoundError('干部', String(id));
      await writeAudit(ctx.db, ctx.viewer, {
        action: 'personal-data.reveal',
        entityType: 'Cadre',
        entityId: id,
        regionPath: cadre.regionPath,
        after: { field: 'phone' },
        reason,
      });
      return cadre.phone;
    },
  }),
}));
