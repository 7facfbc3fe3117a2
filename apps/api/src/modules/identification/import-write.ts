import type { Database } from '@gongjian/db';
import { perCapitaNetIncome } from '@gongjian/rules';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../audit';
import type { Viewer } from '../../context';
import { rowsOf } from '../../shared/rows';
import type { ImportIncome } from './import-incomes';
import type { ImportHousehold, ImportMember } from './import-validation';

/**
 * The write of a validated import, in one transaction: upserts by household number, ID number and
 * (household, year), touching only rows whose values differ, so a re-import of the same file changes nothing.
 */

const CHUNK = 5000;

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export async function writeImport(
  db: Database,
  viewer: Viewer,
  rows: { households: ImportHousehold[]; members: ImportMember[]; incomes: ImportIncome[] },
  file: { digest: string; mode: 'ALL' | 'CLEAN_ONLY' },
  onProgress: (done: number, total: number) => void,
) {
  const total = rows.households.length + rows.members.length + rows.incomes.length;
  let done = 0;
  const counts: Record<'households' | 'members' | 'incomes', ImportCounts> = {
    households: { created: 0, updated: 0, unchanged: 0 },
    members: { created: 0, updated: 0, unchanged: 0 },
    incomes: { created: 0, updated: 0, unchanged: 0 },
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
    if (rows.incomes.length) {
      counts.incomes = await writeIncomes(tx, rows.incomes, idByNumber);
      done += rows.incomes.length;
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

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Incomes after the members: the household size is the member count the household then has. */
async function writeIncomes(tx: Transaction, incomes: ImportIncome[], idByNumber: Map<string, number>) {
  const ids = [...new Set(incomes.map((i) => idByNumber.get(i.householdNumber)!))];
  const sizes = new Map(
    rowsOf<{ household_id: number; n: number }>(
      await tx.execute(sql`select household_id, count(*)::int as n from household_members
        where household_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::int)
        group by household_id`),
    ).map((r) => [Number(r.household_id), Number(r.n)]),
  );
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < incomes.length; i += CHUNK) {
    const chunk = incomes.slice(i, i + CHUNK).map((income) => {
      const householdId = idByNumber.get(income.householdNumber)!;
      const householdSize = sizes.get(householdId)!;
      const computed = perCapitaNetIncome(income, householdSize);
      return {
        county_id: income.countyId,
        region_path: income.regionPath,
        household_id: householdId,
        year: income.year,
        household_size: householdSize,
        wages_fen: income.wagesFen,
        business_income_fen: income.businessIncomeFen,
        business_costs_fen: income.businessCostsFen,
        property_income_fen: income.propertyIncomeFen,
        transfer_income_fen: income.transferIncomeFen,
        net_income_fen: computed.netIncomeFen,
        per_capita_net_income_fen: computed.perCapitaFen,
      };
    });
    const written = rowsOf<{ inserted: boolean }>(
      await tx.execute(sql`insert into household_incomes (county_id, region_path, household_id, year, household_size,
          wages_fen, business_income_fen, business_costs_fen, property_income_fen, transfer_income_fen, net_income_fen,
          per_capita_net_income_fen)
        select county_id, region_path, household_id, year, household_size, wages_fen, business_income_fen,
          business_costs_fen, property_income_fen, transfer_income_fen, net_income_fen, per_capita_net_income_fen
        from json_populate_recordset(null::household_incomes, ${JSON.stringify(chunk)}::json)
        on conflict (household_id, year) do update set household_size = excluded.household_size,
          wages_fen = excluded.wages_fen, business_income_fen = excluded.business_income_fen,
          business_costs_fen = excluded.business_costs_fen, property_income_fen = excluded.property_income_fen,
          transfer_income_fen = excluded.transfer_income_fen, net_income_fen = excluded.net_income_fen,
          per_capita_net_income_fen = excluded.per_capita_net_income_fen,
          version = household_incomes.version + 1, updated_at = now()
        where (household_incomes.household_size, household_incomes.wages_fen, household_incomes.business_income_fen,
            household_incomes.business_costs_fen, household_incomes.property_income_fen, household_incomes.transfer_income_fen)
          is distinct from (excluded.household_size, excluded.wages_fen, excluded.business_income_fen,
            excluded.business_costs_fen, excluded.property_income_fen, excluded.transfer_income_fen)
        returning (xmax = 0) as inserted`),
    );
    const created = written.filter((w) => w.inserted).length;
    counts.created += created;
    counts.updated += written.length - created;
    counts.unchanged += chunk.length - written.length;
  }
  return counts;
}
