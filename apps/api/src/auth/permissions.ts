import type { Role } from '@gongjian/db/schema';

/**
 * The role × operation matrix. Every write also needs the row to sit inside the viewer's jurisdiction;
 * this table says only which roles may attempt an operation at all.
 */
export const PERMISSIONS = {
  /** Create and edit units and cadres (组织机构维护). */
  'organisation.write': ['COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK'],
  /** Read the audit log (审计日志). */
  'audit.read': ['COUNTY_ADMIN', 'SUPERVISOR', 'AUDITOR'],
  /** Use the GraphQL IDE and send arbitrary documents outside production. */
  'ide.use': ['DEVELOPER', 'COUNTY_ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}
