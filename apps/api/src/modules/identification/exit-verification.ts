import { exitVerifications, households, type surveySamples } from '@gongjian/db/schema';
import { decideHouseholdExit, type Reason } from '@gongjian/rules';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, inRegionSubtree } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ConflictError, RuleViolationError } from '../../errors';
import { actedOn } from '../../shared/dates';
import { WRITE_ERRORS } from '../../shared/error-types';
import { RuleReasonRef } from '../../shared/rule-decisions';
import { validate } from '../../shared/validate';
import { reread, writeAudited } from '../../spine/write';
import { Region } from '../geography/region';
import { ExitVerificationOutcomeEnum } from './enums';
import { householdFacts } from './facts';
import { Household, householdListFilter, writableHousehold } from './household';
import { guaranteeFactsOf, incomeComponentsOf, policyForYear, readable, runRule } from './policy';
import { violatedConstraint, yearSchema } from './validation';

/** Exit verification (退出核查), the evidence behind 错退率. */

export const ExitVerification = builder.drizzleNode('exitVerifications', {
  name: 'ExitVerification',
  description: '退出核查 (a yearly check that an exit met the standard and followed the procedure)',
  id: { column: (v) => v.id },
  authScopes: readable,
  fields: (t) => ({
    household: t.relation('household', { type: Household, description: '农户' }),
    year: t.exposeInt('year', { description: '退出年度' }),
    verifiedOn: t.expose('verifiedOn', { type: 'Date', description: '核查日期' }),
    procedureFollowed: t.exposeBoolean('procedureFollowed', { description: '退出程序履行到位' }),
    householdAgreed: t.exposeBoolean('householdAgreed', { description: '户主签字认可' }),
    findings: t.exposeString('findings', { description: '核查发现' }),
    outcome: t.expose('outcome', { type: ExitVerificationOutcomeEnum, description: '结论' }),
    explanation: t.field({
      type: [RuleReasonRef],
      description: '退出标准的规则说明',
      select: { columns: { explanation: true } },
      resolve: (v) => v.explanation as unknown as Reason[],
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

builder.drizzleObjectFields(Household, (t) => ({
  exitVerifications: t.relation('exitVerifications', {
    type: ExitVerification,
    description: '退出核查记录',
    query: { orderBy: { year: 'desc' } },
  }),
}));

export function yearRegionFilter(
  table: typeof exitVerifications | typeof surveySamples,
  ctx: Context,
  args: { year?: number | null; regionId?: { id: string | number } | null },
) {
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
    inRegionSubtree(table.regionPath, args.regionId),
    args.year ? eq(table.year, args.year) : undefined,
  );
}

/** The list's filter, for its page and its count: year, region, outcome and the household searched for. */
function verificationFilter(
  table: typeof exitVerifications,
  ctx: Context,
  args: Parameters<typeof yearRegionFilter>[2] & {
    outcome?: (typeof exitVerifications.$inferSelect)['outcome'] | null;
    search?: string | null;
  },
) {
  const search = args.search?.trim();
  return and(
    yearRegionFilter(table, ctx, args),
    args.outcome ? eq(table.outcome, args.outcome) : undefined,
    search
      ? inArray(
          table.householdId,
          ctx.db
            .select({ id: households.id })
            .from(households)
            .where(householdListFilter(households, ctx.viewer!, { search })),
        )
      : undefined,
  );
}

builder.queryFields((t) => ({
  exitVerifications: t.drizzleConnection({
    type: 'exitVerifications',
    description: '退出核查列表 (year, outcome, region and a household search)',
    authScopes: { permission: 'household.read' },
    args: {
      year: t.arg.int({ required: false }),
      outcome: t.arg({ type: ExitVerificationOutcomeEnum, required: false }),
      regionId: t.arg.globalID({ required: false, for: [Region] }),
      search: t.arg.string({ required: false, description: '户主姓名、户编号或身份证号后四位' }),
    },
    totalCount: (_p, args, ctx) =>
      ctx.db.$count(exitVerifications, verificationFilter(exitVerifications, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.exitVerifications.findMany(
        query({ where: { RAW: (table) => verificationFilter(table, ctx, args)! }, orderBy: { id: 'desc' } }),
      ),
  }),
}));

const ExitVerificationInput = builder.inputType('RecordExitVerificationInput', {
  description: '登记退出核查 (the rules re-check the exit standard for the exit year)',
  fields: (t) => ({
    householdId: t.globalID({ required: true, for: [Household] }),
    year: t.int({ required: true, description: '退出年度' }),
    procedureFollowed: t.boolean({ required: true }),
    householdAgreed: t.boolean({ required: true }),
    findings: t.string({ required: false }),
    date: t.field({ type: 'Date', required: false }),
  }),
});

builder.mutationFields((t) => ({
  recordExitVerification: t.drizzleField({
    type: ExitVerification,
    description:
      '登记退出核查: WRONG_EXIT when the rules find the standard unmet or the procedure was not followed',
    authScopes: { permission: 'verification.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: ExitVerificationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const household = await writableHousehold(ctx, Number(input.householdId.id));
      const { year, findings } = validate(
        z.object({ year: yearSchema, findings: z.string().trim().max(1000).default('') }),
        { ...input, findings: input.findings ?? '' },
      );
      const verifiedOn = actedOn(input.date);
      if (household.exitedYear !== year)
        throw new RuleViolationError(
          'EXIT_VERIFICATION.NOT_EXITED',
          `该户不是 ${year} 年退出的, 不能核查该年退出`,
        );
      const facts = (await householdFacts(ctx.db, household.id, year))!;
      const income = facts.incomes[0];
      const guarantee = facts.guarantees[0];
      if (!income || !guarantee)
        throw new RuleViolationError(
          'EXIT_VERIFICATION.FACTS_REQUIRED',
          `须有 ${year} 年收入和两不愁三保障核查`,
        );
      const decision = runRule(() =>
        decideHouseholdExit(
          {
            income: incomeComponentsOf(income),
            householdSize: income.householdSize,
            guarantees: guaranteeFactsOf(guarantee, facts.members),
            identifiedYear: household.identifiedYear ?? year,
          },
          policyForYear(year, household.village.code),
          `${year}-12-31`,
        ),
      );
      const correct = decision.outcome === 'ELIGIBLE' && input.procedureFollowed && input.householdAgreed;
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(exitVerifications)
          .values({
            countyId: household.countyId,
            regionPath: household.regionPath,
            householdId: household.id,
            year,
            verifiedOn,
            verifierUserId: ctx.viewer!.id,
            procedureFollowed: input.procedureFollowed,
            householdAgreed: input.householdAgreed,
            findings,
            outcome: correct ? 'CORRECT_EXIT' : 'WRONG_EXIT',
            explanation: decision.reasons,
          })
          .returning()
          .catch((error) => {
            if (violatedConstraint(error) === 'exit_verifications_household_year_uq')
              throw new ConflictError(null, `该户 ${year} 年退出已核查`);
            throw error;
          });
        const audit = { action: 'exit-verification.record', entityType: 'ExitVerification', after: created };
        return {
          id: created!.id,
          audit: { ...audit, entityId: created!.id, regionPath: household.regionPath },
        };
      });
      return reread(ctx.db.query.exitVerifications.findFirst(query({ where: { id } })), '退出核查', id);
    },
  }),
}));
