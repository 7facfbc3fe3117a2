import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword } from '../support/api.ts';
import { button, launchChromium, saveScreenshot, signIn, typeDate } from '../support/browser.ts';
import { countyDay } from '../support/registry.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');

/** The article's 2014–2018 sources (万元), entered here for a period of their own so the demo's copy does not count. */
const SOURCES = [
  ['财政扶贫资金', '财政扶贫资金', '22699'],
  ['财政涉农整合资金', '财政涉农整合资金', '81000.712'],
  ['信贷扶贫资金', '信贷扶贫资金', '34507'],
  ['行业部门资金', '行业部门资金', '283076.81'],
  ['社会帮扶资金', '社会帮扶资金', '4712'],
  ['县财政预算投入', '县财政预算投入', '10535'],
] as const;

/**
 * Picks an option of an antd Select in the dialog with the keyboard, as a clerk can: arrow down to the option
 * and press Enter. Clicking is not used because a loaded machine can leave the list positioned off-screen.
 */
async function chooseOption(page: Page, input: string, text: string) {
  const select = page.locator(`.ant-modal ${input}`);
  await select.focus();
  await select.press('ArrowDown');
  const active = page.locator('.ant-select-dropdown .ant-select-item-option-active');
  for (let step = 0; step < 30; step++) {
    const current = (await active.count()) > 0 ? await active.last().textContent() : null;
    if (current === text) break;
    await select.press('ArrowDown');
  }
  await select.press('Enter');
  await expect.poll(() => page.locator('.ant-modal').textContent()).toContain(text);
}

async function saveDialog(page: Page) {
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: button('保存') })
    .click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
}

describe.skipIf(skipReason !== '')('fund sources and their reconciliation in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("an administrator enters the article's six sources and stated total and sees the +518.712 万 warning with its explanation", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/funds/sources?fromYear=2034&toYear=2034`, 'admin', demoPassword);
    await page.getByRole('button', { name: '登记资金来源' }).waitFor();
    for (const [category, name, amount] of SOURCES) {
      await page.getByRole('button', { name: '登记资金来源' }).click();
      await chooseOption(page, '#category', category);
      await page.locator('.ant-modal #name').fill(name);
      await page.locator('.ant-modal #amountWanYuan').fill(amount);
      await saveDialog(page);
    }
    await page.getByRole('button', { name: '登记包含关系' }).click();
    await chooseOption(page, '#containerId', '财政涉农整合资金');
    await chooseOption(page, '#containedId', '财政扶贫资金');
    await page.locator('.ant-modal #amountWanYuan').fill('24758');
    await saveDialog(page);
    await page.getByRole('button', { name: '登记上报总额' }).click();
    await page.locator('.ant-modal #reportedIn').fill('《江华瑶族自治县脱贫攻坚六大机制》');
    await page.locator('.ant-modal #amountWanYuan').fill('436011.81');
    await saveDialog(page);

    const reading = page.getByTestId('reconciliation-reading');
    await expect.poll(() => reading.textContent()).toContain('直接相加差额 518.712 万元');
    const text = (await reading.textContent()) ?? '';
    expect(text).toContain('上报总额 436011.81 万元');
    expect(text).toContain('净额差额 -24239.288 万元');
    expect(text).toContain('有需核实的差异');
    expect(text).toContain('各来源直接相加 436530.522 万元, 与上报总额 436011.81 万元 多 518.712 万元');
    expect(await page.getByTestId('fund-reconciliation').textContent()).toContain('财政扶贫资金');
    await saveScreenshot(page, 'admin-fund-reconciliation');
    await page.close();
  });

  test('an administrator publishing a notice shorter than its 10 days is refused with the days, and a full one is listed as posted', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/funds/notices`, 'admin', demoPassword);
    await page.getByTestId('notices-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: button('发布公告公示') }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.locator('#subject').waitFor();
    const select = drawer.locator('#subject');
    await select.focus();
    await select.press('ArrowDown');
    for (let step = 0; step < 5; step++) {
      const active = drawer.page().locator('.ant-select-dropdown .ant-select-item-option-active');
      if ((await active.count()) > 0 && (await active.last().textContent()) === '资金项目计划') break;
      await select.press('ArrowDown');
    }
    await select.press('Enter');
    await expect.poll(() => drawer.textContent()).toContain('资金项目计划');
    const title = `沱江镇年度资金项目计划公示 ${countyDay()}`;
    await drawer.locator('#title').fill(title);
    await drawer.locator('#postingPlace').fill('沱江镇政务公开栏');
    await typeDate(drawer.locator('#postedOn'), countyDay(5));
    await typeDate(drawer.locator('#lastDayPosted'), countyDay(-3));
    await drawer.getByRole('button', { name: button('保存') }).click();
    const failure = drawer.locator('.ant-alert-error');
    await expect.poll(() => failure.textContent()).toContain(`共 9 天, 要求 ≥ 10 天, 不足`);
    await saveScreenshot(page, 'admin-notice-period-refused');
    await typeDate(drawer.locator('#lastDayPosted'), countyDay(-4));
    await drawer.getByRole('button', { name: button('保存') }).click();
    await drawer.waitFor({ state: 'detached' });
    const row = page.getByTestId('notices-table').locator('tbody tr', { hasText: title });
    await expect.poll(() => row.textContent()).toContain('公示中');
    expect(await row.textContent()).toContain('10');
    await page.close();
  });

  test('an auditor reads the findings with their rectification tasks, and closes none whose task is open', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/funds/findings?status=OPEN`, 'auditor', demoPassword);
    const table = page.getByTestId('audit-findings-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const rows = await table.locator('tbody tr.ant-table-row').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((text) => text.includes('整改中') && text.includes('整改'))).toBe(true);
    const open = rows.filter((text) => !text.includes('已完成')).length;
    const closable = await table.getByRole('button', { name: button('销号') }).count();
    expect(closable).toBeLessThanOrEqual(rows.length - open);
    expect(await page.getByRole('button', { name: button('登记审计发现') }).count()).toBe(1);
    expect(await page.getByTestId('export-findings').getAttribute('href')).toBe(
      '/funds/export/findings?status=OPEN',
    );
    await saveScreenshot(page, 'admin-audit-findings');
    await page.close();
  });
});
