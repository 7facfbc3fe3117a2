import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword } from '../support/api.ts';
import { button, launchChromium, saveScreenshot, signIn } from '../support/browser.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');
const settle = { timeout: 15_000 };

async function openAs(browser: Browser, username: string, path: string) {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, `${apiUrl}/admin/${path}`, username, demoPassword);
  await page.getByTestId('current-user').waitFor();
  return { context, page };
}

async function statusesShown(page: Page) {
  const rows = page.getByTestId('households-table').locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  return page.getByTestId('households-table').getByTestId('household-status').allTextContents();
}

describe.skipIf(skipReason !== '')('the admin console’s addresses', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  test('a deep link opens its page with the page’s name as the document title', async () => {
    const { context, page } = await openAs(browser, 'township', 'responsibility/battle-map');
    contexts.push(context);
    await expect.poll(() => page.title(), settle).toContain('挂图作战');
    expect(new URL(page.url()).pathname).toBe('/admin/responsibility/battle-map');
    const selected = page.locator('.gj-shell__sider .ant-menu-item-selected');
    expect(await selected.textContent()).toBe('挂图作战');
  });

  test('the household filter, the page and the open drawer survive a reload', async () => {
    const { context, page } = await openAs(browser, 'admin', 'identification/households');
    contexts.push(context);
    await statusesShown(page);
    await page.locator('.gj-page-toolbar .ant-select', { hasText: '贫困状态' }).click();
    await page.locator('.ant-select-item-option', { hasText: '未脱贫' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('status'), settle).toContain('POOR');
    await expect.poll(async () => [...new Set(await statusesShown(page))], settle).toEqual(['未脱贫']);

    await page.getByRole('button', { name: '下一页' }).click();
    await expect.poll(() => page.getByTestId('pager').textContent(), settle).toContain('第 2 /');
    await page.reload();
    await expect.poll(() => page.getByTestId('pager').textContent(), settle).toContain('第 2 /');
    expect([...new Set(await statusesShown(page))]).toEqual(['未脱贫']);

    const firstRow = page.getByTestId('households-table').locator('tbody tr.ant-table-row').first();
    await firstRow.getByRole('button', { name: button('详情') }).click();
    const title = page.getByTestId('household-title');
    await title.waitFor();
    const opened = await title.textContent();
    expect(new URL(page.url()).searchParams.get('household')).toBeTruthy();
    await page.reload();
    await title.waitFor();
    expect(await title.textContent()).toBe(opened);
    await saveScreenshot(page, 'console-household-drawer-from-url');
  });

  test('an unknown address shows 页面不存在 inside the console', async () => {
    const { context, page } = await openAs(browser, 'township', 'identification/no-such-page');
    contexts.push(context);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('not-found').textContent()).toContain('页面不存在');
    expect(await page.getByTestId('not-found').textContent()).toContain('/admin/identification/no-such-page');
    expect(await page.title()).toContain('页面不存在');
    const menu = page.locator('.gj-shell__sider .ant-menu-item');
    expect(await menu.allTextContents()).toContain('单位管理');
  });
});
