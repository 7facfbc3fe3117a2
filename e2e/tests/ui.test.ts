import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { countyTodayOf, demoPassword, graphqlAs } from '../support/api.ts';
import { button, chooseInCascader, launchChromium, saveScreenshot, signIn } from '../support/browser.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');

describe.skipIf(skipReason !== '')('the console as a person meets it, in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(username: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    await signIn(page, `${apiUrl}/admin/`, username, demoPassword);
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  test('each page names itself in the title, and <html lang> follows the chosen language', async () => {
    const page = await signedIn('admin');
    await page.goto(`${apiUrl}/admin/organisation/units`);
    await expect.poll(() => page.title()).toMatch(/^单位管理 · 攻坚/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toContain('favicon.svg');

    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.title()).toMatch(/^Units · Gongjian/);
    await page.getByText('中文', { exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.close();
  });

  test('an expired session says so over the page, keeps what was typed, and carries on after signing in', async () => {
    const page = await signedIn('township');
    await page.goto(`${apiUrl}/admin/organisation/units`);
    await page.getByTestId('units-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: '新建单位' }).click();
    const drawer = page.locator('.ant-drawer-open');
    const typed = `会话过期测试单位${Date.now() % 100000}`;
    await drawer.getByLabel('单位名称').fill(typed);
    await chooseInCascader(drawer.locator('.ant-cascader'), '沱江镇');

    await page.context().clearCookies();
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    const expired = page.locator('.ant-modal', { hasText: '登录已过期' });
    await expired.waitFor();
    await saveScreenshot(page, 'ui-session-expired');
    await expired.getByLabel('用户名').fill('township');
    await expired.getByLabel('密码').fill(demoPassword);
    await expired.getByRole('button', { name: button('登录') }).click();
    await expired.waitFor({ state: 'hidden' });

    expect(page.url()).toContain('/admin/organisation/units');
    expect(await drawer.getByLabel('单位名称').inputValue()).toBe(typed);
    await page.close();
  });

  test('at 1366×768 the task list keeps its action column on screen', async () => {
    const viewport = { width: 1366, height: 768 };
    const page = await signedIn('admin', viewport);
    await page.goto(`${apiUrl}/admin/responsibility/tasks`);
    const table = page.getByTestId('tasks-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const header = table.locator('thead th', { hasText: '操作' }).first();
    const box = await header.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    await saveScreenshot(page, 'ui-tasks-1366x768');
    await page.close();
  });

  test('dates are picked with the date picker, written YYYY-MM-DD in the Chinese console', async () => {
    const page = await signedIn('admin');
    await page.goto(`${apiUrl}/admin/responsibility/battle-map`);
    const picker = page.locator('.ant-picker input').first();
    await picker.waitFor();
    expect(await picker.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await picker.click();
    await page.locator('.ant-picker-dropdown:visible').waitFor();
    expect(await page.locator('.ant-picker-dropdown:visible').textContent()).toMatch(/今天|一|日/);
    await page.keyboard.press('Escape');
    await page.close();
  });

  test('the rates page for a year with no samples shows 未评估 overall', async () => {
    const thisYear = Number((await countyTodayOf(apiUrl)).slice(0, 4));
    let year: number | undefined;
    for (let candidate = thisYear; candidate > 2013 && year === undefined; candidate -= 1) {
      const rates = await graphqlAs<{ identificationRates: { total: { verdict: string } } }>(
        apiUrl,
        'admin',
        'query ($year: Int!) { identificationRates(year: $year) { total { verdict } } }',
        { year: candidate },
      );
      if (rates.identificationRates.total.verdict === 'NOT_ASSESSED') year = candidate;
    }
    expect(year, 'some year of the picker has no survey samples').toBeDefined();

    const page = await signedIn('admin');
    await page.goto(`${apiUrl}/admin/identification/rates`);
    await page.getByTestId('rates-scope').waitFor();
    await page.locator('.ant-card-extra .ant-select').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: String(year) })
      .click();
    const verdicts = page.getByTestId('rates-verdict');
    await expect.poll(() => verdicts.count()).toBeGreaterThan(0);
    await expect.poll(async () => [...new Set(await verdicts.allTextContents())]).toEqual(['未评估']);
    await page.close();
  });
});
