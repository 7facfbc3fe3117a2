import { villageSupervisors } from '@gongjian/db/schema';
import { canAppointVillageSupervisor, type VillageKind } from '@gongjian/rules';
import { and, ilike, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, inRegionSubtree } from '../../auth/jurisdiction';
import { maskPhone } from '../../auth/masking';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ConflictError, ValidationError } from '../../errors';
import { clock } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { rowsOf } from '../../shared/rows';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import { reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Region } from '../geography/region';

/**
 * 村级扶贫监督员: one serving supervisor in each village with poor residents (a partial unique index); a new
 * appointment ends the serving one's term on the same day. Coverage per township is one statement.
 */

export const VillageSupervisor = builder.drizzleNode('villageSupervisors', {
  name: 'VillageSupervisor',
  description: '村级扶贫监督员',
  id: { column: (row) => row.id },
  authScopes: (row) => ({ $all: { jurisdiction: row.regionPath, permission: 'supervision.read' } }),
  fields: (t) => ({
    village: t.relation('village', { type: Region, description: '村' }),
    name: t.exposeString('name', { description: '姓名' }),
    phone: t.string({
      nullable: true,
      description: '联系电话 (masked: 138****1234)',
      select: { columns: { phone: true } },
      resolve: (row) => maskPhone(row.phone),
    }),
    appointedOn: t.expose('appointedOn', { type: 'Date', description: '聘任日期' }),
    endedOn: t.expose('endedOn', { type: 'Date', nullable: true, description: '离任日期' }),
    serving: t.boolean({ description: '在任', resolve: (row) => row.endedOn === null }),
    viewerCanEnd: t.boolean({
      description: '我可办理离任',
      resolve: (row, _args, ctx) =>
        row.endedOn === null && viewerMayChange(ctx, 'supervision.write', row.regionPath),
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

const SupervisorFilter = builder.inputType('VillageSupervisorFilter', {
  description: '监督员筛选',
  fields: (t) => ({
    serving: t.boolean({ required: false, description: '只看在任 (true) 或已离任 (false)' }),
    regionId: t.globalID({ required: false, for: [Region], description: '乡镇或村' }),
    search: t.string({ required: false, description: '姓名包含' }),
  }),
});

export type SupervisorFilterInput = typeof SupervisorFilter.$inferInput;

export function supervisorListFilter(
  table: typeof villageSupervisors,
  viewer: Context['viewer'],
  filter: SupervisorFilterInput | null | undefined,
): SQL {
  const search = filter?.search?.trim();
  const serving = filter?.serving;
  return and(
    inJurisdiction(table.regionPath, viewer),
    serving === true ? isNull(table.endedOn) : serving === false ? isNotNull(table.endedOn) : undefined,
    inRegionSubtree(table.regionPath, filter?.regionId),
    search ? ilike(table.name, `%${search}%`) : undefined,
  )!;
}

interface TownshipCoverage {
  townshipId: number;
  township: string;
  villagesWithPoor: number;
  covered: number;
  uncovered: string[];
}

const TownshipCoverageRef = builder.objectRef<TownshipCoverage>('SupervisorCoverage').implement({
  description:
    '村级扶贫监督员覆盖 (per township: villages with poor residents and those with a serving supervisor)',
  fields: (t) => ({
    townshipId: t.globalID({ description: '乡镇', resolve: (c) => ({ type: 'Region', id: c.townshipId }) }),
    townshipName: t.exposeString('township', { description: '乡镇名称' }),
    villagesWithPoor: t.exposeInt('villagesWithPoor', {
      description: '有贫困人口的村 (贫困村和有贫困人口的非贫困村)',
    }),
    covered: t.exposeInt('covered', { description: '有在任监督员的村' }),
    uncoveredVillages: t.exposeStringList('uncovered', { description: '没有在任监督员的村' }),
  }),
});

async function coverage(ctx: Context): Promise<TownshipCoverage[]> {
  const result = await ctx.db.execute(sql`
    select t.id as "townshipId", t.name as township,
      count(v.id)::int as "villagesWithPoor",
      count(s.id)::int as covered,
      coalesce(array_agg(v.name order by v.sort_order) filter (where s.id is null), '{}') as uncovered
    from regions t
    join regions v on v.parent_id = t.id and v.level = 'VILLAGE'
      and v.village_kind in ('POOR_VILLAGE', 'NON_POOR_WITH_POOR')
    left join village_supervisors s on s.village_id = v.id and s.ended_on is null
    where t.level = 'TOWNSHIP' and ${inJurisdiction(sql`v.region_path`, ctx.viewer)}
    group by t.id, t.name, t.sort_order
    order by t.sort_order, t.id`);
  return rowsOf<TownshipCoverage>(result);
}

builder.queryFields((t) => ({
  villageSupervisors: t.drizzleConnection({
    type: 'villageSupervisors',
    description: '村级扶贫监督员 (inside your jurisdiction, by village)',
    authScopes: { permission: 'supervision.read' },
    args: { filter: t.arg({ type: SupervisorFilter, required: false }) },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(villageSupervisors, supervisorListFilter(villageSupervisors, ctx.viewer, args.filter)),
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.villageSupervisors.findMany(
        query({
          where: { RAW: (table) => supervisorListFilter(table, ctx.viewer, args.filter) },
          orderBy: { regionPath: 'asc', appointedOn: 'desc', id: 'desc' },
        }),
      ),
  }),
  supervisorCoverage: t.field({
    type: [TownshipCoverageRef],
    description: '监督员覆盖 (per township inside your jurisdiction; one statement)',
    authScopes: { permission: 'supervision.read' },
    resolve: (_root, _args, ctx) => coverage(ctx),
  }),
}));

const day = z.iso.date('日期格式应为 YYYY-MM-DD');
const AppointSchema = z.object({
  name: text(50, 2),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9-]{7,20}$/, '电话号码格式不正确')
    .nullish(),
  appointedOn: day,
});

const AppointInput = builder.inputType('AppointVillageSupervisorInput', {
  description: '聘任村级扶贫监督员 (a serving one is replaced: their term ends that day)',
  fields: (t) => ({
    villageId: t.globalID({ required: true, for: [Region], description: '村' }),
    name: t.string({ required: true, description: '姓名' }),
    phone: t.string({ required: false, description: '联系电话' }),
    appointedOn: t.field({ type: 'Date', required: true, description: '聘任日期' }),
  }),
});

const EndInput = builder.inputType('EndVillageSupervisorInput', {
  description: '监督员离任',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [VillageSupervisor] }),
    version: t.int({ required: true }),
    endedOn: t.field({ type: 'Date', required: true, description: '离任日期' }),
  }),
});

/** Someone appointed a supervisor to the same village at the same moment: the partial unique index keeps one. */
function mapConcurrentAppointment(error: unknown): never {
  type PgError = { code?: string; constraint_name?: string; constraint?: string };
  const cause = (error as { cause?: PgError }).cause ?? (error as PgError);
  const constraint = cause?.constraint_name ?? cause?.constraint;
  if (cause?.code === '23505' && constraint === 'village_supervisors_serving_uq')
    throw new ConflictError(null, '该村刚刚已聘任了监督员,请刷新后查看');
  throw error;
}

const withMaskedPhone = <T extends { phone: string | null }>(row: T) => ({
  ...row,
  phone: maskPhone(row.phone),
});

builder.mutationFields((t) => ({
  appointVillageSupervisor: t.drizzleField({
    type: VillageSupervisor,
    description: '聘任村级扶贫监督员 (SUPERVISOR.VILLAGE_WITH_POOR; replaces the serving one)',
    authScopes: { permission: 'supervision.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: AppointInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const villageId = Number(input.villageId.id);
      const village = writableRow(ctx, await ctx.db.query.regions.findFirst({ where: { id: villageId } }), {
        entity: '村',
        argument: 'villageId',
        id: villageId,
      });
      const values = validate(AppointSchema, input);
      if (village.level !== 'VILLAGE') throw ValidationError.field('villageId', '请选择一个村');
      if (values.appointedOn > clock.today())
        throw ValidationError.field('appointedOn', `聘任日期不能晚于今天 (${clock.today()})`);
      refuseUnless(
        canAppointVillageSupervisor({ name: village.name, kind: village.villageKind as VillageKind }),
      );
      const serving = await ctx.db.query.villageSupervisors.findFirst({
        where: { villageId, endedOn: { isNull: true } },
      });
      if (serving && serving.appointedOn > values.appointedOn)
        throw ValidationError.field(
          'appointedOn',
          `聘任日期不能早于现任监督员的聘任日期 (${serving.appointedOn})`,
        );
      const tenant = { countyId: village.countyId!, regionPath: village.regionPath };
      const id = await writeAudited(ctx, async (tx) => {
        if (serving)
          await updateAtVersion(
            tx,
            villageSupervisors,
            {
              id: serving.id,
              version: serving.version,
              entity: '监督员',
              still: isNull(villageSupervisors.endedOn),
            },
            { endedOn: values.appointedOn },
          );
        const [created] = await tx
          .insert(villageSupervisors)
          .values({
            ...tenant,
            villageId,
            name: values.name,
            phone: values.phone ?? null,
            appointedOn: values.appointedOn,
          })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'village-supervisor.appoint',
            entityType: 'VillageSupervisor',
            entityId: created!.id,
            regionPath: tenant.regionPath,
            before: serving ? { replacedId: serving.id } : null,
            after: withMaskedPhone(created!),
          },
        };
      }).catch(mapConcurrentAppointment);
      return reread(ctx.db.query.villageSupervisors.findFirst(query({ where: { id } })), '监督员', id);
    },
  }),
  endVillageSupervisor: t.drizzleField({
    type: VillageSupervisor,
    description: '监督员离任',
    authScopes: { permission: 'supervision.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: EndInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const row = writableRow(ctx, await ctx.db.query.villageSupervisors.findFirst({ where: { id } }), {
        entity: '监督员',
        argument: 'id',
        id,
      });
      const values = validate(
        z.object({ version: z.number().int().min(1, '版本号无效'), endedOn: day }),
        input,
      );
      if (row.endedOn !== null) throw ValidationError.field('id', `该监督员已于 ${row.endedOn} 离任`);
      if (values.endedOn < row.appointedOn)
        throw ValidationError.field('endedOn', `离任日期不能早于聘任日期 (${row.appointedOn})`);
      if (values.endedOn > clock.today())
        throw ValidationError.field('endedOn', `离任日期不能晚于今天 (${clock.today()})`);
      await writeAudited(ctx, async (tx) => {
        await updateAtVersion(
          tx,
          villageSupervisors,
          { id, version: values.version, entity: '监督员', still: isNull(villageSupervisors.endedOn) },
          { endedOn: values.endedOn },
        );
        return {
          id,
          audit: {
            action: 'village-supervisor.end',
            entityType: 'VillageSupervisor',
            entityId: id,
            regionPath: row.regionPath,
            before: { endedOn: null },
            after: { endedOn: values.endedOn },
          },
        };
      });
      return reread(ctx.db.query.villageSupervisors.findFirst(query({ where: { id } })), '监督员', id);
    },
  }),
}));
