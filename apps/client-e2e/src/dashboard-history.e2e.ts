import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AuthResult, StatsResponse } from '@ssp/contracts';
import { apiGet, apiPost, staffSignIn } from './app-flows';
import { canvasPixels, waitForPainted } from './canvas-pixels';
import { launchBrowser, screenshot, startServer, type RunningServer } from './support';

const WAIT = { timeout: 30_000 };
const BAR_BLUE: [number, number, number] = [29, 95, 180];

/** The dashboard as `npm start` shows it: the demo city with 90 days of history (SEED_DEMO_HISTORY). */
describe('H5 app: 数据看板 on the demo history', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ SEED_DEMO_HISTORY: 'true' });
    browser = await launchBrowser();
    const login = await apiPost<AuthResult>(
      server.baseUrl,
      '/api/v1/auth/login',
      JSON.stringify({ username: 'admin', password: server.demoPassword() }),
    );
    token = login.accessToken;
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    await staffSignIn(page, server.baseUrl, 'admin', server.demoPassword());
    await page.locator('#admin-nav').waitFor(WAIT);
  });
  afterEach(() => context.close());

  const totalOnScreen = async () => Number(await page.locator('#total-tickets .dashboard-tile__value').innerText());

  it('shows the last 30 days by default with the numbers of the stats endpoint, and fewer for 7 days', async () => {
    await page.locator('#admin-nav-dashboard').click();
    await page.locator('#league-table .league__row--body').first().waitFor(WAIT);
    const month = await apiGet<StatsResponse>(server.baseUrl, '/api/v1/admin/stats?groupBy=department', token);
    expect(month.totals.total).toBeGreaterThan(100);
    expect(await totalOnScreen()).toBe(month.totals.total);
    expect(await page.locator('#league-table .league__row--body').count()).toBe(month.rows.length);
    // With 办结 and ratings in the history, the league shows real rates, not only dashes.
    expect(await page.locator('#league-table [data-key="resolveOnTimeRate"]').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+(\.\d)?%$/)]),
    );
    expect(await page.locator('#total-satisfaction .dashboard-tile__value').innerText()).toMatch(/^\d\.\d$/);
    await waitForPainted(page, '#section-daily');
    // 30 days of columns: far more blue than the few columns of a fresh install.
    expect((await canvasPixels(page, '#section-daily', [BAR_BLUE])).matches[0]).toBeGreaterThan(500);
    await waitForPainted(page, '#section-districts');
    await screenshot(page, 'dashboard-history-01-last-30-days');

    await page.locator('#range-7').click();
    await page.locator('#range-7.dashboard-range__chip--active').waitFor(WAIT);
    const week = await apiGet<StatsResponse>(server.baseUrl, `/api/v1/admin/stats?from=${await page.locator('#range-from').innerText()}`, token);
    await page.waitForFunction(
      (expected) => document.querySelector('#total-tickets .dashboard-tile__value')?.textContent === String(expected),
      week.totals.total,
      WAIT,
    );
    expect(week.totals.total).toBeLessThan(month.totals.total);
    await waitForPainted(page, '#section-daily');
    await screenshot(page, 'dashboard-history-02-last-7-days');
  });
});
