import { fundReportedTotals } from '@gongjian/db/schema';
import { type FundReconciliation, type Reason, reconcileFunds } from '@gongjian/rules';
import { and, eq } from 'drizzle-orm';
import { visibleUpOrDown } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { fenToWanYuan } from '../../shared/money';
import { RuleReasonRef } from '../../shared/rule-decisions';
import { sourcesInYears } from './fund-source';

/**
 * 资金对账: the sources of a run of years summed gross and net of their declared overlaps, read against each
 * total reported for exactly those years. A mismatch is a WARNING naming the figures, never a correction.
 */

interface SourceLine {
  name: string;
  amountFen: number;
}

interface Reading extends FundReconciliation {
  reportedIn: string;
}

export interface Reconciliation {
  fromYear: number;
  toYear: number;
  sources: SourceLine[];
  grossFen: number;
  overlapFen: number;
  netFen: number;
  overlapReasons: Reason[];
  readings: Reading[];
}

const ReconciliationSource = builder.objectRef<SourceLine>('FundReconciliationSource').implement({
  description: '对账来源 (a source as summed)',
  fields: (t) => ({
    name: t.exposeString('name', { description: '来源名称' }),
    amountWanYuan: t.string({ description: '金额 (万元)', resolve: (s) => fenToWanYuan(s.amountFen) }),
  }),
});

const ReconciliationReading = builder.objectRef<Reading>('FundReconciliationReading').implement({
  description: '对账结果 (one reported total read against the gross and the net sums)',
  fields: (t) => ({
    reportedIn: t.exposeString('reportedIn', { description: '上报出处' }),
    reportedTotalWanYuan: t.string({
      description: '上报总额 (万元)',
      resolve: (r) => fenToWanYuan(r.reportedTotalFen),
    }),
    grossDifferenceWanYuan: t.string({
      description: '直接相加 − 上报总额 (万元; positive: the sources add up to more)',
      resolve: (r) => fenToWanYuan(r.grossDifferenceFen),
    }),
    netDifferenceWanYuan: t.string({
      description: '扣除重叠后 − 上报总额 (万元)',
      resolve: (r) => fenToWanYuan(r.netDifferenceFen),
    }),
    outcome: t.exposeString('outcome', {
      description: '哪种口径相符 (MATCHES_GROSS, MATCHES_NET, UNEXPLAINED)',
    }),
    severity: t.exposeString('severity', {
      description: 'OK 或 WARNING (a mismatch is a warning, never a failure)',
    }),
    explanation: t.field({ type: [RuleReasonRef], description: '逐条说明', resolve: (r) => r.reasons }),
  }),
});

const FundReconciliationRef = builder.objectRef<Reconciliation>('FundReconciliation').implement({
  description: '资金对账 (each yuan counted once: gross, overlaps, net, against each reported total)',
  fields: (t) => ({
    fromYear: t.exposeInt('fromYear', { description: '起始年度' }),
    toYear: t.exposeInt('toYear', { description: '截止年度' }),
    sources: t.field({ type: [ReconciliationSource], description: '各来源', resolve: (r) => r.sources }),
    grossWanYuan: t.string({
      description: '各来源直接相加 (万元)',
      resolve: (r) => fenToWanYuan(r.grossFen),
    }),
    overlapWanYuan: t.string({
      description: '已登记重叠 (万元)',
      resolve: (r) => fenToWanYuan(r.overlapFen),
    }),
    netWanYuan: t.string({ description: '扣除重叠后净额 (万元)', resolve: (r) => fenToWanYuan(r.netFen) }),
    overlapChecks: t.field({
      type: [RuleReasonRef],
      description: '重叠检查 (an overlap larger than a source it links is reported here)',
      resolve: (r) => r.overlapReasons,
    }),
    readings: t.field({
      type: [ReconciliationReading],
      description: '与各上报总额对账',
      resolve: (r) => r.readings,
    }),
    warning: t.boolean({
      description: '是否有需核实的差异 (a reading matches neither sum, or an overlap does not fit)',
      resolve: (r) =>
        r.readings.some((x) => x.severity === 'WARNING') || r.overlapReasons.some((x) => !x.passed),
    }),
  }),
});

builder.queryFields((t) => ({
  fundReconciliation: t.field({
    type: FundReconciliationRef,
    description: '资金对账 (sources starting and ending inside the years; two statements)',
    args: {
      fromYear: t.arg.int({ required: true, description: '起始年度' }),
      toYear: t.arg.int({ required: true, description: '截止年度' }),
    },
    resolve: (_root, { fromYear, toYear }, ctx) => reconcilePeriod(ctx, fromYear, toYear),
  }),
}));

/** The reconciliation of a run of years as the viewer sees it (two statements). */
export async function reconcilePeriod(
  ctx: Context,
  fromYear: number,
  toYear: number,
): Promise<Reconciliation> {
  if (fromYear > toYear) throw ValidationError.field('toYear', '截止年度不能早于起始年度');
  const sources = await ctx.db.query.fundSources.findMany({
    where: { RAW: (table) => sourcesInYears(table, ctx, { fromYear, toYear }) },
    with: { includes: { columns: { containerId: true, containedId: true, amountFen: true } } },
    orderBy: { category: 'asc', id: 'asc' },
  });
  const totals = await ctx.db
    .select()
    .from(fundReportedTotals)
    .where(
      and(
        visibleUpOrDown(fundReportedTotals.regionPath, ctx.viewer),
        eq(fundReportedTotals.fromYear, fromYear),
        eq(fundReportedTotals.toYear, toYear),
      ),
    )
    .orderBy(fundReportedTotals.id);
  const ids = new Set(sources.map((s) => s.id));
  const keyOf = new Map(sources.map((s) => [s.id, `${s.name}(${s.fromYear}–${s.toYear})`]));
  const keyed = sources.map((s) => ({
    key: keyOf.get(s.id)!,
    category: s.category,
    amountFen: s.amountFen,
  }));
  const overlaps = sources
    .flatMap((s) => s.includes)
    .filter((o) => ids.has(o.containedId))
    .map((o) => ({
      containerKey: keyOf.get(o.containerId)!,
      containedKey: keyOf.get(o.containedId)!,
      amountFen: o.amountFen,
    }));
  const base = reconcileFunds(keyed, overlaps, 0);
  return {
    fromYear,
    toYear,
    sources: sources.map((s) => ({ name: s.name, amountFen: s.amountFen })),
    grossFen: base.grossFen,
    overlapFen: base.grossFen - base.netFen,
    netFen: base.netFen,
    overlapReasons: base.reasons.filter((r) => r.ruleId === 'FUNDS.OVERLAP_FITS'),
    readings: totals.map((total) => ({
      ...reconcileFunds(keyed, overlaps, total.amountFen),
      reportedIn: total.reportedIn,
    })),
  };
}
