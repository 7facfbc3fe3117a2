import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword } from '../support/api.ts';
import { button, launchChromium, saveScreenshot, signIn } from '../support/browser.ts';

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
});
