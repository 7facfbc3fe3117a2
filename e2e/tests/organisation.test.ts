import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword, graphqlAs } from '../support/api.ts';
import { chooseInCascader, launchChromium, saveScreenshot, signIn } from '../support/browser.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');

interface UnitsData {
  units: { edges: { node: { name: string; region: { name: string; level: string } } }[] };
}

describe.skipIf(skipReason !== '')('admin console in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('a wrong password shows the Chinese error and keeps the login page', async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/`, 'township', 'not-the-password');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    expect(await page.getByTestId('units-table').count()).toBe(0);
    await saveScreenshot(page, 'admin-wrong-password');
    await page.close();
  });

  test('a township clerk sees only 沱江镇 and creates a unit there', async () => {
    const countyUnits = await graphqlAs<UnitsData>(
      apiUrl,
      'admin',
      '{ units(kind: TOWNSHIP_GOVERNMENT, first: 100) { edges { node { name region { name level } } } } }',
    );
    const foreignUnit = countyUnits.units.edges.find(
      (edge) => edge.node.region.level === 'TOWNSHIP' && edge.node.region.name !== '沱江镇',
    )?.node;
    expect(foreignUnit, 'the demo county has township governments outside 沱江镇').toBeDefined();

    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/`, 'township', demoPassword);
    const table = page.getByTestId('units-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('沱江镇');

    const regionCells = await table.locator('tbody tr.ant-table-row td:nth-child(4)').allTextContents();
    expect(regionCells.length).toBeGreaterThan(0);
    for (const cell of regionCells) expect(cell).toContain('沱江镇');
    await saveScreenshot(page, 'admin-township-units');

    const regionFilter = page.locator('.gj-page-toolbar .ant-cascader');
    await regionFilter.click();
    // The dropdown re-renders as the regions arrive, so read its items until they settle.
    const firstColumn = page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu').first();
    await expect
      .poll(() => firstColumn.locator('.ant-cascader-menu-item').allTextContents())
      .toEqual(['沱江镇']);
    await saveScreenshot(page, 'admin-region-picker');
    await page.keyboard.press('Escape');

    const search = page.getByPlaceholder('按单位名称搜索');
    await search.fill('沱江镇人民政府');
    await search.press('Enter');
    await expect
      .poll(() => table.locator('tbody tr.ant-table-row').allTextContents())
      .toEqual([expect.stringContaining('沱江镇人民政府')]);
    await search.fill(foreignUnit!.name);
    await search.press('Enter');
    await expect.poll(() => table.textContent()).toContain('暂无单位');
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(0);
    await saveScreenshot(page, 'admin-foreign-unit-absent');

    const newUnitName = `e2e 后盾单位 ${Date.now()}`;
    await page.getByRole('button', { name: '新建单位' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByLabel('单位名称').fill(newUnitName);
    await chooseInCascader(drawer.locator('.ant-cascader'), '沱江镇');
    await saveScreenshot(page, 'admin-create-unit-form');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-message', { hasText: '已保存' }).waitFor();
    const firstRow = table.locator('tbody tr.ant-table-row').first();
    await expect.poll(() => firstRow.textContent()).toContain(newUnitName);
    expect(await firstRow.getAttribute('class')).toContain('gj-row-just-saved');
    expect(await table.locator('tbody tr.ant-table-row', { hasText: newUnitName }).count()).toBe(1);

    await search.fill(newUnitName);
    await search.press('Enter');
    await expect
      .poll(() => table.locator('tbody tr.ant-table-row').allTextContents())
      .toEqual([expect.stringContaining(newUnitName)]);
    expect(await table.locator('tbody tr.ant-table-row').first().textContent()).toContain('后盾单位');
    await saveScreenshot(page, 'admin-unit-created');
    await page.close();
  });

  test('saving over a change someone else made shows the conflict message and loads the latest version', async () => {
    const target = await graphqlAs<{
      units: {
        edges: {
          node: { id: string; name: string; kind: string; version: number; region: { id: string } };
        }[];
      };
    }>(
      apiUrl,
      'admin',
      '{ units(search: "沱江镇扶贫工作站", first: 1) { edges { node { id name kind version region { id } } } } }',
    );
    const unit = target.units.edges[0]?.node;
    expect(unit).toBeDefined();

    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/`, 'township', demoPassword);
    const table = page.getByTestId('units-table');
    const row = table.locator('tbody tr.ant-table-row', { hasText: unit!.name });
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByLabel('单位名称').waitFor();

    const renamed = `${unit!.name}（他人修改）`;
    const update = await graphqlAs<{ updateUnit: { __typename: string } }>(
      apiUrl,
      'admin',
      'mutation ($input: UpdateUnitInput!) { updateUnit(input: $input) { __typename } }',
      {
        input: {
          id: unit!.id,
          version: unit!.version,
          name: renamed,
          kind: unit!.kind,
          regionId: unit!.region.id,
        },
      },
    );
    expect(update.updateUnit.__typename).toBe('MutationUpdateUnitSuccess');

    await drawer.getByLabel('单位名称').fill(`${unit!.name}（我的修改）`);
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    const alert = drawer.getByTestId('unit-form-error');
    await expect.poll(() => alert.textContent()).toContain('该记录已被他人修改');
    expect(await alert.textContent()).toContain(`最新版本为 ${unit!.version + 1}`);
    await saveScreenshot(page, 'admin-unit-conflict');

    await alert.getByRole('button', { name: '载入最新内容' }).click();
    await expect.poll(() => drawer.getByLabel('单位名称').inputValue()).toBe(renamed);
    await page.close();
  });
});
