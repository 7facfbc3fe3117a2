/** How many requests each limit lets through per minute (env.ts reads them; README "Settings" lists them). */
export interface RateLimitSettings {
  /** Failed sign-ins per client IP per minute (a successful one gives its point back). */
  loginFailuresPerIpPerMinute: number;
  /** GraphQL operations per signed-in user per minute, whatever the IP. */
  graphqlPerUserPerMinute: number;
  /** GraphQL requests per client IP per minute, signed in or not. */
  graphqlPerIpPerMinute: number;
}

/** The defaults: a page load sends 3–10 operations; room for busy users and for many users behind one NAT. */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  loginFailuresPerIpPerMinute: 10,
  graphqlPerUserPerMinute: 600,
  graphqlPerIpPerMinute: 1200,
};
