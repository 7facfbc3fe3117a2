import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword, type RunningApi, startApi } from '../support/api.ts';
import { launchChromium, saveScreenshot, signIn } from '../support/browser.ts';

const skipReason = inject('skipReason');

interface SentOperation {
  query?: string;
  operationName?: string;
  extensions?: { persistedQuery?: { sha256Hash?: string } };
}

/** The built admin console against an API started as deployed: trusted documents only. */
describe.skipIf(skipReason !== '')('admin console against a production API', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    api = await startApi({ production: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  test('signing in and the units page work with document ids alone', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const sent: SentOperation[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) sent.push(request.postDataJSON() as SentOperation);
    });
    await signIn(page, `${api.url}/admin/`, 'admin', demoPassword);
    await page.getByTestId('units-table').locator('tbody tr.ant-table-row').first().waitFor();
    await saveScreenshot(page, 'admin-production-units');

    expect(sent.map((operation) => operation.operationName)).toEqual(
      expect.arrayContaining(['AdminViewer', 'Login', 'AdminUnits']),
    );
    for (const operation of sent) {
      expect(operation.query, `${operation.operationName} sent its text`).toBeUndefined();
      expect(operation.extensions?.persistedQuery?.sha256Hash).toMatch(/^(admin|ui)\//);
    }
    await page.close();
  });

  test('a document the clients did not register is refused', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: '仅接受已登记的查询 (trusted documents only)',
          extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
        },
      ],
    });
  });
});
