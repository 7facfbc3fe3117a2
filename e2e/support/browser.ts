import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';

export const chromiumPath = process.env.GONGJIAN_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifactsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

/**
 * Why the browser tests cannot run here, or null when they can. Under CI a missing browser is an error,
 * never a skip: a skipped tier must not pass as a green run.
 */
export function browserUnavailableReason(): string | null {
  if (existsSync(chromiumPath)) return null;
  return `no Chromium at ${chromiumPath} (apt-get install chromium, or set GONGJIAN_CHROMIUM_PATH)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function saveScreenshot(page: Page, name: string) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

/** When the running test fails, keeps what this page showed then (screenshot and HTML) under artifacts/failed-*. */
function keepPageOnFailure(page: Page, username: string) {
  const testName = (expect.getState().currentTestName ?? 'test')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 80);
  onTestFailed(async () => {
    if (page.isClosed()) return;
    mkdirSync(artifactsDir, { recursive: true });
    const base = path.join(artifactsDir, `failed-${testName}-${username}`);
    await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => {});
    writeFileSync(`${base}.html`, await page.content().catch(() => ''));
  });
}

/** Fills the shared login form; antd puts a space between the two characters of 登录 on its button. */
export async function signIn(page: Page, url: string, username: string, password: string) {
  keepPageOnFailure(page, username);
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/**
 * A button by its label, for `getByRole('button', { name })`. antd puts a space between the two
 * characters of a two-character label, and a button that was loading can keep its hidden spinner
 * (aria-label "loading") in the DOM when the spinner's leave animation never ends on a loaded machine,
 * which prefixes the accessible name; the person still reads 提交.
 */
export const button = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);

/** Types a day into a date picker as a clerk does: the text, then Tab to take it and close the calendar. */
export async function typeDate(input: Locator, day: string) {
  await input.click();
  await input.fill(day);
  await input.press('Tab');
  await input
    .page()
    .locator('.ant-picker-dropdown:visible')
    .waitFor({ state: 'detached', timeout: 5000 })
    .catch(() => {});
}

/**
 * Chooses `label` in an antd cascader, again if the first click landed while the list was still opening
 * (it then chooses nothing), and checks the choice shows.
 */
export async function chooseInCascader(cascader: Locator, label: string) {
  const page = cascader.page();
  for (let attempt = 0; attempt < 3 && !(await cascader.textContent())?.includes(label); attempt++) {
    await cascader.click();
    await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: label }).click();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
  }
  // On a busy machine the choice can show after the last attempt's pause.
  await expect.poll(() => cascader.textContent()).toContain(label);
}
