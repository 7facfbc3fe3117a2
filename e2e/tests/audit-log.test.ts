import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword } from '../support/api.ts';
import { launchChromium, saveScreenshot, signIn } from '../support/browser.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');

describe.skipIf(skipReason !== '')('the audit log in the admin console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('an auditor reads the log, sees the retention, filters by action and finds their own look in it', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/access/audit-log`, 'auditor', demoPassword);
    const table = page.getByTestId('audit-log-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await expect.poll(() => page.getByText('审计日志保存 36 个月').count()).toBe(1);
    await page.getByLabel('操作 (前缀, 如 member. 或 personal-data)').fill('audit-log');
    await page.getByLabel('操作 (前缀, 如 member. 或 personal-data)').press('Enter');
    await expect.poll(() => page.url()).toContain('action=audit-log');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const firstRow = table.locator('tbody tr.ant-table-row').first();
    await expect.poll(() => firstRow.textContent()).toContain('audit-log.read');
    expect(await firstRow.textContent()).toContain('县审计局审计员 (auditor)');
    const actions = await table.locator('tbody tr.ant-table-row td:nth-child(3)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((action) => action.startsWith('audit-log'))).toBe(true);
    await saveScreenshot(page, 'admin-audit-log');
    await page.close();
  });

  test('a village clerk has no audit log in the menu, and the page refuses them', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/`, 'village', demoPassword);
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
    await page.goto(`${apiUrl}/admin/access/audit-log`);
    await expect.poll(() => page.getByTestId('audit-log-table').count()).toBe(0);
    await page.close();
  });
});
