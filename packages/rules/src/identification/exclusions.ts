import type { BusinessKind, ExclusionRuleId, TownPropertyKind, VehicleKind } from '../enums';
import { InvalidInputError } from '../errors';
import { type Decision, type JsonValue, makeReason } from '../explanation';
import { type Fen, formatYuan } from '../money';
import type { Policy } from '../parameters';
import { type SourceRef, source } from '../sources';

/** What the village and the data checks (财政供养, 工商注册, 车辆, 房产) found about a household. */
export interface ExclusionFacts {
  /** Ids of members (head, parents, spouse, children) on the public payroll. */
  publicEmployeeMemberIds: string[];
  /** Ids of members serving on the village committees. */
  villageCadreMemberIds: string[];
  vehicles: { kind: VehicleKind; purchasePriceFen: Fen; productive: boolean }[];
  townProperties: { kind: TownPropertyKind }[];
  luxuryRenovation: boolean;
  businesses: { kind: BusinessKind; registered: boolean; operating: boolean }[];
  longTermEmployer: boolean;
  largeScaleFarmer: boolean;
  contractor: boolean;
  splitToQualify: boolean;
  ghostRegistration: boolean;
  selfFundedStudyAbroad: boolean;
  commercialPensionInsurance: boolean;
  unrectifiedIllegalAct: boolean;
  unexplainedReport: boolean;
}

/** A household with nothing that excludes it; callers spread their findings over it. */
export function clearExclusionFacts(): ExclusionFacts {
  return {
    publicEmployeeMemberIds: [],
    villageCadreMemberIds: [],
    vehicles: [],
    townProperties: [],
    luxuryRenovation: false,
    businesses: [],
    longTermEmployer: false,
    largeScaleFarmer: false,
    contractor: false,
    splitToQualify: false,
    ghostRegistration: false,
    selfFundedStudyAbroad: false,
    commercialPensionInsurance: false,
    unrectifiedIllegalAct: false,
    unexplainedReport: false,
  };
}

export interface ExclusionEvaluation {
  hit: boolean;
  evidence: Record<string, JsonValue>;
  params?: Record<string, JsonValue>;
}

/** One exclusion rule: a county can add its own or switch built-in ones off ('exclusions.enabled'). */
export interface ExclusionRule {
  id: string;
  labelZh: string;
  labelEn: string;
  source: SourceRef;
  evaluate(facts: ExclusionFacts, policy: Policy): ExclusionEvaluation;
}

const LISTS = source('EXCLUSION_LISTS', 'L');

const HEAVY_VEHICLES: readonly VehicleKind[] = ['LARGE_FARM_VEHICLE', 'CONSTRUCTION_MACHINERY', 'SHIP'];

/** The built-in rules of POLICY.md 1.4 (a representative list: no Jianghua text was found). */
export const BUILT_IN_EXCLUSION_RULES: Record<ExclusionRuleId, ExclusionRule> = {
  PUBLIC_EMPLOYEE: {
    id: 'PUBLIC_EMPLOYEE',
    labelZh: '家庭成员为国家公职人员或财政供养人员',
    labelEn: 'A member is a civil servant or on the public payroll',
    source: LISTS,
    evaluate: (facts) => ({
      hit: facts.publicEmployeeMemberIds.length > 0,
      evidence: { memberIds: facts.publicEmployeeMemberIds },
    }),
  },
  VILLAGE_CADRE: {
    id: 'VILLAGE_CADRE',
    labelZh: '家庭成员任现职村两委干部',
    labelEn: 'A member is a serving village cadre',
    source: LISTS,
    evaluate: (facts) => ({
      hit: facts.villageCadreMemberIds.length > 0,
      evidence: { memberIds: facts.villageCadreMemberIds },
    }),
  },
  VEHICLE: {
    id: 'VEHICLE',
    labelZh: '拥有非生产性小汽车或大型农用车、工程机械、船舶',
    labelEn: 'Owns a non-productive car, or heavy farm vehicles, construction machinery or a ship',
    source: LISTS,
    evaluate: (facts, policy) => {
      const minPrice = policy.get('exclusions.vehicleMinPrice');
      const matching = facts.vehicles.filter(
        (vehicle) =>
          vehicle.purchasePriceFen >= minPrice &&
          (HEAVY_VEHICLES.includes(vehicle.kind) || (vehicle.kind === 'CAR' && !vehicle.productive)),
      );
      return {
        hit: matching.length > 0,
        evidence: { vehicles: matching.map((v) => ({ kind: v.kind, purchasePriceFen: v.purchasePriceFen })) },
        params: { vehicleMinPriceFen: minPrice, vehicleMinPriceYuan: formatYuan(minPrice) },
      };
    },
  },
  TOWN_HOUSE: {
    id: 'TOWN_HOUSE',
    labelZh: '在集镇或县城购建商品房、商铺、门面房,或住房豪华装修',
    labelEn: 'Owns a house or shop in town, or a luxuriously fitted house',
    source: LISTS,
    evaluate: (facts) => ({
      hit: facts.townProperties.length > 0 || facts.luxuryRenovation,
      evidence: {
        townProperties: facts.townProperties.map((p) => p.kind),
        luxuryRenovation: facts.luxuryRenovation,
      },
    }),
  },
  BUSINESS: {
    id: 'BUSINESS',
    labelZh: '注册公司企业并实际经营,或经营商铺、运输业',
    labelEn: 'Runs a registered company, a shop or a transport business',
    source: LISTS,
    evaluate: (facts) => {
      const operating = facts.businesses.filter(
        (business) => business.operating && (business.registered || business.kind !== 'COMPANY'),
      );
      return { hit: operating.length > 0, evidence: { businesses: operating.map((b) => b.kind) } };
    },
  },
  EMPLOYER: {
    id: 'EMPLOYER',
    labelZh: '长期雇工、种养大户或承包工程',
    labelEn: 'Long-term employer, large-scale farmer or contractor',
    source: LISTS,
    evaluate: (facts) => ({
      hit: facts.longTermEmployer || facts.largeScaleFarmer || facts.contractor,
      evidence: {
        longTermEmployer: facts.longTermEmployer,
        largeScaleFarmer: facts.largeScaleFarmer,
        contractor: facts.contractor,
      },
    }),
  },
  SPLIT_OR_GHOST_HOUSEHOLD: {
    id: 'SPLIT_OR_GHOST_HOUSEHOLD',
    labelZh: '为享受政策分户、拆户或空挂户',
    labelEn: 'Household split or registered only to qualify',
    source: LISTS,
    evaluate: (facts) => ({
      hit: facts.splitToQualify || facts.ghostRegistration,
      evidence: { splitToQualify: facts.splitToQualify, ghostRegistration: facts.ghostRegistration },
    }),
  },
  OTHER: {
    id: 'OTHER',
    labelZh: '自费留学、购买商业养老保险、违法拒不改正或举报不能合理解释',
    labelEn: 'Self-funded study abroad, commercial pension, unrectified illegal acts or unexplained reports',
    source: source('EXCLUSION_LISTS', 'W'),
    evaluate: (facts) => ({
      hit:
        facts.selfFundedStudyAbroad ||
        facts.commercialPensionInsurance ||
        facts.unrectifiedIllegalAct ||
        facts.unexplainedReport,
      evidence: {
        selfFundedStudyAbroad: facts.selfFundedStudyAbroad,
        commercialPensionInsurance: facts.commercialPensionInsurance,
        unrectifiedIllegalAct: facts.unrectifiedIllegalAct,
        unexplainedReport: facts.unexplainedReport,
      },
    }),
  },
};

/**
 * Applies the exclusion rules in force ('exclusions.enabled', in that order). `extraRules` adds a
 * county's own rules; an enabled id with no rule behind it is a configuration error.
 */
export function applyExclusions(
  facts: ExclusionFacts,
  policy: Policy,
  extraRules: readonly ExclusionRule[] = [],
): Decision<'PASS' | 'EXCLUDED'> {
  const enabled = policy.resolve('exclusions.enabled');
  const available = new Map<string, ExclusionRule>(Object.entries(BUILT_IN_EXCLUSION_RULES));
  for (const rule of extraRules) available.set(rule.id, rule);
  const reasons = enabled.value.map((id) => {
    const rule = available.get(id);
    if (!rule) throw new InvalidInputError('exclusions.enabled', `no exclusion rule with id "${id}"`);
    const result = rule.evaluate(facts, policy);
    return makeReason({
      ruleId: `EXCLUSION.${rule.id}`,
      passed: !result.hit,
      params: result.params ?? {},
      facts: result.evidence,
      source: rule.source,
      zh: result.hit ? `不纳入: ${rule.labelZh}` : `未触及不纳入情形: ${rule.labelZh}`,
      en: result.hit ? `Excluded: ${rule.labelEn}` : `Clear of: ${rule.labelEn}`,
    });
  });
  return { outcome: reasons.some((reason) => !reason.passed) ? 'EXCLUDED' : 'PASS', reasons };
}
