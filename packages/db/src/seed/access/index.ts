import type { DbExecutor } from '../../client';
import { hashPassword } from '../../password';
import { type Role, users } from '../../schema/index';
import type { SeededCounty } from '../demo-step';

/** Local-only password of every demo account (documented in the README; never use outside a demo). */
export const DEMO_PASSWORD = 'Gongjian@2026';

interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  jurisdiction: 'county' | 'township' | 'village';
  mayUnmask?: boolean;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'admin',
    displayName: '县级管理员',
    roles: ['COUNTY_ADMIN'],
    jurisdiction: 'county',
    mayUnmask: true,
  },
  {
    username: 'township',
    displayName: '沱江镇扶贫专干',
    roles: ['TOWNSHIP_CLERK'],
    jurisdiction: 'township',
  },
  { username: 'village', displayName: '村级扶贫专干', roles: ['VILLAGE_CLERK'], jurisdiction: 'village' },
  { username: 'helper', displayName: '结对帮扶责任人', roles: ['HELPER'], jurisdiction: 'village' },
  {
    username: 'supervisor',
    displayName: '县脱贫攻坚督导组',
    roles: ['SUPERVISOR'],
    jurisdiction: 'county',
    mayUnmask: true,
  },
  { username: 'auditor', displayName: '县审计局审计员', roles: ['AUDITOR'], jurisdiction: 'county' },
  { username: 'leader', displayName: '县领导', roles: ['LEADER'], jurisdiction: 'county' },
  { username: 'developer', displayName: '系统开发者', roles: ['DEVELOPER'], jurisdiction: 'county' },
];

export async function seedUsers(db: DbExecutor, county: SeededCounty) {
  const township = county.townships[0]!;
  const village = county.villages.find((v) => v.townshipId === township.id)!;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const scope = {
    county: { id: county.countyId, regionPath: county.countyPath },
    township: { id: township.id, regionPath: township.regionPath },
    village: { id: village.id, regionPath: village.regionPath },
  };
  await db.insert(users).values(
    DEMO_ACCOUNTS.map((a) => ({
      countyId: county.countyId,
      jurisdictionId: scope[a.jurisdiction].id,
      regionPath: scope[a.jurisdiction].regionPath,
      username: a.username,
      displayName: a.displayName,
      passwordHash,
      roles: a.roles,
      mayUnmask: a.mayUnmask ?? false,
    })),
  );
}
