import type { TestProject } from 'vitest/node';
import { countyTodayOf, missingClientBuilds, startApi } from './api.ts';
import { browserUnavailableReason } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    /** Set when the browser tier is skipped locally; never set under CI. */
    skipReason: string;
    /** The API's `countyToday` (its clock may be set with GONGJIAN_CLOCK_AT): the tests' "today". */
    countyToday: string;
  }
}

export default async function setup(project: TestProject) {
  const missingBrowser = browserUnavailableReason();
  if (missingBrowser) {
    if (process.env.CI === 'true') throw new Error(`browser tests cannot run under CI: ${missingBrowser}`);
    console.warn(`\n[e2e] SKIPPING the browser tests: ${missingBrowser}\n`);
    project.provide('skipReason', missingBrowser);
    project.provide('apiUrl', '');
    project.provide('countyToday', '');
    return;
  }
  const missingBuilds = missingClientBuilds();
  if (missingBuilds.length > 0) {
    throw new Error(
      `the clients are not built (${missingBuilds.join(', ')}): run \`pnpm turbo run build\` first`,
    );
  }
  const api = await startApi();
  project.provide('skipReason', '');
  project.provide('apiUrl', api.url);
  project.provide('countyToday', await countyTodayOf(api.url));
  if (process.env.GONGJIAN_CLOCK_AT) {
    console.log(
      `[e2e] the API's clock starts at ${process.env.GONGJIAN_CLOCK_AT}; its county day is ${await countyTodayOf(api.url)}`,
    );
  }
  return api.stop;
}
