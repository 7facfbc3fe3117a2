import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { tenantColumns, versionColumns } from '../columns';
import { regions } from '../geography';
import {
  disabilityGrade,
  educationLevel,
  healthCondition,
  householdAttribute,
  householdStatus,
  housingGrade,
  labourCapacity,
  povertyCause,
  relationToHead,
  schoolEnrolment,
  sex,
} from './enums';

/**
 * The registry of precise identification (建档立卡): households, their members, yearly incomes and
 * guarantee checks. Every row carries the county and the path of the household's village.
 */

const fen = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/** 农户: a household in a village; `status` changes only when a status-change application completes. */
export const households = pgTable(
  'households',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    villageId: integer('village_id')
      .notNull()
      .references(() => regions.id),
    /** 户编号: the natural key within the county (the national system's household number). */
    householdNumber: text('household_number').notNull(),
    groupName: text('group_name').notNull().default(''),
    address: text('address').notNull().default(''),
    phone: text('phone'),
    attribute: householdAttribute('attribute').notNull(),
    mainCause: povertyCause('main_cause').notNull(),
    status: householdStatus('status').notNull(),
    identifiedYear: integer('identified_year'),
    exitedYear: integer('exited_year'),
    /** 监测标识: the household has an active monitoring object (边缘户 / 防返贫监测). */
    monitored: boolean('monitored').notNull().default(false),
    ...versionColumns(),
  },
  (t) => [
    unique('households_county_number_uq').on(t.countyId, t.householdNumber),
    index('households_village_status_idx').on(t.villageId, t.status),
    index('households_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check(
      'households_years_ck',
      sql`(${t.identifiedYear} is null or ${t.identifiedYear} between 2000 and 2100) and (${t.exitedYear} is null or ${t.exitedYear} between 2000 and 2100)`,
    ),
  ],
);

/** The household a row belongs to (required). */
export const householdReference = () =>
  integer('household_id')
    .notNull()
    .references(() => households.id);

/** 家庭成员: one person; the ID number (GB 11643, 18 characters) is unique across the whole database. */
export const householdMembers = pgTable(
  'household_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    householdId: householdReference(),
    name: text('name').notNull(),
    idNumber: text('id_number').notNull(),
    relation: relationToHead('relation').notNull(),
    sex: sex('sex').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    education: educationLevel('education').notNull(),
    health: healthCondition('health').notNull(),
    disability: disabilityGrade('disability').notNull().default('NONE'),
    labourCapacity: labourCapacity('labour_capacity').notNull(),
    schoolEnrolment: schoolEnrolment('school_enrolment').notNull().default('NOT_ENROLLED'),
    /** 参加城乡居民基本医疗保险. */
    medicalInsured: boolean('medical_insured').notNull().default(true),
    ...versionColumns(),
  },
  (t) => [
    unique('household_members_id_number_uq').on(t.idNumber),
    uniqueIndex('household_members_one_head_uq').on(t.householdId).where(sql`${t.relation} = 'HEAD'`),
    index('household_members_household_idx').on(t.householdId),
    index('household_members_id_tail_idx').on(sql`right(${t.idNumber}, 4)`),
    index('household_members_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check('household_members_id_number_ck', sql`${t.idNumber} ~ '^[0-9]{17}[0-9X]$'`),
  ],
);

/**
 * 收入: one household's income for one year, in integer fen. `householdSize` is the 家庭人口 counted for
 * that year; `netIncomeFen` and `perCapitaNetIncomeFen` are written by the rules, never typed in.
 */
export const householdIncomes = pgTable(
  'household_incomes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    householdId: householdReference(),
    year: integer('year').notNull(),
    householdSize: integer('household_size').notNull(),
    wagesFen: fen('wages_fen'),
    businessIncomeFen: fen('business_income_fen'),
    businessCostsFen: fen('business_costs_fen'),
    propertyIncomeFen: fen('property_income_fen'),
    transferIncomeFen: fen('transfer_income_fen'),
    netIncomeFen: bigint('net_income_fen', { mode: 'number' }).notNull(),
    perCapitaNetIncomeFen: bigint('per_capita_net_income_fen', { mode: 'number' }).notNull(),
    ...versionColumns(),
  },
  (t) => [
    unique('household_incomes_household_year_uq').on(t.householdId, t.year),
    index('household_incomes_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check(
      'household_incomes_non_negative_ck',
      sql`${t.wagesFen} >= 0 and ${t.businessIncomeFen} >= 0 and ${t.businessCostsFen} >= 0 and ${t.propertyIncomeFen} >= 0 and ${t.transferIncomeFen} >= 0 and ${t.householdSize} > 0`,
    ),
  ],
);

/**
 * 两不愁三保障 and safe drinking water, checked once a year. Education and medical insurance are read
 * from the members' records (school enrolment, insurance) when the rules evaluate the check.
 */
export const householdGuarantees = pgTable(
  'household_guarantees',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    householdId: householdReference(),
    year: integer('year').notNull(),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    enoughFood: boolean('enough_food').notNull(),
    enoughClothing: boolean('enough_clothing').notNull(),
    housingGrade: housingGrade('housing_grade').notNull(),
    relocated: boolean('relocated').notNull().default(false),
    flatHandedOver: boolean('flat_handed_over'),
    waterLitresPerPersonPerDay: integer('water_litres_per_person_per_day').notNull(),
    waterScarceArea: boolean('water_scarce_area').notNull().default(false),
    waterQualityPassed: boolean('water_quality_passed').notNull(),
    waterPipedToHome: boolean('water_piped_to_home').notNull(),
    waterFetchMinutes: integer('water_fetch_minutes'),
    waterHorizontalMetres: integer('water_horizontal_metres'),
    waterVerticalMetres: integer('water_vertical_metres'),
    waterOutageDaysPerYear: integer('water_outage_days_per_year').notNull().default(0),
    notes: text('notes').notNull().default(''),
    ...versionColumns(),
  },
  (t) => [
    unique('household_guarantees_household_year_uq').on(t.householdId, t.year),
    index('household_guarantees_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check(
      'household_guarantees_water_ck',
      sql`${t.waterLitresPerPersonPerDay} >= 0 and ${t.waterOutageDaysPerYear} between 0 and 366`,
    ),
  ],
);
