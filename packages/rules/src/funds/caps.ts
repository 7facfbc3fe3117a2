import { InvalidInputError } from '../errors';
import { allPassed, type Decision, makeReason, type Reason } from '../explanation';
import { groupBy } from '../grouping';
import { type Fen, formatYuan, requireNonNegativeFen, sumFen } from '../money';
import { source } from '../sources';
import type { FundSource } from './reconciliation';

export interface Allocation {
  sourceKey: string;
  projectId: string;
  amountFen: Fen;
}

export interface Payment {
  id: string;
  projectId: string;
  amountFen: Fen;
}

export interface CapUsage {
  key: string;
  capFen: Fen;
  usedFen: Fen;
  /** cap − used; negative when over the cap. */
  remainingFen: Fen;
}

function capReason(ruleId: string, usage: CapUsage, zhWhat: string, enWhat: string): Reason {
  const passed = usage.remainingFen >= 0;
  return makeReason({
    ruleId,
    passed,
    facts: { key: usage.key, capFen: usage.capFen, usedFen: usage.usedFen, remainingFen: usage.remainingFen },
    source: source('INTEGRATE_2016', 'N'),
    zh: `${usage.key}: ${zhWhat} ${formatYuan(usage.usedFen)} 元, 上限 ${formatYuan(usage.capFen)} 元${passed ? '' : ', 超出上限'}`,
    en: `${usage.key}: ${enWhat} ${formatYuan(usage.usedFen)} of ${formatYuan(usage.capFen)} yuan${passed ? '' : ', over the cap'}`,
  });
}

/** Allocations from each source must not exceed the source's amount. */
export function checkAllocationCaps(
  sources: readonly FundSource[],
  allocations: readonly Allocation[],
): Decision<'PASS' | 'FAIL'> & { usage: CapUsage[] } {
  const keys = new Set(sources.map((s) => s.key));
  for (const allocation of allocations) {
    if (!keys.has(allocation.sourceKey)) {
      throw new InvalidInputError('allocations', `unknown source ${allocation.sourceKey}`);
    }
  }
  const usage = sources.map((s) => {
    const usedFen = sumFen(
      allocations
        .filter((a) => a.sourceKey === s.key)
        .map((a) => requireNonNegativeFen(a.amountFen, 'allocation')),
    );
    return { key: s.key, capFen: s.amountFen, usedFen, remainingFen: s.amountFen - usedFen };
  });
  const reasons = usage.map((u) => capReason('FUNDS.ALLOCATION_CAP', u, '已安排', 'allocated'));
  return { outcome: allPassed(reasons) ? 'PASS' : 'FAIL', usage, reasons };
}

/** Payments to each project must not exceed what is allocated to it. */
export function checkDisbursementCaps(
  allocations: readonly Allocation[],
  payments: readonly Payment[],
): Decision<'PASS' | 'FAIL'> & { usage: CapUsage[] } {
  const allocationsByProject = groupBy(allocations, (a) => a.projectId);
  const paymentsByProject = groupBy(payments, (p) => p.projectId);
  const projects = [...new Set([...allocationsByProject.keys(), ...paymentsByProject.keys()])];
  const usage = projects.map((projectId) => {
    const capFen = sumFen((allocationsByProject.get(projectId) ?? []).map((a) => a.amountFen));
    const usedFen = sumFen(
      (paymentsByProject.get(projectId) ?? []).map((p) =>
        requireNonNegativeFen(p.amountFen, `payment ${p.id}`),
      ),
    );
    return { key: projectId, capFen, usedFen, remainingFen: capFen - usedFen };
  });
  const reasons = usage.map((u) => capReason('FUNDS.DISBURSEMENT_CAP', u, '已拨付', 'paid'));
  return { outcome: allPassed(reasons) ? 'PASS' : 'FAIL', usage, reasons };
}
