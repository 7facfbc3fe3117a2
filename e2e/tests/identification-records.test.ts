import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword, graphqlAs } from '../support/api.ts';
import { button, launchChromium, saveScreenshot, signIn } from '../support/browser.ts';
import { browserTestIdNumber, countyDay } from '../support/registry.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');

/** Picks an option of a plain select by walking it with the keyboard (the list is virtual, so not all are drawn). */
async function choose(page: Page, scope: Locator, field: string, text: string) {
  const select = scope.locator(field);
  await select.focus();
  await select.press('ArrowDown');
  const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
  for (let step = 0; step < 40; step++) {
    const current = (await active.count()) > 0 ? await active.last().textContent() : null;
    if (current === text) break;
    await select.press('ArrowDown');
  }
  await select.press('Enter');
  await expect.poll(() => scope.textContent()).toContain(text);
}

describe.skipIf(skipReason !== '')('identification records in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('an administrator records a vehicle from the traffic police: a price with three decimals is refused on its field, a good one is listed with its details', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/identification/sector-records`, 'admin', demoPassword);
    await page.getByTestId('sector-records-table').waitFor();
    await page.getByRole('button', { name: button('录入部门比对数据') }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.locator('#idNumber').waitFor();
    const source = `县公安局交警大队 ${countyDay()} 浏览器测试`;
    await drawer.locator('#idNumber').fill(browserTestIdNumber(31, true));
    await choose(page, drawer, '#kind', '车辆');
    await drawer.locator('#source').fill(source);
    await choose(page, drawer, '#vehicleKind', '小汽车');
    await drawer.locator('#purchasePriceYuan').fill('12.345');
    await drawer.getByRole('button', { name: button('保存') }).click();
    const priceField = drawer.locator('.ant-form-item', { has: page.locator('#purchasePriceYuan') });
    await expect.poll(() => priceField.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    expect(await priceField.textContent()).toContain('最多两位小数');
    // The message is on its field; the alert above the form says only that the input is wrong.
    expect(await drawer.locator('.ant-alert-error').textContent()).not.toContain('purchasePriceYuan');
    await saveScreenshot(page, 'admin-sector-record-price-refused');

    await drawer.locator('#purchasePriceYuan').fill('86000');
    await drawer.getByRole('button', { name: button('保存') }).click();
    await drawer.waitFor({ state: 'detached' });
    const row = page.getByTestId('sector-records-table').locator('tbody tr', { hasText: source });
    await expect.poll(() => row.textContent()).toContain('小汽车');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('86000');
    expect(text).toContain('非生产经营用');
    expect(text).toContain(countyDay());
    await page.close();
  });

  test("an administrator records a village's rural population for a year, then changes it from its row", async () => {
    const { villages } = await graphqlAs<{
      villages: { edges: { node: { name: string; parent: { name: string } | null } }[] };
    }>(apiUrl, 'admin', '{ villages(first: 1) { edges { node { name parent { name } } } } }');
    const village = villages.edges[0]!.node;
    const year = 2035;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(
      page,
      `${apiUrl}/admin/identification/village-populations?year=${year}`,
      'admin',
      demoPassword,
    );
    const table = page.getByTestId('village-populations-table');
    await table.waitFor();
    await page.getByRole('button', { name: button('登记村人口') }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.locator('#villageId').fill(village.name);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
      hasText: village.name,
    });
    await option.first().click();
    await drawer.locator('#year').fill(String(year));
    await drawer.locator('#ruralPopulation').fill('1234');
    await drawer.locator('#ruralHouseholds').fill('321');
    await drawer.getByRole('button', { name: button('保存') }).click();
    await drawer.waitFor({ state: 'detached' });

    const row = table.locator('tbody tr.ant-table-row', { hasText: village.name });
    await expect.poll(() => row.textContent()).toContain('1234');
    expect(await row.textContent()).toContain('321');
    await row.getByRole('button', { name: button('修改') }).click();
    await drawer.locator('#ruralPopulation').waitFor();
    expect(await drawer.locator('input[disabled]').inputValue()).toContain(`${village.name} · ${year}`);
    await drawer.locator('#ruralPopulation').fill('1250');
    await drawer.getByRole('button', { name: button('保存') }).click();
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('1250');
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(1);
    await saveScreenshot(page, 'admin-village-populations');
    await page.close();
  });
});
