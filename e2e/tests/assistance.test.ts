import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword, graphqlAs } from '../support/api.ts';
import { button, launchChromium, saveScreenshot, signIn } from '../support/browser.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');
const settle = { timeout: 20_000 };

interface HouseholdNode {
  id: string;
  householdNumber: string;
  helper: { name: string } | null;
}

/** Households of the township clerk's jurisdiction that have no helper (non-poor ones), for fresh pairings. */
async function unpairedHouseholds(count: number): Promise<HouseholdNode[]> {
  const data = await graphqlAs<{ households: { edges: { node: HouseholdNode }[] } }>(
    apiUrl,
    'township',
    `{ households(status: [NON_POOR], first: 100) { edges { node { id householdNumber helper { name } } } } }`,
  );
  const free = data.households.edges.map((e) => e.node).filter((h) => h.helper === null);
  if (free.length < count) throw new Error(`only ${free.length} households without a helper`);
  return free.slice(-count);
}

/** A new cadre of a county unit, with no households yet; returns their id and name. */
async function freshHelper(): Promise<{ id: string; name: string }> {
  const units = await graphqlAs<{ units: { edges: { node: { id: string; region: { level: string } } }[] } }>(
    apiUrl,
    'admin',
    `{ units(kind: BACKING_UNIT, first: 100) { edges { node { id region { level } } } } }`,
  );
  const county = units.units.edges.find((e) => e.node.region.level === 'COUNTY')!;
  const name = `测试帮扶${Date.now() % 100_000}`;
  const created = await graphqlAs<{ createCadre: { data?: { id: string } } }>(
    apiUrl,
    'admin',
    `mutation ($input: CreateCadreInput!) { createCadre(input: $input) { ... on MutationCreateCadreSuccess { data { id } } } }`,
    { input: { unitId: county.node.id, name, post: '帮扶干部' } },
  );
  return { id: created.createCadre.data!.id, name };
}

/** Types into an antd Select of the drawer and picks the option containing `text` with the keyboard. */
async function chooseOption(page: Page, input: string, search: string, text: string) {
  const select = page.locator(`.ant-drawer ${input}`);
  await select.focus();
  await select.fill(search);
  const option = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
    {
      hasText: text,
    },
  );
  await option.first().waitFor(settle);
  const active = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active',
  );
  for (let step = 0; step < 30; step++) {
    if ((await active.count()) > 0 && ((await active.last().textContent()) ?? '').includes(text)) break;
    await select.press('ArrowDown');
  }
  await select.press('Enter');
}

async function pairInDrawer(
  page: Page,
  household: HouseholdNode,
  helper: { name: string },
  expectedLoad: string,
) {
  await page
    .getByRole('button', { name: button('结对') })
    .first()
    .click();
  await page.locator('.ant-drawer #householdId').waitFor(settle);
  await chooseOption(page, '#householdId', household.householdNumber, household.householdNumber);
  await chooseOption(page, '#helperId', helper.name, helper.name);
  await page.getByTestId('helper-load').waitFor(settle);
  await expect.poll(() => page.getByTestId('helper-load').textContent(), settle).toContain(expectedLoad);
  const load = (await page.getByTestId('helper-load').textContent()) ?? '';
  await page
    .locator('.ant-drawer')
    .getByRole('button', { name: button('保存') })
    .click();
  return load;
}

describe.skipIf(skipReason !== '')('assistance in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('a township clerk pairs a 5th household with a helper and is refused the 6th with the rule and its numbers', async () => {
    const helper = await freshHelper();
    const households = await unpairedHouseholds(6);
    for (const household of households.slice(0, 4))
      await graphqlAs(
        apiUrl,
        'township',
        `mutation ($input: PairHelperInput!) { pairHelper(input: $input) { __typename } }`,
        { input: { householdId: household.id, helperId: helper.id } },
      );
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/assistance/pairings`, 'township', demoPassword);
    await page.getByTestId('pairings-table').waitFor(settle);

    const fifth = await pairInDrawer(page, households[4]!, helper, '已结对 4 户 / 上限 5 户');
    expect(fifth).toContain('已结对 4 户 / 上限 5 户');
    await page.locator('.ant-drawer').waitFor({ state: 'detached', ...settle });

    const sixth = await pairInDrawer(page, households[5]!, helper, '已结对 5 户 / 上限 5 户');
    expect(sixth).toContain('已结对 5 户 / 上限 5 户');
    expect(sixth).toContain('PAIRING.CAP');
    const failure = page.locator('.ant-drawer .ant-alert-error').first();
    await expect.poll(() => failure.textContent(), settle).toContain('该帮扶责任人已结对5户, 上限5户');
    await saveScreenshot(page, 'assistance-pairing-cap');
    const after = await graphqlAs<{ pairings: { totalCount: number } }>(
      apiUrl,
      'township',
      `query ($helperId: ID) { pairings(helperId: $helperId, open: true, first: 1) { totalCount } }`,
      { helperId: helper.id },
    );
    expect(after.pairings.totalCount).toBe(5);
    await page.close();
  });

  test('a township clerk drills the month’s visit compliance down from township to village to helper', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, `${apiUrl}/admin/assistance/compliance`, 'township', demoPassword);
    const breakdown = page.getByTestId('compliance-breakdown');
    const firstRow = breakdown.locator('tbody tr.ant-table-row').first();
    const trail = page.getByTestId('compliance-trail');
    for (let level = 1; level <= 3; level++) {
      await firstRow.waitFor(settle);
      const name = ((await firstRow.locator('td').first().textContent()) ?? '').trim();
      await firstRow.click();
      await expect.poll(() => trail.textContent(), settle).toContain(name.split(' ').pop()!);
    }
    await breakdown.waitFor({ state: 'detached', ...settle });
    await page.getByTestId('compliance-households').waitFor(settle);
    await saveScreenshot(page, 'assistance-compliance-helper');
    await page.close();
  });

  test('a helper on a 375 px phone records a visit with the network cut, and it is stored once when the network returns', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await signIn(page, `${apiUrl}/admin/assistance/my`, 'helper', demoPassword);
    const first = page.getByTestId('my-household').first();
    await first.waitFor(settle);
    const householdNumber = (await first.getAttribute('data-household'))!;
    const visitsOf = async () =>
      (
        await graphqlAs<{ pairings: { edges: { node: { id: string; householdNumber: string } }[] } }>(
          apiUrl,
          'helper',
          `{ pairings(open: true, first: 50) { edges { node { id householdNumber } } } }`,
        )
      ).pairings.edges.find((e) => e.node.householdNumber === householdNumber)!.node.id;
    const pairingId = await visitsOf();
    const countVisits = async () =>
      (
        await graphqlAs<{ visits: { totalCount: number } }>(
          apiUrl,
          'helper',
          `query ($pairingId: ID) { visits(pairingId: $pairingId, first: 1) { totalCount } }`,
          { pairingId },
        )
      ).visits.totalCount;
    const before = await countVisits();

    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('network-state').textContent(), settle).toBe('离线');
    await first.getByRole('button', { name: button('登记走访') }).click();
    await page.getByTestId('visit-form').getByText('电话').click();
    await page.getByTestId('visit-form').locator('textarea').fill('电话了解春耕准备');
    await page.getByTestId('save-visit').click();
    const pending = page.getByTestId('pending-count');
    await expect.poll(() => pending.getAttribute('data-pending'), settle).toBe('1');
    await page.getByTestId('visit-queue').waitFor(settle);
    await saveScreenshot(page, 'assistance-helper-offline');
    expect(await countVisits()).toBe(before);

    await context.setOffline(false);
    await expect.poll(() => pending.getAttribute('data-pending'), settle).toBe('0');
    await page.getByTestId('visit-queue').waitFor({ state: 'detached', ...settle });
    expect(await countVisits()).toBe(before + 1);
    // A second sync (the page reloaded, the network flapping) stores nothing new.
    await page.reload();
    await page.getByTestId('my-household').first().waitFor(settle);
    expect(await countVisits()).toBe(before + 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();
  });
});
