import { cityDayOf, type StatsResponse, type TicketDetail, type TicketPage } from '@ssp/contracts';
import { DataSource } from 'typeorm';
import { bundledRegions } from '../../seed/bundled-regions.util';
import { DEMO_HISTORY_TICKETS, DemoHistorySeeder } from '../../seed/demo-history.seeder';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

/** SEED_DEMO_HISTORY: the demo city's past, seen through the real statistics and ticket endpoints. */
describe('demo history seed', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO_HISTORY: 'true' });
    admin = await loginAs(t.baseUrl, 'admin');
  });
  afterAll(() => t.close());

  it('gives the dashboard 90 days to show: volumes, on-time rates, satisfaction, reopens, several departments', async () => {
    const to = cityDayOf(new Date());
    const from = cityDayOf(new Date(Date.now() - 90 * 86_400_000));
    const byDepartment = await request<StatsResponse>(t.baseUrl, 'GET', `/api/v1/admin/stats?from=${from}&to=${to}&groupBy=department`, { headers: admin.headers });
    expect(byDepartment.status).toBe(200);
    const totals = byDepartment.body.totals;
    expect(totals.total).toBe(DEMO_HISTORY_TICKETS);
    expect(totals.byStatus.closed).toBeGreaterThan(DEMO_HISTORY_TICKETS / 2);
    for (const rate of [totals.acceptOnTimeRate, totals.resolveOnTimeRate, totals.satisfaction.satisfiedShare, totals.reopenRate]) {
      expect(rate).toBeGreaterThan(0);
      expect(rate).toBeLessThan(1);
    }
    expect(totals.resolveMinutes.median).toBeGreaterThan(0);
    expect(byDepartment.body.rows.length).toBeGreaterThan(3);
    const rates = new Set(byDepartment.body.rows.filter((row) => row.total > 30).map((row) => row.resolveOnTimeRate?.toFixed(2)));
    expect(rates.size).toBeGreaterThan(2);
    const byDay = await request<StatsResponse>(t.baseUrl, 'GET', `/api/v1/admin/stats?from=${from}&to=${to}&groupBy=day`, { headers: admin.headers });
    expect(byDay.body.rows.filter((row) => row.total > 0).length).toBeGreaterThan(80);
    const byRegion = await request<StatsResponse>(t.baseUrl, 'GET', `/api/v1/admin/stats?from=${from}&to=${to}&groupBy=region`, { headers: admin.headers });
    expect(byRegion.body.rows.length).toBeGreaterThanOrEqual(10);
    expect(byRegion.body.rows.every((row) => row.key !== '')).toBe(true);
  });

  it('opens like any ticket, with its timeline', async () => {
    const page = await request<TicketPage>(t.baseUrl, 'GET', '/api/v1/tickets?status=closed&limit=1', { headers: admin.headers });
    const detail = await request<TicketDetail>(t.baseUrl, 'GET', `/api/v1/tickets/${page.body.items[0].id}`, { headers: admin.headers });
    expect(detail.status).toBe(200);
    expect(detail.body.events[0].action).toMatch(/^open_/);
    expect(detail.body.events.at(-1)?.toStatus).toBe('closed');
  });

  it('goes in once: a restart adds nothing', async () => {
    expect(await t.app.get(DemoHistorySeeder).run(bundledRegions(), new Date())).toBe(0);
    const [{ n }] = await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM tickets');
    expect(Number(n)).toBe(DEMO_HISTORY_TICKETS);
  });
});
