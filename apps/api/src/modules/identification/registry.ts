import { householdGuarantees, households } from '@gongjian/db/schema';
import {
  ageOn,
  applicationKindsFrom,
  checkGuarantees,
  checkIncomeBelowLine,
  classifyMonitoring,
  type Decision,
  decideHouseholdExit,
  decideInclusion,
  formatYuan,
  incomeLine,
  perCapitaNetIncome,
} from '@gongjian/rules';
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { pathPrefix } from '../../auth/jurisdiction';
import { maskIdNumber, maskPhone } from '../../auth/masking';
import { builder } from '../../builder';
import { Region } from '../geography';
import { RuleDecisionRef } from '../rule-decisions';
import {
  ApplicationKindEnum,
  DisabilityGradeEnum,
  EducationLevelEnum,
  HealthConditionEnum,
  HouseholdAttributeEnum,
  HouseholdStatusEnum,
  HousingGradeEnum,
  LabourCapacityEnum,
  MeasureKindEnum,
  MeasureStatusEnum,
  PovertyCauseEnum,
  RelationToHeadEnum,
  SchoolEnrolmentEnum,
  SexEnum,
} from './enums';
import {
  clock,
  exclusionFactsOf,
  fenToYuan,
  guaranteeFactsOf,
  incomeComponentsOf,
  policyForYear,
  runRule,
} from './policy';

/** The registry (建档立卡): households, members, incomes, guarantee checks, measures, and their lists. */

/** Every registry object: inside the viewer's jurisdiction and readable by their role. */
const readable = <T extends { regionPath: string }>(row: T) => ({
  $all: { jurisdiction: row.regionPath, permission: 'household.read' as const },
});
/** Health, disability, birth dates and incomes: only the roles that work with them. */
const sensitive = {
  authScopes: { permission: 'household.sensitive' as const },
  unauthorizedResolver: () => null,
};

export const HouseholdMember = builder.drizzleNode('householdMembers', {
  name: 'HouseholdMember',
  description: '家庭成员 (a member of a household; the ID number is masked, see revealMemberIdNumber)',
  id: { column: (m) => m.id },
  authScopes: readable,
  fields: (t) => ({
    name: t.exposeString('name', { description: '姓名' }),
    idNumber: t.string({
      description: '身份证号 (always masked, e.g. 431129********1234)',
      select: { columns: { idNumber: true } },
      resolve: (m) => maskIdNumber(m.idNumber)!,
    }),
    relation: t.expose('relation', { type: RelationToHeadEnum, description: '与户主关系' }),
    sex: t.expose('sex', { type: SexEnum, description: '性别' }),
    age: t.int({
      description: '年龄 (completed years today, county calendar)',
      select: { columns: { birthDate: true } },
      resolve: (m) => ageOn(m.birthDate, clock.today()),
    }),
    birthDate: t.field({
      type: 'Date',
      nullable: true,
      description: '出生日期 (sensitive roles only)',
      select: { columns: { birthDate: true } },
      resolve: (m) => m.birthDate,
      ...sensitive,
    }),
    education: t.expose('education', { type: EducationLevelEnum, description: '文化程度' }),
    health: t.field({
      type: HealthConditionEnum,
      nullable: true,
      description: '健康状况 (sensitive roles only)',
      select: { columns: { health: true } },
      resolve: (m) => m.health,
      ...sensitive,
    }),
    disability: t.field({
      type: DisabilityGradeEnum,
      nullable: true,
      description: '残疾等级 (sensitive roles only)',
      select: { columns: { disability: true } },
      resolve: (m) => m.disability,
      ...sensitive,
    }),
    labourCapacity: t.expose('labourCapacity', { type: LabourCapacityEnum, description: '劳动能力' }),
    schoolEnrolment: t.expose('schoolEnrolment', { type: SchoolEnrolmentEnum, description: '在校情况' }),
    medicalInsured: t.exposeBoolean('medicalInsured', { description: '参加基本医疗保险' }),
    household: t.relation('household', { description: '所在农户' }),
    version: t.exposeInt('version', { description: '版本号 (send it back when editing)' }),
  }),
});

const codeOfVillage = {
  with: { household: { columns: { id: true }, with: { village: { columns: { code: true } } } } },
} as const;

export const IncomeRecord = builder.drizzleNode('householdIncomes', {
  name: 'IncomeRecord',
  description: '年度收入 (a household income for one year; per-capita net income is computed by the rules)',
  id: { column: (r) => r.id },
  authScopes: (row) => ({ $all: { jurisdiction: row.regionPath, permission: 'household.sensitive' } }),
  fields: (t) => ({
    year: t.exposeInt('year', { description: '年度' }),
    householdSize: t.exposeInt('householdSize', {
      description: '家庭人口 (counted when the income was recorded)',
    }),
    wagesYuan: t.string({ description: '工资性收入 (元)', resolve: (r) => fenToYuan(r.wagesFen) }),
    businessIncomeYuan: t.string({
      description: '生产经营性收入 (元)',
      resolve: (r) => fenToYuan(r.businessIncomeFen),
    }),
    businessCostsYuan: t.string({
      description: '生产经营性支出 (元)',
      resolve: (r) => fenToYuan(r.businessCostsFen),
    }),
    propertyIncomeYuan: t.string({
      description: '财产性收入 (元)',
      resolve: (r) => fenToYuan(r.propertyIncomeFen),
    }),
    transferIncomeYuan: t.string({
      description: '转移性收入 (元)',
      resolve: (r) => fenToYuan(r.transferIncomeFen),
    }),
    netIncomeYuan: t.string({ description: '家庭纯收入 (元)', resolve: (r) => fenToYuan(r.netIncomeFen) }),
    perCapitaNetIncomeYuan: t.string({
      description: '人均纯收入 (元, computed by the rules, rounded down to the fen)',
      resolve: (r) => fenToYuan(r.perCapitaNetIncomeFen),
    }),
    incomeLineYuan: t.string({
      nullable: true,
      description: '当年扶贫标准 (元; null when the year has no line)',
      select: codeOfVillage,
      resolve: (r) => {
        try {
          return formatYuan(incomeLine(policyForYear(r.year, r.household.village.code), 'exit'));
        } catch {
          return null;
        }
      },
    }),
    lineCheck: t.field({
      type: RuleDecisionRef,
      description: '与扶贫标准比较 (the rule IDENTIFY.INCOME_BELOW_LINE)',
      select: codeOfVillage,
      resolve: (r) =>
        runRule(() =>
          checkIncomeBelowLine(
            perCapitaNetIncome(incomeComponentsOf(r), r.householdSize),
            policyForYear(r.year, r.household.village.code),
          ),
        ),
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

const guaranteeColumns = Object.fromEntries(
  Object.keys(getTableColumns(householdGuarantees)).map((key) => [key, true]),
) as { [K in keyof typeof householdGuarantees.$inferSelect]: true };

const membersForRules = {
  columns: guaranteeColumns,
  with: {
    household: {
      columns: { id: true },
      with: {
        village: { columns: { code: true } },
        members: {
          columns: {
            id: true,
            birthDate: true,
            medicalInsured: true,
            schoolEnrolment: true,
            labourCapacity: true,
          },
        },
      },
    },
  },
} as const;

export const GuaranteeCheck = builder.drizzleNode('householdGuarantees', {
  name: 'GuaranteeCheck',
  description:
    '两不愁三保障核查 (a yearly check of food, clothing, education, medical insurance, housing and water)',
  id: { column: (g) => g.id },
  authScopes: readable,
  fields: (t) => ({
    year: t.exposeInt('year', { description: '年度' }),
    checkedOn: t.expose('checkedOn', { type: 'Date', description: '核查日期' }),
    enoughFood: t.exposeBoolean('enoughFood', { description: '不愁吃' }),
    enoughClothing: t.exposeBoolean('enoughClothing', { description: '不愁穿' }),
    housingGrade: t.expose('housingGrade', { type: HousingGradeEnum, description: '住房安全等级' }),
    relocated: t.exposeBoolean('relocated', { description: '易地扶贫搬迁' }),
    flatHandedOver: t.exposeBoolean('flatHandedOver', { nullable: true, description: '搬迁安置房已交付' }),
    waterLitresPerPersonPerDay: t.exposeInt('waterLitresPerPersonPerDay', {
      description: '人均日供水量 (升)',
    }),
    waterScarceArea: t.exposeBoolean('waterScarceArea', { description: '缺水地区' }),
    waterQualityPassed: t.exposeBoolean('waterQualityPassed', { description: '水质合格' }),
    waterPipedToHome: t.exposeBoolean('waterPipedToHome', { description: '自来水入户' }),
    waterFetchMinutes: t.exposeInt('waterFetchMinutes', {
      nullable: true,
      description: '单次取水时间 (分钟)',
    }),
    waterHorizontalMetres: t.exposeInt('waterHorizontalMetres', {
      nullable: true,
      description: '取水水平距离 (米)',
    }),
    waterVerticalMetres: t.exposeInt('waterVerticalMetres', {
      nullable: true,
      description: '取水垂直距离 (米)',
    }),
    waterOutageDaysPerYear: t.exposeInt('waterOutageDaysPerYear', { description: '年停水天数' }),
    notes: t.exposeString('notes', { description: '备注' }),
    evaluation: t.field({
      type: RuleDecisionRef,
      description: '规则判断 (MET only when every item holds; education and insurance from the members)',
      select: membersForRules,
      resolve: (g) =>
        runRule(() =>
          checkGuarantees(
            guaranteeFactsOf(g, g.household.members),
            policyForYear(g.year, g.household.village.code),
            g.checkedOn,
          ),
        ),
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

export const Measure = builder.drizzleNode('householdMeasures', {
  name: 'Measure',
  description: '帮扶措施 (an assistance measure for a household or its monitoring object)',
  id: { column: (m) => m.id },
  authScopes: readable,
  fields: (t) => ({
    kind: t.expose('kind', { type: MeasureKindEnum, description: '措施类别' }),
    status: t.expose('status', { type: MeasureStatusEnum, description: '状态' }),
    description: t.exposeString('description', { description: '措施内容' }),
    department: t.exposeString('department', { description: '责任部门' }),
    startedOn: t.expose('startedOn', { type: 'Date', nullable: true, description: '开始日期' }),
    completedOn: t.expose('completedOn', { type: 'Date', nullable: true, description: '完成日期' }),
    household: t.relation('household', { description: '农户' }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

interface HouseholdAssessmentShape {
  year: number;
  perCapitaNetIncomeYuan: string;
  inclusion: Decision<string>;
  exit: Decision<string>;
  monitoring: Decision<string>;
}

const HouseholdAssessment = builder.objectRef<HouseholdAssessmentShape>('HouseholdAssessment').implement({
  description: '规则研判 (what the rules say about a household for one year, with every reason)',
  fields: (t) => ({
    year: t.exposeInt('year', { description: '年度' }),
    perCapitaNetIncomeYuan: t.exposeString('perCapitaNetIncomeYuan', { description: '人均纯收入 (元)' }),
    inclusion: t.field({
      type: RuleDecisionRef,
      description: '识别纳入判断 (收入、两不愁三保障、七个不纳入)',
      resolve: (a) => a.inclusion,
    }),
    exit: t.field({
      type: RuleDecisionRef,
      description: '脱贫退出判断 (一超过、两不愁、三保障)',
      resolve: (a) => a.exit,
    }),
    monitoring: t.field({
      type: RuleDecisionRef,
      description: '监测对象判断 (without hardship facts)',
      resolve: (a) => a.monitoring,
    }),
  }),
});

export const Household = builder.drizzleNode('households', {
  name: 'Household',
  description: '农户 (a household in the register; its status changes only through a completed application)',
  id: { column: (h) => h.id },
  authScopes: readable,
  fields: (t) => ({
    householdNumber: t.exposeString('householdNumber', { description: '户编号 (unique in the county)' }),
    village: t.relation('village', { type: Region, description: '所在村' }),
    groupName: t.exposeString('groupName', { description: '村民小组' }),
    address: t.exposeString('address', { description: '住址' }),
    phone: t.string({
      nullable: true,
      description: '联系电话 (always masked; see revealHouseholdPhone)',
      select: { columns: { phone: true } },
      resolve: (h) => maskPhone(h.phone),
    }),
    attribute: t.expose('attribute', { type: HouseholdAttributeEnum, description: '户属性' }),
    mainCause: t.expose('mainCause', { type: PovertyCauseEnum, description: '主要致贫原因' }),
    status: t.expose('status', { type: HouseholdStatusEnum, description: '贫困状态' }),
    identifiedYear: t.exposeInt('identifiedYear', { nullable: true, description: '识别年度' }),
    exitedYear: t.exposeInt('exitedYear', { nullable: true, description: '脱贫年度' }),
    monitored: t.exposeBoolean('monitored', {
      description: '监测对象标识 (has an active monitoring object)',
    }),
    head: t.relation('head', { type: HouseholdMember, nullable: true, description: '户主' }),
    memberCount: t.relatedCount('members', { description: '家庭人口' }),
    members: t.relation('members', { description: '家庭成员', query: { orderBy: { id: 'asc' } } }),
    incomes: t.relation('incomes', {
      nullable: true,
      description: '历年收入 (newest first; sensitive roles only)',
      query: { orderBy: { year: 'desc' } },
      ...sensitive,
    }),
    guarantees: t.relation('guarantees', {
      description: '两不愁三保障核查 (newest first)',
      query: { orderBy: { year: 'desc' } },
    }),
    measures: t.relation('measures', { description: '帮扶措施', query: { orderBy: { id: 'asc' } } }),
    availableApplicationKinds: t.field({
      type: [ApplicationKindEnum],
      description: '可发起的动态调整类别 (from the current status)',
      select: { columns: { status: true } },
      resolve: (h) => applicationKindsFrom(h.status),
    }),
    assessment: t.field({
      type: HouseholdAssessment,
      nullable: true,
      description: '规则研判 (for a year with an income record and a guarantee check; sensitive roles only)',
      args: { year: t.arg.int({ required: true, description: '年度' }) },
      // The same relation queries as the incomes, guarantees and members fields, so they share one statement.
      select: {
        columns: { status: true, identifiedYear: true },
        with: {
          village: { columns: { code: true } },
          incomes: { orderBy: { year: 'desc' } },
          guarantees: { orderBy: { year: 'desc' } },
          members: {
            orderBy: { id: 'asc' },
            with: { sectorRecords: { columns: { kind: true, details: true } } },
          },
        },
      },
      ...sensitive,
      resolve: (h, { year }) => {
        const income = h.incomes.find((record) => record.year === year);
        const guarantee = h.guarantees.find((check) => check.year === year);
        if (!income || !guarantee) return null;
        return runRule(() => {
          const policy = policyForYear(year, h.village.code);
          const components = incomeComponentsOf(income);
          const guarantees = guaranteeFactsOf(guarantee, h.members);
          const onDate = guarantee.checkedOn;
          return {
            year,
            perCapitaNetIncomeYuan: fenToYuan(income.perCapitaNetIncomeFen),
            inclusion: decideInclusion(
              {
                income: components,
                householdSize: income.householdSize,
                guarantees,
                exclusions: exclusionFactsOf(h.members),
              },
              policy,
              onDate,
            ),
            exit: decideHouseholdExit(
              {
                income: components,
                householdSize: income.householdSize,
                guarantees,
                identifiedYear: h.identifiedYear ?? year,
              },
              policy,
              onDate,
            ),
            monitoring: classifyMonitoring(
              {
                status: h.status,
                income: components,
                householdSize: income.householdSize,
                rigidSpendingSurge: false,
                sharpIncomeDrop: false,
              },
              policy,
            ),
          };
        });
      },
    }),
    version: t.exposeInt('version', { description: '版本号 (send it back when editing)' }),
  }),
});

export interface HouseholdListArgs {
  search?: string | null;
  regionId?: { id: string | number } | null;
  status?: readonly (typeof households.$inferSelect)['status'][] | null;
  attribute?: (typeof households.$inferSelect)['attribute'] | null;
  mainCause?: (typeof households.$inferSelect)['mainCause'] | null;
  monitored?: boolean | null;
}

/** A masked ID number or its last four characters: "1234", "123X", "431129********1234". */
const ID_TAIL = /^(?:\d{6}\*{8})?(\d{3}[\dXx])$/;

/**
 * The one filter of the household list, its count and its Excel export: jurisdiction (in SQL), region
 * subtree, status, attribute, cause, monitoring flag, and a search by head name, household number or the
 * last four characters of a member's ID number.
 */
export function householdListFilter(table: typeof households, viewerPath: string, args: HouseholdListArgs) {
  const term = args.search?.trim().slice(0, 30);
  const tail = term ? ID_TAIL.exec(term)?.[1]?.toUpperCase() : undefined;
  return and(
    sql`${table.regionPath} like ${pathPrefix(viewerPath)}`,
    inRegionSubtree(table.regionPath, args.regionId),
    args.status?.length ? inArray(table.status, [...args.status]) : undefined,
    args.attribute ? eq(table.attribute, args.attribute) : undefined,
    args.mainCause ? eq(table.mainCause, args.mainCause) : undefined,
    args.monitored === null || args.monitored === undefined ? undefined : eq(table.monitored, args.monitored),
    tail
      ? sql`exists (select 1 from household_members m where m.household_id = ${table.id} and right(m.id_number, 4) = ${tail})`
      : term
        ? sql`(${table.householdNumber} like ${`${term}%`} or exists (select 1 from household_members m where m.household_id = ${table.id} and m.relation = 'HEAD' and m.name like ${`%${term}%`}))`
        : undefined,
  );
}

/** Rows of a region's subtree, resolved inside the statement (an unknown region matches nothing). */
export function inRegionSubtree(column: unknown, regionId: { id: string | number } | null | undefined) {
  if (!regionId) return undefined;
  return sql`${column} like (select r.region_path from regions r where r.id = ${Number(regionId.id)}) || '%'`;
}

builder.queryFields((t) => ({
  households: t.drizzleConnection({
    type: 'households',
    description: '农户列表 (households in your jurisdiction; search and filters; masked personal data)',
    authScopes: { permission: 'household.read' },
    args: {
      search: t.arg.string({ required: false, description: '户主姓名、户编号或身份证号后四位' }),
      regionId: t.arg.globalID({ required: false, for: [Region], description: '乡镇或村 (含下级)' }),
      status: t.arg({ type: [HouseholdStatusEnum], required: false, description: '贫困状态 (any of)' }),
      attribute: t.arg({ type: HouseholdAttributeEnum, required: false }),
      mainCause: t.arg({ type: PovertyCauseEnum, required: false }),
      monitored: t.arg.boolean({ required: false, description: '监测对象' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(households, householdListFilter(households, ctx.viewer!.regionPath, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.households.findMany(
        query({
          where: { RAW: (table) => householdListFilter(table, ctx.viewer!.regionPath, args)! },
          orderBy: { id: 'asc' },
        }),
      ),
  }),
  household: t.drizzleField({
    type: Household,
    nullable: true,
    description: '农户详情 (null when not found or outside your jurisdiction)',
    authScopes: { permission: 'household.read' },
    args: { id: t.arg.globalID({ required: true, for: [Household] }) },
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.households.findFirst(
        query({
          where: {
            id: Number(args.id.id),
            RAW: (table) => sql`${table.regionPath} like ${pathPrefix(ctx.viewer!.regionPath)}`,
          },
        }),
      ),
  }),
}));
