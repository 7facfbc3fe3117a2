import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword } from '../support/api.ts';
import { launchChromium, saveScreenshot, signIn } from '../support/browser.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');

describe.skipIf(skipReason !== '')('the registry’s Excel round trip in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('an administrator exports one village unmasked, with a reason, and importing the file changes 0 rows', async () => {
    const context = await browser.newContext({
      viewport: { width: 1500, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signIn(page, `${apiUrl}/admin/identification/import`, 'admin', demoPassword);
    const card = page.getByTestId('unmasked-export');
    await card.locator('.ant-cascader').click();
    await page
      .locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: '沱江镇' })
      .click();
    const villages = page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu').nth(1);
    await villages.locator('.ant-cascader-menu-item').first().click();
    await page.keyboard.press('Escape');
    const button = page.getByTestId('unmasked-export-button');
    expect(await button.isEnabled()).toBe(false);
    await page.getByTestId('unmasked-reason').fill('浏览器测试: 导出后原样导入');
    await saveScreenshot(page, 'identification-unmasked-export');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const file = await readFile((await download.path())!);
    expect(file.length).toBeGreaterThan(1000);

    await page.locator('input[type=file]').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByTestId('start-import').click();
    await expect
      .poll(() => page.getByTestId('import-status').textContent(), { timeout: 60_000 })
      .toBe('已导入');
    expect(await page.getByTestId('import-changed-rows').textContent()).toBe('0');
    expect(await page.getByTestId('import-result').textContent()).toContain('新增 0 · 更新 0');
    await saveScreenshot(page, 'identification-unmasked-reimport');
    await context.close();
  });
});
