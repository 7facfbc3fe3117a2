import { projectSteps, projects } from '@gongjian/db/schema';
import { mayTakeProjectStep } from '@gongjian/rules';
import { and, eq, ilike, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, inRegionSubtree, insideJurisdiction } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ForbiddenError, ValidationError } from '../../errors';
import { actedOn } from '../../shared/dates';
import { WRITE_ERRORS } from '../../shared/error-types';
import { enteredAmountSchema, fenToWanYuan, fenToYuan } from '../../shared/money';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { referencedRow } from '../../spine/load';
import { reread, writeAudited } from '../../spine/write';
import { Region } from '../geography/region';
import { Unit } from '../organisation/unit';
import { ProjectStateEnum } from './enums';
import { yearSchema } from './fund-source';

export const Project = builder.drizzleNode('projects', {
  name: 'Project',
  description: '扶贫项目 (项目库: a village project, its budget, beneficiaries, target and lifecycle)',
  id: { column: (project) => project.id },
  authScopes: (project) => ({ jurisdiction: project.regionPath }),
  fields: (t) => ({
    name: t.exposeString('name', { description: '项目名称' }),
    category: t.exposeString('category', { description: '项目类别' }),
    year: t.exposeInt('year', { description: '计划年度' }),
    region: t.relation('region', { type: Region, description: '实施地点 (村)' }),
    responsibleUnitName: t.string({
      description: '责任单位',
      select: { with: { responsibleUnit: { columns: { name: true } } } },
      resolve: (p) => p.responsibleUnit.name,
    }),
    responsibleUnit: t.relation('responsibleUnit', { type: Unit, description: '责任单位 (as a unit)' }),
    budgetWanYuan: t.string({ description: '资金规模 (万元)', resolve: (p) => fenToWanYuan(p.budgetFen) }),
    beneficiaryHouseholds: t.exposeInt('beneficiaryHouseholds', { description: '受益户数' }),
    beneficiaryPeople: t.exposeInt('beneficiaryPeople', { description: '受益人数' }),
    beneficiaryPoorPeople: t.exposeInt('beneficiaryPoorPeople', { description: '受益贫困人口' }),
    performanceTarget: t.exposeString('performanceTarget', { description: '绩效目标' }),
    povertyLink: t.exposeString('povertyLink', { description: '带贫减贫机制' }),
    state: t.expose('state', { type: ProjectStateEnum, description: '流程阶段' }),
    allocatedYuan: t.string({ description: '已安排 (元)', resolve: (p) => fenToYuan(p.allocatedFen) }),
    allocatedWanYuan: t.string({
      description: '已安排 (万元)',
      resolve: (p) => fenToWanYuan(p.allocatedFen),
    }),
    disbursedYuan: t.string({ description: '已拨付 (元)', resolve: (p) => fenToYuan(p.disbursedFen) }),
    disbursedWanYuan: t.string({
      description: '已拨付 (万元)',
      resolve: (p) => fenToWanYuan(p.disbursedFen),
    }),
    payableYuan: t.string({
      description: '可拨付 (元: allocated − paid)',
      select: { columns: { allocatedFen: true, disbursedFen: true } },
      resolve: (p) => fenToYuan(p.allocatedFen - p.disbursedFen),
    }),
    payableWanYuan: t.string({
      description: '可拨付 (万元: allocated − paid)',
      select: { columns: { allocatedFen: true, disbursedFen: true } },
      resolve: (p) => fenToWanYuan(p.allocatedFen - p.disbursedFen),
    }),
    unallocatedWanYuan: t.string({
      description: '资金缺口 (万元: budget − allocated; negative when allocated beyond the budget)',
      select: { columns: { budgetFen: true, allocatedFen: true } },
      resolve: (p) => fenToWanYuan(p.budgetFen - p.allocatedFen),
    }),
    steps: t.relation('steps', { description: '流程记录 (oldest first)', query: { orderBy: { id: 'asc' } } }),
    allocations: t.relation('allocations', { description: '资金安排', query: { orderBy: { id: 'asc' } } }),
    disbursements: t.relation('disbursements', {
      description: '资金拨付',
      query: { orderBy: { id: 'asc' } },
    }),
    notices: t.relation('notices', {
      description: '公告公示',
      query: { orderBy: { postedOn: 'asc', id: 'asc' } },
    }),
    version: t.exposeInt('version', { description: '版本号 (send it back when advancing the project)' }),
  }),
});

export interface ProjectListArgs {
  state?: (typeof projects.$inferSelect)['state'] | null;
  year?: number | null;
  regionId?: { id: string | number } | null;
  search?: string | null;
}

export function projectListFilter(table: typeof projects, ctx: Context, args: ProjectListArgs): SQL {
  const term = args.search?.trim().slice(0, 50);
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
    args.state ? eq(table.state, args.state) : undefined,
    args.year != null ? eq(table.year, args.year) : undefined,
    inRegionSubtree(table.regionPath, args.regionId),
    term ? ilike(table.name, `%${term}%`) : undefined,
  )!;
}

builder.queryFields((t) => ({
  projects: t.drizzleConnection({
    type: 'projects',
    description: '项目库 (inside your jurisdiction; newest plan year first)',
    args: {
      state: t.arg({ type: ProjectStateEnum, required: false }),
      year: t.arg.int({ required: false, description: '计划年度' }),
      regionId: t.arg.globalID({ required: false, for: [Region], description: '区划 (and below)' }),
      search: t.arg.string({ required: false, description: '按项目名称搜索' }),
    },
    totalCount: (_parent, args, ctx) => ctx.db.$count(projects, projectListFilter(projects, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.projects.findMany(
        query({
          where: { RAW: (table) => projectListFilter(table, ctx, args) },
          orderBy: { year: 'desc', id: 'asc' },
        }),
      ),
  }),
}));

export const ProjectSchema = z
  .object({
    name: text(200, 2),
    category: text(50, 2),
    year: yearSchema,
    beneficiaryHouseholds: z.number().int().min(0),
    beneficiaryPeople: z.number().int().min(0),
    beneficiaryPoorPeople: z.number().int().min(0),
    performanceTarget: z
      .string()
      .trim()
      .min(4, '绩效目标必填 (至少4个字): 无绩效目标的项目不得入库')
      .max(1000),
    povertyLink: text(1000, 4),
    notes: text(1000).nullish(),
  })
  .refine((p) => p.beneficiaryPoorPeople <= p.beneficiaryPeople, {
    path: ['beneficiaryPoorPeople'],
    message: '受益贫困人口不能多于受益人数',
  });

const CreateProjectInput = builder.inputType('CreateProjectInput', {
  description: '项目申报 (enters the library at APPLICATION; budget in 元 or 万元)',
  fields: (t) => ({
    name: t.string({ required: true, description: '项目名称' }),
    category: t.string({ required: true, description: '项目类别' }),
    year: t.int({ required: true, description: '计划年度' }),
    villageId: t.globalID({ required: true, for: [Region], description: '实施地点 (村)' }),
    responsibleUnitId: t.globalID({ required: true, for: [Unit], description: '责任单位' }),
    amountYuan: t.string({ required: false, description: '资金规模 (元)' }),
    amountWanYuan: t.string({ required: false, description: '资金规模 (万元)' }),
    beneficiaryHouseholds: t.int({ required: true, description: '受益户数' }),
    beneficiaryPeople: t.int({ required: true, description: '受益人数' }),
    beneficiaryPoorPeople: t.int({ required: true, description: '受益贫困人口' }),
    performanceTarget: t.string({ required: true, description: '绩效目标 (mandatory)' }),
    povertyLink: t.string({ required: true, description: '带贫减贫机制' }),
    notes: t.string({ required: false, description: '申报说明 (the first step notes)' }),
  }),
});

builder.mutationFields((t) => ({
  createProject: t.drizzleField({
    type: Project,
    description:
      '项目申报 (the village clerk applies, PROJECT.STEP_ROLE; the first step of the lifecycle is recorded)',
    authScopes: { permission: 'project.apply' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateProjectInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const villageId = Number(input.villageId.id);
      const unitId = Number(input.responsibleUnitId.id);
      const [village, unit] = await Promise.all([
        ctx.db.query.regions.findFirst({ where: { id: villageId } }),
        ctx.db.query.units.findFirst({ where: { id: unitId }, columns: { id: true, countyId: true } }),
      ]);
      const region = referencedRow(village, { entity: '村', argument: 'villageId', id: villageId });
      if (!insideJurisdiction(ctx.viewer, region.regionPath))
        throw new ForbiddenError('villageId: 该村不在您的管辖范围内');
      const responsible = referencedRow(unit, { entity: '单位', argument: 'responsibleUnitId', id: unitId });
      if (region.level !== 'VILLAGE') throw ValidationError.field('villageId', '项目实施地点应为村');
      if (responsible.countyId !== region.countyId)
        throw ValidationError.field('responsibleUnitId', '责任单位不在本县');
      const values = validate(ProjectSchema, input);
      const budgetFen = validate(enteredAmountSchema, input);
      const applicant = mayTakeProjectStep(ctx.viewer!.roles, null, 'APPLICATION');
      refuseUnless({ outcome: applicant.passed ? 'PASS' : 'FAIL', reasons: [applicant] });
      const { notes, ...columns } = values;
      const tenant = { countyId: region.countyId!, regionPath: region.regionPath };
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(projects)
          .values({ ...tenant, ...columns, regionId: region.id, responsibleUnitId: unitId, budgetFen })
          .returning();
        await tx.insert(projectSteps).values({
          ...tenant,
          projectId: created!.id,
          fromState: null,
          toState: 'APPLICATION',
          actedOn: actedOn(null),
          actedById: ctx.viewer!.id,
          notes: notes ?? null,
        });
        return {
          id: created!.id,
          audit: {
            action: 'project.create',
            entityType: 'Project',
            entityId: created!.id,
            regionPath: tenant.regionPath,
            after: created,
          },
        };
      });
      return reread(ctx.db.query.projects.findFirst(query({ where: { id } })), '项目', id);
    },
  }),
}));
