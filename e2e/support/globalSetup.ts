import type { TestProject } from 'vitest/node';
import { missingClientBuilds, startApi } from './api.ts';
import { browserUnavailableReason } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    /** Set when the browser tier is skipped locally; never set under CI. */
    skipReason: string;
  }
}

export default async function setup(project: TestProject) {
  const missingBrowser = browserUnavailableReason();
  if (missingBrowser) {
    if (process.env.CI === 'true') throw new Error(`browser tests cannot run under CI: ${missingBrowser}`);
    console.warn(`\n[e2e] SKIPPING the browser tests: ${missingBrowser}\n`);
    project.provide('skipReason', missingBrowser);
    project.provide('apiUrl', '');
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
  return api.stop;
}
