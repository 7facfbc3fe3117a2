import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

/**
 * Registry fixtures for the identification browser tests: valid ID numbers and small import workbooks.
 * exceljs is the API's dependency; the tests borrow it from there instead of adding a second copy.
 */

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/api');

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

/** GB 11643: the 18th character of an ID number from its first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * (weights[index] ?? 0), 0);
  return checkCharacters[sum % 11] ?? '';
}

/**
 * A valid ID number no one else has: the demo data uses sequence numbers 000–499, generated import files
 * 500–699 and API tests 700–799; the browser tests use 800–899 with a birth date per serial.
 */
export function browserTestIdNumber(serial: number, male: boolean): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + serial * 86_400_000).toISOString().slice(0, 10);
  const sequence = 800 + (serial % 50) * 2 + (male ? 1 : 0);
  const first17 = `431129${birth.replaceAll('-', '')}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** Today (the API's `countyToday`) and earlier days in the county calendar, as YYYY-MM-DD. */
export function countyDay(daysAgo = 0): string {
  const today = inject('countyToday');
  return new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

interface WorksheetLike {
  columns: { header: string; key: string }[];
  addRow: (row: Record<string, unknown>) => void;
}
interface WorkbookLike {
  addWorksheet: (name: string) => WorksheetLike;
  xlsx: { writeBuffer: () => Promise<ArrayBuffer> };
}

const householdColumns = [
  ['householdNumber', '户编号'],
  ['township', '乡镇'],
  ['village', '村'],
  ['groupName', '村民小组'],
  ['attribute', '户属性'],
  ['mainCause', '主要致贫原因'],
  ['status', '贫困状态'],
  ['identifiedYear', '识别年度'],
] as const;

const memberColumns = [
  ['householdNumber', '户编号'],
  ['name', '姓名'],
  ['idNumber', '身份证号'],
  ['relation', '与户主关系'],
  ['education', '文化程度'],
  ['health', '健康状况'],
  ['labourCapacity', '劳动能力'],
] as const;

export interface ImportHousehold {
  householdNumber: string;
  members: { name: string; idNumber: string; relation: string }[];
}

/** A workbook in the import template's layout (sheets 农户 and 家庭成员, Chinese headers). */
export async function buildImportWorkbook(
  place: { township: string; village: string },
  households: ImportHousehold[],
): Promise<Buffer> {
  const ExcelJS = createRequire(path.join(apiDir, 'package.json'))('exceljs') as {
    Workbook: new () => WorkbookLike;
  };
  const workbook = new ExcelJS.Workbook();
  const householdSheet = workbook.addWorksheet('农户');
  householdSheet.columns = householdColumns.map(([key, header]) => ({ key, header }));
  const memberSheet = workbook.addWorksheet('家庭成员');
  memberSheet.columns = memberColumns.map(([key, header]) => ({ key, header }));
  for (const household of households) {
    householdSheet.addRow({
      householdNumber: household.householdNumber,
      township: place.township,
      village: place.village,
      groupName: '1组',
      attribute: '一般户',
      mainCause: '因病',
      status: '非贫困户',
    });
    for (const member of household.members)
      memberSheet.addRow({
        householdNumber: household.householdNumber,
        name: member.name,
        idNumber: member.idNumber,
        relation: member.relation,
        education: '初中',
        health: '健康',
        labourCapacity: '有劳动能力',
      });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
