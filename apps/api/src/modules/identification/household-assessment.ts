import {
  classifyMonitoring,
  type Decision,
  decideHouseholdExit,
  decideInclusion,
  householdHasLabour,
} from '@gongjian/rules';
import { builder } from '../../builder';
import { fenToYuan } from '../../shared/money';
import { RuleDecisionRef, RuleReasonRef } from '../../shared/rule-decisions';
import { Household } from './household';
import {
  exclusionFactsOf,
  guaranteeFactsOf,
  incomeComponentsOf,
  policyForYear,
  runRule,
  sensitive,
} from './policy';

/** What the rules say about a household: the yearly assessment and whether it may ever be marked risk-eliminated. */

interface HouseholdAssessmentShape {
  year: number;
  perCapitaNetIncomeYuan: string;
  inclusion: Decision<string>;
  exit: Decision<string>;
  monitoring: Decision<string>;
}

const HouseholdAssessment = builder.objectRef<HouseholdAssessmentShape>('HouseholdAssessment').implement({
  description: '规则研判 (what the rules say about a household for one year, with every reason)',
  fields: (t) => ({
    year: t.exposeInt('year', { description: '年度' }),
    perCapitaNetIncomeYuan: t.exposeString('perCapitaNetIncomeYuan', { description: '人均纯收入 (元)' }),
    inclusion: t.field({
      type: RuleDecisionRef,
      description: '识别纳入判断 (收入、两不愁三保障、七个不纳入)',
      resolve: (a) => a.inclusion,
    }),
    exit: t.field({
      type: RuleDecisionRef,
      description: '脱贫退出判断 (一超过、两不愁、三保障)',
      resolve: (a) => a.exit,
    }),
    monitoring: t.field({
      type: RuleDecisionRef,
      description: '监测对象判断 (without hardship facts)',
      resolve: (a) => a.monitoring,
    }),
  }),
});

builder.drizzleObjectFields(Household, (t) => ({
  assessment: t.field({
    type: HouseholdAssessment,
    nullable: true,
    description: '规则研判 (for a year with an income record and a guarantee check; sensitive roles only)',
    args: { year: t.arg.int({ required: true, description: '年度' }) },
    // The same relation queries as the incomes, guarantees and members fields, so they share one statement.
    select: {
      columns: { status: true, identifiedYear: true },
      with: {
        village: { columns: { code: true } },
        incomes: { orderBy: { year: 'desc' } },
        guarantees: { orderBy: { year: 'desc' } },
        members: {
          orderBy: { id: 'asc' },
          with: { sectorRecords: { columns: { kind: true, details: true } } },
        },
      },
    },
    ...sensitive,
    resolve: (h, { year }) => {
      const income = h.incomes.find((record) => record.year === year);
      const guarantee = h.guarantees.find((check) => check.year === year);
      if (!income || !guarantee) return null;
      return runRule(() => {
        const policy = policyForYear(year, h.village.code);
        const components = incomeComponentsOf(income);
        const guarantees = guaranteeFactsOf(guarantee, h.members);
        const onDate = guarantee.checkedOn;
        return {
          year,
          perCapitaNetIncomeYuan: fenToYuan(income.perCapitaNetIncomeFen),
          inclusion: decideInclusion(
            {
              income: components,
              householdSize: income.householdSize,
              guarantees,
              exclusions: exclusionFactsOf(h.members),
            },
            policy,
            onDate,
          ),
          exit: decideHouseholdExit(
            {
              income: components,
              householdSize: income.householdSize,
              guarantees,
              identifiedYear: h.identifiedYear ?? year,
            },
            policy,
            onDate,
          ),
          monitoring: classifyMonitoring(
            {
              status: h.status,
              income: components,
              householdSize: income.householdSize,
              rigidSpendingSurge: false,
              sharpIncomeDrop: false,
            },
            policy,
          ),
        };
      });
    },
  }),
  riskEliminationLabourCheck: t.field({
    type: RuleReasonRef,
    description:
      '风险消除劳动能力检验 (rule RISK_ELIMINATION.HAS_LABOUR: a household where nobody can work, or with no members, is never marked risk-eliminated)',
    select: { with: { members: { columns: { labourCapacity: true } } } },
    resolve: (household) => householdHasLabour(household.members),
  }),
  riskEliminationAllowed: t.boolean({
    description:
      '可标注风险消除 (false when RISK_ELIMINATION.HAS_LABOUR refuses: the household stays monitored)',
    select: { with: { members: { columns: { labourCapacity: true } } } },
    resolve: (household) => householdHasLabour(household.members).passed,
  }),
}));
