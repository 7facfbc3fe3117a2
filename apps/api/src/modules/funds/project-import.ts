import type { Writable } from 'node:stream';
import type { Database } from '@gongjian/db';
import { projectSteps, projects } from '@gongjian/db/schema';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../audit';
import type { Viewer } from '../../context';
import { actedOn } from '../../shared/dates';
import {
  type ImportColumn,
  type ImportOptions,
  type ImportResult,
  readImportSheet,
  rowIssues,
  runImport,
  type SheetRow,
  writeImportTemplate,
} from '../../shared/excel-import';
import { enteredAmountSchema } from '../../shared/money';
import { rowsOf } from '../../shared/rows';
import { ProjectSchema } from './project';

/**
 * 项目库导入: projects from an Excel sheet, each row checked as createProject checks one application (the same
 * zod schemas, a village in the viewer's jurisdiction, a responsible unit of its county). Imported projects
 * enter at APPLICATION with its step, never past it. The natural key is (计划年度, 村, 项目名称): a row whose
 * project is already in the library is left as it is and counted `unchanged`, so importing a file again
 * writes nothing. All rows are written in one transaction under the county's import lock, with one audit row.
 */

export const PROJECT_SHEET = '项目库';

export const PROJECT_COLUMNS = [
  { key: 'name', header: '项目名称', required: true, note: '2 至 200 字' },
  { key: 'category', header: '项目类别', required: true, note: '如 产业发展、基础设施; 2 至 50 字' },
  { key: 'year', header: '计划年度', required: true, note: '四位年度, 如 2019' },
  { key: 'village', header: '实施村', required: true, note: '村名; 管辖范围内有重名村时填村的区划代码' },
  { key: 'unitName', header: '责任单位', required: true, note: '单位全称, 与单位管理中一致 (本县)' },
  { key: 'amountYuan', header: '资金规模（元）', required: false, note: '元, 最多两位小数; 与万元二选一' },
  {
    key: 'amountWanYuan',
    header: '资金规模（万元）',
    required: false,
    note: '万元, 最多六位小数; 与元二选一',
  },
  { key: 'beneficiaryHouseholds', header: '受益户数', required: true, note: '不小于0的整数' },
  { key: 'beneficiaryPeople', header: '受益人数', required: true, note: '不小于0的整数' },
  { key: 'beneficiaryPoorPeople', header: '受益贫困人口', required: true, note: '整数, 不多于受益人数' },
  { key: 'performanceTarget', header: '绩效目标', required: true, note: '必填, 至少4个字' },
  { key: 'povertyLink', header: '带贫减贫机制', required: true, note: '必填, 至少4个字' },
  { key: 'notes', header: '申报说明', required: false, note: '最多 1000 字' },
] as const satisfies readonly ImportColumn[];

type ColumnKey = (typeof PROJECT_COLUMNS)[number]['key'];
const COUNTS = ['year', 'beneficiaryHouseholds', 'beneficiaryPeople', 'beneficiaryPoorPeople'] as const;

export interface ProjectImportResult extends ImportResult {
  /** Rows whose project (same year, village and name) is already in the library. */
  unchanged: number;
}

interface CheckedProject {
  row: number;
  values: {
    countyId: number;
    regionPath: string;
    regionId: number;
    responsibleUnitId: number;
    budgetFen: number;
    name: string;
    category: string;
    year: number;
    beneficiaryHouseholds: number;
    beneficiaryPeople: number;
    beneficiaryPoorPeople: number;
    performanceTarget: string;
    povertyLink: string;
  };
  notes: string | null;
}

const projectKey = (p: { year: number; regionId: number; name: string }) =>
  `${p.year}|${p.regionId}|${p.name}`;

async function libraryKeys(db: Pick<Database, 'execute'>, countyId: number) {
  const rows = rowsOf<{ year: number; regionId: number; name: string }>(
    await db.execute(
      sql`select year, region_id as "regionId", name from ${projects} where county_id = ${countyId}`,
    ),
  );
  return new Set(rows.map(projectKey));
}

async function checkRows(db: Database, viewer: Viewer, rows: SheetRow<ColumnKey>[]) {
  const villages = rowsOf<{ id: number; name: string; code: string; countyId: number; regionPath: string }>(
    await db.execute(sql`
      select id, name, code, county_id as "countyId", region_path as "regionPath" from regions
      where level = 'VILLAGE' and region_path like ${`${viewer.regionPath}%`}`),
  );
  const units = rowsOf<{ id: number; name: string }>(
    await db.execute(sql`select id, name from units where county_id = ${viewer.countyId}`),
  );
  const inLibrary = await libraryKeys(db, viewer.countyId!);
  const issues: ImportResult['issues'] = [];
  const clean: CheckedProject[] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  for (const sheetRow of rows) {
    const { row, cells } = sheetRow;
    const before = issues.length;
    const issue = rowIssues(PROJECT_COLUMNS, sheetRow, issues);
    const counts: Partial<Record<(typeof COUNTS)[number], number>> = {};
    for (const key of COUNTS)
      if (cells[key] && !/^\d{1,9}$/.test(cells[key])) issue(key, '应为不小于0的整数');
      else if (cells[key]) counts[key] = Number(cells[key]);
    const villageMatches = villages.filter((v) => v.code === cells.village || v.name === cells.village);
    if (cells.village && villageMatches.length === 0) issue('village', '该村不存在或不在您的管辖范围内');
    if (villageMatches.length > 1) issue('village', '管辖范围内有重名村, 请填写村的区划代码');
    const unitMatches = units.filter((u) => u.name === cells.unitName);
    if (cells.unitName && unitMatches.length === 0) issue('unitName', '本县没有该单位');
    if (unitMatches.length > 1) issue('unitName', '本县有同名单位, 请先在单位管理中区分');
    const project = ProjectSchema.safeParse({ ...cells, ...counts, notes: cells.notes || null });
    if (!project.success)
      for (const problem of project.error.issues) {
        const key = problem.path[0] as ColumnKey;
        const column = PROJECT_COLUMNS.find((c) => c.key === key)!.header;
        if (!issues.some((i, n) => n >= before && i.column === column)) issue(key, problem.message);
      }
    const budget = enteredAmountSchema.safeParse({
      amountYuan: cells.amountYuan || null,
      amountWanYuan: cells.amountWanYuan || null,
    });
    if (!budget.success)
      for (const problem of budget.error.issues)
        issue(problem.path[0] === 'amountWanYuan' ? 'amountWanYuan' : 'amountYuan', problem.message);
    if (issues.length > before || !project.success || !budget.success) continue;
    const village = villageMatches[0]!;
    const { notes, ...columns } = project.data;
    const key = projectKey({ year: columns.year, regionId: village.id, name: columns.name });
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issue('name', `与第 ${earlier} 行是同一项目 (同一年度、村和名称)`);
      continue;
    }
    seen.set(key, row);
    if (inLibrary.has(key)) {
      unchanged += 1;
      continue;
    }
    clean.push({
      row,
      values: {
        ...columns,
        countyId: village.countyId,
        regionPath: village.regionPath,
        regionId: village.id,
        responsibleUnitId: unitMatches[0]!.id,
        budgetFen: budget.data,
      },
      notes: notes ?? null,
    });
  }
  return { clean, issues, unchanged };
}

export async function importProjects(
  db: Database,
  viewer: Viewer,
  file: Buffer,
  options: ImportOptions,
): Promise<ProjectImportResult> {
  let unchanged = 0;
  let written = 0;
  const { clean: _clean, ...result } = await runImport({
    read: await readImportSheet(file, PROJECT_SHEET, PROJECT_COLUMNS),
    check: async (rows) => {
      const checked = await checkRows(db, viewer, rows);
      unchanged = checked.unchanged;
      return checked;
    },
    write: (clean) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('project-import'), ${viewer.countyId})`);
        const inLibrary = await libraryKeys(tx, viewer.countyId!);
        const fresh = clean.filter((p) => !inLibrary.has(projectKey(p.values)));
        unchanged += clean.length - fresh.length;
        written = fresh.length;
        if (fresh.length === 0) return;
        const created = await tx
          .insert(projects)
          .values(fresh.map((p) => p.values))
          .returning({ id: projects.id });
        await tx.insert(projectSteps).values(
          fresh.map((p, index) => ({
            countyId: p.values.countyId,
            regionPath: p.values.regionPath,
            projectId: created[index]!.id,
            fromState: null,
            toState: 'APPLICATION' as const,
            actedOn: actedOn(null),
            actedById: viewer.id,
            notes: p.notes,
          })),
        );
        await writeAudit(tx, viewer, {
          action: 'project.import',
          entityType: 'Project',
          entityId: null,
          regionPath: viewer.regionPath,
          after: { projectIds: created.map((p) => p.id), rows: fresh.map((p) => p.row) },
        });
      }),
    conflictReason: '校验后项目库已变化, 未写入任何数据, 请重新导入',
    options,
  });
  const allUnchanged = result.status === 'REJECTED' && result.errorCount === 0 && unchanged === result.rows;
  if (allUnchanged && result.rows > 0 && !options.dryRun) return { ...result, status: 'IMPORTED', unchanged };
  return { ...result, written: result.status === 'IMPORTED' ? written : 0, unchanged };
}

/** The empty template with a notes sheet describing every column. */
export async function writeProjectTemplate(out: Writable) {
  await writeImportTemplate(out, {
    sheet: PROJECT_SHEET,
    columns: PROJECT_COLUMNS,
    notes: [
      '导入的项目处于"申报"环节, 之后的乡镇审核、县级论证等环节在项目库中逐一办理',
      '同一计划年度、同一村、同一名称为同一项目; 已在项目库中的行保持不变, 重复导入不会重复登记',
      '金额按文本填写可避免 Excel 舍入; 万元最多六位小数 (整分)',
    ],
  });
}
