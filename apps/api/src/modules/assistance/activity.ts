import { type activityKind, assistanceActivities } from '@gongjian/db/schema';
import { canRecordActivity } from '@gongjian/rules';
import { and, gte, ilike, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, inRegionSubtree } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Viewer } from '../../context';
import { clock } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import { reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Region, writableRegion } from '../geography/region';

/** 专项活动与政策宣传: campaigns and publicity drives as held, in a region, with participants and copies. */

export const ActivityKindEnum = builder.enumType('AssistanceActivityKind', {
  description: '活动类别',
  values: {
    CAMPAIGN: { description: '专项活动 (campaign: 三走访三签字, 千名干部下基层, 户帮户亲帮亲)' },
    PUBLICITY: { description: '政策宣传 (publicity: 手册, 告知书, 挂图)' },
  } satisfies Record<(typeof activityKind.enumValues)[number], { description: string }>,
});

export const AssistanceActivity = builder.drizzleNode('assistanceActivities', {
  name: 'AssistanceActivity',
  description: '帮扶活动 (an assistance campaign or publicity drive, 专项活动或政策宣传)',
  id: { column: (a) => a.id },
  authScopes: (a) => ({ $all: { jurisdiction: a.regionPath, permission: 'assistance.read' } }),
  fields: (t) => ({
    kind: t.expose('kind', { type: ActivityKindEnum, description: '类别' }),
    name: t.exposeString('name', { description: '活动名称' }),
    region: t.relation('region', { type: Region, description: '开展区划 (县、乡镇或村)' }),
    startDate: t.expose('startDate', { type: 'Date', description: '开始日期' }),
    endDate: t.expose('endDate', { type: 'Date', description: '结束日期 (含当日)' }),
    participants: t.exposeInt('participants', { description: '参与人数' }),
    copiesDistributed: t.exposeInt('copiesDistributed', { description: '发放资料份数' }),
    materials: t.exposeString('materials', { description: '资料种类 (手册、告知书、挂图)' }),
    notes: t.exposeString('notes', { description: '备注' }),
    version: t.exposeInt('version', { description: '版本号' }),
    viewerCanEdit: t.boolean({
      description: '我可修改 (activity.write and jurisdiction)',
      select: { columns: { regionPath: true } },
      resolve: (a, _args, ctx) => viewerMayChange(ctx, 'activity.write', a.regionPath),
    }),
  }),
});

export interface ActivityListArgs {
  kind?: (typeof activityKind.enumValues)[number] | null;
  regionId?: { id: string | number } | null;
  from?: string | null;
  to?: string | null;
  search?: string | null;
}

/** The list's filter: jurisdiction, region subtree, kind, the days it overlaps and a name search. */
export function activityListFilter(
  table: typeof assistanceActivities,
  viewer: Viewer | null,
  args: ActivityListArgs,
) {
  const term = args.search?.trim().slice(0, 30);
  return and(
    inJurisdiction(table.regionPath, viewer),
    inRegionSubtree(table.regionPath, args.regionId),
    args.kind ? sql`${table.kind} = ${args.kind}` : undefined,
    args.from ? gte(table.endDate, args.from) : undefined,
    args.to ? lte(table.startDate, args.to) : undefined,
    term ? ilike(table.name, `%${term}%`) : undefined,
  );
}

interface Totals {
  activities: number;
  participants: number;
  copiesDistributed: number;
}

const ActivityTotals = builder.objectRef<Totals>('AssistanceActivityTotals').implement({
  description: '帮扶活动合计 (over the filtered list)',
  fields: (t) => ({
    activities: t.exposeInt('activities', { description: '活动数' }),
    participants: t.exposeInt('participants', { description: '参与人次' }),
    copiesDistributed: t.exposeInt('copiesDistributed', { description: '发放资料份数 (the article: 20万+)' }),
  }),
});

const listArgs = (t: Parameters<Parameters<typeof builder.queryFields>[0]>[0]) => ({
  kind: t.arg({ type: ActivityKindEnum, required: false, description: '类别' }),
  regionId: t.arg.globalID({ required: false, for: [Region], description: '乡镇或村 (含下级)' }),
  from: t.arg({ type: 'Date', required: false, description: '开展于此日或之后' }),
  to: t.arg({ type: 'Date', required: false, description: '开展于此日或之前' }),
  search: t.arg.string({ required: false, description: '活动名称' }),
});

builder.queryFields((t) => ({
  assistanceActivities: t.drizzleConnection({
    type: 'assistanceActivities',
    description: '帮扶活动 (campaigns and publicity in your jurisdiction, newest first)',
    authScopes: { permission: 'assistance.read' },
    args: listArgs(t),
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(assistanceActivities, activityListFilter(assistanceActivities, ctx.viewer, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.assistanceActivities.findMany(
        query({
          where: { RAW: (table) => activityListFilter(table, ctx.viewer, args)! },
          orderBy: { startDate: 'desc', id: 'desc' },
        }),
      ),
  }),
  assistanceActivityTotals: t.field({
    type: ActivityTotals,
    description: '帮扶活动合计 (the same filters as assistanceActivities)',
    authScopes: { permission: 'assistance.read' },
    args: listArgs(t),
    resolve: async (_root, args, ctx) => {
      const [row] = await ctx.db
        .select({
          activities: sql<number>`count(*)::int`,
          participants: sql<number>`coalesce(sum(${assistanceActivities.participants}), 0)::int`,
          copiesDistributed: sql<number>`coalesce(sum(${assistanceActivities.copiesDistributed}), 0)::int`,
        })
        .from(assistanceActivities)
        .where(activityListFilter(assistanceActivities, ctx.viewer, args));
      return row!;
    },
  }),
}));

const ActivitySchema = z.object({
  name: text(60),
  startDate: z.string(),
  endDate: z.string(),
  participants: z.number().int().min(0, '不能为负').max(10_000_000),
  copiesDistributed: z.number().int().min(0, '不能为负').max(100_000_000),
  materials: z.string().trim().max(100, '不能超过100个字'),
  notes: z.string().trim().max(500, '不能超过500个字'),
});

const activityFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
  name: t.string({ required: true, description: '活动名称' }),
  startDate: t.field({ type: 'Date', required: true, description: '开始日期' }),
  endDate: t.field({ type: 'Date', required: true, description: '结束日期 (含当日)' }),
  participants: t.int({ required: false, description: '参与人数 (默认0)' }),
  copiesDistributed: t.int({ required: false, description: '发放资料份数 (政策宣传必填)' }),
  materials: t.string({ required: false, description: '资料种类' }),
  notes: t.string({ required: false, description: '备注' }),
});

const CreateActivityInput = builder.inputType('CreateAssistanceActivityInput', {
  description: '登记帮扶活动',
  fields: (t) => ({
    kind: t.field({ type: ActivityKindEnum, required: true }),
    regionId: t.globalID({ required: true, for: [Region], description: '开展区划' }),
    ...activityFields(t),
  }),
});

const UpdateActivityInput = builder.inputType('UpdateAssistanceActivityInput', {
  description: '修改帮扶活动 (kind and region stay)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [AssistanceActivity] }),
    version: t.int({ required: true }),
    ...activityFields(t),
  }),
});

type ActivityInput = {
  [K in keyof z.input<typeof ActivitySchema>]?: z.input<typeof ActivitySchema>[K] | null;
};

function activityValues(kind: 'CAMPAIGN' | 'PUBLICITY', input: ActivityInput) {
  const values = validate(ActivitySchema, {
    ...input,
    participants: input.participants ?? 0,
    copiesDistributed: input.copiesDistributed ?? 0,
    materials: input.materials ?? '',
    notes: input.notes ?? '',
  });
  refuseUnless(canRecordActivity({ kind, ...values }, clock.today()));
  return values;
}

builder.mutationFields((t) => ({
  createAssistanceActivity: t.drizzleField({
    type: AssistanceActivity,
    description: '登记帮扶活动 (ACTIVITY.DATES, ACTIVITY.NOT_IN_FUTURE, ACTIVITY.PUBLICITY_COPIES)',
    authScopes: { permission: 'activity.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateActivityInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const region = await writableRegion(ctx, Number(input.regionId.id), 'regionId');
      const values = activityValues(input.kind, input);
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(assistanceActivities)
          .values({
            countyId: region.countyId!,
            regionPath: region.regionPath,
            regionId: region.id,
            kind: input.kind,
            ...values,
          })
          .returning({ id: assistanceActivities.id });
        return {
          id: created!.id,
          audit: {
            action: 'activity.create',
            entityType: 'AssistanceActivity',
            entityId: created!.id,
            regionPath: region.regionPath,
            after: { kind: input.kind, regionId: region.id, ...values },
          },
        };
      });
      return reread(ctx.db.query.assistanceActivities.findFirst(query({ where: { id } })), '帮扶活动', id);
    },
  }),
  updateAssistanceActivity: t.drizzleField({
    type: AssistanceActivity,
    description: '修改帮扶活动 (the same rules; CONFLICT once it was changed)',
    authScopes: { permission: 'activity.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: UpdateActivityInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const activity = writableRow(
        ctx,
        await ctx.db.query.assistanceActivities.findFirst({ where: { id } }),
        {
          entity: '帮扶活动',
          argument: 'id',
          id,
        },
      );
      const version = validate(z.number().int().min(1, '版本号无效'), input.version);
      const values = activityValues(activity.kind, input);
      await writeAudited(ctx, async (tx) => {
        await updateAtVersion(tx, assistanceActivities, { id, version, entity: '帮扶活动' }, values);
        const { name, startDate, endDate, participants, copiesDistributed, materials, notes } = activity;
        return {
          id,
          audit: {
            action: 'activity.update',
            entityType: 'AssistanceActivity',
            entityId: id,
            regionPath: activity.regionPath,
            before: { name, startDate, endDate, participants, copiesDistributed, materials, notes },
            after: values,
          },
        };
      });
      return reread(ctx.db.query.assistanceActivities.findFirst(query({ where: { id } })), '帮扶活动', id);
    },
  }),
}));
