import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword } from '../support/api.ts';
import { launchChromium, saveScreenshot, signIn } from '../support/browser.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');

describe.skipIf(skipReason !== '')('GraphQL IDE in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the IDE asks an anonymous visitor to sign in, and runs queries with the developer session', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${apiUrl}/ide/`);
    const banner = page.locator('.session-banner');
    await expect.poll(() => banner.textContent()).toContain('未登录');
    expect(await banner.textContent()).toContain('developer');

    await signIn(page, `${apiUrl}/admin/`, 'developer', demoPassword);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${apiUrl}/ide/`);
    await expect.poll(() => banner.textContent()).toContain('(developer)');
    // Monaco loads the default tab's document asynchronously; run it only once it is there.
    await page.locator('.graphiql-query-editor').getByText('mayUnmask').waitFor();
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.graphiql-response').textContent()).toContain('系统开发者');
    await saveScreenshot(page, 'ide-developer');
    await page.close();
  });
  test('every example tab, one per mechanism, runs on demo rows without errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/`, 'admin', demoPassword);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${apiUrl}/ide/`);
    await expect.poll(() => page.locator('.session-banner').textContent()).toContain('(admin)');
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count()).toBe(9);
    for (let index = 0; index < 9; index += 1) {
      const tab = tabs.nth(index);
      if (index > 0) await tab.locator('.graphiql-tab-button').click();
      const operation = (await tab.locator('.graphiql-tab-button').getAttribute('title')) ?? '';
      await page.locator('.graphiql-tab-active', { hasText: operation }).waitFor();
      await expect
        .poll(async () =>
          ((await page.locator('.graphiql-query-editor').textContent()) ?? '').replace(/\u00a0/g, ' '),
        )
        .toContain(`query ${operation}`);
      // GraphiQL takes the editor's text into the tab's state after a short debounce.
      await page.waitForTimeout(500);
      await page.locator('.graphiql-execute-button').click();
      const response = page.locator('.graphiql-response');
      await expect.poll(() => response.textContent()).toContain('"data"');
      const text = (await response.textContent()) ?? '';
      expect(text, `tab ${index + 1}`).not.toContain('"errors"');
      expect(text, `tab ${index + 1}`).not.toMatch(/"(node|household)": null/);
    }
    await saveScreenshot(page, 'ide-mechanism-examples');
    await page.close();
  });
});
