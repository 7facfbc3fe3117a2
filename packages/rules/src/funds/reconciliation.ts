import type { FundSourceCategory } from '../enums';
import { InvalidInputError } from '../errors';
import { type Decision, makeReason, type Reason } from '../explanation';
import { type Fen, formatWanYuan, requireNonNegativeFen, sumFen } from '../money';
import { source } from '../sources';

export interface FundSource {
  key: string;
  category: FundSourceCategory;
  amountFen: Fen;
}

/** "Source `containerKey` includes `amountFen` of source `containedKey`" (资金包含关系). */
export interface FundOverlap {
  containerKey: string;
  containedKey: string;
  amountFen: Fen;
}

export interface FundReconciliation extends Decision<'MATCHES_GROSS' | 'MATCHES_NET' | 'UNEXPLAINED'> {
  /** A mismatch is a warning to look into, never a failure: the published figures are kept as they are. */
  severity: 'OK' | 'WARNING';
  grossFen: Fen;
  netFen: Fen;
  reportedTotalFen: Fen;
  /** gross − reported (positive: the sources add up to more than the reported total). */
  grossDifferenceFen: Fen;
  netDifferenceFen: Fen;
}

const INTEGRATION = source('INTEGRATE_2016', 'N', '渠道不乱、用途不变: each yuan counted once');

function wan(fen: Fen): string {
  return `${formatWanYuan(fen)} 万元`;
}

/**
 * Reconciles fund sources with a reported total, read two ways: gross (every source as listed) and net
 * (less the declared overlaps). Says which reading matches, or that neither does (a WARNING). Also checks
 * each overlap fits inside both sources it links.
 */
export function reconcileFunds(
  sources: readonly FundSource[],
  overlaps: readonly FundOverlap[],
  reportedTotalFen: Fen,
): FundReconciliation {
  const amounts = new Map(sources.map((s) => [s.key, requireNonNegativeFen(s.amountFen, `source ${s.key}`)]));
  const grossFen = sumFen([...amounts.values()]);
  const overlapReasons: Reason[] = overlaps.map((overlap) => {
    const container = amounts.get(overlap.containerKey);
    const contained = amounts.get(overlap.containedKey);
    if (container === undefined || contained === undefined) {
      throw new InvalidInputError(
        'overlaps',
        `unknown source in ${overlap.containerKey} ⊇ ${overlap.containedKey}`,
      );
    }
    const amount = requireNonNegativeFen(overlap.amountFen, 'overlap amountFen');
    const fits = amount <= container && amount <= contained;
    return makeReason({
      ruleId: 'FUNDS.OVERLAP_FITS',
      passed: fits,
      facts: {
        containerKey: overlap.containerKey,
        containedKey: overlap.containedKey,
        overlapFen: amount,
        containerFen: container,
        containedFen: contained,
      },
      source: INTEGRATION,
      zh: fits
        ? `${overlap.containerKey} 含 ${overlap.containedKey} ${wan(amount)}, 未超过两项来源金额`
        : `${overlap.containerKey} 含 ${overlap.containedKey} ${wan(amount)}, 超过 ${amount > container ? overlap.containerKey : overlap.containedKey} 列示金额 ${wan(amount > container ? container : contained)}: 重叠部分不可能全部计入该来源`,
      en: fits
        ? `${overlap.containerKey} includes ${wan(amount)} of ${overlap.containedKey}, within both sources`
        : `${overlap.containerKey} includes ${wan(amount)} of ${overlap.containedKey}, more than ${amount > container ? overlap.containerKey : overlap.containedKey} lists`,
    });
  });
  const overlapFen = sumFen(overlaps.map((overlap) => overlap.amountFen));
  const netFen = grossFen - overlapFen;
  const reported = requireNonNegativeFen(reportedTotalFen, 'reportedTotalFen');
  const grossDifferenceFen = grossFen - reported;
  const netDifferenceFen = netFen - reported;
  const outcome =
    grossDifferenceFen === 0 ? 'MATCHES_GROSS' : netDifferenceFen === 0 ? 'MATCHES_NET' : 'UNEXPLAINED';
  const describe = (difference: Fen): string =>
    difference === 0 ? '相符' : difference > 0 ? `多 ${wan(difference)}` : `少 ${wan(-difference)}`;
  const reading = (ruleId: string, labelZh: string, labelEn: string, total: Fen, difference: Fen): Reason =>
    makeReason({
      ruleId,
      passed: difference === 0,
      facts: { totalFen: total, reportedTotalFen: reported, differenceFen: difference },
      source: INTEGRATION,
      zh: `${labelZh} ${wan(total)}, 与上报总额 ${wan(reported)} ${describe(difference)}`,
      en: `${labelEn} ${wan(total)} vs reported ${wan(reported)}: difference ${formatWanYuan(difference)} 万元`,
    });
  const summaryZh = {
    MATCHES_GROSS: '上报总额等于各来源直接相加',
    MATCHES_NET: '上报总额等于扣除重叠后的净额',
    UNEXPLAINED: '警告: 上报总额既不等于各来源直接相加, 也不等于扣除重叠后的净额',
  }[outcome];
  const summaryEn = {
    MATCHES_GROSS: 'The reported total is the gross sum of the sources',
    MATCHES_NET: 'The reported total is the sum net of overlaps',
    UNEXPLAINED: 'Warning: the reported total matches neither the gross nor the net sum',
  }[outcome];
  return {
    outcome,
    severity: outcome === 'UNEXPLAINED' ? 'WARNING' : 'OK',
    grossFen,
    netFen,
    reportedTotalFen: reported,
    grossDifferenceFen,
    netDifferenceFen,
    reasons: [
      makeReason({
        ruleId: 'FUNDS.RECONCILIATION',
        passed: outcome !== 'UNEXPLAINED',
        facts: { grossFen, netFen, reportedTotalFen: reported },
        source: INTEGRATION,
        zh: summaryZh,
        en: summaryEn,
      }),
      reading('FUNDS.GROSS_READING', '各来源直接相加', 'Gross sum', grossFen, grossDifferenceFen),
      reading('FUNDS.NET_READING', '扣除重叠后净额', 'Net of overlaps', netFen, netDifferenceFen),
      ...overlapReasons,
    ],
  };
}
