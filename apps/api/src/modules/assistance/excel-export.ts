import type { Writable } from 'node:stream';
import type { Database } from '@gongjian/db';
import { checkMemberTerm, checkWorkTeam, type Decision } from '@gongjian/rules';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Viewer } from '../../context';
import { clock, policyForYear, runRule } from '../../policy';
import { type ActivityListArgs, activityListFilter } from './activity';
import { monthCompliance } from './compliance';
import { type PairingListArgs, pairingListFilter } from './pairing';
import { type WorkTeamListArgs, workTeamListFilter } from './work-team';

/**
 * Excel exports of the assistance lists, each with the list's own filter (jurisdiction and a helper's own
 * rows included), streamed page by page. Helpers' phones are left out; households are named by number.
 */

const ROLE = { CAPTAIN: '队长', FIRST_SECRETARY: '第一书记', MEMBER: '队员' } as const;
const OUTCOME = { COMPLIANT: '达标', NON_COMPLIANT: '未达标', NOT_REQUIRED: '不要求' } as const;

const verdict = (decision: Decision<string>, ruleId: string) => {
  const reason = decision.reasons.find((r) => r.ruleId === ruleId);
  return reason ? `${reason.passed ? '符合' : '不符合'}: ${reason.messageZh}` : '';
};

function workbookTo(out: Writable) {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
}

function sheetOf(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: [string, string, number][],
) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map(([key, header, width]) => ({ key, header, width }));
  return sheet;
}

/** 驻村工作队花名册: one row per team with TEAM.STRENGTH, one row per member with TEAM.TERM. */
export async function exportRoster(db: Database, viewer: Viewer, args: WorkTeamListArgs, out: Writable) {
  const today = clock.today();
  const workbook = workbookTo(out);
  const teams = sheetOf(workbook, '工作队', [
    ['township', '乡镇', 14],
    ['village', '村', 14],
    ['unit', '后盾单位', 28],
    ['startDate', '进驻日期', 12],
    ['endDate', '撤离日期', 12],
    ['active', '在岗队员', 10],
    ['strength', '队伍力量 (TEAM.STRENGTH)', 60],
  ]);
  const members = sheetOf(workbook, '队员', [
    ['township', '乡镇', 14],
    ['village', '村', 14],
    ['name', '姓名', 10],
    ['role', '队内职务', 10],
    ['unit', '派出单位', 28],
    ['startDate', '进驻日期', 12],
    ['endDate', '离队日期', 12],
    ['term', '任期 (TEAM.TERM)', 60],
  ]);
  let afterId = 0;
  for (;;) {
    const page = await db.query.workTeams.findMany({
      where: { RAW: (table) => sql`${workTeamListFilter(table, viewer, args)} and ${table.id} > ${afterId}` },
      orderBy: { id: 'asc' },
      limit: 500,
      with: {
        backingUnit: { columns: { name: true } },
        village: { columns: { name: true, code: true }, with: { parent: { columns: { name: true } } } },
        members: {
          orderBy: { id: 'asc' },
          with: { cadre: { columns: { name: true }, with: { unit: { columns: { name: true } } } } },
        },
      },
    });
    if (page.length === 0) break;
    for (const team of page) {
      const policy = runRule(() => policyForYear(Number(today.slice(0, 4)), team.village.code));
      const strength = checkWorkTeam(
        {
          villageId: String(team.villageId),
          members: team.members.map((m) => ({
            cadreId: String(m.cadreId),
            startDate: m.startDate,
            endDate: m.endDate,
          })),
        },
        today,
        policy,
      );
      const place = { township: team.village.parent?.name ?? '', village: team.village.name };
      teams
        .addRow({
          ...place,
          unit: team.backingUnit.name,
          startDate: team.startDate,
          endDate: team.endDate ?? '',
          active: strength.activeMembers,
          strength: verdict(strength, 'TEAM.STRENGTH'),
        })
        .commit();
      for (const m of team.members) {
        const term = checkMemberTerm(
          { cadreId: String(m.cadreId), startDate: m.startDate, endDate: m.endDate },
          policy,
          today,
        );
        members
          .addRow({
            ...place,
            name: m.cadre.name,
            role: ROLE[m.role],
            unit: m.cadre.unit.name,
            startDate: m.startDate,
            endDate: m.endDate ?? '',
            term: verdict(term, 'TEAM.TERM'),
          })
          .commit();
      }
    }
    afterId = page[page.length - 1]!.id;
  }
  teams.commit();
  members.commit();
  await workbook.commit();
}

/** 结对名单: the pairing list as filtered, in the bulk import's column order first. */
export async function exportPairings(db: Database, viewer: Viewer, args: PairingListArgs, out: Writable) {
  const workbook = workbookTo(out);
  const sheet = sheetOf(workbook, '结对名单', [
    ['householdNumber', '户编号', 18],
    ['helperName', '帮扶责任人', 12],
    ['unitName', '所在单位', 28],
    ['startDate', '结对开始日期', 14],
    ['endDate', '结对结束日期', 14],
    ['post', '职务', 16],
    ['township', '乡镇', 14],
    ['village', '村', 14],
    ['state', '状态', 8],
  ]);
  let afterId = 0;
  for (;;) {
    const page = await db.query.pairings.findMany({
      where: { RAW: (table) => sql`${pairingListFilter(table, viewer, args)} and ${table.id} > ${afterId}` },
      orderBy: { id: 'asc' },
      limit: 2000,
      with: {
        household: {
          columns: { householdNumber: true },
          with: { village: { columns: { name: true }, with: { parent: { columns: { name: true } } } } },
        },
        helper: { columns: { name: true, post: true }, with: { unit: { columns: { name: true } } } },
      },
    });
    if (page.length === 0) break;
    for (const p of page)
      sheet
        .addRow({
          householdNumber: p.household.householdNumber,
          helperName: p.helper.name,
          unitName: p.helper.unit.name,
          startDate: p.startDate,
          endDate: p.endDate ?? '',
          post: p.helper.post,
          township: p.household.village.parent?.name ?? '',
          village: p.household.village.name,
          state: p.endDate === null ? '在帮' : '已结束',
        })
        .commit();
    afterId = page[page.length - 1]!.id;
  }
  sheet.commit();
  await workbook.commit();
}

/** 走访达标名单: the month's compliance as the dashboard shows it (only the short ones, or all). */
export async function exportCompliance(
  db: Database,
  viewer: Viewer,
  args: {
    month: string;
    regionId: { id: number } | null;
    helperId: { id: number } | null;
    onlyShort: boolean;
  },
  out: Writable,
) {
  const page = await monthCompliance({ db, viewer }, args.month, args);
  const workbook = workbookTo(out);
  const sheet = sheetOf(workbook, `${args.month} 走访达标`, [
    ['township', '乡镇', 14],
    ['village', '村', 14],
    ['householdNumber', '户编号', 18],
    ['headName', '户主', 10],
    ['helpers', '当月帮扶责任人', 20],
    ['required', '应走访次数', 10],
    ['counted', '有效走访次数', 10],
    ['outcome', '结果', 8],
    ['explanation', '说明 (VISIT.MONTHLY)', 60],
  ]);
  for (const r of args.onlyShort ? page.short : page.rows)
    sheet
      .addRow({
        township: r.townshipName,
        village: r.villageName,
        householdNumber: r.householdNumber,
        headName: r.headName ?? '',
        helpers: r.helperNames.join('、'),
        required: r.compliance.requiredVisits,
        counted: r.compliance.countedVisitDays,
        outcome: OUTCOME[r.compliance.outcome as keyof typeof OUTCOME] ?? r.compliance.outcome,
        explanation: r.compliance.reasons.map((reason) => reason.messageZh).join('; '),
      })
      .commit();
  sheet.commit();
  await workbook.commit();
}

const KIND = { CAMPAIGN: '专项活动', PUBLICITY: '政策宣传' } as const;

/** 帮扶活动与政策宣传: one row per activity of the list's filter, newest first. */
export async function exportActivities(db: Database, viewer: Viewer, args: ActivityListArgs, out: Writable) {
  const workbook = workbookTo(out);
  const sheet = sheetOf(workbook, '帮扶活动', [
    ['kind', '类别', 10],
    ['name', '活动名称', 30],
    ['region', '开展区划', 14],
    ['startDate', '开始日期', 12],
    ['endDate', '结束日期', 12],
    ['participants', '参与人数', 10],
    ['copies', '发放资料份数', 12],
    ['materials', '资料种类', 16],
    ['notes', '备注', 40],
  ]);
  for (let offset = 0; ; offset += 500) {
    const page = await db.query.assistanceActivities.findMany({
      where: { RAW: (table) => activityListFilter(table, viewer, args)! },
      orderBy: { startDate: 'desc', id: 'desc' },
      limit: 500,
      offset,
      with: { region: { columns: { name: true } } },
    });
    for (const a of page)
      sheet
        .addRow({
          kind: KIND[a.kind],
          name: a.name,
          region: a.region.name,
          startDate: a.startDate,
          endDate: a.endDate,
          participants: a.participants,
          copies: a.copiesDistributed,
          materials: a.materials,
          notes: a.notes,
        })
        .commit();
    if (page.length < 500) break;
  }
  sheet.commit();
  await workbook.commit();
}
