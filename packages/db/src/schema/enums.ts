import { pgEnum } from 'drizzle-orm/pg-core';

export const regionLevel = pgEnum('region_level', [
  'PROVINCE',
  'CITY',
  'COUNTY',
  'TOWNSHIP',
  'VILLAGE',
  'GROUP',
]);

export const villageKind = pgEnum('village_kind', [
  'POOR_VILLAGE',
  'NON_POOR_WITH_POOR',
  'NON_POOR',
  'COMMUNITY',
]);

export const unitKind = pgEnum('unit_kind', [
  'COUNTY_LEADERSHIP',
  'COUNTY_DEPARTMENT',
  'BACKING_UNIT',
  'TOWNSHIP_GOVERNMENT',
  'WORK_STATION',
  'VILLAGE_COMMITTEE',
]);

export const backingLevel = pgEnum('backing_level', ['NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY']);

export const role = pgEnum('role', [
  'COUNTY_ADMIN',
  'TOWNSHIP_CLERK',
  'VILLAGE_CLERK',
  'HELPER',
  'SUPERVISOR',
  'AUDITOR',
  'LEADER',
  'DEVELOPER',
]);

export type RegionLevel = (typeof regionLevel.enumValues)[number];
export type VillageKind = (typeof villageKind.enumValues)[number];
export type UnitKind = (typeof unitKind.enumValues)[number];
export type BackingLevel = (typeof backingLevel.enumValues)[number];
export type Role = (typeof role.enumValues)[number];
