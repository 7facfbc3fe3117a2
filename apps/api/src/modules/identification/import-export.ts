import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Database } from '@gongjian/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { writeAudit } from '../../audit';
import { maskIdNumber, maskPhone } from '../../auth/masking';
import { hasPermission } from '../../auth/permissions';
import type { Viewer } from '../../context';
import { rowsOf } from '../../shared/rows';
import {
  cellText,
  ENUMS,
  HOUSEHOLD_COLUMNS,
  HOUSEHOLD_SHEET,
  type HouseholdColumnKey,
  type ImportIssue,
  MEMBER_COLUMNS,
  MEMBER_SHEET,
  type MemberColumnKey,
  NOTES_SHEET,
  type RawRow,
  type TemplateColumn,
} from './excel-template';
import { type HouseholdListArgs, householdListFilter } from './household';
import { type ImportHousehold, type ImportMember, validateImport } from './import-validation';

export type { ImportIssue } from './excel-template';

/**
 * Excel import and export of the registry with exceljs (never the abandoned `xlsx` package). The import
 * reads the whole file, validates every row against the template, the rules of input and the database,
 * reports every bad row, and only then writes, in one transaction; upserts by household number and ID
 * number make a re-import of the same file add nothing.
 */

export type ImportEvent =
  | { type: 'progress'; phase: 'parse' | 'validate' | 'write'; done: number; total: number | null }
  | ({ type: 'error' } & ImportIssue)
  | { type: 'result'; result: ImportResult };

export interface ImportOptions {
  /** ALL: nothing is written unless the whole file is clean. CLEAN_ONLY: write the clean households, report the rest. */
  mode: 'ALL' | 'CLEAN_ONLY';
  dryRun: boolean;
  fileName?: string;
}

export interface ImportResult {
  status: 'IMPORTED' | 'REJECTED' | 'VALIDATED';
  mode: ImportOptions['mode'];
  dryRun: boolean;
  householdRows: number;
  memberRows: number;
  errorCount: number;
  skippedHouseholds: number;
  households: { created: number; updated: number; unchanged: number };
  members: { created: number; updated: number; unchanged: number };
  fileDigest: string;
}

/**
 * Reads the workbook and returns the rows of the two sheets keyed by column key; a missing sheet or
 * required header is an issue on row 0 or 1. exceljs's streaming reader (4.4.0) can split a multi-byte
 * character at a chunk boundary and garble Chinese text (exceljs issues #2084, #2316), so the file is
 * loaded whole: its reader decodes each part to a string before parsing.
 */
export async function parseWorkbook(
  file: Buffer,
  onProgress: (rows: number) => void,
): Promise<{ households: RawRow[]; members: RawRow[]; issues: ImportIssue[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const issues: ImportIssue[] = [];
  let count = 0;
  const read = (name: string, columns: readonly TemplateColumn[]) => {
    const sheet = workbook.getWorksheet(name);
    const rows: RawRow[] = [];
    if (!sheet) {
      issues.push({ sheet: name, row: 0, column: '', reason: `缺少工作表「${name}」` });
      return rows;
    }
    const byHeader = new Map(columns.map((c) => [c.header, c.key]));
    const keyOf = (sheet.getRow(1).values as unknown[]).map((v) => byHeader.get(cellText(v)));
    for (const c of columns)
      if (c.required && !keyOf.includes(c.key))
        issues.push({ sheet: name, row: 1, column: c.header, reason: '缺少必填列' });
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const cells: Record<string, unknown> = {};
      let empty = true;
      (row.values as unknown[]).forEach((value, index) => {
        const key = keyOf[index];
        if (!key) return;
        cells[key] = value;
        if (cellText(value) !== '') empty = false;
      });
      if (empty) return;
      rows.push({ row: number, cells });
      if (++count % 5000 === 0) onProgress(count);
    });
    return rows;
  };
  const households = read(HOUSEHOLD_SHEET, HOUSEHOLD_COLUMNS);
  const members = read(MEMBER_SHEET, MEMBER_COLUMNS);
  onProgress(count);
  return { households, members, issues };
}

const CHUNK = 5000;

/** Upserts households and members; a row whose values are unchanged is not touched (idempotent re-import). */
async function writeImport(
  db: Database,
  viewer: Viewer,
  rows: { households: ImportHousehold[]; members: ImportMember[] },
  file: { digest: string; mode: ImportOptions['mode'] },
  onProgress: (done: number, total: number) => void,
) {
  const total = rows.households.length + rows.members.length;
  let done = 0;
  const counts = {
    households: { created: 0, updated: 0, unchanged: 0 },
    members: { created: 0, updated: 0, unchanged: 0 },
  };
  await db.transaction(async (tx) => {
    const idByNumber = new Map<string, number>();
    for (let i = 0; i < rows.households.length; i += CHUNK) {
      const chunk = rows.households.slice(i, i + CHUNK).map((h) => ({
        county_id: h.countyId,
        region_path: h.regionPath,
        village_id: h.villageId,
        household_number: h.householdNumber,
        group_name: h.groupName,
        address: h.address,
        phone: h.phone,
        attribute: h.attribute,
        main_cause: h.mainCause,
        status: h.status,
        identified_year: h.identifiedYear,
        exited_year: h.exitedYear,
      }));
      const written = rowsOf<{ id: number; household_number: string; inserted: boolean }>(
        await tx.execute(sql`insert into households (county_id, region_path, village_id, household_number, group_name,
            address, phone, attribute, main_cause, status, identified_year, exited_year)
          select county_id, region_path, village_id, household_number, group_name, address, phone, attribute, main_cause,
            status, identified_year, exited_year
          from json_populate_recordset(null::households, ${JSON.stringify(chunk)}::json)
          on conflict (county_id, household_number) do update set group_name = excluded.group_name,
            address = excluded.address, phone = excluded.phone, attribute = excluded.attribute,
            main_cause = excluded.main_cause, version = households.version + 1, updated_at = now()
          where (households.group_name, households.address, households.phone, households.attribute, households.main_cause)
            is distinct from (excluded.group_name, excluded.address, excluded.phone, excluded.attribute, excluded.main_cause)
          returning id, household_number, (xmax = 0) as inserted`),
      );
      for (const w of written) {
        idByNumber.set(w.household_number, Number(w.id));
        if (w.inserted) counts.households.created++;
        else counts.households.updated++;
      }
      const numbers = chunk.map((h) => h.household_number).filter((n) => !idByNumber.has(n));
      if (numbers.length) {
        const existing = rowsOf<{ id: number; household_number: string }>(
          await tx.execute(sql`select id, household_number from households
            where county_id = ${viewer.countyId} and household_number in (select jsonb_array_elements_text(${JSON.stringify(numbers)}::jsonb))`),
        );
        for (const e of existing) idByNumber.set(e.household_number, Number(e.id));
        counts.households.unchanged += existing.length;
      }
      done += chunk.length;
      onProgress(done, total);
    }
    for (let i = 0; i < rows.members.length; i += CHUNK) {
      const chunk = rows.members.slice(i, i + CHUNK).map((m) => ({
        county_id: m.countyId,
        region_path: m.regionPath,
        household_id: idByNumber.get(m.householdNumber)!,
        name: m.name,
        id_number: m.idNumber,
        relation: m.relation,
        sex: m.sex,
        birth_date: m.birthDate,
        education: m.education,
        health: m.health,
        disability: m.disability,
        labour_capacity: m.labourCapacity,
        school_enrolment: m.schoolEnrolment,
        medical_insured: m.medicalInsured,
      }));
      const written = rowsOf<{ inserted: boolean }>(
        await tx.execute(sql`insert into household_members (county_id, region_path, household_id, name, id_number, relation,
            sex, birth_date, education, health, disability, labour_capacity, school_enrolment, medical_insured)
          select county_id, region_path, household_id, name, id_number, relation, sex, birth_date, education, health,
            disability, labour_capacity, school_enrolment, medical_insured
          from json_populate_recordset(null::household_members, ${JSON.stringify(chunk)}::json)
          on conflict (id_number) do update set name = excluded.name, relation = excluded.relation,
            education = excluded.education, health = excluded.health, disability = excluded.disability,
            labour_capacity = excluded.labour_capacity, school_enrolment = excluded.school_enrolment,
            medical_insured = excluded.medical_insured, version = household_members.version + 1, updated_at = now()
          where (household_members.name, household_members.relation, household_members.education, household_members.health,
              household_members.disability, household_members.labour_capacity, household_members.school_enrolment,
              household_members.medical_insured)
            is distinct from (excluded.name, excluded.relation, excluded.education, excluded.health, excluded.disability,
              excluded.labour_capacity, excluded.school_enrolment, excluded.medical_insured)
          returning (xmax = 0) as inserted`),
      );
      const created = written.filter((w) => w.inserted).length;
      counts.members.created += created;
      counts.members.updated += written.length - created;
      counts.members.unchanged += chunk.length - written.length;
      done += chunk.length;
      onProgress(done, total);
    }
    await writeAudit(tx, viewer, {
      action: 'household.import',
      entityType: 'HouseholdImport',
      entityId: null,
      regionPath: viewer.regionPath,
      after: { ...counts, fileDigest: file.digest, mode: file.mode },
    });
  });
  return counts;
}

/** Imports a workbook: parse, validate everything, then (unless rejected or a dry run) write in one transaction. */
export async function importWorkbook(
  db: Database,
  viewer: Viewer,
  file: Buffer,
  options: ImportOptions,
  emit: (event: ImportEvent) => void,
): Promise<ImportResult> {
  const fileDigest = createHash('sha256').update(file).digest('hex');
  let parsed: Awaited<ReturnType<typeof parseWorkbook>>;
  try {
    parsed = await parseWorkbook(file, (done) =>
      emit({ type: 'progress', phase: 'parse', done, total: null }),
    );
  } catch {
    parsed = {
      households: [],
      members: [],
      issues: [{ sheet: '', row: 0, column: '', reason: '无法读取文件: 不是有效的 .xlsx 工作簿' }],
    };
  }
  const validated = await validateImport(db, viewer, parsed, (done, total) =>
    emit({ type: 'progress', phase: 'validate', done, total }),
  );
  const issues = [...parsed.issues, ...validated.issues];
  for (const issue of issues) emit({ type: 'error', ...issue });
  const empty = { created: 0, updated: 0, unchanged: 0 };
  const base = {
    mode: options.mode,
    dryRun: options.dryRun,
    householdRows: parsed.households.length,
    memberRows: parsed.members.length,
    errorCount: issues.length,
    skippedHouseholds: parsed.households.length - validated.households.length,
    fileDigest,
  };
  const rejected = parsed.issues.length > 0 || (options.mode === 'ALL' && issues.length > 0);
  if (rejected || options.dryRun) {
    const result: ImportResult = {
      ...base,
      status: rejected ? 'REJECTED' : 'VALIDATED',
      households: empty,
      members: empty,
    };
    emit({ type: 'result', result });
    return result;
  }
  const counts = await writeImport(
    db,
    viewer,
    validated,
    { digest: fileDigest, mode: options.mode },
    (done, total) => emit({ type: 'progress', phase: 'write', done, total }),
  );
  const result: ImportResult = { ...base, status: 'IMPORTED', ...counts };
  emit({ type: 'result', result });
  return result;
}

function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter | ExcelJS.Workbook,
  name: string,
  columns: readonly TemplateColumn[],
) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(10, c.header.length * 3),
  }));
  return sheet;
}

/** The empty template with a notes sheet describing every column. */
export async function writeTemplate(out: Writable) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  addSheet(workbook, HOUSEHOLD_SHEET, HOUSEHOLD_COLUMNS).commit();
  addSheet(workbook, MEMBER_SHEET, MEMBER_COLUMNS).commit();
  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.addRow(['工作表', '列', '必填', '说明']).commit();
  for (const [sheet, columns] of [
    [HOUSEHOLD_SHEET, HOUSEHOLD_COLUMNS],
    [MEMBER_SHEET, MEMBER_COLUMNS],
  ] as const)
    for (const c of columns) notes.addRow([sheet, c.header, c.required ? '是' : '否', c.note]).commit();
  notes.commit();
  await workbook.commit();
}

/**
 * Exports what the household list shows (the same filter) in the template's layout, streaming page by
 * page; ID numbers and phones are masked, health and disability left out for roles without access, birth
 * dates for everyone (they are the masked digits of the ID number).
 */
export async function exportHouseholds(db: Database, viewer: Viewer, args: HouseholdListArgs, out: Writable) {
  const sensitive = hasPermission(viewer.roles, 'household.sensitive');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const householdSheet = addSheet(workbook, HOUSEHOLD_SHEET, HOUSEHOLD_COLUMNS);
  const memberSheet = addSheet(workbook, MEMBER_SHEET, MEMBER_COLUMNS);
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
          phone: maskPhone(h.phone) ?? '',
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
            idNumber: maskIdNumber(m.idNumber),
            relation: ENUMS.relation.label(m.relation),
            sex: ENUMS.sex.label(m.sex),
            birthDate: '',
            education: ENUMS.education.label(m.education),
            health: sensitive ? ENUMS.health.label(m.health) : '',
            disability: sensitive ? ENUMS.disability.label(m.disability) : '',
            labourCapacity: ENUMS.labourCapacity.label(m.labourCapacity),
            schoolEnrolment: ENUMS.schoolEnrolment.label(m.schoolEnrolment),
            medicalInsured: m.medicalInsured ? '是' : '否',
          } satisfies Record<MemberColumnKey, unknown>)
          .commit();
    }
    exported += page.length;
    afterId = page[page.length - 1]!.id;
  }
  householdSheet.commit();
  memberSheet.commit();
  await workbook.commit();
  return exported;
}
