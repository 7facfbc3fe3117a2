import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword } from '../support/api.ts';
import { launchChromium, saveScreenshot, signIn } from '../support/browser.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');

describe.skipIf(skipReason !== '')('leadership client in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('a county leader sees the live summary of the demo county and drills into a township', async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, `${apiUrl}/leadership/`, 'leader', demoPassword);

    await page.getByTestId('village-count').waitFor();
    expect(await page.getByTestId('village-count').textContent()).toContain('304');
    expect(await page.getByTestId('poor-village-count').textContent()).toContain('112');
    expect(await page.getByTestId('non-poor-with-poor-count').textContent()).toContain('192');

    const chart = page.getByTestId('villages-chart');
    const canvas = chart.locator('canvas').first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeGreaterThan(200);
    const townshipRows = page.getByTestId('township-table').locator('tbody tr.ant-table-row');
    expect(await townshipRows.count()).toBe(22);
    await saveScreenshot(page, 'leadership-summary');

    await townshipRows.filter({ hasText: '沱江镇' }).click();
    await page.getByTestId('village-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(page.url()).toContain('township=');
    expect(await page.getByTestId('summary-title').textContent()).toContain('沱江镇');
    const villageCount = Number((await page.getByTestId('village-count').textContent())?.replace(/\D/g, ''));
    expect(villageCount).toBeGreaterThan(0);
    expect(villageCount).toBeLessThan(304);
    expect(await page.getByTestId('village-table').locator('tbody tr.ant-table-row').count()).toBe(
      villageCount,
    );
    await saveScreenshot(page, 'leadership-township');

    await page.goBack();
    await expect.poll(() => page.getByTestId('village-count').textContent()).toContain('304');
    await page.close();
  });
});
