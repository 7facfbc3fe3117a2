import { workTeamMembers, type workTeamRole } from '@gongjian/db/schema';
import { canAddTeamMember, canEndTeamMembership, checkMemberTerm } from '@gongjian/rules';
import { z } from 'zod';
import { regionVisible } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import { ForbiddenError } from '../../errors';
import { clock, policyForYear, runRule } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { RuleDecisionRef } from '../../shared/rule-decisions';
import { validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { referencedRow, viewerMayChange, writableRow } from '../../spine/load';
import { reread, writeAudited } from '../../spine/write';
import { Cadre } from '../organisation/cadre';
import { endOpenPeriod } from './end-period';
import { WorkTeam } from './work-team';

/** 工作队队员: a cadre's service on a village work team, as captain, first secretary or member. */

export const WorkTeamRoleEnum = builder.enumType('WorkTeamRole', {
  description: '队内职务',
  values: {
    CAPTAIN: { description: '队长' },
    FIRST_SECRETARY: { description: '第一书记' },
    MEMBER: { description: '队员' },
  } satisfies Record<(typeof workTeamRole.enumValues)[number], { description: string }>,
});

export const WorkTeamMember = builder.drizzleNode('workTeamMembers', {
  name: 'WorkTeamMember',
  description: '驻村工作队队员 (a cadre on a team from a start day to an inclusive end day)',
  id: { column: (m) => m.id },
  authScopes: (m) => ({ $all: { jurisdiction: m.regionPath, permission: 'assistance.read' } }),
  fields: (t) => ({
    workTeam: t.relation('workTeam', { type: WorkTeam, description: '所在工作队' }),
    cadreName: t.string({
      description: '姓名',
      select: { with: { cadre: { columns: { name: true } } } },
      resolve: (m) => m.cadre.name,
    }),
    unitName: t.string({
      description: '派出单位',
      select: { with: { cadre: { columns: { id: true }, with: { unit: { columns: { name: true } } } } } },
      resolve: (m) => m.cadre.unit.name,
    }),
    role: t.expose('role', { type: WorkTeamRoleEnum, description: '队内职务' }),
    startDate: t.expose('startDate', { type: 'Date', description: '进驻日期' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true, description: '离队日期 (含当日)' }),
    term: t.field({
      type: RuleDecisionRef,
      description: '任期 (TEAM.TERM: at least 2 years)',
      select: {
        columns: { cadreId: true, startDate: true, endDate: true },
        with: { workTeam: { columns: { id: true }, with: { village: { columns: { code: true } } } } },
      },
      resolve: (m) => {
        const today = clock.today();
        const policy = runRule(() => policyForYear(Number(today.slice(0, 4)), m.workTeam.village.code));
        return checkMemberTerm(
          { cadreId: String(m.cadreId), startDate: m.startDate, endDate: m.endDate },
          policy,
          today,
        );
      },
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

const AddMemberInput = builder.inputType('AddWorkTeamMemberInput', {
  description: '增加工作队队员',
  fields: (t) => ({
    workTeamId: t.globalID({ required: true, for: [WorkTeam] }),
    cadreId: t.globalID({ required: true, for: [Cadre], description: '干部' }),
    role: t.field({ type: WorkTeamRoleEnum, required: true }),
    startDate: t.field({ type: 'Date', required: false, description: '进驻日期 (默认今天)' }),
  }),
});

const EndMembershipInput = builder.inputType('EndWorkTeamMembershipInput', {
  description: '队员离队',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [WorkTeamMember] }),
    version: t.int({ required: true }),
    endDate: t.field({ type: 'Date', required: false, description: '离队日期 (含当日, 默认今天)' }),
  }),
});

const AddSchema = z.object({ startDate: z.string().nullish() });

builder.mutationFields((t) => ({
  addWorkTeamMember: t.drizzleField({
    type: WorkTeamMember,
    description: '增加工作队队员 (an open team; a cadre once; from the team’s start to today)',
    authScopes: { permission: 'workTeam.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: AddMemberInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const teamId = Number(input.workTeamId.id);
      const cadreId = Number(input.cadreId.id);
      const team = writableRow(
        ctx,
        await ctx.db.query.workTeams.findFirst({
          where: { id: teamId },
          with: { members: { columns: { id: true }, where: { cadreId, endDate: { isNull: true } } } },
        }),
        { entity: '驻村工作队', argument: 'workTeamId', id: teamId },
      );
      const cadre = referencedRow(
        await ctx.db.query.cadres.findFirst({
          where: { id: cadreId },
          columns: { id: true, regionPath: true },
        }),
        { entity: '干部', argument: 'cadreId', id: cadreId },
      );
      if (!regionVisible(ctx.viewer, cadre.regionPath))
        throw new ForbiddenError('cadreId: 该干部不在您的管辖范围内');
      const values = validate(AddSchema, input);
      const today = clock.today();
      const startDate = values.startDate ?? today;
      refuseUnless(
        canAddTeamMember({
          team: { id: String(team.id), startDate: team.startDate, endDate: team.endDate },
          cadreId: String(cadreId),
          alreadyMember: team.members.length > 0,
          startDate,
          today,
        }),
      );
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(workTeamMembers)
          .values({
            countyId: team.countyId,
            regionPath: team.regionPath,
            workTeamId: teamId,
            cadreId,
            role: input.role,
            startDate,
          })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'workTeam.addMember',
            entityType: 'WorkTeamMember',
            entityId: created!.id,
            regionPath: team.regionPath,
            after: { workTeamId: teamId, cadreId, role: input.role, startDate },
          },
        };
      }).catch((error: unknown) => {
        if (
          String((error as { cause?: unknown })?.cause ?? error).includes('work_team_members_open_cadre_uq')
        )
          refuseUnless(
            canAddTeamMember({
              team: { id: String(team.id), startDate: team.startDate, endDate: team.endDate },
              cadreId: String(cadreId),
              alreadyMember: true,
              startDate,
              today,
            }),
          );
        throw error;
      });
      return reread(ctx.db.query.workTeamMembers.findFirst(query({ where: { id } })), '队员', id);
    },
  }),
  endWorkTeamMembership: t.drizzleField({
    type: WorkTeamMember,
    description: '队员离队 (the end day is the last day served; TEAM.TERM reports a term under 2 years)',
    authScopes: { permission: 'workTeam.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: EndMembershipInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const member = writableRow(ctx, await ctx.db.query.workTeamMembers.findFirst({ where: { id } }), {
        entity: '队员',
        argument: 'id',
        id,
      });
      await endOpenPeriod(ctx, {
        table: workTeamMembers,
        row: member,
        input,
        entity: '队员',
        entityType: 'WorkTeamMember',
        action: 'workTeam.endMembership',
        decide: canEndTeamMembership,
      });
      return reread(ctx.db.query.workTeamMembers.findFirst(query({ where: { id } })), '队员', id);
    },
  }),
}));

builder.drizzleObjectFields(WorkTeamMember, (t) => ({
  viewerCanEnd: t.boolean({
    description: '我可办理离队 (workTeam.write, jurisdiction and the rule TEAM.MEMBERSHIP_ENDED)',
    select: { columns: { id: true, regionPath: true, startDate: true, endDate: true } },
    resolve: (m, _args, ctx) => {
      const today = clock.today();
      return (
        viewerMayChange(ctx, 'workTeam.write', m.regionPath) &&
        canEndTeamMembership({ id: String(m.id), startDate: m.startDate, endDate: m.endDate }, today, today)
          .outcome === 'PASS'
      );
    },
  }),
}));
