import { clearExclusionFacts, type ExclusionFacts } from '@gongjian/rules';
import { type Random, randomDay, weighted } from '../random';
import type { PlannedHousehold } from './households';

const SECTOR_SOURCES = {
  PUBLIC_PAYROLL: '县财政局统发工资名册',
  VILLAGE_CADRE: '村两委干部名册',
  VEHICLE: '县公安局交警大队机动车登记',
  TOWN_PROPERTY: '县不动产登记中心',
  BUSINESS: '县市场监督管理局企业登记',
} as const;

/** What the sector data says about a household: a hit for the caught stories, harmless records elsewhere. */
export function sectorRecordsFor(random: Random, household: PlannedHousehold): PlannedSectorRecord[] {
  const head = household.members[0]!;
  const recordedOn = randomDay(random, 2019, 3, 5);
  const record = (kind: PlannedSectorRecord['kind'], details: PlannedSectorRecord['details']) => ({
    idNumber: head.idNumber,
    kind,
    details,
    source: SECTOR_SOURCES[kind],
    recordedOn,
  });
  if (household.story === 'EXCLUSION_HIT' || household.story === 'REMOVED_2019') {
    const kind = weighted(random, [
      ['VEHICLE', 40],
      ['PUBLIC_PAYROLL', 15],
      ['TOWN_PROPERTY', 25],
      ['BUSINESS', 15],
      ['VILLAGE_CADRE', 5],
    ] as const);
    if (kind === 'VEHICLE')
      return [
        record(kind, {
          vehicleKind: 'CAR',
          purchasePriceFen: random.int(45_000, 160_000) * 100,
          productive: false,
        }),
      ];
    if (kind === 'TOWN_PROPERTY')
      return [record(kind, { propertyKind: random.pick(['COMMERCIAL_HOUSE', 'SHOP'] as const) })];
    if (kind === 'BUSINESS')
      return [record(kind, { businessKind: 'COMPANY', registered: true, operating: true })];
    return [record(kind, {})];
  }
  if (random.next() < 0.012) {
    // A productive farm vehicle below the price line: on file, but no exclusion applies.
    return [
      record('VEHICLE', {
        vehicleKind: 'LARGE_FARM_VEHICLE',
        purchasePriceFen: random.int(8_000, 25_000) * 100,
        productive: true,
      }),
    ];
  }
  return [];
}

/** A sector record as the demo writes it: about one person, keyed by ID number. */
export interface PlannedSectorRecord {
  idNumber: string;
  kind: 'PUBLIC_PAYROLL' | 'VILLAGE_CADRE' | 'VEHICLE' | 'TOWN_PROPERTY' | 'BUSINESS';
  details: Record<string, string | number | boolean>;
  source: string;
  recordedOn: string;
}

/** The exclusion facts a household's sector records give the rules (the demo's record kinds only). */
export function plannedExclusionFacts(records: readonly PlannedSectorRecord[]): ExclusionFacts {
  const facts = clearExclusionFacts();
  for (const record of records) {
    const d = record.details;
    if (record.kind === 'PUBLIC_PAYROLL') facts.publicEmployeeMemberIds.push(record.idNumber);
    if (record.kind === 'VILLAGE_CADRE') facts.villageCadreMemberIds.push(record.idNumber);
    if (record.kind === 'VEHICLE')
      facts.vehicles.push({
        kind: d.vehicleKind as 'CAR',
        purchasePriceFen: Number(d.purchasePriceFen),
        productive: Boolean(d.productive),
      });
    if (record.kind === 'TOWN_PROPERTY') facts.townProperties.push({ kind: d.propertyKind as 'SHOP' });
    if (record.kind === 'BUSINESS')
      facts.businesses.push({
        kind: d.businessKind as 'COMPANY',
        registered: Boolean(d.registered),
        operating: Boolean(d.operating),
      });
  }
  return facts;
}
