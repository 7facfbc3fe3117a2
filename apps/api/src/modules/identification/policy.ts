import type {
  householdGuarantees,
  householdIncomes,
  householdMembers,
  sectorRecords,
} from '@gongjian/db/schema';
import {
  ACTOR_ROLES,
  type ActorRole,
  clearExclusionFacts,
  type ExclusionFacts,
  type ExclusionRuleId,
  type GuaranteeFacts,
  type IncomeComponents,
} from '@gongjian/rules';
import type { Viewer } from '../../context';

/**
 * What every identification module shares: the county calendar, the policy for a year and region, the
 * translation of stored rows into the rules' facts, and the rules' errors as typed API errors.
 */

export { clock, policyForYear, regionRefOf, runRule } from '../../policy';

/** The procedure role a viewer acts in: the first of their roles the step allows, else their first actor role. */
export function actorRoleOf(viewer: Viewer, allowed: readonly ActorRole[]): ActorRole | null {
  const roles = viewer.roles.filter((role): role is ActorRole =>
    (ACTOR_ROLES as readonly string[]).includes(role),
  );
  return roles.find((role) => allowed.includes(role)) ?? roles[0] ?? null;
}

type MemberRow = typeof householdMembers.$inferSelect;
type IncomeRow = typeof householdIncomes.$inferSelect;
type GuaranteeRow = typeof householdGuarantees.$inferSelect;
type SectorRecordRow = typeof sectorRecords.$inferSelect;

export type MemberFactsRow = Pick<
  MemberRow,
  'id' | 'birthDate' | 'medicalInsured' | 'schoolEnrolment' | 'labourCapacity'
>;

export function incomeComponentsOf(row: IncomeRow): IncomeComponents {
  return {
    wagesFen: row.wagesFen,
    businessIncomeFen: row.businessIncomeFen,
    businessCostsFen: row.businessCostsFen,
    propertyIncomeFen: row.propertyIncomeFen,
    transferIncomeFen: row.transferIncomeFen,
  };
}

/** 两不愁三保障 facts: the year's check plus education and insurance from the members as registered. */
export function guaranteeFactsOf(row: GuaranteeRow, members: readonly MemberFactsRow[]): GuaranteeFacts {
  return {
    enoughFood: row.enoughFood,
    enoughClothing: row.enoughClothing,
    housing: row.relocated
      ? { grade: row.housingGrade, relocation: { flatHandedOver: row.flatHandedOver === true } }
      : { grade: row.housingGrade },
    water: {
      litresPerPersonPerDay: row.waterLitresPerPersonPerDay,
      waterScarceArea: row.waterScarceArea,
      qualityPassed: row.waterQualityPassed,
      pipedToHome: row.waterPipedToHome,
      fetchMinutes: row.waterFetchMinutes,
      horizontalMetres: row.waterHorizontalMetres,
      verticalMetres: row.waterVerticalMetres,
      outageDaysPerYear: row.waterOutageDaysPerYear,
    },
    members: members.map((member) => ({
      id: String(member.id),
      birthDate: member.birthDate,
      hasBasicMedicalInsurance: member.medicalInsured,
      enrolledInSchool: member.schoolEnrolment === 'ENROLLED',
      outOfSchoolForHealth: member.schoolEnrolment === 'OUT_FOR_HEALTH',
      labourCapacity: member.labourCapacity,
    })),
  };
}

/** Which exclusion rule each kind of sector record speaks to. */
export const RULE_OF_RECORD: Record<SectorRecordRow['kind'], ExclusionRuleId> = {
  PUBLIC_PAYROLL: 'PUBLIC_EMPLOYEE',
  VILLAGE_CADRE: 'VILLAGE_CADRE',
  VEHICLE: 'VEHICLE',
  TOWN_PROPERTY: 'TOWN_HOUSE',
  LUXURY_RENOVATION: 'TOWN_HOUSE',
  BUSINESS: 'BUSINESS',
  LONG_TERM_EMPLOYER: 'EMPLOYER',
  LARGE_SCALE_FARMER: 'EMPLOYER',
  CONTRACTOR: 'EMPLOYER',
  SPLIT_HOUSEHOLD: 'SPLIT_OR_GHOST_HOUSEHOLD',
  GHOST_REGISTRATION: 'SPLIT_OR_GHOST_HOUSEHOLD',
  SELF_FUNDED_STUDY_ABROAD: 'OTHER',
  COMMERCIAL_PENSION: 'OTHER',
  UNRECTIFIED_ILLEGAL_ACT: 'OTHER',
  UNEXPLAINED_REPORT: 'OTHER',
};

type RecordFacts = Pick<SectorRecordRow, 'kind' | 'details'>;

/**
 * The exclusion facts sector records give the rules. Members are named by their database id, never by
 * ID number, so the evidence stored with a finding holds no ID numbers.
 */
export function exclusionFactsOf(
  members: readonly { id: number; sectorRecords: readonly RecordFacts[] }[],
): ExclusionFacts {
  const facts = clearExclusionFacts();
  for (const member of members) {
    for (const record of member.sectorRecords) {
      const d = record.details;
      switch (record.kind) {
        case 'PUBLIC_PAYROLL':
          facts.publicEmployeeMemberIds.push(String(member.id));
          break;
        case 'VILLAGE_CADRE':
          facts.villageCadreMemberIds.push(String(member.id));
          break;
        case 'VEHICLE':
          facts.vehicles.push({
            kind: String(d.vehicleKind ?? 'CAR') as ExclusionFacts['vehicles'][number]['kind'],
            purchasePriceFen: Number(d.purchasePriceFen ?? 0),
            productive: d.productive === true,
          });
          break;
        case 'TOWN_PROPERTY':
          facts.townProperties.push({
            kind: String(
              d.propertyKind ?? 'COMMERCIAL_HOUSE',
            ) as ExclusionFacts['townProperties'][number]['kind'],
          });
          break;
        case 'LUXURY_RENOVATION':
          facts.luxuryRenovation = true;
          break;
        case 'BUSINESS':
          facts.businesses.push({
            kind: String(d.businessKind ?? 'COMPANY') as ExclusionFacts['businesses'][number]['kind'],
            registered: d.registered === true,
            operating: d.operating !== false,
          });
          break;
        case 'LONG_TERM_EMPLOYER':
          facts.longTermEmployer = true;
          break;
        case 'LARGE_SCALE_FARMER':
          facts.largeScaleFarmer = true;
          break;
        case 'CONTRACTOR':
          facts.contractor = true;
          break;
        case 'SPLIT_HOUSEHOLD':
          facts.splitToQualify = true;
          break;
        case 'GHOST_REGISTRATION':
          facts.ghostRegistration = true;
          break;
        case 'SELF_FUNDED_STUDY_ABROAD':
          facts.selfFundedStudyAbroad = true;
          break;
        case 'COMMERCIAL_PENSION':
          facts.commercialPensionInsurance = true;
          break;
        case 'UNRECTIFIED_ILLEGAL_ACT':
          facts.unrectifiedIllegalAct = true;
          break;
        case 'UNEXPLAINED_REPORT':
          facts.unexplainedReport = true;
          break;
      }
    }
  }
  return facts;
}

/**
 * Every registry object: inside the viewer's jurisdiction, readable by their role, and for a helper only,
 * of a household paired with them (rows that name their household; a household itself passes its id).
 */
export const readable = <T extends { regionPath: string }>(row: T) => readableOf(row, householdOf(row));

/** A household itself: readable like its rows, checked as a helper's by its own id. */
export const readableHousehold = <T extends { regionPath: string; id: number }>(row: T) =>
  readableOf(row, row.id);

const readableOf = (row: { regionPath: string }, householdId: number | null) => ({
  $all: {
    jurisdiction: row.regionPath,
    permission: 'household.read' as const,
    ...(householdId === null ? {} : { pairedHousehold: householdId }),
  },
});

const householdOf = (row: object): number | null => {
  const value = (row as { householdId?: unknown }).householdId;
  return typeof value === 'number' ? value : null;
};
/** Health, disability, birth dates and incomes: only the roles that work with them. */
export const sensitive = {
  authScopes: { permission: 'household.sensitive' as const },
  unauthorizedResolver: () => null,
};
