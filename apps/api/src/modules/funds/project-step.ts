import { projectSteps, projects } from '@gongjian/db/schema';
import { canAdvanceProject, PROJECT_STATES, PROJECT_TRANSITIONS } from '@gongjian/rules';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder';
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
      '项目流程推进 (steps out of order, library entry without a target, implementation before the notice has run are refused)',
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
            notices: { columns: { postedOn: true, lastDayPosted: true }, where: { subject: 'PROJECT' } },
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
        canAdvanceProject(
          { id: String(project.id), state: project.state, performanceTarget: project.performanceTarget },
          values.to,
          project.notices,
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
    description: '我可推进项目流程 (role and jurisdiction; the next steps are in nextStates)',
    select: { columns: { regionPath: true, state: true } },
    resolve: (project, _args, ctx) =>
      viewerMayChange(ctx, 'project.write', project.regionPath) &&
      PROJECT_TRANSITIONS[project.state].length > 0,
  }),
  nextStates: t.field({
    type: [ProjectStateEnum],
    description: '可进入的阶段 (the lifecycle of PROJECT.TRANSITION)',
    select: { columns: { state: true } },
    resolve: (project) => [...PROJECT_TRANSITIONS[project.state]],
  }),
}));
