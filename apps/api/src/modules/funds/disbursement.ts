import { disbursements, projects } from '@gongjian/db/schema';
import { canDisburse, PAYABLE_PROJECT_STATES } from '@gongjian/rules';
import { and, inArray, type SQL, sql } from 'drizzle-orm';
import { inJurisdiction } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { WRITE_ERRORS } from '../../shared/error-types';
import { fenToWanYuan, fenToYuan } from '../../shared/money';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import { reread, writeAudited } from '../../spine/write';
import { addToRunningSum, movementEntry, ofProject } from './money-movement';
import { Project } from './project';

export const Disbursement = builder.drizzleNode('disbursements', {
  name: 'Disbursement',
  description: '资金拨付 (a payment against a project)',
  id: { column: (payment) => payment.id },
  authScopes: (payment) => ({ jurisdiction: payment.regionPath }),
  fields: (t) => ({
    project: t.relation('project', { type: Project, description: '项目' }),
    amountYuan: t.string({ description: '金额 (元)', resolve: (d) => fenToYuan(d.amountFen) }),
    amountWanYuan: t.string({ description: '金额 (万元)', resolve: (d) => fenToWanYuan(d.amountFen) }),
    paidOn: t.expose('paidOn', { type: 'Date', description: '拨付日期' }),
    notes: t.exposeString('notes', { nullable: true, description: '说明' }),
  }),
});

export interface DisbursementListArgs {
  projectId?: { id: string | number } | null;
  year?: number | null;
}

/** Payments to projects inside the jurisdiction, of one project or one plan year. */
export function disbursementListFilter(
  table: typeof disbursements,
  ctx: Context,
  args: DisbursementListArgs,
): SQL {
  return and(inJurisdiction(table.regionPath, ctx.viewer), ...ofProject(table.projectId, args))!;
}

builder.queryFields((t) => ({
  disbursements: t.drizzleConnection({
    type: 'disbursements',
    description: '资金拨付列表 (to projects inside your jurisdiction, newest first)',
    args: {
      projectId: t.arg.globalID({ required: false, for: [Project], description: '项目' }),
      year: t.arg.int({ required: false, description: '项目计划年度' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(disbursements, disbursementListFilter(disbursements, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.disbursements.findMany(
        query({
          where: { RAW: (table) => disbursementListFilter(table, ctx, args) },
          orderBy: { paidOn: 'desc', id: 'desc' },
        }),
      ),
  }),
}));

const RecordDisbursementInput = builder.inputType('RecordDisbursementInput', {
  description: '资金拨付 (amount in 元 or 万元, at most what is allocated and unpaid)',
  fields: (t) => ({
    projectId: t.globalID({ required: true, for: [Project], description: '项目' }),
    amountYuan: t.string({ required: false, description: '金额 (元)' }),
    amountWanYuan: t.string({ required: false, description: '金额 (万元)' }),
    paidOn: t.field({ type: 'Date', required: false, description: '拨付日期 (default today)' }),
    notes: t.string({ required: false, description: '说明' }),
  }),
});

builder.mutationFields((t) => ({
  recordDisbursement: t.drizzleField({
    type: Disbursement,
    description:
      '资金拨付 (a guarded update of the project: concurrent payments never pass what is allocated)',
    authScopes: { permission: 'funds.disburse' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RecordDisbursementInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const projectId = Number(input.projectId.id);
      const project = writableRow(ctx, await ctx.db.query.projects.findFirst({ where: { id: projectId } }), {
        entity: '项目',
        argument: 'projectId',
        id: projectId,
      });
      const { amountFen, notes, day } = movementEntry(input, input.paidOn, 'paidOn');
      refuseUnless(canDisburse(project, amountFen));
      const id = await writeAudited(ctx, async (tx) => {
        await addToRunningSum(tx, projects, {
          id: projectId,
          sum: 'disbursedFen',
          amountFen,
          within: (paid) =>
            and(
              inArray(projects.state, [...PAYABLE_PROJECT_STATES]),
              sql`${paid} <= ${projects.allocatedFen}`,
            ),
          decide: (current) => canDisburse(current ?? project, amountFen),
          conflictMessage: '项目刚被修改, 请重试',
        });
        const [created] = await tx
          .insert(disbursements)
          .values({
            countyId: project.countyId,
            regionPath: project.regionPath,
            projectId,
            amountFen,
            paidOn: day,
            paidById: ctx.viewer!.id,
            notes,
          })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'funds.disburse',
            entityType: 'Disbursement',
            entityId: created!.id,
            regionPath: project.regionPath,
            after: created,
          },
        };
      });
      return reread(ctx.db.query.disbursements.findFirst(query({ where: { id } })), '资金拨付', id);
    },
  }),
}));

builder.drizzleObjectFields(Project, (t) => ({
  viewerCanDisburse: t.boolean({
    description: '我可拨付 (role, jurisdiction and FUNDS.PAYMENT_STAGE with something left to pay)',
    select: {
      columns: { regionPath: true, state: true, name: true, allocatedFen: true, disbursedFen: true },
    },
    resolve: (project, _args, ctx) =>
      viewerMayChange(ctx, 'funds.disburse', project.regionPath) &&
      canDisburse(project, 1).outcome === 'PASS',
  }),
}));
