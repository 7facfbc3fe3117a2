import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword, graphqlAs } from '../support/api.ts';
import { artifactsDir, launchChromium, saveScreenshot, signIn } from '../support/browser.ts';
import { countyDay } from '../support/registry.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');

describe.skipIf(skipReason !== '')('leadership client in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('a county leader sees the live summary of the demo county and drills into a township', async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, `${apiUrl}/leadership/`, 'leader', demoPassword);

    await page.getByTestId('village-count').waitFor();
    expect(await page.getByTestId('village-count').textContent()).toContain('304');
    expect(await page.getByTestId('poor-village-count').textContent()).toContain('112');
    expect(await page.getByTestId('non-poor-with-poor-count').textContent()).toContain('192');

    const chart = page.getByTestId('villages-chart');
    const canvas = chart.locator('canvas').first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeGreaterThan(200);
    const townshipRows = page.getByTestId('township-table').locator('tbody tr.ant-table-row');
    expect(await townshipRows.count()).toBe(22);
    await saveScreenshot(page, 'leadership-summary');

    await townshipRows.filter({ hasText: '沱江镇' }).click();
    await page.getByTestId('village-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(page.url()).toContain('township=');
    expect(await page.getByTestId('summary-title').textContent()).toContain('沱江镇');
    const villageCount = Number((await page.getByTestId('village-count').textContent())?.replace(/\D/g, ''));
    expect(villageCount).toBeGreaterThan(0);
    expect(villageCount).toBeLessThan(304);
    expect(await page.getByTestId('village-table').locator('tbody tr.ant-table-row').count()).toBe(
      villageCount,
    );
    await saveScreenshot(page, 'leadership-township');

    await page.goBack();
    await expect.poll(() => page.getByTestId('village-count').textContent()).toContain('304');
    await page.close();
  });

  test('a county leader reads the cockpit: figures as the API counts them, drill-down to rows, wall and laptop sizes, an A4 briefing', async () => {
    const api = await graphqlAs<{
      cockpit: {
        households: { poorHouseholds: number; registeredHouseholds: number };
        tasks: { counts: { overdue: number } };
        assistance: { notVisitedThisMonth: number };
        warnings: { ruleId: string }[];
      };
    }>(
      apiUrl,
      'leader',
      '{ cockpit { households { poorHouseholds registeredHouseholds } tasks { counts { overdue } } assistance { notVisitedThisMonth } warnings { ruleId } } }',
    );
    const figure = async (key: string) =>
      Number(
        (await page.getByTestId(`cockpit-${key}`).locator('.cockpit-tile-value').textContent())?.replace(
          /\D/g,
          '',
        ),
      );

    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(page, `${apiUrl}/leadership/`, 'leader', demoPassword);
    await page.getByTestId('cockpit-poor-households').waitFor();
    expect(await figure('poor-households')).toBe(api.cockpit.households.poorHouseholds);
    expect(await figure('registered-households')).toBe(api.cockpit.households.registeredHouseholds);
    expect(await figure('tasks-overdue')).toBe(api.cockpit.tasks.counts.overdue);
    expect(await figure('not-visited')).toBe(api.cockpit.assistance.notVisitedThisMonth);
    expect(await page.getByTestId('cockpit-warnings').locator('li').count()).toBe(
      api.cockpit.warnings.length,
    );
    await page.getByTestId('cockpit-trends').locator('canvas').first().waitFor();
    const noHorizontalScroll = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await noHorizontalScroll()).toBe(true);
    await saveScreenshot(page, 'cockpit-1920x1080');

    await page.getByTestId('cockpit-registered-households').click();
    const total = page.getByTestId('drill-total');
    await expect
      .poll(async () => (await total.textContent())?.replace(/\D/g, ''))
      .toBe(String(api.cockpit.households.registeredHouseholds));
    const rows = page.getByTestId('drill-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(Math.min(20, api.cockpit.households.registeredHouseholds));
    expect(await rows.first().textContent()).toMatch(/\*/);
    await saveScreenshot(page, 'cockpit-drill-down');
    await page.keyboard.press('Escape');
    await page.getByTestId('drill-table').waitFor({ state: 'detached' });

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('cockpit-poor-households').waitFor();
    // The charts redraw at the new width on their resize observer's next frame.
    await expect.poll(noHorizontalScroll).toBe(true);
    await saveScreenshot(page, 'cockpit-1366x768');

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(path.join(artifactsDir, 'cockpit-briefing-a4.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(3);
    await page.close();
  });

  test('the cockpit, the summary and the battle map follow one selection, county → township → village, kept in the URL', async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, `${apiUrl}/leadership/`, 'leader', demoPassword);
    const titles = async () =>
      Promise.all(
        ['cockpit-title', 'summary-title', 'battle-map-title'].map(
          async (id) => (await page.getByTestId(id).textContent()) ?? '',
        ),
      );
    const allShow = (name: string) => async () => (await titles()).every((t) => t.includes(name));
    await expect.poll(allShow('江华')).toBe(true);
    const mapRows = page.getByTestId('battle-map-table').locator('tbody tr.ant-table-row');

    await mapRows.filter({ hasText: '沱江镇' }).first().click();
    await expect.poll(allShow('沱江镇')).toBe(true);
    expect(new URL(page.url()).searchParams.get('township')).toBeTruthy();

    await expect.poll(() => mapRows.first().textContent()).not.toContain('沱江镇');
    const villageName = (await mapRows.first().locator('td').first().textContent())!.trim();
    await mapRows.first().click();
    await expect.poll(allShow(villageName)).toBe(true);
    const villageId = new URL(page.url()).searchParams.get('village')!;
    expect(villageId).toBeTruthy();

    await page.getByTestId('battle-map-as-of').fill('2019-09-11');
    await expect.poll(() => page.getByTestId('cockpit-as-of').inputValue()).toBe('2019-09-11');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2019-09-11');
    const api = await graphqlAs<{ cockpit: { households: { registeredHouseholds: number } } }>(
      apiUrl,
      'leader',
      'query ($r: ID) { cockpit(regionId: $r, asOf: "2019-09-11") { households { registeredHouseholds } } }',
      { r: villageId },
    );
    const registered = () =>
      page
        .getByTestId('cockpit-registered-households')
        .locator('.cockpit-tile-value')
        .textContent()
        .then((t) => Number(t?.replace(/\D/g, '')));
    await expect.poll(registered).toBe(api.cockpit.households.registeredHouseholds);
    await saveScreenshot(page, 'cockpit-village-selection');

    await page.reload();
    await expect.poll(allShow(villageName)).toBe(true);
    expect(await page.getByTestId('battle-map-as-of').inputValue()).toBe('2019-09-11');

    await page.goBack();
    await expect.poll(() => page.getByTestId('cockpit-as-of').inputValue()).toBe(countyDay());
    await page.goBack();
    await expect.poll(allShow('沱江镇')).toBe(true);
    await page.goBack();
    await expect.poll(allShow('江华')).toBe(true);
    await page.close();
  });
});
