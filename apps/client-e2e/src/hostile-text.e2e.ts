import type { CreateReportResponse } from '@ssp/contracts';
import type { Page } from 'playwright-core';
import { accessToken, apiPost, pageUrl, staffSignIn } from './app-flows';
import { screenshot, useBrowserSession } from './support';

const WAIT = { timeout: 30_000 };
/** 新街口, WGS-84 as a phone's GPS reports it. */
const XINJIEKOU = { latitude: 32.0416, longitude: 118.7784 };
/** Markup that would run if the app ever put text into the page as HTML, SQL, a bidi override, 4-byte characters. */
const HOSTILE =
  `<script>window.__pwned = 'script'</script><img src=x onerror="window.__pwned = 'img'; alert(1)">` +
  `'; DROP TABLE reports; -- \u202e倒序文字\u202c 🚧😀𠮷`;
const DESCRIPTION = `新街口地铁口井盖松动${HOSTILE}`;

/** Issue 7: stored hostile strings render as text in the resident's and the department's views. */
describe('H5 app: hostile text is shown as text', () => {
  const session = useBrowserSession();

  /** What the page ran or grew from the text: dialogs opened, the marker set, elements injected. */
  async function injected(page: Page, container: string, dialogs: string[]) {
    return {
      dialogs,
      pwned: await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null),
      elements: await page.locator(`${container} script, ${container} img[src="x"]`).count(),
    };
  }

  it('shows the resident and the department the description exactly as written, running nothing', async () => {
    const resident = await session.newPage(XINJIEKOU);
    const dialogs: string[] = [];
    resident.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await resident.goto(pageUrl(session.server.baseUrl, '/packages/report/pages/new/index'));
    await resident.locator('#resident-login').click();
    await resident.locator('#location-summary').waitFor(WAIT);
    const report = await apiPost<CreateReportResponse>(
      session.server.baseUrl,
      '/api/v1/reports',
      JSON.stringify({
        clientRequestId: `e2e-hostile-${Date.now()}`,
        description: DESCRIPTION,
        location: { lat: XINJIEKOU.latitude, lng: XINJIEKOU.longitude, coordSystem: 'wgs84' },
        photoIds: [],
        categoryCode: 'GY-02',
      }),
      await accessToken(resident),
    );
    expect(report.outcome).toBe('accepted');

    await resident.goto(pageUrl(session.server.baseUrl, `/packages/report/pages/detail/index?id=${report.id}`));
    const description = resident.locator('#report-detail .report-detail__description');
    await description.waitFor(WAIT);
    expect(await description.textContent()).toBe(DESCRIPTION);
    expect(await injected(resident, '#report-detail', dialogs)).toEqual({ dialogs: [], pwned: null, elements: 0 });
    await screenshot(resident, 'hostile-01-resident-detail');

    const staff = await session.newPage();
    staff.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await staffSignIn(staff, session.server.baseUrl, 'staff.szyh', session.server.demoPassword());
    const row = staff.locator(`.ticket-row[data-id="${report.ticket?.id}"]`);
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain('<script>');
    await row.click();
    const text = staff.locator('#ticket-detail .ticket-detail__text');
    await text.waitFor(WAIT);
    expect(await text.textContent()).toBe(DESCRIPTION);
    expect(await injected(staff, '#ticket-detail', dialogs)).toEqual({ dialogs: [], pwned: null, elements: 0 });
    expect(await injected(staff, '.ticket-row', dialogs)).toEqual({ dialogs: [], pwned: null, elements: 0 });
    await screenshot(staff, 'hostile-02-staff-ticket');
  });
});
