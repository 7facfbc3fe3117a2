import { householdMeasures, measureKind, measureStatus } from '@gongjian/db/schema';
import { z } from 'zod';
import { builder } from '../../builder';
import { ValidationError } from '../../errors';
import { actedOn } from '../../shared/dates';
import { WRITE_ERRORS } from '../../shared/error-types';
import { validate } from '../../shared/validate';
import { writableRow } from '../../spine/load';
import { reread, updateAtVersion, writeAudited } from '../../spine/write';
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
      const measureId = input.id ? Number(input.id.id) : null;
      const before =
        measureId === null
          ? null
          : writableRow(ctx, await ctx.db.query.householdMeasures.findFirst({ where: { id: measureId } }), {
              entity: '帮扶措施',
              argument: 'id',
              id: measureId,
            });
      if (!before && !input.householdId) throw ValidationError.field('householdId', '新增措施须指定农户');
      const household = before ? null : await writableHousehold(ctx, Number(input.householdId!.id));
      const values = validate(MeasureSchema, input);
      if (values.startedOn) actedOn(values.startedOn, 'startedOn');
      if (values.completedOn) actedOn(values.completedOn, 'completedOn');
      const row = { ...values, startedOn: values.startedOn ?? null, completedOn: values.completedOn ?? null };
      const id = await writeAudited(ctx, async (tx) => {
        if (before) {
          const version = validate(versionSchema, input.version);
          const updated = await updateAtVersion(
            tx,
            householdMeasures,
            { id: before.id, version, entity: '帮扶措施' },
            row,
          );
          return {
            id: before.id,
            audit: {
              action: 'measure.update',
              entityType: 'Measure',
              entityId: before.id,
              regionPath: before.regionPath,
              before,
              after: updated,
            },
          };
        }
        const { countyId, regionPath } = household!;
        const [created] = await tx
          .insert(householdMeasures)
          .values({ countyId, regionPath, householdId: household!.id, ...row })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'measure.create',
            entityType: 'Measure',
            entityId: created!.id,
            regionPath,
            after: created,
          },
        };
      });
      return reread(ctx.db.query.householdMeasures.findFirst(query({ where: { id } })), '帮扶措施', id);
    },
  }),
}));
