import { villageExits } from '@gongjian/db/schema';
import { decideExitReward, type VillageKind } from '@gongjian/rules';
import { and, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, inRegionSubtree } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { clock, policyForYear, runRule } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { fenToWanYuan } from '../../shared/money';
import { RuleDecisionRef } from '../../shared/rule-decisions';
import { validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import { reread, updateAtVersion, writeAudited } from '../../spine/write';
import { Region } from '../geography/region';

/**
 * 贫困村出列: the planned and actual exit year, the one-time exit reward (如期出列一次性奖励 10万, decided by
 * EXIT_REWARD.*, paid once by a guarded update of a null `rewardPaidOn`) and 脱贫不脱政策: the policies kept
 * after exit until the support period ends.
 */

type ExitRow = typeof villageExits.$inferSelect;

const REWARD_COLUMNS = {
  columns: { villageId: true, scheduledExitYear: true, exitYear: true, rewardPaidOn: true },
  with: { village: { columns: { code: true, villageKind: true } } },
} as const;

/** The reward as the rules see it, with the policy of the exit year (or this year before the exit). */
export function exitReward(
  row: Pick<ExitRow, 'villageId' | 'scheduledExitYear' | 'exitYear' | 'rewardPaidOn'>,
  village: { code: string; villageKind: string | null },
) {
  return decideExitReward(
    {
      villageId: String(row.villageId),
      villageKind: (village.villageKind ?? 'NON_POOR') as VillageKind,
      scheduledExitYear: row.scheduledExitYear,
      exitYear: row.exitYear,
      rewardAlreadyPaid: row.rewardPaidOn !== null,
    },
    policyForYear(row.exitYear ?? row.scheduledExitYear, village.code),
  );
}

const thisYear = () => Number(clock.today().slice(0, 4));

export const VillageExit = builder.drizzleNode('villageExits', {
  name: 'VillageExit',
  description: '贫困村出列与出列奖励 (脱贫不脱政策 shown per village)',
  id: { column: (row) => row.id },
  authScopes: (row) => ({ $all: { jurisdiction: row.regionPath, permission: 'supervision.read' } }),
  fields: (t) => ({
    village: t.relation('village', { type: Region, description: '村' }),
    scheduledExitYear: t.exposeInt('scheduledExitYear', { description: '计划出列年度' }),
    exitYear: t.exposeInt('exitYear', { nullable: true, description: '实际出列年度' }),
    onSchedule: t.boolean({
      description: '如期出列',
      resolve: (row) => row.exitYear !== null && row.exitYear <= row.scheduledExitYear,
    }),
    supportEndsYear: t.exposeInt('supportEndsYear', { description: '政策保持至 (年)' }),
    policiesKept: t.boolean({
      description: '脱贫不脱政策 (exited, and this year is within the support period)',
      resolve: (row) => row.exitYear !== null && thisYear() <= row.supportEndsYear,
    }),
    rewardWanYuan: t.string({
      nullable: true,
      description: '已发放出列奖励 (万元)',
      resolve: (row) => (row.rewardFen === null ? null : fenToWanYuan(row.rewardFen)),
    }),
    rewardPaidOn: t.expose('rewardPaidOn', { type: 'Date', nullable: true, description: '奖励发放日期' }),
    rewardDecision: t.field({
      type: RuleDecisionRef,
      description: '出列奖励资格 (EXIT_REWARD.POOR_VILLAGE, ON_SCHEDULE, ONCE)',
      select: REWARD_COLUMNS,
      resolve: (row) => exitReward(row, row.village),
    }),
    rewardEligible: t.boolean({
      description: '可发放出列奖励 (eligible and not yet paid)',
      select: REWARD_COLUMNS,
      resolve: (row) => exitReward(row, row.village).outcome === 'ELIGIBLE',
    }),
    viewerCanGrantReward: t.boolean({
      description: '我可发放出列奖励',
      select: { ...REWARD_COLUMNS, columns: { ...REWARD_COLUMNS.columns, regionPath: true } },
      resolve: (row, _args, ctx) =>
        viewerMayChange(ctx, 'reward.grant', row.regionPath) &&
        exitReward(row, row.village).outcome === 'ELIGIBLE',
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

const ExitFilter = builder.inputType('VillageExitFilter', {
  description: '出列筛选',
  fields: (t) => ({
    rewardOwed: t.boolean({ required: false, description: '只看如期出列而奖励尚未发放的村' }),
    exited: t.boolean({ required: false, description: '已出列 / 未出列' }),
    regionId: t.globalID({ required: false, for: [Region], description: '乡镇或村' }),
  }),
});

export type ExitFilterInput = typeof ExitFilter.$inferInput;

export function exitListFilter(
  table: typeof villageExits,
  viewer: Context['viewer'],
  filter: ExitFilterInput | null | undefined,
): SQL {
  return and(
    inJurisdiction(table.regionPath, viewer),
    filter?.rewardOwed
      ? sql`${table.exitYear} is not null and ${table.exitYear} <= ${table.scheduledExitYear} and ${table.rewardPaidOn} is null
          and exists (select 1 from regions v where v.id = ${table.villageId} and v.village_kind = 'POOR_VILLAGE')`
      : undefined,
    filter?.exited === true
      ? sql`${table.exitYear} is not null`
      : filter?.exited === false
        ? sql`${table.exitYear} is null`
        : undefined,
    inRegionSubtree(table.regionPath, filter?.regionId),
  )!;
}

builder.queryFields((t) => ({
  villageExits: t.drizzleConnection({
    type: 'villageExits',
    description: '贫困村出列与奖励 (inside your jurisdiction, by village)',
    authScopes: { permission: 'supervision.read' },
    args: { filter: t.arg({ type: ExitFilter, required: false }) },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(villageExits, exitListFilter(villageExits, ctx.viewer, args.filter)),
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.villageExits.findMany(
        query({
          where: { RAW: (table) => exitListFilter(table, ctx.viewer, args.filter) },
          orderBy: { regionPath: 'asc', id: 'asc' },
        }),
      ),
  }),
}));

const GrantInput = builder.inputType('GrantExitRewardInput', {
  description: '发放出列奖励 (once, for a poor village that exited on schedule)',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [VillageExit] }),
    version: t.int({ required: true }),
    paidOn: t.field({ type: 'Date', required: true, description: '发放日期' }),
  }),
});

builder.mutationFields((t) => ({
  grantExitReward: t.drizzleField({
    type: VillageExit,
    description: '发放出列奖励 (EXIT_REWARD.*; of two grants at once, one wins)',
    authScopes: { permission: 'reward.grant' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: GrantInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = Number(input.id.id);
      const row = writableRow(
        ctx,
        await ctx.db.query.villageExits.findFirst({
          where: { id },
          with: { village: { columns: { code: true, villageKind: true } } },
        }),
        { entity: '出列记录', argument: 'id', id },
      );
      const values = validate(
        z.object({
          version: z.number().int().min(1, '版本号无效'),
          paidOn: z.iso.date('日期格式应为 YYYY-MM-DD'),
        }),
        input,
      );
      if (values.paidOn > clock.today())
        throw ValidationError.field('paidOn', `发放日期不能晚于今天 (${clock.today()})`);
      const decision = runRule(() => exitReward(row, row.village));
      refuseUnless(decision, ['ELIGIBLE']);
      if (row.exitYear !== null && Number(values.paidOn.slice(0, 4)) < row.exitYear)
        throw ValidationError.field('paidOn', `发放日期不能早于出列年度 (${row.exitYear})`);
      await writeAudited(ctx, async (tx) => {
        await updateAtVersion(
          tx,
          villageExits,
          { id, version: values.version, entity: '出列记录', still: isNull(villageExits.rewardPaidOn) },
          { rewardFen: decision.amountFen, rewardPaidOn: values.paidOn, rewardedById: ctx.viewer!.id },
        );
        return {
          id,
          audit: {
            action: 'exit-reward.grant',
            entityType: 'VillageExit',
            entityId: id,
            regionPath: row.regionPath,
            before: { rewardPaidOn: null },
            after: { rewardFen: decision.amountFen, rewardPaidOn: values.paidOn },
          },
        };
      });
      return reread(ctx.db.query.villageExits.findFirst(query({ where: { id } })), '出列记录', id);
    },
  }),
}));
