import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword, graphqlAs } from '../support/api.ts';
import { button, launchChromium, signIn } from '../support/browser.ts';
import { countyDay } from '../support/registry.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');
const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/api');

interface Group {
  name: string;
  leader: { name: string } | null;
  memberships: { name: string; endedOn: string | null }[];
}

/** A cadre of the county not among `taken` (names), with a name no one else has. */
async function outsider(taken: ReadonlyArray<string | undefined>) {
  const inGroup = new Set(taken);
  const data = await graphqlAs<{ cadres: { edges: { node: { name: string } }[] } }>(
    apiUrl,
    'admin',
    '{ cadres(search: "扶贫", first: 100) { edges { node { name } } } }',
  );
  const names = data.cadres.edges.map((e) => e.node.name);
  return names.find((name) => !inGroup.has(name) && names.filter((n) => n === name).length === 1)!;
}

async function rowsOfDownload(page: Page, testId: string): Promise<number> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = await download.path();
  const ExcelJS = createRequire(path.join(apiDir, 'package.json'))('exceljs') as {
    Workbook: new () => {
      xlsx: { readFile(p: string): Promise<unknown> };
      worksheets: { rowCount: number }[];
    };
  };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets[0]!.rowCount - 1;
}

/** Chooses `name` in the cadre picker `#selectId` and presses the add button next to it. */
async function addCadre(page: Page, selectId: string, addTestId: string, name: string) {
  const select = page.locator(`#${selectId}`);
  const add = page.getByTestId(addTestId);
  // The searched option list re-renders as the answer arrives; a click that lands on the old list chooses nothing.
  for (let attempt = 0; attempt < 3 && !(await add.isEnabled()); attempt++) {
    await select.click();
    await select.fill(name);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name });
    await option.first().waitFor();
    await page.waitForTimeout(300);
    await option.first().click();
    await page.waitForTimeout(300);
  }
  await add.click();
}

describe.skipIf(skipReason !== '')('the command structure and meetings in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('an administrator adds a member to a combat group and ends another, who stays listed with the day', async () => {
    const { commandPost } = await graphqlAs<{ commandPost: { combatGroups: Group[] } }>(
      apiUrl,
      'admin',
      '{ commandPost { combatGroups { name leader { name } memberships { name endedOn } } } }',
    );
    const group = commandPost.combatGroups[0]!;
    const joining = await outsider([
      group.leader?.name,
      ...group.memberships.filter((m) => m.endedOn === null).map((m) => m.name),
    ]);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/work-advancement/command-structure`, 'admin', demoPassword);
    await page.getByTestId('edit-group').first().click();
    await page.getByTestId('group-members').waitFor();
    const before = await page.getByTestId('current-member').count();

    await addCadre(page, 'add-member-cadre', 'add-member', joining);
    await expect.poll(() => page.getByTestId('current-member').count()).toBe(before + 1);
    expect(await page.getByTestId('group-members').textContent()).toContain(joining);

    const leaving = (await page.getByTestId('current-member').first().textContent())!.split(' · ')[0]!;
    await page.getByTestId('end-membership').first().click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: button('确定') })
      .click();
    await expect.poll(() => page.getByTestId('current-member').count()).toBe(before);
    const past = page.locator('.ant-list-item', { has: page.getByTestId('past-member') });
    await expect.poll(() => past.filter({ hasText: leaving }).textContent()).toContain(`${countyDay()} 离组`);
    await page.close();
  });

  test('an administrator edits the command post and appoints a deputy commander, who is listed, then leaves office with the day kept', async () => {
    const { commandPost } = await graphqlAs<{ commandPost: { name: string; members: { name: string }[] } }>(
      apiUrl,
      'admin',
      '{ commandPost { name members { name } } }',
    );
    const joining = await outsider(commandPost.members.map((m) => m.name));
    const renamed = `${commandPost.name.replace(/（.*）$/, '')}（${Date.now() % 100000}）`;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/work-advancement/command-structure`, 'admin', demoPassword);
    await page.getByTestId('edit-command-post').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByTestId('post-members').waitFor();
    const serving = drawer.getByTestId('current-member');
    const before = await serving.count();

    await addCadre(page, 'add-post-member-cadre', 'add-post-member', joining);
    await expect.poll(() => serving.count()).toBe(before + 1);
    expect(await drawer.getByTestId('post-members').textContent()).toContain(joining);

    await drawer.getByLabel('指挥部名称').fill(renamed);
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-message', { hasText: '已保存' }).waitFor();
    await expect.poll(() => page.locator('.ant-descriptions-title').textContent()).toBe(renamed);
    expect(await page.locator('.ant-descriptions').textContent()).toContain(joining);

    await page.getByTestId('edit-command-post').click();
    const item = drawer.locator('.ant-list-item', {
      has: page.getByTestId('current-member'),
      hasText: joining,
    });
    await item.getByTestId('end-membership').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: button('确定') })
      .click();
    await expect.poll(() => serving.count()).toBe(before);
    const past = drawer.locator('.ant-list-item', { has: page.getByTestId('past-member'), hasText: joining });
    await expect.poll(() => past.filter({ hasText: `${countyDay()} 离任` }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.ant-descriptions').textContent()).not.toContain(joining);
    await page.close();
  });

  test('an administrator withdraws a meeting with a reason; it stays listed as 已撤回; the export has the list’s rows', async () => {
    const topic = `浏览器测试会议 ${Date.now()}`;
    await graphqlAs(
      apiUrl,
      'admin',
      `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { __typename } }`,
      { input: { type: 'OTHER', heldOn: countyDay(1), topic, attendees: [], decisions: ['测试决定'] } },
    );
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(
      page,
      `${apiUrl}/admin/work-advancement/meetings?search=${encodeURIComponent(topic)}`,
      'admin',
      demoPassword,
    );
    const row = page.getByTestId('meetings-table').locator('tr', { hasText: topic });
    await row.getByTestId('withdraw-meeting').click();
    await page.getByTestId('withdraw-reason').fill('重复登记，予以撤回');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: button('撤回') })
      .click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    await row.getByTestId('withdrawn-tag').waitFor();
    expect(await row.getByTestId('withdrawn-tag').textContent()).toContain(countyDay());
    expect(await row.getByTestId('withdraw-meeting').count()).toBe(0);

    await page.goto(`${apiUrl}/admin/work-advancement/meetings?type=LEADING_GROUP`);
    await page.getByTestId('meetings-table').locator('tbody tr').first().waitFor();
    const { meetings } = await graphqlAs<{ meetings: { totalCount: number } }>(
      apiUrl,
      'admin',
      '{ meetings(type: LEADING_GROUP) { totalCount } }',
    );
    expect(await rowsOfDownload(page, 'export-meetings')).toBe(meetings.totalCount);
    await page.close();
  });
});
