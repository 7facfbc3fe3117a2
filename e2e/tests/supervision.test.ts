import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword, graphqlAs } from '../support/api.ts';
import { button, launchChromium, saveScreenshot, signIn } from '../support/browser.ts';
import { countyDay } from '../support/registry.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');

type Step = { id: string; version: number };
type Outcome = { __typename: string; data?: Step };

/** One step of the report workflow through the HTTP API, as the role that does it. */
async function step(username: string, name: string, type: string, input: Record<string, unknown>) {
  const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const data = await graphqlAs<Record<string, Outcome>>(
    apiUrl,
    username,
    `mutation ($input: ${type}!) { ${name}(input: $input) { __typename ... on ${success} { data { id version } } } }`,
    { input },
  );
  expect(data[name]!.__typename).toBe(success);
  return data[name]!.data!;
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
    const { units } = await graphqlAs<{
      units: { edges: { node: { id: string; region: { id: string } } }[] };
    }>(
      apiUrl,
      'supervisor',
      '{ units(kind: TOWNSHIP_GOVERNMENT, search: "沱江镇", first: 1) { edges { node { id region { id } } } } }',
    );
    const government = units.edges[0]!.node;
    const subject = `浏览器办理测试 ${countyDay()} ${Date.now()}`;
    const report = await step('supervisor', 'receiveReport', 'ReceiveReportInput', {
      regionId: government.region.id,
      channel: 'HOTLINE_12345',
      category: 'CONDUCT',
      subject,
      content: '受理、交办、办理、答复、办结各一步。',
    });
    let seen = await readRow(page, subject);
    expect(seen.text).toContain('未超期');
    expect(seen.queued).toBe(0);

    await step('supervisor', 'assignReport', 'AssignReportInput', {
      ...report,
      unitId: government.id,
    });
    seen = await readRow(page, subject);
    expect(seen.text).toContain('沱江镇');
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
    }>(
      apiUrl,
      'supervisor',
      `{ accountabilityCounts { year kind count }
         villageAssessments(filter: { classes: [YELLOW_CARD, KEY_MANAGEMENT] }, first: 1) { totalCount }
         inspections(first: 1) { edges { node { title findingCount } } }
         performanceAssessments(first: 1) { edges { node { unit { name } } } } }`,
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
    await saveScreenshot(page, 'admin-supervision-performance');
    await page.close();
  });
});
