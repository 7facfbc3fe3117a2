import { householdStatus, povertyCause } from '@gongjian/db/schema';
import { LABELS_ZH } from '@gongjian/rules';
import {
  DISABILITY_LABELS,
  EDUCATION_LABELS,
  HEALTH_LABELS,
  RELATION_LABELS,
  SCHOOL_LABELS,
  SEX_LABELS,
} from './enums';

/**
 * The Excel template of the household registry (农户花名册): one sheet of households and one of members,
 * joined by the household number. Headers are Chinese; enumerations are written with their Chinese labels
 * (the English codes are accepted too). Documented in docs/decisions/0007.
 */

export const HOUSEHOLD_SHEET = '农户';
export const MEMBER_SHEET = '家庭成员';
export const INCOME_SHEET = '年度收入';
export const NOTES_SHEET = '填写说明';
/** The accepted values of every enumerated column, one column each; the drop-downs point at it. */
export const LISTS_SHEET = '可选值';

export interface TemplateColumn<K extends string = string> {
  key: K;
  header: string;
  required: boolean;
  note: string;
}

const column = <K extends string>(
  key: K,
  header: string,
  required: boolean,
  note: string,
): TemplateColumn<K> => ({
  key,
  header,
  required,
  note,
});

export const HOUSEHOLD_COLUMNS = [
  column('householdNumber', '户编号', true, '本县唯一, 4–32位数字或字母; 成员表用它关联'),
  column('township', '乡镇', false, '村名在县内重名时必填'),
  column('village', '村', true, '须在您的管辖范围内'),
  column('groupName', '村民小组', false, '如 3组'),
  column('address', '住址', false, ''),
  column('phone', '联系电话', false, '11位手机号或带区号的固定电话'),
  column('attribute', '户属性', true, '一般户 / 低保户 / 特困供养户'),
  column('mainCause', '主要致贫原因', true, Object.values(LABELS_ZH.povertyCause).join(' / ')),
  column(
    'status',
    '贫困状态',
    true,
    '新户只能填「非贫困户」(纳入贫困户须发起识别申请); 已登记户须与系统一致 (状态变更走动态调整程序)',
  ),
  column('identifiedYear', '识别年度', false, '在册贫困户必填'),
  column('exitedYear', '脱贫年度', false, '已脱贫户必填'),
] as const;

/** Optional sheet: one row per household and year, upserted by (户编号, 年度). */
export const INCOME_COLUMNS = [
  column('householdNumber', '户编号', true, '须在农户表中'),
  column('year', '年度', true, '四位年份, 每户每年一行'),
  column('wagesYuan', '工资性收入(元)', true, '不小于0, 最多两位小数'),
  column('businessIncomeYuan', '生产经营性收入(元)', true, '不小于0, 最多两位小数'),
  column('businessCostsYuan', '生产经营性支出(元)', true, '不小于0, 最多两位小数'),
  column('propertyIncomeYuan', '财产性收入(元)', true, '不小于0, 最多两位小数'),
  column('transferIncomeYuan', '转移性收入(元)', true, '不小于0, 最多两位小数; 家庭人口按导入后的成员数计'),
] as const;

export const MEMBER_COLUMNS = [
  column('householdNumber', '户编号', true, '须在农户表中'),
  column('name', '姓名', true, ''),
  column('idNumber', '身份证号', true, '18位, 以文本格式填写 (GB 11643 校验)'),
  column('relation', '与户主关系', true, '每户有且只有一名户主'),
  column('sex', '性别', false, '可不填, 须与身份证号一致'),
  column('birthDate', '出生日期', false, '可不填, 须与身份证号一致 (YYYY-MM-DD)'),
  column('education', '文化程度', true, Object.values(EDUCATION_LABELS).join(' / ')),
  column('health', '健康状况', true, Object.values(HEALTH_LABELS).join(' / ')),
  column('disability', '残疾等级', false, '健康状况为残疾时必填'),
  column('labourCapacity', '劳动能力', true, '有劳动能力 / 弱劳动能力 / 无劳动能力'),
  column('schoolEnrolment', '在校情况', false, Object.values(SCHOOL_LABELS).join(' / ')),
  column('medicalInsured', '参加基本医疗保险', false, '是 / 否 (默认是)'),
] as const;

export type HouseholdColumnKey = (typeof HOUSEHOLD_COLUMNS)[number]['key'];
export type MemberColumnKey = (typeof MEMBER_COLUMNS)[number]['key'];
export type IncomeColumnKey = (typeof INCOME_COLUMNS)[number]['key'];

const normalise = (text: string) =>
  text.trim().replaceAll('（', '(').replaceAll('）', ')').replaceAll(' ', '');

/** Label → code, accepting the Chinese label, aliases and the code itself. */
function lookup<V extends string>(labels: Record<V, string>, aliases: Record<string, NoInfer<V>> = {}) {
  const map = new Map<string, V>();
  for (const [code, label] of Object.entries(labels) as [V, string][]) {
    map.set(normalise(label), code);
    map.set(code, code);
  }
  for (const [alias, code] of Object.entries(aliases)) map.set(normalise(alias), code);
  return {
    parse: (text: string): V | undefined =>
      map.get(normalise(text)) ?? map.get(text.trim().toUpperCase() as V),
    label: (code: V) => labels[code],
    /** What the export writes and the drop-down offers (aliases and codes are accepted too). */
    accepted: Object.values(labels) as string[],
  };
}

export const ENUMS = {
  attribute: lookup(LABELS_ZH.householdAttribute, {
    一般户: 'ORDINARY',
    一般农户: 'ORDINARY',
    低保户: 'MINIMUM_LIVELIHOOD',
    特困供养户: 'EXTREME_POVERTY_SUPPORT',
    一般脱贫户: 'ORDINARY',
    低保脱贫户: 'MINIMUM_LIVELIHOOD',
    特困供养脱贫户: 'EXTREME_POVERTY_SUPPORT',
  }),
  mainCause: lookup(
    Object.fromEntries(povertyCause.enumValues.map((v) => [v, LABELS_ZH.povertyCause[v]])) as Record<
      (typeof povertyCause.enumValues)[number],
      string
    >,
  ),
  status: lookup(
    Object.fromEntries(householdStatus.enumValues.map((v) => [v, LABELS_ZH.householdStatus[v]])) as Record<
      (typeof householdStatus.enumValues)[number],
      string
    >,
    { 已脱贫: 'EXITED', 非贫困: 'NON_POOR', 一般农户: 'NON_POOR' },
  ),
  relation: lookup(RELATION_LABELS, {
    子: 'SON',
    女: 'DAUGHTER',
    儿子: 'SON',
    女儿: 'DAUGHTER',
    妻子: 'SPOUSE',
    丈夫: 'SPOUSE',
  }),
  sex: lookup(SEX_LABELS),
  education: lookup(EDUCATION_LABELS, {
    文盲: 'ILLITERATE',
    大专: 'COLLEGE_OR_ABOVE',
    本科: 'COLLEGE_OR_ABOVE',
  }),
  health: lookup(HEALTH_LABELS, { 长期慢性病: 'CHRONIC_ILLNESS', 大病: 'SERIOUS_ILLNESS' }),
  disability: lookup(DISABILITY_LABELS, { 无: 'NONE' }),
  labourCapacity: lookup(LABELS_ZH.labourCapacity, {
    普通劳动力: 'FULL',
    技能劳动力: 'FULL',
    弱劳动力或半劳动力: 'PARTIAL',
    半劳动力: 'PARTIAL',
    丧失劳动力: 'NONE',
  }),
  schoolEnrolment: lookup(SCHOOL_LABELS, { 在校: 'ENROLLED', 非在校: 'NOT_ENROLLED' }),
  yesNo: lookup({ YES: '是', NO: '否' } as const, { Y: 'YES', N: 'NO', 有: 'YES', 无: 'NO' }),
};

/** The enumerated column of each sheet and the lookup that reads it. */
export const ENUM_COLUMNS: Record<string, Partial<Record<string, keyof typeof ENUMS>>> = {
  [HOUSEHOLD_SHEET]: { attribute: 'attribute', mainCause: 'mainCause', status: 'status' },
  [MEMBER_SHEET]: {
    relation: 'relation',
    sex: 'sex',
    education: 'education',
    health: 'health',
    disability: 'disability',
    labourCapacity: 'labourCapacity',
    schoolEnrolment: 'schoolEnrolment',
    medicalInsured: 'yesNo',
  },
};

/** The refusal of a value no lookup accepts, listing what is accepted. */
export const unaccepted = (raw: string, accepted: readonly string[]) =>
  `无法识别「${raw}」, 可填: ${accepted.join(' / ')}`;

/**
 * MISSING_SHEET, MISSING_COLUMN and UNKNOWN_COLUMN are sheet-level (row 0 or 1) and reject the file;
 * UNREADABLE_FILE is row 0 of no sheet; every other issue is a bad cell (INVALID_VALUE).
 */
export type ImportIssueCode =
  | 'UNREADABLE_FILE'
  | 'MISSING_SHEET'
  | 'MISSING_COLUMN'
  | 'UNKNOWN_COLUMN'
  | 'INVALID_VALUE';

export interface ImportIssue {
  sheet: string;
  row: number;
  column: string;
  reason: string;
  code?: ImportIssueCode;
}

export type RawRow = { row: number; cells: Record<string, unknown> };

/** A cell as text: exceljs gives strings, numbers, dates, rich text, hyperlinks and formula results. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (v.richText)
      return v.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return String(value).trim();
}
