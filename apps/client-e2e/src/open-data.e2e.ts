import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { NearbyTicketsResponse } from '@ssp/contracts';
import { makePhoto, pageUrl, reportThroughApi, staffSignIn } from './app-flows';
import { canvasPixels, waitForPainted } from './canvas-pixels';
import { screenshot, useBrowserSession, type Position } from './support';

const WAIT = { timeout: 30_000 };
/** 新街口 as a phone's GPS gives it (WGS-84). */
const XINJIEKOU_GPS: Position = { latitude: 32.0436, longitude: 118.7732 };
const METRES_PER_DEGREE_LAT = 111_320;
const PHONE = '13912345678';

const ORANGE_DOT: [number, number, number] = [217, 130, 43];
const BAR_BLUE: [number, number, number] = [29, 95, 180];
const HEAT_RED: [number, number, number] = [200, 56, 47];
const NO_TICKETS_FILL: [number, number, number] = [232, 240, 251];

function offset(position: Position, north: number, east: number): Position {
  return {
    latitude: position.latitude + north / METRES_PER_DEGREE_LAT,
    longitude: position.longitude + east / (METRES_PER_DEGREE_LAT * Math.cos((position.latitude * Math.PI) / 180)),
  };
}

const SEEDS = [
  { description: `新街口地铁站旁井盖缺失，晚上很危险，联系电话${PHONE}`, categoryCode: 'GY-02', at: offset(XINJIEKOU_GPS, -250, 0), colour: '#202020' },
  { description: '中山路人行道路灯不亮已经好几天了', categoryCode: 'GY-01', at: offset(XINJIEKOU_GPS, 0, 350), colour: '#2a3b4c' },
  { description: '洪武路口井盖松动，车一压就响', categoryCode: 'GY-02', at: offset(XINJIEKOU_GPS, 400, -300), colour: '#4c3b2a' },
];

describe('H5 app: 附近的问题 and 数据看板 with seeded problems', () => {
  const session = useBrowserSession();

  beforeAll(async () => {
    for (const [i, seed] of SEEDS.entries()) {
      const created = await reportThroughApi(session.server.baseUrl, {
        description: seed.description,
        categoryCode: seed.categoryCode,
        latitude: seed.at.latitude,
        longitude: seed.at.longitude,
        photo: await makePhoto(`nearby-${i}`, seed.colour),
      });
      if (created.outcome !== 'accepted') throw new Error(`seed ${i} was ${created.outcome}: ${JSON.stringify(created.reasons)}`);
    }
  });

  it('lists the problems near the resident with masked text and draws them on the district map', async () => {
    const page = await session.newPage(XINJIEKOU_GPS);
    await page.goto(session.server.baseUrl);
    await page.locator('#open-nearby').click();
    const rows = page.locator('#nearby-list .nearby-row');
    await rows.first().waitFor(WAIT);
    expect(await rows.count()).toBe(SEEDS.length);
    const list = await page.locator('#nearby-list').innerText();
    expect(list).toContain('井盖');
    expect(list).toContain('路灯');
    expect(list).toContain('新街口地铁站旁井盖缺失');
    expect(list).not.toContain(PHONE);
    expect(list).toMatch(/\*{4}/);
    expect(list).toContain('秦淮区');
    expect(await page.locator('#location-fallback').count()).toBe(0);

    await waitForPainted(page, '#nearby-page');
    const map = await canvasPixels(page, '#nearby-page', [ORANGE_DOT]);
    expect(map.width).toBeGreaterThan(300);
    expect(map.colours).toBeGreaterThan(10);
    // Three dots of radius 6 CSS px at twice the pixel ratio: well over 100 sampled orange pixels.
    expect(map.matches[0]).toBeGreaterThan(100);
    await screenshot(page, 'nearby-01-list-and-map');

    await page.locator('#mode-heat').click();
    await page.waitForFunction(() => document.querySelector('#mode-heat')?.className.includes('active'));
    await page.waitForTimeout(300);
    const heat = await canvasPixels(page, '#nearby-page', [ORANGE_DOT, HEAT_RED]);
    // Cells instead of dots: the busiest cells in the deepest heat colour, no status dots.
    expect(heat.matches[1]).toBeGreaterThan(50);
    expect(heat.matches[0]).toBe(0);
    await screenshot(page, 'nearby-02-heat');
  });

  it('shows the city centre with a message when the resident refuses the location', async () => {
    const page = await session.newPage();
    await page.goto(pageUrl(session.server.baseUrl, '/packages/report/pages/nearby/index'));
    await page.locator('#location-fallback').waitFor(WAIT);
    expect(await page.locator('#location-fallback').innerText()).toContain('市中心（新街口）');
    // 新街口 is within a kilometre of the seeded problems, so the centre view still lists them.
    await page.locator('#nearby-list .nearby-row').first().waitFor(WAIT);
    await screenshot(page, 'nearby-03-location-fallback');
  });

  it('says so when nothing is open nearby', async () => {
    const page = await session.newPage(XINJIEKOU_GPS);
    await page.route('**/api/v1/tickets/nearby**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: [], radius: 1000 } satisfies NearbyTicketsResponse) }),
    );
    await page.goto(pageUrl(session.server.baseUrl, '/packages/report/pages/nearby/index'));
    await page.locator('#nearby-empty').waitFor(WAIT);
    expect(await page.locator('#nearby-empty').innerText()).toContain('暂时没有正在处理的问题');
  });

  async function adminOnDashboard(query = ''): Promise<Page> {
    const context = session.track(await session.browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'zh-CN', acceptDownloads: true }));
    const page = await context.newPage();
    await staffSignIn(page, session.server.baseUrl, 'admin', session.server.demoPassword());
    await page.locator('#admin-nav').waitFor(WAIT);
    await page.goto(pageUrl(session.server.baseUrl, `/packages/admin/pages/dashboard/index${query}`));
    return page;
  }

  it('draws the dashboard from the statistics: totals, charts, league table and district map', async () => {
    const page = await adminOnDashboard();
    await page.locator('#league-table .league__row--body').first().waitFor(WAIT);
    expect(await page.locator('#total-tickets .dashboard-tile__value').innerText()).toBe(String(SEEDS.length));
    expect(await page.locator('#range-30').getAttribute('class')).toContain('active');
    const departments = await page.locator('#league-table .league__row--body').count();
    expect(departments).toBeGreaterThanOrEqual(2);

    for (const chart of ['#section-daily', '#section-category']) {
      await waitForPainted(page, chart);
      const pixels = await canvasPixels(page, chart, [BAR_BLUE]);
      expect(pixels.matches[0]).toBeGreaterThan(20);
    }
    await waitForPainted(page, '#section-districts');
    // Exact colours: the map's background is a similar pale blue.
    const districts = await canvasPixels(page, '#section-districts', [HEAT_RED, NO_TICKETS_FILL], 2);
    expect(districts.colours).toBeGreaterThan(10);
    // The busiest district in the deepest colour; the districts without tickets in the palest.
    expect(districts.matches[0]).toBeGreaterThan(0);
    expect(districts.matches[1]).toBeGreaterThan(1000);
    expect(await page.locator('#district-counts').innerText()).toContain('秦淮区');
    await screenshot(page, 'dashboard-01-last-30-days');

    // Sorting the league by ticket count puts the department with the most tickets first.
    await page.locator('#league-sort-total').click();
    await page.locator('#league-table[data-sort="total:desc"]').waitFor(WAIT);
    const counts = await page.locator('#league-table .league__row--body [data-key="total"]').allInnerTexts();
    expect(counts.map(Number)).toEqual([...counts.map(Number)].sort((a, b) => b - a));
    await page.locator('#league-sort-total').click();
    await page.locator('#league-table[data-sort="total:asc"]').waitFor(WAIT);
  });

  it('changes the numbers with the date range', async () => {
    const page = await adminOnDashboard('?from=2020-01-01&to=2020-01-31');
    await page.locator('#dashboard-totals').waitFor(WAIT);
    expect(await page.locator('#total-tickets .dashboard-tile__value').innerText()).toBe('0');
    expect(await page.locator('#range-from').innerText()).toBe('2020-01-01');
    expect(await page.locator('#league-table').count()).toBe(0);
    await screenshot(page, 'dashboard-02-empty-range');

    await page.locator('#range-7').click();
    await page.locator('#league-table .league__row--body').first().waitFor(WAIT);
    expect(await page.locator('#total-tickets .dashboard-tile__value').innerText()).toBe(String(SEEDS.length));
  });

  it('downloads the exports of the range as real XLSX and CSV files', async () => {
    const page = await adminOnDashboard();
    await page.locator('#league-table .league__row--body').first().waitFor(WAIT);
    await screenshot(page, 'dashboard-03-exports');

    const download = async (button: string) => {
      const [file] = await Promise.all([page.waitForEvent('download', WAIT), page.locator(button).click()]);
      const saved = await file.path();
      return { name: file.suggestedFilename(), bytes: await readFile(saved) };
    };

    const xlsx = await download('#export-tickets-xlsx');
    expect(xlsx.name).toMatch(/^工单明细_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
    // An XLSX is a ZIP holding the workbook parts.
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(xlsx.bytes.includes(Buffer.from('xl/worksheets/'))).toBe(true);

    const csv = await download('#export-tickets-csv');
    expect(csv.name.endsWith('.csv')).toBe(true);
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + SEEDS.length);
    expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toContain('新街口地铁站旁井盖缺失');
    expect(text).not.toContain(PHONE);

    const stats = await download('#export-stats-csv');
    expect(stats.name.startsWith('部门统计_')).toBe(true);
    expect(stats.bytes.toString('utf8')).toContain('南京市');
  });
});
