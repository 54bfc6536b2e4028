import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext, screenshot, startServer, type RunningServer } from './support';

describe('H5 app: the category tree', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    context = await phoneContext(browser);
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('shows the seeded tree served by the same server', async () => {
    await page.goto(server.baseUrl);
    const groups = page.locator('#category-tree .category-group');
    await groups.first().waitFor({ timeout: 30_000 });
    expect(await groups.count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('#category-tree .category-item').count()).toBeGreaterThanOrEqual(40);
    const text = await page.locator('#category-tree').innerText();
    for (const name of ['市容环境', '公用设施', '路灯', '井盖']) expect(text).toContain(name);
    await screenshot(page, 'home-category-tree');
  });

  it('opens a subcategory’s page from the tree', async () => {
    await page.goto(server.baseUrl);
    const item = page.locator('#category-tree .category-item', { hasText: '井盖' }).first();
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    await page.waitForURL(/packages\/report\/pages\/category\/index\?code=/);
    const detail = page.locator('#category-detail');
    await detail.waitFor({ timeout: 30_000 });
    expect(await detail.innerText()).toContain('井盖');
    expect(await page.locator('#photo-tips .category-detail__tip').count()).toBe(3);
    await screenshot(page, 'category-detail');
  });

  it('shows an error with a retry that recovers when the API comes back', async () => {
    let failing = true;
    await page.route('**/api/v1/categories', (route) =>
      failing
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } }),
          })
        : route.continue(),
    );
    await page.goto(server.baseUrl);
    const retry = page.locator('#retry');
    await retry.waitFor({ timeout: 30_000 });
    expect(await page.locator('#category-tree .category-group').count()).toBe(0);
    await screenshot(page, 'home-error');
    failing = false;
    await retry.click();
    await page.locator('#category-tree .category-group').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#category-tree .category-group').count()).toBeGreaterThanOrEqual(8);
  });

  it('shows the empty state when there are no categories', async () => {
    await page.route('**/api/v1/categories', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '[]' }),
    );
    await page.goto(server.baseUrl);
    await page.getByText('暂无').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#category-tree .category-group').count()).toBe(0);
  });
});
