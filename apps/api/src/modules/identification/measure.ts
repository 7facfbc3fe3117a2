import { householdMeasures, measureKind, measureStatus } from '@gongjian/db/schema';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit';
import { insideJurisdiction } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import { actedOn } from '../../shared/dates';
import { WRITE_ERRORS } from '../../shared/error-types';
import { validate } from '../../shared/validate';
import { conflictOrMissing } from '../../spine/write';
import { MeasureKindEnum, MeasureStatusEnum } from './enums';
import { Household, writableHousehold } from './household';
import { readable } from './policy';
import { versionSchema } from './validation';

export const Measure = builder.drizzleNode('householdMeasures', {
  name: 'Measure',
  description: '帮扶措施 (an assistance measure for a household or its monitoring object)',
  id: { column: (m) => m.id },
  authScopes: readable,
  fields: (t) => ({
    kind: t.expose('kind', { type: MeasureKindEnum, description: '措施类别' }),
    status: t.expose('status', { type: MeasureStatusEnum, description: '状态' }),
    description: t.exposeString('description', { description: '措施内容' }),
    department: t.exposeString('department', { description: '责任部门' }),
    startedOn: t.expose('startedOn', { type: 'Date', nullable: true, description: '开始日期' }),
    completedOn: t.expose('completedOn', { type: 'Date', nullable: true, description: '完成日期' }),
    household: t.relation('household', { description: '农户' }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

const MeasureInput = builder.inputType('MeasureInput', {
  description: '帮扶措施 (id + version to edit; householdId to add)',
  fields: (t) => ({
    id: t.globalID({ required: false, for: [Measure] }),
    version: t.int({ required: false }),
    householdId: t.globalID({ required: false, for: [Household] }),
    kind: t.field({ type: MeasureKindEnum, required: true }),
    status: t.field({ type: MeasureStatusEnum, required: true }),
    description: t.string({ required: true }),
    department: t.string({ required: false }),
    startedOn: t.field({ type: 'Date', required: false }),
    completedOn: t.field({ type: 'Date', required: false }),
  }),
});

const MeasureSchema = z.object({
  kind: z.enum(measureKind.enumValues),
  status: z.enum(measureStatus.enumValues),
  description: z.string().trim().min(1, '不能为空').max(200),
  department: z.string().trim().max(60).default(''),
  startedOn: z.string().nullish(),
  completedOn: z.string().nullish(),
});

builder.mutationFields((t) => ({
  saveMeasure: t.drizzleField({
    type: Measure,
    description: '新增或修改帮扶措施',
    authScopes: { permission: 'household.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: MeasureInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const values = validate(MeasureSchema, input);
      if (values.startedOn) actedOn(values.startedOn, 'startedOn');
      if (values.completedOn) actedOn(values.completedOn, 'completedOn');
      const row = { ...values, startedOn: values.startedOn ?? null, completedOn: values.completedOn ?? null };
      const id = await ctx.db.transaction(async (tx) => {
        if (input.id) {
          const measureId = Number(input.id.id);
          const version = validate(versionSchema, input.version);
          const before = await tx.query.householdMeasures.findFirst({ where: { id: measureId } });
          if (!before) throw new NotFoundError('帮扶措施', String(measureId));
          if (!insideJurisdiction(ctx.viewer, before.regionPath))
            throw new ForbiddenError('该措施不在您的管辖范围内');
          const [updated] = await tx
            .update(householdMeasures)
            .set({ ...row, version: sql`${householdMeasures.version} + 1`, updatedAt: sql`now()` })
            .where(and(eq(householdMeasures.id, measureId), eq(householdMeasures.version, version)))
            .returning();
          if (!updated)
            conflictOrMissing(
              await tx.query.householdMeasures.findFirst({ where: { id: measureId } }),
              '帮扶措施',
              measureId,
            );
          await writeAudit(tx, ctx.viewer, {
            action: 'measure.update',
            entityType: 'Measure',
            entityId: measureId,
            regionPath: before.regionPath,
            before,
            after: updated,
          });
          return measureId;
        }
        if (!input.householdId) throw ValidationError.field('householdId', '新增措施须指定农户');
        const household = await writableHousehold(ctx, Number(input.householdId.id));
        const [created] = await tx
          .insert(householdMeasures)
          .values({
            countyId: household.countyId,
            regionPath: household.regionPath,
            householdId: household.id,
            ...row,
          })
          .returning();
        await writeAudit(tx, ctx.viewer, {
          action: 'measure.create',
          entityType: 'Measure',
          entityId: created!.id,
          regionPath: household.regionPath,
          after: created,
        });
        return created!.id;
      });
      return (await ctx.db.query.householdMeasures.findFirst(query({ where: { id } })))!;
    },
  }),
}));
