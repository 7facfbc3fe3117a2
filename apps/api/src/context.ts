import type { Database } from '@gongjian/db';
import type { Role } from '@gongjian/db/schema';

/** The signed-in user, as loaded from their session row once per request. */
export interface Viewer {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  countyId: number | null;
  jurisdictionId: number;
  /** The level of the jurisdiction's root region (COUNTY, TOWNSHIP, VILLAGE). */
  jurisdictionLevel: string;
  /** Path of the jurisdiction's root region: the viewer sees rows whose path starts with it. */
  regionPath: string;
  /** The cadre the user is, if any (a helper is the responsible person of their own tasks). */
  cadreId: number | null;
  mayUnmask: boolean;
  sessionId: string;
}

export interface CookieJar {
  set(name: string, value: string, expires: Date): void;
  clear(name: string): void;
}

export interface Context {
  db: Database;
  viewer: Viewer | null;
  cookies: CookieJar;
  requestIp: string | null;
}
