import { BUSINESS_KINDS, LABELS_ZH, TOWN_PROPERTY_KINDS, VEHICLE_KINDS } from '@gongjian/rules';
import { z } from 'zod';
import { builder } from '../../builder';
import { yuanSchema } from '../../shared/money';

/**
 * The typed facts of a sector record: only the kinds whose exclusion rule reads more than the record's
 * existence (a vehicle's kind, price and use; a town property's kind; a business's kind and state) carry
 * fields. They are stored in `sector_records.details` in the shape `exclusionFactsOf` reads.
 */

function described<V extends string>(values: readonly V[], labels: Record<V, string>) {
  return Object.fromEntries(values.map((value) => [value, { description: labels[value] }])) as Record<
    V,
    { description: string }
  >;
}

export const VehicleKindEnum = builder.enumType('VehicleKind', {
  description: '车辆类型',
  values: described(VEHICLE_KINDS, LABELS_ZH.vehicleKind),
});
export const TownPropertyKindEnum = builder.enumType('TownPropertyKind', {
  description: '城镇房产类型',
  values: described(TOWN_PROPERTY_KINDS, LABELS_ZH.townPropertyKind),
});
export const BusinessKindEnum = builder.enumType('BusinessKind', {
  description: '经营实体类型',
  values: described(BUSINESS_KINDS, LABELS_ZH.businessKind),
});

export const VehicleRecordInput = builder.inputType('VehicleRecordInput', {
  description: '车辆 (kind VEHICLE)',
  fields: (t) => ({
    vehicleKind: t.field({ type: VehicleKindEnum, required: true }),
    purchasePriceYuan: t.string({ required: true, description: '购置价 (元, 最多两位小数)' }),
    productive: t.boolean({ required: true, description: '是否为生产经营用车' }),
  }),
});

export const TownPropertyRecordInput = builder.inputType('TownPropertyRecordInput', {
  description: '城镇房产 (kind TOWN_PROPERTY)',
  fields: (t) => ({ propertyKind: t.field({ type: TownPropertyKindEnum, required: true }) }),
});

export const BusinessRecordInput = builder.inputType('BusinessRecordInput', {
  description: '工商登记 (kind BUSINESS)',
  fields: (t) => ({
    businessKind: t.field({ type: BusinessKindEnum, required: true }),
    registered: t.boolean({ required: true, description: '是否已工商注册' }),
    operating: t.boolean({ required: true, description: '是否正在经营' }),
  }),
});

/** The kinds whose record needs its typed object, and the input field that holds it. */
export const TYPED_DETAIL_FIELD = {
  VEHICLE: 'vehicle',
  TOWN_PROPERTY: 'townProperty',
  BUSINESS: 'business',
} as const;

export const typedDetailsSchema = z.object({
  vehicle: z
    .object({
      vehicleKind: z.enum(VEHICLE_KINDS),
      purchasePriceYuan: yuanSchema,
      productive: z.boolean(),
    })
    .transform(({ vehicleKind, purchasePriceYuan, productive }) => ({
      vehicleKind,
      purchasePriceFen: purchasePriceYuan,
      productive,
    }))
    .nullish(),
  townProperty: z.object({ propertyKind: z.enum(TOWN_PROPERTY_KINDS) }).nullish(),
  business: z
    .object({ businessKind: z.enum(BUSINESS_KINDS), registered: z.boolean(), operating: z.boolean() })
    .nullish(),
});

type TypedDetails = z.output<typeof typedDetailsSchema>;
type Issue = { path: string[]; message: string };

/**
 * The details to store for a record of `kind`: its own typed object (required for the typed kinds), none
 * for the others; a typed object of another kind is refused. `legacy` is the deprecated untyped details.
 */
export function detailsForKind(
  kind: string,
  typed: TypedDetails,
  legacy: Record<string, string | number | boolean> | null,
): { details: Record<string, string | number | boolean> } | { issues: Issue[] } {
  const own = TYPED_DETAIL_FIELD[kind as keyof typeof TYPED_DETAIL_FIELD] as keyof TypedDetails | undefined;
  const issues: Issue[] = [];
  for (const field of Object.values(TYPED_DETAIL_FIELD)) {
    if (field !== own && typed[field] != null)
      issues.push({ path: [field], message: `该类型 (${kind}) 不填写此项` });
  }
  if (issues.length) return { issues };
  const value = own ? typed[own] : null;
  if (value) return { details: value };
  if (own && !legacy) return { issues: [{ path: [own], message: '请填写该类型的记录详情' }] };
  return { details: legacy ?? {} };
}
