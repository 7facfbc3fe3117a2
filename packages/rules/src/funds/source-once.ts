import { allPassed, type Decision, makeReason } from '../explanation';
import { source } from '../sources';

export interface SourceIdentity {
  category: string;
  name: string;
  fromYear: number;
  toYear: number;
}

/**
 * FUNDS.SOURCE_ONCE: a fund source (one category, name and run of years) is registered once, so an imported
 * sheet, a sheet imported twice or a row repeated in it never counts the same money twice (INTEGRATE_2016).
 */
export function canRegisterSourceOnce(
  fundSource: SourceIdentity,
  registered: boolean,
  earlierRow: number | null,
): Decision<'PASS' | 'FAIL'> {
  const passed = !registered && earlierRow === null;
  const period =
    fundSource.fromYear === fundSource.toYear
      ? `${fundSource.fromYear}`
      : `${fundSource.fromYear}–${fundSource.toYear}`;
  const reasons = [
    makeReason({
      ruleId: 'FUNDS.SOURCE_ONCE',
      passed,
      facts: { ...fundSource, registered, earlierRow },
      source: source('INTEGRATE_2016', 'N', '渠道不乱、用途不变: each yuan counted once'),
      zh: registered
        ? `${period} 年资金来源「${fundSource.name}」已登记, 不重复登记`
        : earlierRow !== null
          ? `${period} 年资金来源「${fundSource.name}」与第 ${earlierRow} 行重复`
          : `${period} 年资金来源「${fundSource.name}」尚未登记`,
      en: registered
        ? `Source ${fundSource.name} (${period}) is already registered`
        : earlierRow !== null
          ? `Source ${fundSource.name} (${period}) repeats row ${earlierRow}`
          : `Source ${fundSource.name} (${period}) is new`,
    }),
  ];
  return { outcome: allPassed(reasons) ? 'PASS' : 'FAIL', reasons };
}
