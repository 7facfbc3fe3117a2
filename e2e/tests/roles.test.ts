import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { demoPassword } from '../support/api.ts';
import { button, launchChromium, saveScreenshot, signIn } from '../support/browser.ts';

const apiUrl = inject('apiUrl');
const skipReason = inject('skipReason');
const settle = { timeout: 15_000 };

const organisation = ['单位管理', '干部管理'];
const workAdvancement = ['指挥体系', '会议决策', '决议', '政策文件'];
const funds = ['资金来源与对账', '项目库', '资金安排', '资金拨付', '公告公示', '审计发现'];
const supervisionRecords = [
  '督查巡查与整改',
  '村级扶贫监督员',
  '作风问责与立案',
  '村级核查验收',
  '绩效考核与出列奖励',
];

async function openAs(browser: Browser, username: string, path: string) {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, `${apiUrl}/admin/${path}`, username, demoPassword);
  await page.getByTestId('current-user').waitFor();
  return { context, page };
}

async function menuEntries(page: Page) {
  const items = page.locator('.gj-shell__sider .ant-menu-item');
  await items.first().waitFor();
  return (await items.allTextContents()).map((text) => text.trim());
}

async function countButtons(page: Page, label: string) {
  return page.getByRole('button', { name: button(label) }).count();
}

/** 'some': at least one. */
type Expected = number | 'some';

/** One page a role opens, and what it must (not) find there. */
interface Visit {
  /** The side-menu entry to open; `goto` opens an address instead; neither: the page signed in on. */
  entry?: string;
  goto?: string;
  /** The test id that shows the page is there. */
  waitFor: string;
  /** Wait for the first row of `waitFor`'s table; `settle`: for every spinner to stop. */
  rows?: boolean;
  settle?: boolean;
  title?: string;
  buttons?: Record<string, Expected>;
  testIds?: Record<string, Expected>;
  texts?: Record<string, string>;
  screenshot?: string;
}

interface RoleCase {
  title: string;
  username: string;
  signInPath: string;
  menu: string[];
  visits: Visit[];
}

const everyEntry = [
  ...organisation,
  ...workAdvancement,
  '任务清单',
  '任务分解',
  '挂图作战',
  '农户台账',
  '动态调整',
  '七个不纳入筛查',
  '防返贫监测',
  '退出核查',
  '抽样调查',
  '村人口',
  '部门比对数据',
  '精准识别四率',
  'Excel 导入',
  '驻村工作队',
  '结对帮扶',
  '走访达标',
  '帮扶活动与宣传',
  '我的帮扶户',
  ...funds,
  '举报受理与办理',
  ...supervisionRecords,
  '审计日志',
];
/** The full menu without the named entries, in the menu's order. */
const everyEntryBut = (...missing: string[]) => everyEntry.filter((entry) => !missing.includes(entry));
const noTaskWrites = { 填报进度: 0, 分解: 0, 办结: 0, 改派: 0 };

const roleCases: RoleCase[] = [
  {
    title: 'the county administrator sees every page and the write buttons the others must not see',
    username: 'admin',
    signInPath: 'organisation/units',
    menu: everyEntry,
    visits: [
      { waitFor: 'units-table', rows: true, buttons: { 新建单位: 1 } },
      { entry: '任务清单', waitFor: 'tasks-table', rows: true, buttons: { 分解: 'some', 办结: 'some' } },
      { entry: '会议决策', waitFor: 'meetings-table', rows: true, buttons: { 登记会议: 1 } },
      {
        entry: '政策文件',
        waitFor: 'documents-table',
        rows: true,
        buttons: { 登记文件: 1, 据此下达任务: 'some' },
      },
      {
        entry: '项目库',
        waitFor: 'projects-table',
        rows: true,
        buttons: { 项目申报: 0 },
        testIds: { 'export-projects': 1 },
      },
      { entry: '审计发现', waitFor: 'audit-findings-table', rows: true, buttons: { 登记审计发现: 1 } },
      { entry: '公告公示', waitFor: 'notices-table', rows: true, buttons: { 发布公告公示: 1 } },
      { entry: '驻村工作队', waitFor: 'work-teams-table', rows: true, buttons: { 组建工作队: 1 } },
    ],
  },
  {
    title: 'a village clerk keeps the registry and screening but records no meetings and decides no findings',
    username: 'village',
    signInPath: 'organisation/units',
    menu: everyEntryBut('审计日志'),
    visits: [
      { entry: '会议决策', waitFor: 'meetings-table', rows: true, buttons: { 登记会议: 0 } },
      {
        entry: '政策文件',
        waitFor: 'documents-table',
        rows: true,
        buttons: { 登记文件: 0, 据此下达任务: 'some' },
      },
      {
        entry: '七个不纳入筛查',
        waitFor: 'run-screening',
        texts: { 'run-screening': '开始筛查' },
        buttons: { 确认: 0, 排除: 0 },
        screenshot: 'roles-village-screening',
      },
      { entry: '项目库', waitFor: 'projects-table', rows: true, buttons: { 项目申报: 1 } },
      {
        entry: '审计发现',
        waitFor: 'audit-findings-table',
        settle: true,
        buttons: { 登记审计发现: 0, 销号: 0 },
      },
      { entry: '资金安排', waitFor: 'fund-allocations-table', testIds: { 'export-allocations': 1 } },
    ],
  },
  {
    title: 'a helper reports progress but has no decomposition, no rates and no unit forms',
    username: 'helper',
    signInPath: 'organisation/units',
    menu: everyEntryBut(
      '任务分解',
      '部门比对数据',
      '精准识别四率',
      'Excel 导入',
      '举报受理与办理',
      ...supervisionRecords,
      '审计日志',
    ),
    visits: [
      { waitFor: 'units-table', rows: true, buttons: { 新建单位: 0, 编辑: 0 } },
      { entry: '任务清单', waitFor: 'tasks-table', settle: true, buttons: { 分解: 0, 办结: 0, 改派: 0 } },
      { entry: '七个不纳入筛查', waitFor: 'findings-table', testIds: { 'run-screening': 0 } },
      { entry: '我的帮扶户', waitFor: 'my-households', testIds: { 'pending-count': 1 } },
      {
        goto: 'responsibility/decompose',
        waitFor: 'no-permission',
        texts: { 'no-permission': '无权访问' },
        title: '无权访问',
        screenshot: 'roles-helper-no-permission',
      },
    ],
  },
  {
    title: 'a county leader reads the organisation, work, tasks and rates without a single write button',
    username: 'leader',
    signInPath: 'organisation/units',
    menu: [
      ...organisation,
      ...workAdvancement,
      '任务清单',
      '挂图作战',
      '精准识别四率',
      ...funds,
      '举报受理与办理',
      ...supervisionRecords,
    ],
    visits: [
      { waitFor: 'units-table', rows: true, buttons: { 新建单位: 0, 编辑: 0 } },
      { entry: '任务清单', waitFor: 'tasks-table', rows: true, buttons: noTaskWrites },
      { entry: '会议决策', waitFor: 'meetings-table', rows: true, buttons: { 登记会议: 0 } },
      {
        entry: '政策文件',
        waitFor: 'documents-table',
        rows: true,
        buttons: { 登记文件: 0, 据此下达任务: 0 },
      },
      {
        goto: 'identification/households',
        waitFor: 'no-permission',
        testIds: { 'households-table': 0 },
        screenshot: 'roles-leader-no-permission',
      },
      {
        entry: '举报受理与办理',
        waitFor: 'reports-table',
        rows: true,
        buttons: { 受理举报: 0, 交办: 0, 登记办理: 0, 答复: 0, 办结: 0 },
        testIds: { 'export-reports': 1 },
      },
      { goto: 'funds/notices', waitFor: 'notices-table', rows: true, buttons: { 发布公告公示: 0 } },
      {
        goto: 'funds/projects',
        waitFor: 'projects-table',
        rows: true,
        buttons: { 项目申报: 0, 推进流程: 0, 安排资金: 0, 拨付: 0 },
      },
      {
        goto: 'funds/findings',
        waitFor: 'audit-findings-table',
        rows: true,
        buttons: { 登记审计发现: 0, 销号: 0 },
      },
    ],
  },
  {
    title: 'an auditor reads the registry and screening findings but changes nothing',
    username: 'auditor',
    signInPath: 'identification/households',
    menu: everyEntryBut('任务分解', '部门比对数据', 'Excel 导入', '我的帮扶户'),
    visits: [
      {
        waitFor: 'households-table',
        rows: true,
        title: '农户台账',
        buttons: { '导入 Excel': 0 },
        testIds: { 'export-households': 1 },
      },
      { entry: '七个不纳入筛查', waitFor: 'findings-table', testIds: { 'run-screening': 0 } },
      { entry: '单位管理', waitFor: 'units-table', rows: true, buttons: { 新建单位: 0 } },
      { entry: '任务清单', waitFor: 'tasks-table', rows: true, buttons: noTaskWrites },
      { entry: '审计发现', waitFor: 'audit-findings-table', rows: true, buttons: { 登记审计发现: 1 } },
      { entry: '项目库', waitFor: 'projects-table', rows: true, buttons: { 项目申报: 0, 推进流程: 0 } },
      {
        entry: '结对帮扶',
        waitFor: 'pairings-table',
        rows: true,
        buttons: { 结对: 0, 批量结对导入: 0, 更换: 0 },
        testIds: { 'export-pairings': 1 },
      },
    ],
  },
  {
    title: 'a township clerk reviews and pays projects but neither applies for them nor registers funds',
    username: 'township',
    signInPath: 'funds/projects',
    menu: everyEntryBut('审计日志'),
    visits: [
      { waitFor: 'projects-table', rows: true, buttons: { 项目申报: 0, 安排资金: 0 } },
      {
        entry: '资金来源与对账',
        waitFor: 'fund-sources-table',
        rows: true,
        buttons: { 登记资金来源: 0, 登记包含关系: 0 },
      },
      { entry: '公告公示', waitFor: 'notices-table', rows: true, buttons: { 发布公告公示: 1 } },
    ],
  },
];

function expectCount(count: number, expected: Expected, what: string) {
  if (expected === 'some') expect(count, what).toBeGreaterThan(0);
  else expect(count, what).toBe(expected);
}

async function check(page: Page, visit: Visit) {
  if (visit.entry) await page.locator('.gj-shell__sider .ant-menu-item', { hasText: visit.entry }).click();
  if (visit.goto) await page.goto(`${apiUrl}/admin/${visit.goto}`);
  const shown = page.getByTestId(visit.waitFor);
  await (visit.rows ? shown.locator('tbody tr.ant-table-row').first() : shown).waitFor();
  if (visit.settle) await expect.poll(() => page.locator('.ant-spin-spinning').count(), settle).toBe(0);
  if (visit.title) expect(await page.title()).toContain(visit.title);
  for (const [label, expected] of Object.entries(visit.buttons ?? {}))
    expectCount(await countButtons(page, label), expected, label);
  for (const [testId, expected] of Object.entries(visit.testIds ?? {}))
    expectCount(await page.getByTestId(testId).count(), expected, testId);
  for (const [testId, text] of Object.entries(visit.texts ?? {}))
    expect(await page.getByTestId(testId).textContent()).toContain(text);
  if (visit.screenshot) await saveScreenshot(page, visit.screenshot);
}

describe.skipIf(skipReason !== '')('the admin console follows the viewer’s role', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  for (const { title, username, signInPath, menu, visits } of roleCases)
    test(title, async () => {
      const { context, page } = await openAs(browser, username, signInPath);
      contexts.push(context);
      expect(await menuEntries(page)).toEqual(menu);
      for (const visit of visits) await check(page, visit);
    });
});
