import { projectSteps, projects } from '@gongjian/db/schema';
import {
  canTakeProjectStep,
  PROJECT_STATES,
  PROJECT_TRANSITIONS,
  type ProjectState,
  projectStepsFor,
} from '@gongjian/rules';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { clock, policyForYear, runRule } from '../../policy';
import { actedOn } from '../../shared/dates';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import { reread, updateAtVersion, writeAudited } from '../../spine/write';
import { ProjectStateEnum } from './enums';
import { Project } from './project';

export const ProjectStep = builder.drizzleObject('projectSteps', {
  name: 'ProjectStep',
  description: '项目流程记录 (one lifecycle step: from, to, who, when, notes)',
  authScopes: (step) => ({ jurisdiction: step.regionPath }),
  fields: (t) => ({
    fromState: t.expose('fromState', { type: ProjectStateEnum, nullable: true, description: '原阶段' }),
    toState: t.expose('toState', { type: ProjectStateEnum, description: '新阶段' }),
    actedOn: t.expose('actedOn', { type: 'Date', description: '办理日期' }),
    actedByName: t.string({
      nullable: true,
      description: '办理人',
      select: { with: { actedBy: { columns: { displayName: true } } } },
      resolve: (step) => step.actedBy?.displayName ?? null,
    }),
    notes: t.exposeString('notes', { nullable: true, description: '意见' }),
  }),
});

const AdvanceSchema = z.object({
  version: z.number().int().min(1),
  to: z.enum(PROJECT_STATES),
  notes: text(1000).nullish(),
});

const AdvanceProjectInput = builder.inputType('AdvanceProjectInput', {
  description: '项目流程推进 (the next lifecycle step, or removal from the library)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [Project] }),
    version: t.int({ required: true }),
    to: t.field({ type: ProjectStateEnum, required: true, description: '新阶段' }),
    actedOn: t.field({
      type: 'Date',
      required: false,
      description: '办理日期 (default today, never after it)',
    }),
    notes: t.string({ required: false, description: '意见' }),
  }),
});

builder.mutationFields((t) => ({
  advanceProject: t.drizzleField({
    type: Project,
    description:
      '项目流程推进 (steps out of order, by a role that does not take them (PROJECT.STEP_ROLE), library entry without a target, implementation before the notice has run, any step but removal while a notice objection is open (PROJECT.OBJECTION_OPEN) are refused)',
    authScopes: { permission: 'project.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: AdvanceProjectInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const project = writableRow(
        ctx,
        await ctx.db.query.projects.findFirst({
          where: { id },
          // What the step decision needs: the project notices, and the county's code for the policy.
          with: {
            notices: {
              columns: { postedOn: true, lastDayPosted: true },
              where: { subject: 'PROJECT' },
              with: { objections: { columns: { id: true }, where: { status: 'OPEN' } } },
            },
            region: { columns: { code: true } },
          },
        }),
        {
          entity: '项目',
          argument: 'id',
          id,
        },
      );
      const values = validate(AdvanceSchema, input);
      const day = actedOn(input.actedOn, 'actedOn');
      const policy = runRule(() => policyForYear(Number(day.slice(0, 4)), project.region.code));
      refuseUnless(
        canTakeProjectStep(
          ctx.viewer!.roles,
          { id: String(project.id), state: project.state, performanceTarget: project.performanceTarget },
          values.to,
          project.notices.map((notice) => ({ ...notice, openObjections: notice.objections.length })),
          clock.today(),
          policy,
        ),
      );
      await writeAudited(ctx, async (tx) => {
        await updateAtVersion(
          tx,
          projects,
          { id, version: values.version, entity: '项目', still: eq(projects.state, project.state) },
          { state: values.to },
        );
        const tenant = { countyId: project.countyId, regionPath: project.regionPath };
        await tx.insert(projectSteps).values({
          ...tenant,
          projectId: id,
          fromState: project.state,
          toState: values.to,
          actedOn: day,
          actedById: ctx.viewer!.id,
          notes: values.notes ?? null,
        });
        return {
          id,
          audit: {
            action: 'project.advance',
            entityType: 'Project',
            entityId: id,
            regionPath: project.regionPath,
            before: { state: project.state },
            after: { state: values.to },
            reason: values.notes ?? undefined,
          },
        };
      });
      return reread(ctx.db.query.projects.findFirst(query({ where: { id } })), '项目', id);
    },
  }),
}));

builder.drizzleObjectFields(Project, (t) => ({
  viewerCanAdvance: t.boolean({
    description: '我可推进项目流程 (role, jurisdiction and PROJECT.STEP_ROLE: a next step my role takes)',
    select: { columns: { regionPath: true, state: true } },
    resolve: (project, _args, ctx) => viewerSteps(ctx, project).length > 0,
  }),
  nextStates: t.field({
    type: [ProjectStateEnum],
    description: '可进入的阶段 (the lifecycle of PROJECT.TRANSITION, whoever takes them)',
    select: { columns: { state: true } },
    resolve: (project) => [...PROJECT_TRANSITIONS[project.state]],
  }),
  viewerNextStates: t.field({
    type: [ProjectStateEnum],
    description:
      '我可办理的下一步 (the next stages my role takes, PROJECT.STEP_ROLE, inside my jurisdiction)',
    select: { columns: { regionPath: true, state: true } },
    resolve: (project, _args, ctx) => viewerSteps(ctx, project),
  }),
}));

function viewerSteps(ctx: Context, project: { regionPath: string; state: ProjectState }): ProjectState[] {
  if (!viewerMayChange(ctx, 'project.write', project.regionPath)) return [];
  return projectStepsFor(ctx.viewer!.roles, project.state);
}
