import { workTeams } from '@gongjian/db/schema';
import { canCreateWorkTeam, checkWorkTeam } from '@gongjian/rules';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, inRegionSubtree } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Viewer } from '../../context';
import { ValidationError } from '../../errors';
import { clock, policyForYear, runRule } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { RuleDecisionRef } from '../../shared/rule-decisions';
import { validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { referencedRow, viewerMayChange, writableRow } from '../../spine/load';
import { reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Region, writableVillage } from '../geography/region';
import { Unit } from '../organisation/unit';

/** 驻村工作队: a village's work team, its backing unit and its roster. */

export const WorkTeam = builder.drizzleNode('workTeams', {
  name: 'WorkTeam',
  description:
    '驻村工作队 (one open team per village, sent by a backing unit; at least 3 members, terms of 2 years)',
  id: { column: (w) => w.id },
  authScopes: (w) => ({ $all: { jurisdiction: w.regionPath, permission: 'assistance.read' } }),
  fields: (t) => ({
    village: t.relation('village', { type: Region, description: '驻点村' }),
    backingUnitName: t.string({
      description: '后盾单位',
      select: { with: { backingUnit: { columns: { name: true } } } },
      resolve: (w) => w.backingUnit.name,
    }),
    backingUnitId: t.globalID({
      description: '后盾单位 (Unit 的全局ID)',
      resolve: (w) => ({ type: 'Unit', id: w.backingUnitId }),
    }),
    startDate: t.expose('startDate', { type: 'Date', description: '进驻日期' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true, description: '撤离日期' }),
    members: t.relation('members', { description: '队员 (在岗在前)', query: { orderBy: { id: 'asc' } } }),
    strength: t.field({
      type: RuleDecisionRef,
      description:
        '队伍力量 (TEAM.STRENGTH: at least 3 active members; TEAM.TERM for members who left early)',
      select: {
        columns: { villageId: true, regionPath: true },
        with: {
          village: { columns: { code: true } },
          members: { columns: { cadreId: true, startDate: true, endDate: true } },
        },
      },
      resolve: (w) => {
        const today = clock.today();
        const policy = runRule(() => policyForYear(Number(today.slice(0, 4)), w.village.code));
        return checkWorkTeam(
          {
            villageId: String(w.villageId),
            members: w.members.map((m) => ({
              cadreId: String(m.cadreId),
              startDate: m.startDate,
              endDate: m.endDate,
            })),
          },
          today,
          policy,
        );
      },
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

export interface WorkTeamListArgs {
  regionId?: { id: string | number } | null;
  open?: boolean | null;
  search?: string | null;
}

export function workTeamListFilter(table: typeof workTeams, viewer: Viewer | null, args: WorkTeamListArgs) {
  const term = args.search?.trim().slice(0, 30);
  return and(
    inJurisdiction(table.regionPath, viewer),
    inRegionSubtree(table.regionPath, args.regionId),
    args.open === true
      ? isNull(table.endDate)
      : args.open === false
        ? sql`${table.endDate} is not null`
        : undefined,
    term
      ? sql`(exists (select 1 from regions r where r.id = ${table.villageId} and r.name like ${`%${term}%`})
          or exists (select 1 from units u where u.id = ${table.backingUnitId} and u.name like ${`%${term}%`}))`
      : undefined,
  );
}

builder.queryFields((t) => ({
  workTeams: t.drizzleConnection({
    type: 'workTeams',
    description:
      '驻村工作队 (teams in your jurisdiction; filter by township or village, open, village or unit name)',
    authScopes: { permission: 'assistance.read' },
    args: {
      regionId: t.arg.globalID({ required: false, for: [Region], description: '乡镇或村' }),
      open: t.arg.boolean({ required: false, description: '只看在岗 (true) 或已撤离 (false)' }),
      search: t.arg.string({ required: false, description: '村名或后盾单位' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(workTeams, workTeamListFilter(workTeams, ctx.viewer, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.workTeams.findMany(
        query({
          where: { RAW: (table) => workTeamListFilter(table, ctx.viewer, args)! },
          orderBy: { id: 'asc' },
        }),
      ),
  }),
}));

const CreateWorkTeamInput = builder.inputType('CreateWorkTeamInput', {
  description: '组建驻村工作队',
  fields: (t) => ({
    villageId: t.globalID({ required: true, for: [Region], description: '驻点村' }),
    backingUnitId: t.globalID({ required: true, for: [Unit], description: '后盾单位' }),
    startDate: t.field({ type: 'Date', required: false, description: '进驻日期 (默认今天)' }),
  }),
});

const CreateSchema = z.object({ startDate: z.string().nullish() });

builder.mutationFields((t) => ({
  createWorkTeam: t.drizzleField({
    type: WorkTeam,
    description: '组建驻村工作队 (one open team per village: TEAM.VILLAGE_HAS_TEAM)',
    authScopes: { permission: 'workTeam.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateWorkTeamInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const village = await writableVillage(ctx, Number(input.villageId.id));
      const unitId = Number(input.backingUnitId.id);
      const unit = referencedRow(
        await ctx.db.query.units.findFirst({ where: { id: unitId }, columns: { id: true, countyId: true } }),
        { entity: '后盾单位', argument: 'backingUnitId', id: unitId },
      );
      if (unit.countyId !== village.countyId)
        throw ValidationError.field('backingUnitId', '后盾单位须为本县单位');
      const values = validate(CreateSchema, input);
      const today = clock.today();
      const startDate = values.startDate ?? today;
      const id = await writeAudited(ctx, async (tx) => {
        const [open] = await tx
          .select({ id: workTeams.id })
          .from(workTeams)
          .where(and(eq(workTeams.villageId, village.id), isNull(workTeams.endDate)));
        refuseUnless(
          canCreateWorkTeam({
            villageId: String(village.id),
            openTeamId: open ? String(open.id) : null,
            startDate,
            today,
          }),
        );
        const [created] = await tx
          .insert(workTeams)
          .values({
            countyId: village.countyId!,
            regionPath: village.regionPath,
            villageId: village.id,
            backingUnitId: unitId,
            startDate,
          })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'workTeam.create',
            entityType: 'WorkTeam',
            entityId: created!.id,
            regionPath: village.regionPath,
            after: { villageId: village.id, backingUnitId: unitId, startDate },
          },
        };
      }).catch((error: unknown) => {
        if (String((error as { cause?: unknown })?.cause ?? error).includes('work_teams_open_village_uq'))
          refuseUnless(
            canCreateWorkTeam({ villageId: String(village.id), openTeamId: 'concurrent', startDate, today }),
          );
        throw error;
      });
      return reread(ctx.db.query.workTeams.findFirst(query({ where: { id } })), '驻村工作队', id);
    },
  }),
}));

const UpdateWorkTeamInput = builder.inputType('UpdateWorkTeamInput', {
  description: '调整驻村工作队 (the backing unit of an open team)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [WorkTeam] }),
    version: t.int({ required: true }),
    backingUnitId: t.globalID({ required: true, for: [Unit], description: '后盾单位' }),
  }),
});

const UpdateSchema = z.object({ version: z.number().int().min(1, '版本号无效') });

builder.mutationFields((t) => ({
  updateWorkTeam: t.drizzleField({
    type: WorkTeam,
    description: '调整驻村工作队的后盾单位 (an open team; CONFLICT once it was changed or withdrawn)',
    authScopes: { permission: 'workTeam.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: UpdateWorkTeamInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const team = writableRow(ctx, await ctx.db.query.workTeams.findFirst({ where: { id } }), {
        entity: '驻村工作队',
        argument: 'id',
        id,
      });
      const unitId = Number(input.backingUnitId.id);
      const unit = referencedRow(
        await ctx.db.query.units.findFirst({ where: { id: unitId }, columns: { id: true, countyId: true } }),
        { entity: '后盾单位', argument: 'backingUnitId', id: unitId },
      );
      if (unit.countyId !== team.countyId)
        throw ValidationError.field('backingUnitId', '后盾单位须为本县单位');
      const values = validate(UpdateSchema, input);
      await writeAudited(ctx, async (tx) => {
        await updateAtVersion(
          tx,
          workTeams,
          {
            id,
            version: values.version,
            entity: '驻村工作队',
            still: isNull(workTeams.endDate),
            conflictMessage: '该工作队已被修改或已撤离',
          },
          { backingUnitId: unitId },
        );
        return {
          id,
          audit: {
            action: 'workTeam.update',
            entityType: 'WorkTeam',
            entityId: id,
            regionPath: team.regionPath,
            before: { backingUnitId: team.backingUnitId },
            after: { backingUnitId: unitId },
          },
        };
      });
      return reread(ctx.db.query.workTeams.findFirst(query({ where: { id } })), '驻村工作队', id);
    },
  }),
}));

builder.drizzleObjectFields(WorkTeam, (t) => ({
  viewerCanEdit: t.boolean({
    description: '我可调整后盾单位 (workTeam.write, jurisdiction, an open team)',
    select: { columns: { regionPath: true, endDate: true } },
    resolve: (w, _args, ctx) => viewerMayChange(ctx, 'workTeam.write', w.regionPath) && w.endDate === null,
  }),
  viewerCanAddMember: t.boolean({
    description: '我可增加队员 (workTeam.write, jurisdiction and the rule TEAM.OPEN)',
    select: { columns: { regionPath: true, endDate: true } },
    resolve: (w, _args, ctx) => viewerMayChange(ctx, 'workTeam.write', w.regionPath) && w.endDate === null,
  }),
}));
