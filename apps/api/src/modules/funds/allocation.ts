import { fundAllocations, fundSources, projects } from '@gongjian/db/schema';
import {
  canAllocate,
  canAllocateToProject,
  PROJECT_STATES_CLOSED_TO_ALLOCATION,
  projectTakesAllocation,
} from '@gongjian/rules';
import { and, eq, notInArray, type SQL, sql } from 'drizzle-orm';
import { inJurisdiction } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { WRITE_ERRORS } from '../../shared/error-types';
import { fenToWanYuan, fenToYuan } from '../../shared/money';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import { reread, writeAudited } from '../../spine/write';
import { FundSource } from './fund-source';
import { addToRunningSum, movementEntry, ofProject } from './money-movement';
import { Project } from './project';

export const FundAllocation = builder.drizzleNode('fundAllocations', {
  name: 'FundAllocation',
  description: '资金安排 (money from a source to a project)',
  id: { column: (allocation) => allocation.id },
  authScopes: (allocation) => ({ jurisdiction: allocation.regionPath }),
  fields: (t) => ({
    source: t.relation('source', { type: FundSource, description: '资金来源' }),
    project: t.relation('project', { type: Project, description: '项目' }),
    amountYuan: t.string({ description: '金额 (元)', resolve: (a) => fenToYuan(a.amountFen) }),
    amountWanYuan: t.string({ description: '金额 (万元)', resolve: (a) => fenToWanYuan(a.amountFen) }),
    allocatedOn: t.expose('allocatedOn', { type: 'Date', description: '安排日期' }),
    notes: t.exposeString('notes', { nullable: true, description: '说明' }),
  }),
});

export interface AllocationListArgs {
  sourceId?: { id: string | number } | null;
  projectId?: { id: string | number } | null;
  year?: number | null;
}

/** Allocations to projects inside the jurisdiction, of one source, one project or one plan year. */
export function allocationListFilter(
  table: typeof fundAllocations,
  ctx: Context,
  args: AllocationListArgs,
): SQL {
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
    args.sourceId ? eq(table.sourceId, Number(args.sourceId.id)) : undefined,
    ...ofProject(table.projectId, args),
  )!;
}

builder.queryFields((t) => ({
  fundAllocations: t.drizzleConnection({
    type: 'fundAllocations',
    description: '资金安排列表 (to projects inside your jurisdiction, newest first)',
    args: {
      sourceId: t.arg.globalID({ required: false, for: [FundSource], description: '资金来源' }),
      projectId: t.arg.globalID({ required: false, for: [Project], description: '项目' }),
      year: t.arg.int({ required: false, description: '项目计划年度' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(fundAllocations, allocationListFilter(fundAllocations, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.fundAllocations.findMany(
        query({
          where: { RAW: (table) => allocationListFilter(table, ctx, args) },
          orderBy: { allocatedOn: 'desc', id: 'desc' },
        }),
      ),
  }),
}));

const AllocateFundsInput = builder.inputType('AllocateFundsInput', {
  description:
    '安排资金 (from a source to a project; amount in 元 or 万元, at most what the source has left)',
  fields: (t) => ({
    sourceId: t.globalID({ required: true, for: [FundSource], description: '资金来源' }),
    projectId: t.globalID({ required: true, for: [Project], description: '项目' }),
    amountYuan: t.string({ required: false, description: '金额 (元)' }),
    amountWanYuan: t.string({ required: false, description: '金额 (万元)' }),
    allocatedOn: t.field({ type: 'Date', required: false, description: '安排日期 (default today)' }),
    notes: t.string({ required: false, description: '说明' }),
  }),
});

builder.mutationFields((t) => ({
  allocateFunds: t.drizzleField({
    type: FundAllocation,
    description:
      '安排资金 (the source and the project move in one transaction, each by a guarded update: concurrent allocations never pass the source amount)',
    authScopes: { permission: 'funds.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: AllocateFundsInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const sourceId = Number(input.sourceId.id);
      const projectId = Number(input.projectId.id);
      const source = writableRow(ctx, await ctx.db.query.fundSources.findFirst({ where: { id: sourceId } }), {
        entity: '资金来源',
        argument: 'sourceId',
        id: sourceId,
      });
      const project = writableRow(ctx, await ctx.db.query.projects.findFirst({ where: { id: projectId } }), {
        entity: '项目',
        argument: 'projectId',
        id: projectId,
      });
      const { amountFen, notes, day } = movementEntry(input, input.allocatedOn, 'allocatedOn');
      refuseUnless(canAllocateToProject(source, project, amountFen));
      const id = await writeAudited(ctx, async (tx) => {
        await addToRunningSum(tx, fundSources, {
          id: sourceId,
          sum: 'allocatedFen',
          amountFen,
          within: (allocated) => sql`${allocated} <= ${fundSources.amountFen}`,
          decide: (current) => canAllocate(current ?? source, amountFen),
          conflictMessage: '资金来源刚被修改, 请重试',
        });
        await addToRunningSum(tx, projects, {
          id: projectId,
          sum: 'allocatedFen',
          amountFen,
          within: () => notInArray(projects.state, [...PROJECT_STATES_CLOSED_TO_ALLOCATION]),
          decide: (current) => {
            const open = projectTakesAllocation(current ?? project);
            return { outcome: open.passed ? 'PASS' : 'FAIL', reasons: [open] };
          },
          conflictMessage: '项目刚被修改, 请重试',
        });
        const [created] = await tx
          .insert(fundAllocations)
          .values({
            countyId: project.countyId,
            regionPath: project.regionPath,
            sourceId,
            projectId,
            amountFen,
            allocatedOn: day,
            allocatedById: ctx.viewer!.id,
            notes,
          })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'funds.allocate',
            entityType: 'FundAllocation',
            entityId: created!.id,
            regionPath: project.regionPath,
            after: created,
          },
        };
      });
      return reread(ctx.db.query.fundAllocations.findFirst(query({ where: { id } })), '资金安排', id);
    },
  }),
}));

builder.drizzleObjectFields(Project, (t) => ({
  viewerCanAllocate: t.boolean({
    description: '可向本项目安排资金 (role, county jurisdiction and the rule FUNDS.PROJECT_OPEN)',
    select: { columns: { regionPath: true, state: true, name: true } },
    resolve: (project, _args, ctx) =>
      viewerMayChange(ctx, 'funds.write', project.regionPath) &&
      ctx.viewer?.jurisdictionId === ctx.viewer?.countyId &&
      projectTakesAllocation({ ...project, allocatedFen: 0, disbursedFen: 0 }).passed,
  }),
}));
