import type { DbExecutor } from '@gongjian/db';
import {
  type ApplicationKind,
  type CalendarDate,
  type Decision,
  decideHouseholdExit,
  decideInclusion,
  type Policy,
} from '@gongjian/rules';
import { RuleViolationError } from '../../errors';
import { exclusionFactsOf, guaranteeFactsOf, incomeComponentsOf, policyForYear, runRule } from './policy';

/** Loads one household's facts for a year in one statement and asks the rules about a status change. */

export async function householdFacts(db: DbExecutor, householdId: number, year: number) {
  const household = await db.query.households.findFirst({
    where: { id: householdId },
    with: {
      village: { columns: { code: true } },
      incomes: { where: { year } },
      guarantees: { where: { year } },
      members: { with: { sectorRecords: { columns: { kind: true, details: true } } } },
    },
  });
  return household ?? null;
}

export type HouseholdFacts = NonNullable<Awaited<ReturnType<typeof householdFacts>>>;

export interface RulesAdvice {
  supports: boolean;
  decision: Decision<string>;
}

export interface ApplicationAdvice extends RulesAdvice {
  kind: ApplicationKind;
  year: number;
  /** The day the rules judge on (the application's start date). */
  onDate: CalendarDate;
  perCapitaNetIncomeFen: number;
}

/** A status change cannot start without the year's income record and guarantee check. */
export const factsRequired = (year: number) =>
  new RuleViolationError(
    'APPLICATION.FACTS_REQUIRED',
    `须先登记 ${year} 年的收入和两不愁三保障核查, 规则才能给出意见`,
  );

/**
 * The rules' advice on starting an application of `kind` for a household, judged on `year`'s income and
 * guarantee check as of `onDate` (one statement). It is what `startApplication` and a confirmed exclusion
 * finding store, and what `Household.applicationAdvice` shows before; null when the year lacks an income
 * record or a guarantee check (the writes refuse with `factsRequired`).
 */
export async function adviceOnStarting(
  db: DbExecutor,
  householdId: number,
  request: { kind: ApplicationKind; year: number; onDate: CalendarDate },
): Promise<ApplicationAdvice | null> {
  const facts = await householdFacts(db, householdId, request.year);
  if (!facts) return null;
  const policy = runRule(() => policyForYear(request.year, facts.village.code));
  const income = facts.incomes[0];
  const guarantee = facts.guarantees[0];
  if (!income || !guarantee) return null;
  return {
    ...request,
    perCapitaNetIncomeFen: income.perCapitaNetIncomeFen,
    ...adviseOnApplication(request.kind, facts, income, guarantee, policy, request.onDate),
  };
}

/**
 * What the rules advise on an application: entering the register (identify, add missed, return) follows
 * the inclusion decision; exit and ending policies follow the exit standard; removal is supported when the
 * household would not be included (income, guarantees or an exclusion rule).
 */
function adviseOnApplication(
  kind: ApplicationKind,
  facts: HouseholdFacts,
  income: HouseholdFacts['incomes'][number],
  guarantee: HouseholdFacts['guarantees'][number],
  policy: Policy,
  onDate: CalendarDate,
): RulesAdvice {
  return runRule(() => {
    const components = incomeComponentsOf(income);
    const guarantees = guaranteeFactsOf(guarantee, facts.members);
    if (kind === 'EXIT' || kind === 'END_POLICY') {
      const decision = decideHouseholdExit(
        {
          income: components,
          householdSize: income.householdSize,
          guarantees,
          identifiedYear: facts.identifiedYear ?? policy.year,
        },
        policy,
        onDate,
      );
      return { supports: decision.outcome === 'ELIGIBLE', decision };
    }
    const decision = decideInclusion(
      {
        income: components,
        householdSize: income.householdSize,
        guarantees,
        exclusions: exclusionFactsOf(facts.members),
      },
      policy,
      onDate,
    );
    const include = decision.outcome === 'INCLUDE';
    return { supports: kind === 'REMOVE_WRONGLY_INCLUDED' ? !include : include, decision };
  });
}
