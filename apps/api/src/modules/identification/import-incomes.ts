import type { Fen } from '@gongjian/rules';
import { yuanSchema } from '../../shared/money';
import { cellText, type RawRow } from './excel-template';
import { yearSchema } from './validation';

/**
 * The optional 年度收入 sheet of an import: one row per household of the file and year, amounts in yuan
 * checked by the same schemas as `recordIncome`. The household size is not typed in: the write counts the
 * household's members after the members are written, as `recordIncome` counts them.
 */

export interface ImportIncome {
  row: number;
  countyId: number;
  regionPath: string;
  householdNumber: string;
  year: number;
  wagesFen: Fen;
  businessIncomeFen: Fen;
  businessCostsFen: Fen;
  propertyIncomeFen: Fen;
  transferIncomeFen: Fen;
}

const AMOUNTS = [
  ['wagesYuan', 'wagesFen'],
  ['businessIncomeYuan', 'businessIncomeFen'],
  ['businessCostsYuan', 'businessCostsFen'],
  ['propertyIncomeYuan', 'propertyIncomeFen'],
  ['transferIncomeYuan', 'transferIncomeFen'],
] as const;

export function validateIncomes(
  rows: readonly RawRow[],
  households: ReadonlyMap<string, { countyId: number; regionPath: string }>,
  issue: (row: number, key: string, reason: string) => void,
  badHouseholds: Set<string>,
): ImportIncome[] {
  const incomes: ImportIncome[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, cells } of rows) {
    const text = (key: string) => cellText(cells[key]);
    let bad = false;
    const flag = (key: string, reason: string) => {
      issue(row, key, reason);
      bad = true;
    };
    const householdNumber = text('householdNumber');
    const household = households.get(householdNumber);
    if (!householdNumber) flag('householdNumber', '不能为空');
    else if (!household) flag('householdNumber', '农户表中没有这个户编号');
    const year = yearSchema.safeParse(Number(text('year')));
    if (!text('year') || !year.success) flag('year', year.error?.issues[0]?.message ?? '应为四位年份');
    const amounts: Partial<Record<(typeof AMOUNTS)[number][1], Fen>> = {};
    for (const [key, fenKey] of AMOUNTS) {
      const raw = text(key);
      const parsed = yuanSchema.safeParse(raw);
      if (!raw) flag(key, '不能为空 (没有该项收入填 0)');
      else if (!parsed.success) flag(key, parsed.error.issues[0]!.message);
      else amounts[fenKey] = parsed.data;
    }
    if (year.success && household) {
      const key = `${householdNumber}/${year.data}`;
      const first = firstRow.get(key);
      if (first !== undefined) flag('year', `该户该年度重复 (与第 ${first} 行)`);
      else firstRow.set(key, row);
    }
    if (bad) {
      if (householdNumber) badHouseholds.add(householdNumber);
      continue;
    }
    incomes.push({
      row,
      countyId: household!.countyId,
      regionPath: household!.regionPath,
      householdNumber,
      year: year.data!,
      ...(amounts as Record<(typeof AMOUNTS)[number][1], Fen>),
    });
  }
  return incomes;
}
