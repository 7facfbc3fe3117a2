import type { Database } from '@gongjian/db';
import { checkImportedStatus, type HouseholdStatus } from '@gongjian/rules';
import { sql } from 'drizzle-orm';
import type { Viewer } from '../../context';
import { rowsOf } from '../../shared/rows';
import {
  cellText,
  ENUMS,
  HOUSEHOLD_COLUMNS,
  HOUSEHOLD_SHEET,
  type ImportIssue,
  INCOME_COLUMNS,
  INCOME_SHEET,
  MEMBER_COLUMNS,
  MEMBER_SHEET,
  type RawRow,
  unaccepted,
} from './excel-template';
import { type ImportIncome, validateIncomes } from './import-incomes';
import { householdNumberSchema, type MemberValues, memberSchema, phoneSchema } from './validation';

/**
 * Validation of a whole import before anything is written: every cell against the template and the input
 * rules the mutations use, duplicates inside the file, and the database (villages in the jurisdiction,
 * households and ID numbers already registered), in three statements however large the file.
 */

export interface ImportHousehold {
  row: number;
  countyId: number;
  regionPath: string;
  villageId: number;
  householdNumber: string;
  groupName: string;
  address: string;
  phone: string | null;
  attribute: string;
  mainCause: string;
  status: string;
  identifiedYear: number | null;
  exitedYear: number | null;
}

export interface ImportMember extends MemberValues {
  row: number;
  countyId: number;
  regionPath: string;
  householdNumber: string;
}

const HEADER = Object.fromEntries([...HOUSEHOLD_COLUMNS, ...MEMBER_COLUMNS].map((c) => [c.key, c.header]));
const INCOME_HEADER = Object.fromEntries(INCOME_COLUMNS.map((c) => [c.key, c.header]));
const SHEET_ORDER = [HOUSEHOLD_SHEET, MEMBER_SHEET, INCOME_SHEET];
const REGISTERED = new Set(['POOR', 'EXITED', 'EXITED_NO_POLICY', 'RETURNED']);
const EXITED = new Set(['EXITED', 'EXITED_NO_POLICY']);

interface Village {
  id: number;
  name: string;
  township: string;
  region_path: string;
  county_id: number;
}

/** IMPORT.NEW_HOUSEHOLD_STATUS / IMPORT.STATUS_CHANGE, reported on the row's status cell. */
function refuseStatus(
  h: ImportHousehold,
  registeredStatus: HouseholdStatus | null,
  flag: (key: string, reason: string) => void,
) {
  const decision = checkImportedStatus({
    householdNumber: h.householdNumber,
    importedStatus: h.status as HouseholdStatus,
    registeredStatus,
  });
  if (decision.outcome === 'PASS') return;
  const registered =
    registeredStatus === null ? '' : `系统中为「${ENUMS.status.label(registeredStatus as never)}」, `;
  flag('status', `${registered}${decision.reasons[0]!.messageZh}`);
}

function jsonList(values: readonly string[]) {
  return sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

export async function validateImport(
  db: Database,
  viewer: Viewer,
  parsed: { households: RawRow[]; members: RawRow[]; incomes: RawRow[] },
  onProgress: (done: number, total: number) => void,
) {
  const issues: ImportIssue[] = [];
  const total = parsed.households.length + parsed.members.length + parsed.incomes.length;
  let done = 0;
  const tick = () => {
    if (++done % 5000 === 0) onProgress(done, total);
  };
  const householdIssue = (row: number, key: string, reason: string) =>
    issues.push({ sheet: HOUSEHOLD_SHEET, row, column: HEADER[key] ?? key, reason });
  const memberIssue = (row: number, key: string, reason: string) =>
    issues.push({ sheet: MEMBER_SHEET, row, column: HEADER[key] ?? key, reason });

  const villages = rowsOf<Village>(
    await db.execute(sql`select v.id, v.name, t.name as township, v.region_path, v.county_id
      from regions v join regions t on t.id = v.parent_id
      where v.level = 'VILLAGE' and v.county_id = ${viewer.countyId}`),
  );
  const byFullName = new Map(villages.map((v) => [`${v.township}/${v.name}`, v]));
  const byName = new Map<string, Village[]>();
  for (const v of villages) byName.set(v.name, [...(byName.get(v.name) ?? []), v]);

  const badHouseholds = new Set<string>();
  const householdRows = new Map<string, ImportHousehold>();
  for (const { row, cells } of parsed.households) {
    tick();
    const text = (key: string) => cellText(cells[key]);
    const before = issues.length;
    const number = householdNumberSchema.safeParse(text('householdNumber'));
    if (!number.success) householdIssue(row, 'householdNumber', number.error.issues[0]!.message);
    const householdNumber = number.success ? number.data : text('householdNumber');
    if (number.success && householdRows.has(householdNumber))
      householdIssue(
        row,
        'householdNumber',
        `户编号重复 (与第 ${householdRows.get(householdNumber)!.row} 行)`,
      );
    const villageName = text('village');
    const township = text('township');
    let village: Village | undefined;
    if (!villageName) householdIssue(row, 'village', '不能为空');
    else {
      const fullName = byFullName.get(`${township}/${villageName}`);
      const candidates = township ? (fullName ? [fullName] : []) : (byName.get(villageName) ?? []);
      if (candidates.length === 0)
        householdIssue(row, 'village', township ? '该乡镇没有这个村' : '本县没有这个村');
      else if (candidates.length > 1) householdIssue(row, 'township', '县内有同名村, 请填写乡镇');
      else if (!candidates[0]!.region_path.startsWith(viewer.regionPath))
        householdIssue(row, 'village', '该村不在您的管辖范围内');
      else village = candidates[0];
    }
    const enumValue = (key: 'attribute' | 'mainCause' | 'status') => {
      const raw = text(key);
      if (!raw) {
        householdIssue(row, key, '不能为空');
        return '';
      }
      const value = ENUMS[key].parse(raw);
      if (!value) householdIssue(row, key, unaccepted(raw, ENUMS[key].accepted));
      return value ?? '';
    };
    const attribute = enumValue('attribute');
    const mainCause = enumValue('mainCause');
    const status = enumValue('status');
    const year = (key: 'identifiedYear' | 'exitedYear') => {
      const raw = text(key);
      if (!raw) return null;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 2000 || value > 2100) {
        householdIssue(row, key, '应为四位年份');
        return null;
      }
      return value;
    };
    const identifiedYear = year('identifiedYear');
    const exitedYear = year('exitedYear');
    if (REGISTERED.has(status) && identifiedYear === null)
      householdIssue(row, 'identifiedYear', '在册贫困户须填写识别年度');
    if (EXITED.has(status) && exitedYear === null)
      householdIssue(row, 'exitedYear', '已脱贫户须填写脱贫年度');
    if (identifiedYear !== null && exitedYear !== null && exitedYear < identifiedYear)
      householdIssue(row, 'exitedYear', '脱贫年度不能早于识别年度');
    const phoneText = text('phone');
    const phone = phoneText ? phoneSchema.safeParse(phoneText) : null;
    if (phone && !phone.success) householdIssue(row, 'phone', phone.error.issues[0]!.message);
    if (text('groupName').length > 20) householdIssue(row, 'groupName', '不能超过20个字');
    if (text('address').length > 100) householdIssue(row, 'address', '不能超过100个字');
    const record: ImportHousehold = {
      row,
      countyId: village?.county_id ?? 0,
      regionPath: village?.region_path ?? '',
      villageId: village?.id ?? 0,
      householdNumber,
      groupName: text('groupName'),
      address: text('address'),
      phone: phone?.success ? phone.data : null,
      attribute,
      mainCause,
      status,
      identifiedYear,
      exitedYear,
    };
    if (!householdRows.has(householdNumber)) householdRows.set(householdNumber, record);
    if (issues.length > before) badHouseholds.add(householdNumber);
  }

  const existingHouseholds = rowsOf<{
    household_number: string;
    region_path: string;
    village_id: number;
    status: string;
  }>(
    await db.execute(sql`select household_number, region_path, village_id, status from households
      where county_id = ${viewer.countyId} and household_number in ${jsonList([...householdRows.keys()])}`),
  );
  for (const existing of existingHouseholds) {
    const h = householdRows.get(existing.household_number)!;
    const flag = (key: string, reason: string) => {
      householdIssue(h.row, key, reason);
      badHouseholds.add(h.householdNumber);
    };
    if (!existing.region_path.startsWith(viewer.regionPath))
      flag('householdNumber', '该户编号已登记在您管辖范围以外');
    else if (h.villageId && Number(existing.village_id) !== h.villageId)
      flag('village', '与已登记的村不一致 (户籍迁移请在系统中办理)');
    else if (h.status) refuseStatus(h, existing.status as HouseholdStatus, flag);
  }
  const alreadyRegistered = new Set(existingHouseholds.map((existing) => existing.household_number));
  for (const h of householdRows.values())
    if (h.status && !alreadyRegistered.has(h.householdNumber))
      refuseStatus(h, null, (key, reason) => {
        householdIssue(h.row, key, reason);
        badHouseholds.add(h.householdNumber);
      });

  const memberRows: ImportMember[] = [];
  const firstRowOfId = new Map<string, number>();
  const badMemberHouseholds = new Set<string>();
  for (const { row, cells } of parsed.members) {
    tick();
    const text = (key: string) => cellText(cells[key]);
    const householdNumber = text('householdNumber');
    const before = issues.length;
    if (!householdNumber) memberIssue(row, 'householdNumber', '不能为空');
    else if (!householdRows.has(householdNumber))
      memberIssue(row, 'householdNumber', '农户表中没有这个户编号');
    if (typeof cells.idNumber === 'number')
      memberIssue(row, 'idNumber', '身份证号须以文本格式填写 (数字格式会丢失末位)');
    const enumOf = (
      key: 'relation' | 'sex' | 'education' | 'health' | 'disability' | 'labourCapacity' | 'schoolEnrolment',
      fallback?: string,
    ) => {
      const raw = text(key);
      if (!raw) return fallback;
      const value = ENUMS[key].parse(raw);
      if (!value) memberIssue(row, key, unaccepted(raw, ENUMS[key].accepted));
      return value ?? '__invalid__';
    };
    const insuredText = text('medicalInsured');
    const insured = insuredText ? ENUMS.yesNo.parse(insuredText) : 'YES';
    if (!insured) memberIssue(row, 'medicalInsured', unaccepted(insuredText, ENUMS.yesNo.accepted));
    const candidate = {
      name: text('name'),
      idNumber: text('idNumber'),
      relation: enumOf('relation'),
      sex: enumOf('sex') ?? null,
      birthDate: text('birthDate') || null,
      education: enumOf('education'),
      health: enumOf('health'),
      disability: enumOf('disability', 'NONE'),
      labourCapacity: enumOf('labourCapacity'),
      schoolEnrolment: enumOf('schoolEnrolment', 'NOT_ENROLLED'),
      medicalInsured: insured === 'YES',
    };
    const parsedMember = memberSchema.safeParse(candidate);
    if (!parsedMember.success) {
      for (const issue of parsedMember.error.issues) {
        const key = String(issue.path[0] ?? 'name');
        const already = issues.slice(before).some((i) => i.column === (HEADER[key] ?? key));
        if (!already)
          memberIssue(
            row,
            key,
            candidate[key as keyof typeof candidate] === undefined ? '不能为空' : issue.message,
          );
      }
    } else {
      const first = firstRowOfId.get(parsedMember.data.idNumber);
      if (first !== undefined) memberIssue(row, 'idNumber', `身份证号重复 (与第 ${first} 行)`);
      else firstRowOfId.set(parsedMember.data.idNumber, row);
    }
    if (issues.length > before) {
      badMemberHouseholds.add(householdNumber);
      continue;
    }
    const household = householdRows.get(householdNumber)!;
    memberRows.push({
      ...parsedMember.data!,
      row,
      countyId: household.countyId,
      regionPath: household.regionPath,
      householdNumber,
    });
  }

  const registered = rowsOf<{ id_number: string; household_number: string; relation: string }>(
    await db.execute(sql`select m.id_number, h.household_number, m.relation
      from household_members m join households h on h.id = m.household_id
      where m.id_number in ${jsonList(memberRows.map((m) => m.idNumber))}
        or (m.relation = 'HEAD' and h.county_id = ${viewer.countyId} and h.household_number in ${jsonList([...householdRows.keys()])})`),
  );
  const registeredById = new Map(registered.map((r) => [r.id_number, r]));
  const registeredHead = new Map(
    registered.filter((r) => r.relation === 'HEAD').map((r) => [r.household_number, r.id_number]),
  );
  const heads = new Map<string, ImportMember[]>();
  for (const m of memberRows) {
    const existing = registeredById.get(m.idNumber);
    if (existing && existing.household_number !== m.householdNumber) {
      memberIssue(m.row, 'idNumber', `该身份证号已登记在户 ${existing.household_number}`);
      badMemberHouseholds.add(m.householdNumber);
    }
    if (m.relation === 'HEAD') heads.set(m.householdNumber, [...(heads.get(m.householdNumber) ?? []), m]);
  }
  for (const h of householdRows.values()) {
    const fileHeads = heads.get(h.householdNumber) ?? [];
    const dbHead = registeredHead.get(h.householdNumber);
    if (fileHeads.length !== 1 && !(badMemberHouseholds.has(h.householdNumber) && fileHeads.length === 0)) {
      householdIssue(
        h.row,
        'householdNumber',
        fileHeads.length === 0 ? '家庭成员表中没有该户的户主' : '家庭成员表中该户有多名户主',
      );
      badHouseholds.add(h.householdNumber);
    } else if (fileHeads.length === 1 && dbHead && dbHead !== fileHeads[0]!.idNumber) {
      memberIssue(fileHeads[0]!.row, 'relation', '与系统中已登记的户主不一致 (变更户主请在系统中办理)');
      badHouseholds.add(h.householdNumber);
    }
  }
  const incomeRows: ImportIncome[] = validateIncomes(
    parsed.incomes,
    householdRows,
    (row, key, reason) =>
      issues.push({ sheet: INCOME_SHEET, row, column: INCOME_HEADER[key] ?? key, reason }),
    badMemberHouseholds,
  );
  onProgress(total, total);

  const clean = (number: string) => !badHouseholds.has(number) && !badMemberHouseholds.has(number);
  const order = (sheet: string) => SHEET_ORDER.indexOf(sheet);
  issues.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : order(a.sheet) - order(b.sheet)));
  return {
    issues,
    households: [...householdRows.values()].filter((h) => clean(h.householdNumber)),
    members: memberRows.filter((m) => clean(m.householdNumber)),
    incomes: incomeRows.filter((i) => clean(i.householdNumber)),
  };
}
