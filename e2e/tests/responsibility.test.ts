import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword, graphqlAs } from '../support/api.ts';
import { launchChromium, saveScreenshot, signIn } from '../support/browser.ts';

const apiUrl = inject('apiUrl');
/** Polls wait for the API and the page to settle. */
const settle = { timeout: 15_000 };
const skipReason = inject('skipReason');

interface Setup {
  me: { jurisdiction: { id: string } };
  policyDocuments: { edges: { node: { id: string } }[] };
  units: { edges: { node: { id: string; cadres: { edges: { node: { id: string } }[] } } }[] };
}

/** A fresh department-level task of the county poverty office, so the test owns everything it changes. */
async function createDepartmentTask(title: string) {
  const setup = await graphqlAs<Setup>(
    apiUrl,
    'admin',
    `{ me { jurisdiction { id } }
       policyDocuments(search: "提高脱贫质量", first: 1) { edges { node { id } } }
       units(search: "扶贫开发办公室扶贫业务股", first: 1) { edges { node { id cadres(first: 1) { edges { node { id } } } } } } }`,
  );
  const office = setup.units.edges[0]!.node;
  const created = await graphqlAs<{ createTask: { __typename: string } }>(
    apiUrl,
    'admin',
    `mutation ($input: CreateTaskInput!) { createTask(input: $input) { __typename } }`,
    {
      input: {
        title,
        sourceKind: 'POLICY_DOCUMENT',
        sourceId: setup.policyDocuments.edges[0]!.node.id,
        level: 'COUNTY_DEPARTMENT',
        regionId: setup.me.jurisdiction.id,
        responsibleUnitId: office.id,
        responsiblePersonId: office.cadres.edges[0]!.node.id,
        deadline: '2030-12-31',
      },
    },
  );
  expect(created.createTask.__typename).toBe('MutationCreateTaskSuccess');
}

/** Picks an option of an antd Select by typing into it. */
async function chooseOption(page: Page, selectInput: string, text: string) {
  await page.locator(selectInput).click();
  await page.locator(selectInput).fill(text);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click();
}

describe.skipIf(skipReason !== '')('tasks and the battle map in Chromium', () => {
  let browser: Browser;
  const title = `e2e 分解任务 ${Date.now()}`;

  beforeAll(async () => {
    browser = await launchChromium();
    await createDepartmentTask(title);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('a county administrator decomposes a task to two townships in one screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, `${apiUrl}/admin/responsibility/decompose`, 'admin', demoPassword);
    await chooseOption(page, '#decompose-parent', title);
    const panel = page.getByTestId('decompose-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('2030-12-31');

    for (const township of ['沱江镇', '桥头铺镇']) await chooseOption(page, '#decompose-regions', township);
    await page.keyboard.press('Escape');
    const rows = page.getByTestId('decompose-rows').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), settle).toBe(2);
    // Each row gets its township's work station and its head by default.
    await expect.poll(() => rows.nth(0).textContent(), settle).toContain('沱江镇扶贫工作站');
    await expect.poll(() => rows.nth(1).textContent(), settle).toContain('桥头铺镇扶贫工作站');
    await expect.poll(() => rows.nth(0).textContent(), settle).toContain('扶贫工作站站长');
    await saveScreenshot(page, 'responsibility-decompose-form');

    await page.getByRole('button', { name: '一次提交全部下级任务' }).click();
    await page.locator('.ant-message', { hasText: '已分解为 2 项下级任务' }).waitFor();
    await saveScreenshot(page, 'responsibility-decomposed');
    await context.close();
  });

  test('the 沱江镇 township clerk finds the task among their own, is refused 150 %, and reports 60 %', async () => {
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, `${apiUrl}/admin/responsibility/tasks`, 'township', demoPassword);
    const table = page.getByTestId('tasks-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByText('我负责的', { exact: true }).click();
    const search = page.getByPlaceholder('按任务内容搜索');
    await search.fill(title);
    await search.press('Enter');
    const row = table.locator('tbody tr.ant-table-row', { hasText: title });
    await expect.poll(() => row.count(), settle).toBe(1);
    expect(await row.textContent()).toContain('沱江镇');
    expect(await table.textContent()).not.toContain('桥头铺镇');

    await row.getByRole('button', { name: '填报进度' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByRole('spinbutton').fill('150');
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await expect
      .poll(() => modal.getByTestId('task-action-error').textContent(), settle)
      .toContain('进度不能超过100');
    await modal.getByRole('spinbutton').fill('60');
    await modal.locator('textarea').fill('已完成6个村的摸底核查');
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await page.locator('.ant-message', { hasText: '已保存' }).waitFor();
    await expect.poll(() => row.textContent(), settle).toContain('60%');
    expect(await row.getByTestId('task-status').textContent()).toBe('推进中');
    await saveScreenshot(page, 'responsibility-progress-reported');
    await context.close();
  });

  test('the battle map shows 沱江镇’s progress and 桥头铺镇 not started, down to the task rows', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, `${apiUrl}/admin/responsibility/battle-map`, 'admin', demoPassword);
    const grid = page.getByTestId('battle-map-grid');
    await grid.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await grid.locator('tbody tr.ant-table-row').count()).toBe(22);

    const tuojiang = page.locator('[data-cell="沱江镇|未分组"]');
    const qiaotou = page.locator('[data-cell="桥头铺镇|未分组"]');
    await expect.poll(() => tuojiang.textContent(), settle).toBe('0/160%');
    expect(await tuojiang.getAttribute('data-state')).toBe('moving');
    expect(await qiaotou.textContent()).toBe('0/10%');
    expect(await qiaotou.getAttribute('data-state')).toBe('idle');
    await saveScreenshot(page, 'responsibility-battle-map');

    await tuojiang.click();
    const tasks = page.getByTestId('battle-map-tasks');
    await expect
      .poll(() => tasks.locator('tbody tr.ant-table-row').allTextContents(), settle)
      .toEqual([expect.stringContaining(title)]);
    expect(await tasks.textContent()).toContain('60%');
    await saveScreenshot(page, 'responsibility-battle-map-cell');
    await page.keyboard.press('Escape');

    await grid.getByRole('button', { name: '沱江镇' }).click();
    await expect.poll(() => page.locator('.ant-breadcrumb').textContent(), settle).toContain('沱江镇');
    await grid.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await grid.locator('tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(8);
    await saveScreenshot(page, 'responsibility-battle-map-villages');
    await context.close();
  });

  test('a county leader reads the same battle map in the leadership client and drills into 沱江镇', async () => {
    const context = await browser.newContext({ viewport: { width: 1500, height: 1200 } });
    const page = await context.newPage();
    await signIn(page, `${apiUrl}/leadership/`, 'leader', demoPassword);
    const table = page.getByTestId('battle-map-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(22);
    const tuojiang = table.locator('tbody tr.ant-table-row', { hasText: '沱江镇' });
    expect(await tuojiang.textContent()).toContain('0/1');
    await page.getByTestId('battle-map-chart').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'responsibility-leadership-battle-map');
    await tuojiang.click();
    await expect.poll(() => page.getByTestId('battle-map-title').textContent(), settle).toContain('沱江镇');
    await expect
      .poll(() => table.locator('tbody tr.ant-table-row').count(), settle)
      .toBeGreaterThanOrEqual(8);
    await context.close();
  });
});
