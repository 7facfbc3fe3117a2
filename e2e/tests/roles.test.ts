import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword } from '../support/api.ts';
import { button, launchChromium, saveScreenshot, signIn } from '../support/browser.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');
const settle = { timeout: 15_000 };

const organisation = ['单位管理', '干部管理'];
const workAdvancement = ['指挥体系', '会议决策', '决议', '政策文件'];

async function openAs(browser: Browser, username: string, path: string) {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, `${apiUrl}/admin/${path}`, username, demoPassword);
  await page.getByTestId('current-user').waitFor();
  return { context, page };
}

async function menuEntries(page: Page) {
  const items = page.locator('.gj-shell__sider .ant-menu-item');
  await items.first().waitFor();
  return (await items.allTextContents()).map((text) => text.trim());
}

/** Opens a page from the side menu and waits for its table's first row. */
async function openFromMenu(page: Page, entry: string, tableTestId: string) {
  await page.locator('.gj-shell__sider .ant-menu-item', { hasText: entry }).click();
  await page.getByTestId(tableTestId).locator('tbody tr.ant-table-row').first().waitFor();
}

async function countButtons(page: Page, label: string) {
  return page.getByRole('button', { name: button(label) }).count();
}

describe.skipIf(skipReason !== '')('the admin console follows the viewer’s role', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  test('the county administrator sees every page and the write buttons the others must not see', async () => {
    const { context, page } = await openAs(browser, 'admin', 'organisation/units');
    contexts.push(context);
    expect(await menuEntries(page)).toEqual([
      ...organisation,
      ...workAdvancement,
      '任务清单',
      '任务分解',
      '挂图作战',
      '农户台账',
      '动态调整',
      '七个不纳入筛查',
      '防返贫监测',
      '精准识别四率',
      'Excel 导入',
    ]);
    await page.getByTestId('units-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await countButtons(page, '新建单位')).toBe(1);
    await openFromMenu(page, '任务清单', 'tasks-table');
    expect(await countButtons(page, '分解')).toBeGreaterThan(0);
    expect(await countButtons(page, '办结')).toBeGreaterThan(0);
    await openFromMenu(page, '会议决策', 'meetings-table');
    expect(await countButtons(page, '登记会议')).toBe(1);
    await openFromMenu(page, '政策文件', 'documents-table');
    expect(await countButtons(page, '登记文件')).toBe(1);
    expect(await countButtons(page, '据此下达任务')).toBeGreaterThan(0);
  });

  test('a village clerk keeps the registry and screening but records no meetings and decides no findings', async () => {
    const { context, page } = await openAs(browser, 'village', 'organisation/units');
    contexts.push(context);
    expect(await menuEntries(page)).toEqual([
      ...organisation,
      ...workAdvancement,
      '任务清单',
      '任务分解',
      '挂图作战',
      '农户台账',
      '动态调整',
      '七个不纳入筛查',
      '防返贫监测',
      '精准识别四率',
      'Excel 导入',
    ]);
    await openFromMenu(page, '会议决策', 'meetings-table');
    expect(await countButtons(page, '登记会议')).toBe(0);
    await openFromMenu(page, '政策文件', 'documents-table');
    expect(await countButtons(page, '登记文件')).toBe(0);
    expect(await countButtons(page, '据此下达任务')).toBeGreaterThan(0);

    await page.locator('.gj-shell__sider .ant-menu-item', { hasText: '七个不纳入筛查' }).click();
    await page.getByTestId('run-screening').waitFor();
    expect(await page.getByTestId('run-screening').textContent()).toContain('开始筛查');
    expect(await countButtons(page, '确认')).toBe(0);
    expect(await countButtons(page, '排除')).toBe(0);
    await saveScreenshot(page, 'roles-village-screening');
  });

  test('a helper reports progress but has no decomposition, no rates and no unit forms', async () => {
    const { context, page } = await openAs(browser, 'helper', 'organisation/units');
    contexts.push(context);
    expect(await menuEntries(page)).toEqual([
      ...organisation,
      ...workAdvancement,
      '任务清单',
      '挂图作战',
      '农户台账',
      '动态调整',
      '七个不纳入筛查',
      '防返贫监测',
    ]);
    await page.getByTestId('units-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await countButtons(page, '新建单位')).toBe(0);
    expect(await countButtons(page, '编辑')).toBe(0);

    await page.locator('.gj-shell__sider .ant-menu-item', { hasText: '任务清单' }).click();
    await page.getByTestId('tasks-table').waitFor();
    await expect.poll(() => page.locator('.ant-spin-spinning').count(), settle).toBe(0);
    expect(await countButtons(page, '分解')).toBe(0);
    expect(await countButtons(page, '办结')).toBe(0);
    expect(await countButtons(page, '改派')).toBe(0);

    await page.locator('.gj-shell__sider .ant-menu-item', { hasText: '七个不纳入筛查' }).click();
    await page.getByTestId('findings-table').waitFor();
    expect(await page.getByTestId('run-screening').count()).toBe(0);

    await page.goto(`${apiUrl}/admin/responsibility/decompose`);
    await page.getByTestId('no-permission').waitFor();
    expect(await page.getByTestId('no-permission').textContent()).toContain('无权访问');
    expect(await page.title()).toContain('无权访问');
    await saveScreenshot(page, 'roles-helper-no-permission');
  });

  test('a county leader reads the organisation, work, tasks and rates without a single write button', async () => {
    const { context, page } = await openAs(browser, 'leader', 'organisation/units');
    contexts.push(context);
    expect(await menuEntries(page)).toEqual([
      ...organisation,
      ...workAdvancement,
      '任务清单',
      '挂图作战',
      '精准识别四率',
    ]);
    await page.getByTestId('units-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await countButtons(page, '新建单位')).toBe(0);
    expect(await countButtons(page, '编辑')).toBe(0);

    await openFromMenu(page, '任务清单', 'tasks-table');
    for (const action of ['填报进度', '分解', '办结', '改派'])
      expect(await countButtons(page, action), action).toBe(0);

    await openFromMenu(page, '会议决策', 'meetings-table');
    expect(await countButtons(page, '登记会议')).toBe(0);
    await openFromMenu(page, '政策文件', 'documents-table');
    expect(await countButtons(page, '登记文件')).toBe(0);
    expect(await countButtons(page, '据此下达任务')).toBe(0);

    await page.goto(`${apiUrl}/admin/identification/households`);
    await page.getByTestId('no-permission').waitFor();
    expect(await page.getByTestId('households-table').count()).toBe(0);
    await saveScreenshot(page, 'roles-leader-no-permission');
  });

  test('an auditor reads the registry and screening findings but changes nothing', async () => {
    const { context, page } = await openAs(browser, 'auditor', 'identification/households');
    contexts.push(context);
    expect(await menuEntries(page)).toEqual([
      ...organisation,
      ...workAdvancement,
      '任务清单',
      '挂图作战',
      '农户台账',
      '动态调整',
      '七个不纳入筛查',
      '防返贫监测',
      '精准识别四率',
    ]);
    await page.getByTestId('households-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.title()).toContain('农户台账');
    expect(await countButtons(page, '导入 Excel')).toBe(0);
    expect(await page.getByTestId('export-households').count()).toBe(1);

    await page.locator('.gj-shell__sider .ant-menu-item', { hasText: '七个不纳入筛查' }).click();
    await page.getByTestId('findings-table').waitFor();
    expect(await page.getByTestId('run-screening').count()).toBe(0);

    await openFromMenu(page, '单位管理', 'units-table');
    expect(await countButtons(page, '新建单位')).toBe(0);
    await openFromMenu(page, '任务清单', 'tasks-table');
    for (const action of ['填报进度', '分解', '办结', '改派'])
      expect(await countButtons(page, action), action).toBe(0);
  });
});
