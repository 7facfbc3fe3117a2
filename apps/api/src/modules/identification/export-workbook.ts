import type { Writable } from 'node:stream';
import type { Database } from '@gongjian/db';
import { households } from '@gongjian/db/schema';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { maskIdNumber, maskPhone } from '../../auth/masking';
import { hasPermission } from '../../auth/permissions';
import type { Viewer } from '../../context';
import { fenToYuan } from '../../shared/money';
import { rowsOf } from '../../shared/rows';
import {
  ENUM_COLUMNS,
  ENUMS,
  HOUSEHOLD_COLUMNS,
  HOUSEHOLD_SHEET,
  type HouseholdColumnKey,
  INCOME_COLUMNS,
  INCOME_SHEET,
  type IncomeColumnKey,
  LISTS_SHEET,
  MEMBER_COLUMNS,
  MEMBER_SHEET,
  type MemberColumnKey,
  NOTES_SHEET,
  type TemplateColumn,
} from './excel-template';
import { type HouseholdListArgs, householdListFilter } from './household';

/** The workbooks the registry writes: the import template and the export of what the household list shows. */

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;

const SHEETS = [
  [HOUSEHOLD_SHEET, HOUSEHOLD_COLUMNS],
  [MEMBER_SHEET, MEMBER_COLUMNS],
  [INCOME_SHEET, INCOME_COLUMNS],
] as const;

/**
 * Rows of the template that carry drop-downs. exceljs's reader expands a validated range into one entry
 * per cell, so a drop-down over the whole column would make every upload of the template slow to parse.
 */
const VALIDATED_ROWS = 5000;

const newWriter = (out: Writable): Writer =>
  new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });

function addSheet(workbook: Writer, name: string, columns: readonly TemplateColumn[]) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(10, c.header.length * 3),
  }));
  return sheet;
}

type DataValidations = {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
};

const columnLetter = (index: number) => String.fromCharCode(65 + index);

/**
 * The empty template: the three sheets with a drop-down on every enumerated column (pointing at the
 * 可选值 sheet), the notes sheet describing every column and listing every accepted value.
 */
export async function writeTemplate(out: Writable) {
  const workbook = newWriter(out);
  const lists: { header: string; values: readonly string[] }[] = [];
  for (const [name, columns] of SHEETS) {
    const sheet = addSheet(workbook, name, columns);
    columns.forEach((c, index) => {
      const lookup = ENUM_COLUMNS[name]?.[c.key];
      if (!lookup) return;
      const values = ENUMS[lookup].accepted;
      const listColumn = columnLetter(lists.length);
      lists.push({ header: c.header, values });
      const letter = columnLetter(index);
      // exceljs's worksheets have dataValidations (the streaming writer's too), but its typings omit them.
      (sheet as unknown as DataValidations).dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS + 1}`, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`'${LISTS_SHEET}'!$${listColumn}$2:$${listColumn}$${values.length + 1}`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从下拉列表中选择: ${values.join(' / ')}`,
      });
    });
    sheet.commit();
  }
  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.addRow(['工作表', '列', '必填', '说明', '可填的值']).commit();
  for (const [name, columns] of SHEETS)
    for (const c of columns) {
      const lookup = ENUM_COLUMNS[name]?.[c.key];
      const accepted = lookup ? ENUMS[lookup].accepted.join(' / ') : '';
      notes.addRow([name, c.header, c.required ? '是' : '否', c.note, accepted]).commit();
    }
  notes.addRow([INCOME_SHEET, '', '否', '可不填此表; 填写时须与农户表同时导入', '']).commit();
  notes.commit();
  const listSheet = workbook.addWorksheet(LISTS_SHEET);
  const longest = Math.max(...lists.map((l) => l.values.length));
  listSheet.addRow(lists.map((l) => l.header)).commit();
  for (let i = 0; i < longest; i++) listSheet.addRow(lists.map((l) => l.values[i] ?? '')).commit();
  listSheet.commit();
  await workbook.commit();
}

/** How many rows an export of the list's filter holds, for the audit row written before the file. */
export async function countExport(db: Database, viewer: Viewer, args: HouseholdListArgs) {
  const [counts] = rowsOf<{ households: number; members: number; incomes: number }>(
    await db.execute(sql`select count(*)::int as households,
        coalesce(sum((select count(*) from household_members m where m.household_id = ${households.id})), 0)::int as members,
        coalesce(sum((select count(*) from household_incomes i where i.household_id = ${households.id})), 0)::int as incomes
      from ${households} where ${householdListFilter(households, viewer, args)}`),
  );
  return {
    households: Number(counts!.households),
    members: Number(counts!.members),
    incomes: Number(counts!.incomes),
  };
}

/**
 * Exports what the household list shows (the same filter) in the template's layout, streaming page by
 * page. Masked (the default): ID numbers and phones masked, health and disability left out for roles
 * without access, no incomes. Unmasked (the route checks the right and writes the audit): every value as
 * the import reads it, so the file re-imports with nothing changed. Birth dates are left out for
 * everyone: the import takes them from the ID number.
 */
export async function exportHouseholds(
  db: Database,
  viewer: Viewer,
  args: HouseholdListArgs,
  out: Writable,
  options: { unmasked: boolean } = { unmasked: false },
) {
  const { unmasked } = options;
  const sensitive = hasPermission(viewer.roles, 'household.sensitive');
  const workbook = newWriter(out);
  const householdSheet = addSheet(workbook, HOUSEHOLD_SHEET, HOUSEHOLD_COLUMNS);
  const memberSheet = addSheet(workbook, MEMBER_SHEET, MEMBER_COLUMNS);
  const incomeSheet = unmasked ? addSheet(workbook, INCOME_SHEET, INCOME_COLUMNS) : null;
  let afterId = 0;
  let exported = 0;
  for (;;) {
    const page = await db.query.households.findMany({
      where: {
        RAW: (table) => sql`${householdListFilter(table, viewer, args)} and ${table.id} > ${afterId}`,
      },
      orderBy: { id: 'asc' },
      limit: 2000,
      with: {
        village: { columns: { name: true }, with: { parent: { columns: { name: true } } } },
        members: { orderBy: { id: 'asc' }, columns: { birthDate: false } },
        ...(unmasked ? { incomes: { orderBy: { year: 'asc' as const } } } : {}),
      },
    });
    if (page.length === 0) break;
    for (const h of page) {
      householdSheet
        .addRow({
          householdNumber: h.householdNumber,
          township: h.village.parent?.name ?? '',
          village: h.village.name,
          groupName: h.groupName,
          address: h.address,
          phone: (unmasked ? h.phone : maskPhone(h.phone)) ?? '',
          attribute: ENUMS.attribute.label(h.attribute),
          mainCause: ENUMS.mainCause.label(h.mainCause),
          status: ENUMS.status.label(h.status),
          identifiedYear: h.identifiedYear ?? '',
          exitedYear: h.exitedYear ?? '',
        } satisfies Record<HouseholdColumnKey, unknown>)
        .commit();
      for (const m of h.members)
        memberSheet
          .addRow({
            householdNumber: h.householdNumber,
            name: m.name,
            idNumber: unmasked ? m.idNumber : maskIdNumber(m.idNumber),
            relation: ENUMS.relation.label(m.relation),
            sex: ENUMS.sex.label(m.sex),
            birthDate: '',
            education: ENUMS.education.label(m.education),
            health: unmasked || sensitive ? ENUMS.health.label(m.health) : '',
            disability: unmasked || sensitive ? ENUMS.disability.label(m.disability) : '',
            labourCapacity: ENUMS.labourCapacity.label(m.labourCapacity),
            schoolEnrolment: ENUMS.schoolEnrolment.label(m.schoolEnrolment),
            medicalInsured: m.medicalInsured ? '是' : '否',
          } satisfies Record<MemberColumnKey, unknown>)
          .commit();
      const incomes = 'incomes' in h ? (h.incomes as (typeof h & { incomes: IncomeRow[] })['incomes']) : [];
      for (const i of incomes)
        incomeSheet
          ?.addRow({
            householdNumber: h.householdNumber,
            year: i.year,
            wagesYuan: fenToYuan(i.wagesFen),
            businessIncomeYuan: fenToYuan(i.businessIncomeFen),
            businessCostsYuan: fenToYuan(i.businessCostsFen),
            propertyIncomeYuan: fenToYuan(i.propertyIncomeFen),
            transferIncomeYuan: fenToYuan(i.transferIncomeFen),
          } satisfies Record<IncomeColumnKey, unknown>)
          .commit();
    }
    exported += page.length;
    afterId = page[page.length - 1]!.id;
  }
  householdSheet.commit();
  memberSheet.commit();
  incomeSheet?.commit();
  await workbook.commit();
  return exported;
}

interface IncomeRow {
  year: number;
  wagesFen: number;
  businessIncomeFen: number;
  businessCostsFen: number;
  propertyIncomeFen: number;
  transferIncomeFen: number;
}
