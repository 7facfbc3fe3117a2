import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword, graphqlAs } from '../support/api.ts';
import { button, chooseInCascader, launchChromium, saveScreenshot, signIn } from '../support/browser.ts';
import { countyDay } from '../support/registry.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');

/**
 * Types into a searchable antd Select (searching on the server; `null`: only opens it) and picks the option containing `text` with
 * the keyboard, as a clerk can; clicking is avoided because a loaded machine can leave the list off-screen.
 */
async function chooseOption(page: Page, select: Locator, search: string | null, text: string) {
  await select.focus();
  if (search) await select.fill(search);
  else await select.press('ArrowDown');
  const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
  await page.locator(`${open} .ant-select-item-option`, { hasText: text }).first().waitFor();
  const active = page.locator(`${open} .ant-select-item-option-active`);
  for (let step = 0; step < 30; step++) {
    if ((await active.count()) > 0 && ((await active.last().textContent()) ?? '').includes(text)) break;
    await select.press('ArrowDown');
  }
  await select.press('Enter');
}

/** The report's row in the list (searched by its subject), and whether the overdue queue holds it. */
async function readRow(page: Page, subject: string) {
  const search = encodeURIComponent(subject);
  await page.goto(`${apiUrl}/admin/supervision/reports?search=${search}`);
  const row = page.getByTestId('reports-table').locator('tbody tr.ant-table-row', { hasText: subject });
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  await page.goto(`${apiUrl}/admin/supervision/reports?search=${search}&overdue=true`);
  await page.getByTestId('reports-table').locator('tbody tr').first().waitFor();
  const queued = await page
    .getByTestId('reports-table')
    .locator('tbody tr.ant-table-row', { hasText: subject })
    .count();
  return { text, queued };
}

/** A handling or reply step through the row's button and its dialog, as the clerk does it. */
async function stepInConsole(page: Page, subject: string, action: string, text: string) {
  const row = page.getByTestId('reports-table').locator('tbody tr.ant-table-row', { hasText: subject });
  await row.getByRole('button', { name: button(action) }).click();
  const dialog = page.locator('.ant-modal');
  await dialog.locator('#report-step-text').fill(text);
  await dialog.getByRole('button', { name: button('保存') }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe.skipIf(skipReason !== '')('supervision console in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('a report taken in and assigned to a township, handled by the township, answered and closed in the console: the list and the overdue queue follow each step', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/supervision/reports`, 'supervisor', demoPassword);
    const { units } = await graphqlAs<{ units: { edges: { node: { name: string } }[] } }>(
      apiUrl,
      'supervisor',
      '{ units(kind: TOWNSHIP_GOVERNMENT, search: "沱江镇", first: 1) { edges { node { name } } } }',
    );
    const government = units.edges[0]!.node.name;
    const subject = `浏览器办理测试 ${countyDay()} ${Date.now()}`;
    await page.getByRole('button', { name: button('受理举报') }).click();
    const drawer = page.locator('.ant-drawer-open');
    await chooseInCascader(drawer.locator('.ant-cascader'), '沱江镇');
    await chooseOption(page, drawer.locator('#report-category'), null, '作风问题');
    await drawer.locator('#report-subject').fill(subject);
    await drawer.locator('#report-content').fill('受理、交办、办理、答复、办结各一步。');
    await drawer.getByRole('button', { name: button('保存') }).click();
    await drawer.waitFor({ state: 'detached' });
    let seen = await readRow(page, subject);
    expect(seen.text).toContain('沱江镇');
    expect(seen.text).toContain('未超期');
    expect(seen.queued).toBe(0);

    await page.goto(`${apiUrl}/admin/supervision/reports?search=${encodeURIComponent(subject)}`);
    const listed = page.getByTestId('reports-table').locator('tbody tr.ant-table-row', { hasText: subject });
    await listed.getByRole('button', { name: button('交办') }).click();
    const dialog = page.locator('.ant-modal');
    await chooseOption(page, dialog.locator('#report-assign-unit'), '沱江镇', government);
    await dialog.getByRole('button', { name: button('保存') }).click();
    await dialog.waitFor({ state: 'detached' });
    seen = await readRow(page, subject);
    expect(seen.text).toContain(government);
    expect(seen.queued).toBe(0);

    const township = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(
      township,
      `${apiUrl}/admin/supervision/reports?search=${encodeURIComponent(subject)}`,
      'township',
      demoPassword,
    );
    await stepInConsole(township, subject, '登记办理', '已调查处理。');
    await township.close();
    await page.goto(`${apiUrl}/admin/supervision/reports?search=${encodeURIComponent(subject)}`);
    await stepInConsole(page, subject, '答复', '已答复反映人。');
    const row = page.getByTestId('reports-table').locator('tbody tr.ant-table-row', { hasText: subject });
    await row.getByRole('button', { name: button('办结') }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /OK|确\s*定/ })
      .click();
    await expect.poll(() => row.textContent()).toContain('办结');
    seen = await readRow(page, subject);
    expect(seen.text).toContain('办结');
    expect(seen.queued).toBe(0);
    await saveScreenshot(page, 'admin-report-closed');
    await page.close();
  });

  test('a clerk checks the supervisor coverage on screen against the API', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/supervision/village-supervisors`, 'supervisor', demoPassword);
    const { supervisorCoverage } = await graphqlAs<{ supervisorCoverage: { covered: number }[] }>(
      apiUrl,
      'supervisor',
      '{ supervisorCoverage { covered } }',
    );
    const covered = supervisorCoverage.reduce((sum, row) => sum + row.covered, 0);
    await expect.poll(() => page.getByTestId('coverage-covered').textContent()).toBe(String(covered));
    await page.close();
  });

  test('a clerk checks the accountability counts, assessments, inspections and performance lists against the API', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/supervision/accountability`, 'supervisor', demoPassword);
    const api = await graphqlAs<{
      accountabilityCounts: { year: number; kind: string; count: number }[];
      villageAssessments: { totalCount: number };
      inspections: { edges: { node: { title: string; findingCount: number } }[] };
      performanceAssessments: { edges: { node: { unit: { name: string } } }[] };
      villageExits: { totalCount: number };
    }>(
      apiUrl,
      'supervisor',
      `{ accountabilityCounts { year kind count }
         villageAssessments(filter: { classes: [YELLOW_CARD, KEY_MANAGEMENT] }, first: 1) { totalCount }
         inspections(first: 1) { edges { node { title findingCount } } }
         performanceAssessments(first: 1) { edges { node { unit { name } } } }
         villageExits(first: 1) { totalCount } }`,
    );
    const conduct = api.accountabilityCounts.find((c) => c.kind === 'CONDUCT_ACCOUNTABILITY')!;
    const countRow = page
      .getByTestId('accountability-counts')
      .locator('tbody tr', { hasText: String(conduct.year) });
    await expect.poll(() => countRow.textContent()).toContain(String(conduct.count));

    await page.goto(
      `${apiUrl}/admin/supervision/village-assessments?classes=YELLOW_CARD&classes=KEY_MANAGEMENT`,
    );
    await page.getByTestId('assessments-table').locator('tbody tr.ant-table-row').first().waitFor();
    await expect
      .poll(() => page.locator('.ant-card').textContent())
      .toContain(String(api.villageAssessments.totalCount));

    const inspection = api.inspections.edges[0]!.node;
    await page.goto(`${apiUrl}/admin/supervision/inspections`);
    const row = page
      .getByTestId('inspections-table')
      .locator('tbody tr.ant-table-row', { hasText: inspection.title });
    await expect.poll(() => row.textContent()).toContain(String(inspection.findingCount));

    await page.goto(`${apiUrl}/admin/supervision/performance`);
    const unit = api.performanceAssessments.edges[0]!.node.unit.name;
    await expect.poll(() => page.getByTestId('performance-table').textContent()).toContain(unit);
    const exits = page.locator('.ant-card').filter({ hasText: '出列奖励与脱贫不脱政策' }).last();
    await expect
      .poll(() => exits.getByTestId('pager').textContent())
      .toContain(`共 ${api.villageExits.totalCount} 条`);
    // The demo county has more exits than one page: past the first the server gives the next rows, and the
    // page is in the URL, so a reload keeps it.
    expect(api.villageExits.totalCount).toBeGreaterThan(20);
    const firstPage = await exits.locator('tbody tr.ant-table-row').allTextContents();
    await exits.getByRole('button', { name: button('下一页') }).click();
    await expect.poll(() => exits.getByTestId('pager').textContent()).toContain('第 2 /');
    await page.reload();
    await expect.poll(() => exits.getByTestId('pager').textContent()).toContain('第 2 /');
    // The pager reads its page from the URL at once; the rows come with the server's answer.
    await expect.poll(() => exits.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    const secondPage = await exits.locator('tbody tr.ant-table-row').allTextContents();
    expect(secondPage.some((row) => firstPage.includes(row))).toBe(false);
    await saveScreenshot(page, 'admin-supervision-performance');
    await page.close();
  });

  test('the supervisor records a unit’s performance assessment in the drawer: a campaign bonus over the total is refused on its field, the corrected one is listed', async () => {
    const { units } = await graphqlAs<{ units: { edges: { node: { region: { id: string } } }[] } }>(
      apiUrl,
      'admin',
      '{ units(kind: COUNTY_DEPARTMENT, first: 1) { edges { node { region { id } } } } }',
    );
    const unitName = `绩效测试单位${Date.now()}`;
    const created = await graphqlAs<{ createUnit: { __typename: string } }>(
      apiUrl,
      'admin',
      'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { __typename } }',
      { input: { name: unitName, kind: 'COUNTY_DEPARTMENT', regionId: units.edges[0]!.node.region.id } },
    );
    expect(created.createUnit.__typename).toBe('MutationCreateUnitSuccess');

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/supervision/performance`, 'supervisor', demoPassword);
    await page.getByRole('button', { name: button('登记绩效考核') }).click();
    const drawer = page.locator('.ant-drawer-open');
    await chooseOption(page, drawer.locator('#unitId'), unitName, unitName);
    await drawer.locator('#year').fill('2018');
    await drawer.locator('#score').fill('90.5');
    await drawer.locator('#totalBonusYuan').fill('300000');
    await drawer.locator('#campaignBonusYuan').fill('300001');
    await drawer.getByRole('button', { name: button('保存') }).click();
    const campaignField = drawer.locator('.ant-form-item', { hasText: '与脱贫攻坚挂钩的奖金' });
    await expect
      .poll(() => campaignField.locator('.ant-form-item-explain-error').textContent())
      .toContain('不能超过总额');

    await drawer.locator('#campaignBonusYuan').fill('180000');
    await drawer.getByRole('button', { name: button('保存') }).click();
    await drawer.waitFor({ state: 'detached' });
    await page.goto(`${apiUrl}/admin/supervision/performance?search=${encodeURIComponent(unitName)}`);
    const row = page
      .getByTestId('performance-table')
      .locator('tbody tr.ant-table-row', { hasText: unitName });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('2018');
    expect(text).toContain('90.5');
    expect(text).toContain('60% 达到 50%');
    await saveScreenshot(page, 'admin-performance-recorded');
    await page.close();
  });
});
