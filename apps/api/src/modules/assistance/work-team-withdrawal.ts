import { pairings, workTeamMembers, workTeams } from '@gongjian/db/schema';
import { canWithdrawWorkTeam, type TeamWithdrawal } from '@gongjian/rules';
import { and, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder';
import { clock } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { rowsOf } from '../../shared/rows';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import { reread, updateAtVersion, writeAudited } from '../../spine/write';
import { WorkTeam } from './work-team';

/**
 * 撤销驻村工作队: the team is marked withdrawn (its end day and the reason), never deleted; its serving
 * members and their pairings in the village end on that day in the same transaction when asked to.
 */

const WithdrawInput = builder.inputType('WithdrawWorkTeamInput', {
  description: '撤销驻村工作队 (the team keeps its history: end day and reason)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [WorkTeam] }),
    version: t.int({ required: true }),
    reason: t.string({ required: true, description: '撤销原因' }),
    endDate: t.field({ type: 'Date', required: false, description: '撤离日期 (含当日, 默认今天)' }),
    endTogether: t.boolean({
      required: false,
      description: '在岗队员同日离队, 其在本村的结对同日结束 (TEAM.WITHDRAW_MEMBERS, TEAM.WITHDRAW_PAIRINGS)',
    }),
  }),
});

const WithdrawSchema = z.object({
  version: z.number().int().min(1, '版本号无效'),
  reason: text(200),
  endDate: z.string().nullish(),
  endTogether: z.boolean().nullish(),
});

/** Open pairings held by the team's serving members with households of its village. */
const memberPairingsSql = (teamId: number) => sql`
  select p.id from pairings p
  join households h on h.id = p.household_id
  join work_teams w on w.id = ${teamId} and h.village_id = w.village_id
  join work_team_members m on m.work_team_id = w.id and m.cadre_id = p.helper_id and m.end_date is null
  where p.end_date is null`;

builder.mutationFields((t) => ({
  withdrawWorkTeam: t.drizzleField({
    type: WorkTeam,
    description:
      '撤销驻村工作队 (TEAM.WITHDRAWN, TEAM.WITHDRAW_DATE; serving members and their pairings in the village end together or refuse)',
    authScopes: { permission: 'workTeam.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: WithdrawInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const team = writableRow(
        ctx,
        await ctx.db.query.workTeams.findFirst({
          where: { id },
          with: { members: { columns: { id: true, startDate: true }, where: { endDate: { isNull: true } } } },
        }),
        { entity: '驻村工作队', argument: 'id', id },
      );
      const values = validate(WithdrawSchema, input);
      const today = clock.today();
      const endDate = values.endDate ?? today;
      const endTogether = values.endTogether === true;
      const facts = (openMembers: number, latest: string | null, memberPairings: number): TeamWithdrawal => ({
        team: { id: String(id), startDate: team.startDate, endDate: team.endDate },
        openMembers,
        latestMemberStart: latest,
        openMemberPairings: memberPairings,
        endTogether,
        endDate,
        today,
      });
      const latest = team.members.reduce<string | null>(
        (max, m) => (max === null || m.startDate > max ? m.startDate : max),
        null,
      );
      const held = rowsOf<{ id: number }>(await ctx.db.execute(memberPairingsSql(id)));
      refuseUnless(canWithdrawWorkTeam(facts(team.members.length, latest, held.length)));
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
          { endDate, withdrawnReason: values.reason },
        );
        const endedPairings = rowsOf<{ id: number }>(
          await tx.execute(sql`
            update ${pairings} set end_date = greatest(${endDate}::date, start_date - 1),
              version = version + 1, updated_at = now()
            where id in (${memberPairingsSql(id)}) and ${endTogether} returning id`),
        );
        const endedMembers = await tx
          .update(workTeamMembers)
          .set({
            endDate: sql`greatest(${endDate}::date, ${workTeamMembers.startDate})`,
            version: sql`${workTeamMembers.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(and(sql`${workTeamMembers.workTeamId} = ${id}`, isNull(workTeamMembers.endDate)))
          .returning({ id: workTeamMembers.id });
        // A member added or a pairing made after the check: the same rule refuses, the transaction rolls back.
        if (!endTogether && endedMembers.length > 0)
          refuseUnless(canWithdrawWorkTeam(facts(endedMembers.length, latest, 0)));
        return {
          id,
          audit: {
            action: 'workTeam.withdraw',
            entityType: 'WorkTeam',
            entityId: id,
            regionPath: team.regionPath,
            before: { endDate: null },
            after: {
              endDate,
              reason: values.reason,
              endedMemberIds: endedMembers.map((m) => m.id),
              endedPairingIds: endedPairings.map((p) => p.id),
            },
          },
        };
      });
      return reread(ctx.db.query.workTeams.findFirst(query({ where: { id } })), '驻村工作队', id);
    },
  }),
}));

builder.drizzleObjectFields(WorkTeam, (t) => ({
  withdrawnReason: t.exposeString('withdrawnReason', { nullable: true, description: '撤销原因 (已撤销时)' }),
  viewerCanWithdraw: t.boolean({
    description: '我可撤销该工作队 (workTeam.write, jurisdiction and the rule TEAM.WITHDRAWN)',
    select: { columns: { regionPath: true, endDate: true } },
    resolve: (w, _args, ctx) => viewerMayChange(ctx, 'workTeam.write', w.regionPath) && w.endDate === null,
  }),
}));
