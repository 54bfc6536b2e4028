import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import type { Page as ListPage, ReportListItem } from '@ssp/contracts';
import { accessToken, apiGet, attachPhoto, makePhoto, pageUrl, storedValue } from './app-flows';
import { launchBrowser, phoneContext, screenshot, startServer, type RunningServer } from './support';

/** 鼓楼广场, away from the other scenario's spot so nothing merges. */
const GULOU = { latitude: 32.0603, longitude: 118.7797 };
const WAIT = { timeout: 30_000 };
const DESCRIPTION = '鼓楼广场东侧人行道地砖大面积松动翘起，下雨天踩上去会溅水。';

interface StoredDraft {
  clientRequestId: string;
  photos: Array<{ photoId: string | null }>;
}

describe('H5 app: a report survives a network that fails', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await phoneContext(browser, GULOU);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('keeps the draft when the API is unreachable, and 重试 makes exactly one report', async () => {
    const sentIds: string[] = [];
    page.on('request', (request: Request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/reports') {
        sentIds.push((JSON.parse(request.postData() ?? '{}') as { clientRequestId: string }).clientRequestId);
      }
    });
    let fault: 'unreachable' | 'answer_lost' = 'unreachable';
    await page.route('**/api/v1/reports', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      if (fault === 'unreachable') return route.abort('internetdisconnected');
      // The server gets the report but the answer never reaches the phone (a dropped mobile link).
      await route.fetch();
      return route.abort('connectionreset');
    });

    await page.goto(pageUrl(server.baseUrl, '/packages/report/pages/new/index'));
    await page.locator('#resident-login').click();
    await page.locator('#location-summary').waitFor(WAIT);
    await attachPhoto(page, '#photos .photo-picker__add', await makePhoto('pavement', '#444a52'));
    await page.locator('#description textarea').fill(DESCRIPTION);
    await page.locator('#submit').click();

    await page.locator('#submit-error').waitFor(WAIT);
    expect(await page.locator('#submit-error').innerText()).toContain('网络连接失败');
    expect(await page.locator('#submit').innerText()).toBe('重试');
    expect(await page.locator('#photos .photo-picker__cell[data-state]').getAttribute('data-state')).toBe('uploaded');
    const draft = await storedValue<StoredDraft>(page, 'ssp.report.draft');
    expect(draft?.photos[0].photoId).toBeTruthy();
    await screenshot(page, 'retry-01-submit-failed');

    // The page is reloaded as a resident would after a while: the draft comes back, same id.
    await page.reload();
    await page.locator('#draft-restored').waitFor(WAIT);
    expect(await page.locator('#description textarea').inputValue()).toBe(DESCRIPTION);
    expect(await page.locator('#photos .photo-picker__cell[data-state]').count()).toBe(1);

    fault = 'answer_lost';
    await page.locator('#submit').click();
    await page.locator('#submit-error').waitFor(WAIT);

    await page.unroute('**/api/v1/reports');
    await page.locator('#submit').click();
    await page.locator('#report-result').waitFor(WAIT);
    await screenshot(page, 'retry-02-result');

    expect(sentIds).toHaveLength(3);
    expect(new Set(sentIds)).toEqual(new Set([draft?.clientRequestId]));
    const mine = await apiGet<ListPage<ReportListItem>>(server.baseUrl, '/api/v1/reports/mine', await accessToken(page));
    expect(mine.items.map((item) => item.description)).toEqual([DESCRIPTION]);
    expect(await storedValue<StoredDraft>(page, 'ssp.report.draft')).toBeNull();
  });
});
