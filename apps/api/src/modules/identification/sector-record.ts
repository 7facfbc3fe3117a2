import { sectorRecordKind, sectorRecords } from '@gongjian/db/schema';
import { z } from 'zod';
import { builder } from '../../builder';
import { ValidationError } from '../../errors';
import { actedOn } from '../../shared/dates';
import { WRITE_ERRORS } from '../../shared/error-types';
import { validate } from '../../shared/validate';
import { writeAudited } from '../../spine/write';
import { SectorRecordKindEnum } from './enums';
import {
  BusinessRecordInput,
  detailsForKind,
  TownPropertyRecordInput,
  typedDetailsSchema,
  VehicleRecordInput,
} from './sector-details';

/** Sector data (部门比对数据) the exclusion screening matches against registered members. */

const SectorRecordInput = builder.inputType('SectorRecordInput', {
  description:
    '录入一条部门比对数据 (keyed by ID number; kinds VEHICLE, TOWN_PROPERTY and BUSINESS carry their typed object)',
  fields: (t) => ({
    idNumber: t.string({ required: true }),
    kind: t.field({ type: SectorRecordKindEnum, required: true }),
    vehicle: t.field({ type: VehicleRecordInput, required: false }),
    townProperty: t.field({ type: TownPropertyRecordInput, required: false }),
    business: t.field({ type: BusinessRecordInput, required: false }),
    details: t.field({
      type: 'JSON',
      required: false,
      description: '记录详情 (an object of strings, numbers and booleans)',
      deprecationReason: 'use vehicle, townProperty or business',
    }),
    detailsJson: t.string({ required: false, deprecationReason: 'use details' }),
    source: t.string({ required: true, description: '数据来源部门' }),
    recordedOn: t.field({ type: 'Date', required: false }),
  }),
});

builder.mutationFields((t) => ({
  recordSectorData: t.boolean({
    description: '录入部门比对数据 (财政供养、车辆、房产、工商登记…; used by the next screening)',
    authScopes: { permission: 'exclusion.decide' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: SectorRecordInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const values = validate(
        z.object({
          idNumber: z
            .string()
            .trim()
            .toUpperCase()
            .regex(/^\d{17}[\dX]$/, '身份证号应为18位'),
          kind: z.enum(sectorRecordKind.enumValues),
          source: z.string().trim().min(2).max(60),
          detailsJson: z.string().max(2000).nullish(),
          details: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()])).nullish(),
        }),
        input,
      );
      let legacy: Record<string, string | number | boolean> | null = values.details ?? null;
      try {
        if (!legacy && values.detailsJson) legacy = JSON.parse(values.detailsJson);
      } catch {
        throw ValidationError.field('detailsJson', '不是有效的JSON');
      }
      const stored = detailsForKind(values.kind, validate(typedDetailsSchema, input), legacy);
      if ('issues' in stored) throw new ValidationError(stored.issues);
      const { details } = stored;
      const recordedOn = actedOn(input.recordedOn, 'recordedOn');
      const { countyId, regionPath } = ctx.viewer!;
      await writeAudited(ctx, async (tx) => {
        const { idNumber, kind, source } = values;
        const [created] = await tx
          .insert(sectorRecords)
          .values({ countyId: countyId!, regionPath, idNumber, kind, details, source, recordedOn })
          .returning();
        const after = { ...created, idNumber: '(masked)' };
        return {
          id: created!.id,
          audit: {
            action: 'sector-data.record',
            entityType: 'SectorRecord',
            entityId: created!.id,
            regionPath,
            after,
          },
        };
      });
      return true;
    },
  }),
}));
