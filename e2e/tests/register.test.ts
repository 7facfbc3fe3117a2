import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword } from '../support/api.ts';
import { button, launchChromium, saveScreenshot, signIn } from '../support/browser.ts';
import { browserTestIdNumber } from '../support/registry.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');
const settle = { timeout: 15_000 };

async function openAs(browser: Browser, username: string, path: string) {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  await signIn(page, `${apiUrl}/admin/${path}`, username, demoPassword);
  await page.getByTestId('current-user').waitFor();
  return page;
}

/** The form drawer on top (the household's own drawer stays open beneath its forms). */
function topDrawer(page: Page): Locator {
  return page.locator('.ant-drawer-content-wrapper:visible').last();
}

/**
 * Picks an antd Select's option with the keyboard, as a clerk can: arrow down to it and press Enter; typing
 * first searches the server for selects that search.
 */
async function choose(page: Page, input: string, text: string, typed?: string) {
  const select = page.locator(input);
  await select.focus();
  if (typed) await select.fill(typed);
  await select.press('ArrowDown');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .waitFor(settle);
  const active = page.locator('.ant-select-dropdown .ant-select-item-option-active');
  for (let step = 0; step < 40; step++) {
    const current = (await active.count()) > 0 ? await active.last().textContent() : null;
    if (current?.includes(text)) break;
    await select.press('ArrowDown');
  }
  await select.press('Enter');
}

async function save(page: Page) {
  const drawer = topDrawer(page);
  await drawer.getByRole('button', { name: button('保存') }).click();
}

describe.skipIf(skipReason !== '')('keeping the household register in the console', () => {
  let browser: Browser;
  const householdNumber = `REG${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  /** The first year of the monitoring mechanism's own income ranges (the rules judge monitoring from 2021). */
  const year = 2021;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('a village clerk registers a household with its head, adds a member and an income, and finds it in the list', async () => {
    const page = await openAs(browser, 'village', 'identification/households');
    await page.getByTestId('create-household').click();
    const form = topDrawer(page);
    await form.getByText('新建农户登记为“非贫困户”').waitFor();
    await expect
      .poll(() => form.locator('.ant-select', { has: page.locator('#villageId') }).textContent(), settle)
      .not.toBe('');

    await page.locator('#householdNumber').fill('12');
    await page.locator('#name').fill('盘春花');
    const headIdNumber = browserTestIdNumber(21, false);
    const wrongCheck = headIdNumber.endsWith('0') ? '1' : '0';
    await page.locator('#idNumber').fill(`${headIdNumber.slice(0, 17)}${wrongCheck}`);
    await choose(page, '#mainCause', '缺技术');
    await choose(page, '#education', '初中');
    await choose(page, '#labourCapacity', '有劳动能力');
    await choose(page, '#health', '健康');
    await save(page);
    await expect.poll(() => form.textContent(), settle).toContain('户编号应为4–32位数字、字母或连字符');

    await page.locator('#householdNumber').fill(householdNumber);
    await page.locator('#idNumber').fill(headIdNumber);
    await save(page);
    const title = page.getByTestId('household-title');
    await expect.poll(() => title.textContent(), settle).toContain(householdNumber);
    expect(await page.getByTestId('drawer-household-status').textContent()).toBe('非贫困户');

    await page.getByTestId('add-member').click();
    await page.locator('#member_name').fill('赵大山');
    await choose(page, '#member_relation', '配偶');
    await page.locator('#member_idNumber').fill(browserTestIdNumber(22, true));
    await choose(page, '#member_education', '小学');
    await choose(page, '#member_labourCapacity', '弱劳动能力');
    await choose(page, '#member_health', '长期慢性病');
    await save(page);
    const members = page.getByTestId('members-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => members.count(), settle).toBe(2);
    expect(await page.getByTestId('members-table').textContent()).toContain('赵大山');

    await page.getByRole('tab', { name: '收入情况' }).click();
    await page.getByTestId('add-income').click();
    await choose(page, '#income_year', String(year));
    await page.locator('#income_wagesYuan').fill('3000');
    await page.locator('#income_transferIncomeYuan').fill('600.5');
    await save(page);
    await expect
      .poll(() => page.getByTestId('per-capita-income').first().textContent(), settle)
      .toBe('¥1800.25');
    await saveScreenshot(page, 'register-household-created');

    await page.keyboard.press('Escape');
    const search = page.getByPlaceholder('户主姓名、户编号或身份证号后四位');
    await search.fill(householdNumber);
    await search.press('Enter');
    const row = page
      .getByTestId('households-table')
      .locator('tbody tr.ant-table-row', { hasText: householdNumber });
    await expect.poll(() => row.count(), settle).toBe(1);
    expect(await row.textContent()).toContain('盘春花');
    await page.close();
  });

  test('a township clerk identifies that household as a monitoring object and changes its responsible cadre', async () => {
    const page = await openAs(browser, 'township', 'identification/monitoring');
    await page.getByTestId('start-monitoring').click();
    await choose(page, '#householdId', householdNumber, householdNumber);
    await page.locator('#year').fill(String(year));
    await choose(page, '#riskKinds', '因病');
    await page.keyboard.press('Escape');
    await page.locator('#riskNote').fill('配偶长期慢性病，医疗支出大');
    await choose(page, '#responsibleCadreId', '（');
    await save(page);
    await expect.poll(() => page.locator('.ant-drawer-content-wrapper:visible').count(), settle).toBe(0);

    const row = page
      .getByTestId('monitoring-table')
      .locator('tbody tr.ant-table-row', { hasText: householdNumber });
    await expect.poll(() => row.count(), settle).toBe(1);
    expect(await row.textContent()).toContain('边缘易致贫户');
    await row.locator('.ant-table-row-expand-icon').click();
    const cadre = page.getByTestId('monitoring-cadre');
    await cadre.waitFor();
    const before = await cadre.textContent();
    await page.getByTestId('assign-cadre').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.waitFor();
    const select = page.locator('#assignCadre_responsibleCadreId');
    await select.focus();
    await select.press('ArrowDown');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const otherCadre = async () =>
      (await options.allTextContents()).find((text) => !text.startsWith(`${before}（`));
    await expect.poll(otherCadre, settle).toBeTruthy();
    const other = await otherCadre();
    await choose(page, '#assignCadre_responsibleCadreId', other!);
    await modal.getByRole('button', { name: button('保存') }).click();
    await expect.poll(() => cadre.textContent(), settle).toBe(other!.split('（')[0]);
    await saveScreenshot(page, 'register-monitoring-cadre');
    await page.close();
  });
  test('an administrator pages through the exit verifications and finds one household’s by its number', async () => {
    const page = await openAs(browser, 'admin', 'identification/exit-verifications');
    const table = page.getByTestId('exit-verifications-table');
    const rows = table.locator('tbody tr.ant-table-row');
    await rows.first().waitFor(settle);
    await expect.poll(() => page.getByTestId('pager').textContent(), settle).toContain('共 2829 条');
    const number = (await rows.first().locator('td').first().textContent())?.split(' · ')[1] ?? '';
    expect(number).not.toBe('');
    const search = page.getByPlaceholder('户主姓名、户编号或身份证号后四位');
    await search.fill(number);
    await search.press('Enter');
    await expect
      .poll(async () => (await rows.allTextContents()).every((text) => text.includes(number)), settle)
      .toBe(true);
    expect(await page.getByTestId('pager').textContent()).not.toContain('共 2829 条');
    await saveScreenshot(page, 'register-exit-verifications');
    await page.close();
  });
});
