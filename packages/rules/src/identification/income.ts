import { requirePositiveCount } from '../errors';
import { type Decision, makeReason } from '../explanation';
import { type Fen, formatYuan, requireFen, requireNonNegativeFen, sumFen } from '../money';
import type { Policy } from '../parameters';
import { compareRatio, floorRatio, type Ratio, ratio } from '../ratio';
import { source } from '../sources';

/** One household's income for one year, in fen (POLICY.md 1.5). */
export interface IncomeComponents {
  wagesFen: Fen;
  businessIncomeFen: Fen;
  businessCostsFen: Fen;
  propertyIncomeFen: Fen;
  transferIncomeFen: Fen;
}

export interface PerCapitaIncome {
  /** wages + business income − business costs + property + transfers (may be negative). */
  netIncomeFen: Fen;
  householdSize: number;
  /** The exact per-capita amount, netIncomeFen / householdSize; compare with lines using this. */
  exact: Ratio;
  /** Rounded down to whole fen (toward −∞), for display and storage. */
  perCapitaFen: Fen;
}

/**
 * Per-capita net income (人均纯收入). Display value is rounded down to the fen; every comparison with a
 * line uses the exact fraction, so rounding never changes a decision.
 */
export function perCapitaNetIncome(components: IncomeComponents, householdSize: number): PerCapitaIncome {
  requirePositiveCount(householdSize, 'householdSize');
  const netIncomeFen = sumFen([
    requireNonNegativeFen(components.wagesFen, 'wagesFen'),
    requireNonNegativeFen(components.businessIncomeFen, 'businessIncomeFen'),
    -requireNonNegativeFen(components.businessCostsFen, 'businessCostsFen'),
    requireNonNegativeFen(components.propertyIncomeFen, 'propertyIncomeFen'),
    requireNonNegativeFen(components.transferIncomeFen, 'transferIncomeFen'),
  ]);
  const exact = ratio(netIncomeFen, householdSize);
  return { netIncomeFen, householdSize, exact, perCapitaFen: floorRatio(exact) };
}

/** -1, 0, 1 as the exact per-capita income is below, at or above a line in fen. */
export function compareWithLine(income: PerCapitaIncome, lineFen: Fen): -1 | 0 | 1 {
  return compareRatio(income.exact, ratio(requireFen(lineFen, 'lineFen'), 1));
}

/** Facts about per-capita income as they appear in a Reason. */
export function incomeFacts(income: PerCapitaIncome): Record<string, number | string> {
  return {
    netIncomeFen: income.netIncomeFen,
    householdSize: income.householdSize,
    perCapitaFen: income.perCapitaFen,
    perCapitaYuan: formatYuan(income.perCapitaFen),
  };
}

/** Reason: income below the administrative line ("收入低于扶贫标准"), the income half of inclusion. */
export function checkIncomeBelowLine(income: PerCapitaIncome, policy: Policy): Decision<'PASS' | 'FAIL'> {
  const line = policy.resolve('incomeLine.exit');
  const below = compareWithLine(income, line.value) < 0;
  const shown = `${formatYuan(income.perCapitaFen)} 元`;
  const lineShown = `${formatYuan(line.value)} 元`;
  return {
    outcome: below ? 'PASS' : 'FAIL',
    reasons: [
      makeReason({
        ruleId: 'IDENTIFY.INCOME_BELOW_LINE',
        passed: below,
        params: { incomeLineFen: line.value, year: policy.year },
        facts: incomeFacts(income),
        source: line.source,
        zh: below
          ? `人均纯收入 ${shown} 低于 ${policy.year} 年扶贫标准 ${lineShown}`
          : `人均纯收入 ${shown} 不低于 ${policy.year} 年扶贫标准 ${lineShown}`,
        en: below
          ? `Per-capita net income ${shown} is below the ${policy.year} line of ${lineShown}`
          : `Per-capita net income ${shown} is not below the ${policy.year} line of ${lineShown}`,
      }),
    ],
  };
}

/** Reason: income strictly above the line ("一超过", 稳定超过), the income half of household exit. */
export function checkIncomeAboveLine(income: PerCapitaIncome, policy: Policy): Decision<'PASS' | 'FAIL'> {
  const line = policy.resolve('incomeLine.exit');
  const above = compareWithLine(income, line.value) > 0;
  const shown = `${formatYuan(income.perCapitaFen)} 元`;
  const lineShown = `${formatYuan(line.value)} 元`;
  return {
    outcome: above ? 'PASS' : 'FAIL',
    reasons: [
      makeReason({
        ruleId: 'HOUSEHOLD_EXIT.INCOME_ABOVE_LINE',
        passed: above,
        params: { incomeLineFen: line.value, year: policy.year },
        facts: incomeFacts(income),
        source: source('EXIT_2016', 'N'),
        zh: above
          ? `人均纯收入 ${shown} 超过 ${policy.year} 年扶贫标准 ${lineShown}`
          : `人均纯收入 ${shown} 未超过 ${policy.year} 年扶贫标准 ${lineShown}`,
        en: above
          ? `Per-capita net income ${shown} is above the ${policy.year} line of ${lineShown}`
          : `Per-capita net income ${shown} is not above the ${policy.year} line of ${lineShown}`,
      }),
    ],
  };
}
