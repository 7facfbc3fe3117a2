import { PassThrough } from 'node:stream';
import { idNumberCheckCharacter } from '@gongjian/rules';
import ExcelJS from 'exceljs';
import {
  HOUSEHOLD_COLUMNS,
  HOUSEHOLD_SHEET,
  MEMBER_COLUMNS,
  MEMBER_SHEET,
} from '../src/modules/identification/excel-template';

/**
 * Generates registry workbooks in the import template: `households` households of 3–4 members each with
 * valid, unique ID numbers (sequence numbers 500–699, which the demo data never uses), spread over the
 * given villages. `edit` may change any generated row before it is written (to plant bad rows).
 */
export interface WorkbookSpec {
  households: number;
  villages: { township: string; name: string }[];
  prefix?: string;
  /** First person index for ID numbers, so that files of one test never share ID numbers. */
  idOffset?: number;
  edit?: (sheet: 'households' | 'members', row: Record<string, unknown>, index: number) => void;
}

export function generatedIdNumber(index: number, male: boolean): string {
  const day = new Date(Date.UTC(1950, 0, 1) + Math.floor(index / 100) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replaceAll('-', '');
  const sequence = 500 + (index % 100) * 2 + (male ? 1 : 0);
  const first17 = `431129${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

export async function buildWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const households = workbook.addWorksheet(HOUSEHOLD_SHEET);
  households.columns = HOUSEHOLD_COLUMNS.map((c) => ({ header: c.header, key: c.key }));
  const members = workbook.addWorksheet(MEMBER_SHEET);
  members.columns = MEMBER_COLUMNS.map((c) => ({ header: c.header, key: c.key }));
  const memberRows: Record<string, unknown>[] = [];
  let person = spec.idOffset ?? 0;
  for (let i = 0; i < spec.households; i++) {
    const village = spec.villages[i % spec.villages.length]!;
    const householdNumber = `${spec.prefix ?? 'IMP'}${String(i + 1).padStart(6, '0')}`;
    const row: Record<string, unknown> = {
      householdNumber,
      township: village.township,
      village: village.name,
      groupName: `${(i % 9) + 1}组`,
      address: `${village.township}${village.name}`,
      phone: i % 3 === 0 ? '' : `139${String(10_000_000 + i).slice(-8)}`,
      attribute: ['一般户', '低保户', '特困供养户'][i % 3],
      mainCause: ['因病', '缺技术', '缺资金', '因残', '因学'][i % 5],
      status: '非贫困户',
      identifiedYear: '',
      exitedYear: '',
    };
    spec.edit?.('households', row, i);
    households.addRow(row).commit();
    const size = 3 + (i % 2);
    for (let m = 0; m < size; m++) {
      const male = m % 2 === 0;
      memberRows.push({
        householdNumber,
        name: m === 0 ? '赵建国' : '赵秀英',
        idNumber: generatedIdNumber(person++, male),
        relation: m === 0 ? '户主' : m === 1 ? '配偶' : '之子',
        education: '初中',
        health: '健康',
        labourCapacity: '有劳动能力',
        medicalInsured: '是',
      });
    }
  }
  households.commit();
  memberRows.forEach((row, index) => {
    spec.edit?.('members', row, index);
    members.addRow(row).commit();
  });
  members.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
