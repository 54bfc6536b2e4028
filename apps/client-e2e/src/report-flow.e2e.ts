import type { ReportDetail, TicketDetail } from '@ssp/contracts';
import {
  DEMO_STAFF_BY_DEPARTMENT,
  accessToken,
  apiGet,
  attachPhoto,
  makePhoto,
  pageUrl,
  reportThroughApi,
  staffSignIn,
} from './app-flows';
import { screenshot, useBrowserSession } from './support';

/** 新街口, WGS-84 as a phone's GPS reports it. */
const XINJIEKOU = { latitude: 32.0416, longitude: 118.7784 };
const WAIT = { timeout: 30_000 };

describe('H5 app: the whole loop, resident → admin → staff → resident', () => {
  const session = useBrowserSession();

  it('reports a loose manhole cover, gets it dispatched, signed for, resolved, rated and closed', async () => {
    const resident = await session.newPage(XINJIEKOU);

    // Resident: home → 公用设施/井盖 → 拍这类问题.
    await resident.goto(session.server.baseUrl);
    await resident.locator('#start-report').waitFor(WAIT);
    await screenshot(resident, 'flow-01-home');
    await resident.locator('#category-tree .category-item', { hasText: '井盖' }).first().click();
    await resident.locator('#report-this').click();
    await resident.locator('#resident-login').waitFor(WAIT);
    await screenshot(resident, 'flow-01b-login-required');
    await resident.locator('#resident-login').click();
    await resident.locator('#location-summary').waitFor(WAIT);
    expect(await resident.locator('#category-value').innerText()).toBe('公用设施 · 井盖');
    expect(await resident.locator('#out-of-area').count()).toBe(0);

    await attachPhoto(resident, '#photos .photo-picker__add', await makePhoto('manhole', '#2b2b2b'));
    await resident.locator('#photos .photo-picker__cell[data-state="pending"]').waitFor(WAIT);
    await resident.locator('#description textarea').fill('新街口地铁站出口旁井盖松动，车辆经过哐哐响，行人容易绊倒。');
    await screenshot(resident, 'flow-02-report-form');
    await resident.locator('#submit').click();

    await resident.locator('#report-result').waitFor(WAIT);
    const reportId = new URL(resident.url().replace('#', '')).searchParams.get('id') ?? '';
    const outcome = await resident.locator('#report-result').getAttribute('data-outcome');
    await screenshot(resident, 'flow-03-report-result');
    expect(['accepted', 'review']).toContain(outcome);

    const residentToken = await accessToken(resident);
    const report = await apiGet<ReportDetail>(session.server.baseUrl, `/api/v1/reports/${reportId}`, residentToken);
    if (!report.ticket) throw new Error(`report ${report.reportNo} opened no ticket (outcome ${report.outcome})`);
    const ticketId = report.ticket.id;

    // Admin: dispatch it when no rule placed it.
    const admin = await session.newPage();
    await staffSignIn(admin, session.server.baseUrl, 'admin', session.server.demoPassword(), 'flow-04a-staff-login');
    await admin.locator('#ticket-tabs').waitFor(WAIT);
    if (report.ticket.status === 'pending_triage') {
      await admin.locator(`.ticket-row[data-id="${ticketId}"]`).click();
      await admin.locator('#action-dispatch').click();
      await admin.locator('.department-option[data-code="SZYH"]').click();
      await screenshot(admin, 'flow-04-admin-dispatch');
      await admin.locator('#action-submit').click();
      await admin.locator('#ticket-summary[data-status="dispatched"]').waitFor(WAIT);
    } else {
      await screenshot(admin, 'flow-04-admin-triage');
      await admin.locator('#ticket-tabs [data-key="all"]').click();
      await admin.locator(`.ticket-row[data-id="${ticketId}"]`).click();
      await admin.locator('#action-transfer').waitFor(WAIT);
      await screenshot(admin, 'flow-04b-admin-ticket');
    }

    const adminToken = await accessToken(admin);
    const dispatched = await apiGet<TicketDetail>(session.server.baseUrl, `/api/v1/tickets/${ticketId}`, adminToken);
    expect(dispatched.status).toBe('dispatched');
    const departmentCode = dispatched.department?.code ?? '';
    const staffName = DEMO_STAFF_BY_DEPARTMENT[departmentCode];
    if (!staffName) throw new Error(`no demo account for department ${departmentCode}`);

    // Staff of that department: sign for it, then resolve it with a reply and a photo.
    const staff = await session.newPage();
    await staffSignIn(staff, session.server.baseUrl, staffName, session.server.demoPassword());
    await staff.locator(`.ticket-row[data-id="${ticketId}"]`).waitFor(WAIT);
    await screenshot(staff, 'flow-05-staff-inbox');
    await staff.locator(`.ticket-row[data-id="${ticketId}"]`).click();
    await staff.locator('#action-accept').click();
    await staff.locator('#ticket-summary[data-status="in_progress"]').waitFor(WAIT);
    await staff.locator('#action-resolve').click();
    await staff.locator('#action-note textarea').fill('已更换为防沉降井盖并加固井座，现场已恢复通行。');
    await attachPhoto(staff, '#action-photos .photo-picker__add', await makePhoto('manhole-fixed', '#6a6a6a'));
    await staff.locator('#action-photos .photo-picker__cell[data-state]').waitFor(WAIT);
    await screenshot(staff, 'flow-06-staff-resolve');
    await staff.locator('#action-submit').click();
    await staff.locator('#ticket-summary[data-status="resolved"]').waitFor(WAIT);
    await screenshot(staff, 'flow-07-staff-resolved');

    // Resident: sees 已办结, rates 5, and the work order closes.
    await resident.goto(pageUrl(session.server.baseUrl, '/pages/mine/index'));
    const row = resident.locator(`.report-row[data-id="${reportId}"]`);
    await row.waitFor(WAIT);
    expect(await row.locator('.status-chip').innerText()).toBe('已办结');
    await screenshot(resident, 'flow-08-my-reports');
    await row.click();
    await resident.locator('#resolution').waitFor(WAIT);
    expect(await resident.locator('#result-photos img').count()).toBe(1);
    await resident.locator('#star-5').click();
    await screenshot(resident, 'flow-09-report-detail-rating');
    await resident.locator('#submit-rating').click();
    await resident.locator('#report-detail[data-status="closed"]').waitFor(WAIT);
    expect(await resident.locator('#report-detail .status-chip').first().innerText()).toBe('已结案');
    await screenshot(resident, 'flow-10-report-closed');

    await resident.goto(pageUrl(session.server.baseUrl, '/pages/me/index'));
    await resident.locator('#account[data-role="resident"]').waitFor(WAIT);
    await screenshot(resident, 'flow-11-me-resident');
  });

  it('lets the admin dispatch a report that no rule could place, picking the department from the list', async () => {
    const resident = await session.newPage({ latitude: 32.0232, longitude: 118.7845 });
    await resident.goto(pageUrl(session.server.baseUrl, '/packages/report/pages/new/index'));
    await resident.locator('#resident-login').click();
    await resident.locator('#location-summary').waitFor(WAIT);
    await attachPhoto(resident, '#photos .photo-picker__add', await makePhoto('unclear', '#5a3f2b'));
    await resident.locator('#description textarea').fill('小区门口这里一直有问题，麻烦有关部门来看看。');
    await resident.locator('#submit').click();
    await resident.locator('#report-result').waitFor(WAIT);
    const reportId = new URL(resident.url().replace('#', '')).searchParams.get('id') ?? '';
    const report = await apiGet<ReportDetail>(session.server.baseUrl, `/api/v1/reports/${reportId}`, await accessToken(resident));
    expect(report.ticket?.status).toBe('pending_triage');
    await screenshot(resident, 'triage-01-report-result');

    const admin = await session.newPage();
    await staffSignIn(admin, session.server.baseUrl, 'admin', session.server.demoPassword());
    const row = admin.locator(`.ticket-row[data-id="${report.ticket?.id}"]`);
    await row.waitFor(WAIT);
    await screenshot(admin, 'triage-02-queue');
    await row.click();
    await admin.locator('#action-dispatch').click();
    await admin.locator('#department-filter input').fill('市政');
    await admin.locator('.department-option[data-code="SZYH"]').click();
    await screenshot(admin, 'triage-03-dispatch-form');
    await admin.locator('#action-submit').click();
    await admin.locator('#ticket-summary[data-status="dispatched"]').waitFor(WAIT);
    expect(await admin.locator('#ticket-summary').innerText()).toContain('市政设施综合养护管理中心');
    await screenshot(admin, 'triage-04-dispatched');

    await resident.goto(pageUrl(session.server.baseUrl, `/packages/report/pages/detail/index?id=${reportId}`));
    await resident.locator('#report-detail[data-status="dispatched"]').waitFor(WAIT);
  });

  it('lets staff ask for more time and the admin approve it', async () => {
    const created = await reportThroughApi(session.server.baseUrl, {
      description: '中山路与汉中路路口井盖破损，需更换整套井座。',
      categoryCode: 'GY-02',
      latitude: 32.0452,
      longitude: 118.7702,
      photo: await makePhoto('broken-frame', '#3b3b3b'),
    });
    const ticketId = created.ticket?.id ?? '';
    const department = created.ticket?.department?.code ?? '';
    expect(created.ticket?.status).toBe('dispatched');

    const staff = await session.newPage();
    await staffSignIn(staff, session.server.baseUrl, DEMO_STAFF_BY_DEPARTMENT[department], session.server.demoPassword());
    await staff.locator(`.ticket-row[data-id="${ticketId}"]`).click();
    await staff.locator('#action-accept').click();
    await staff.locator('#action-request_extension').click();
    await staff.locator('#action-until').click();
    await staff.locator('.weui-picker__action', { hasText: '确定' }).click();
    await staff.locator('#action-note textarea').fill('需定制非标井座，厂家三天后到货。');
    await screenshot(staff, 'extension-01-request');
    await staff.locator('#action-submit').click();
    await staff.getByText('（待审批）').waitFor(WAIT);
    expect(await staff.locator('#action-request_extension').count()).toBe(0);

    const admin = await session.newPage();
    await staffSignIn(admin, session.server.baseUrl, 'admin', session.server.demoPassword());
    await admin.locator('#ticket-tabs [data-key="in_progress"]').click();
    await admin.locator(`.ticket-row[data-id="${ticketId}"]`).click();
    await admin.locator('#action-approve_extension').waitFor(WAIT);
    await screenshot(admin, 'extension-02-admin-decides');
    await admin.locator('#action-approve_extension').click();
    await admin.locator('#timeline [data-action="approve_extension"]').waitFor(WAIT);
    expect(await admin.getByText('（待审批）').count()).toBe(0);
  });

  it('tells staff when a colleague acted on the ticket first, and shows the fresh state', async () => {
    const created = await reportThroughApi(session.server.baseUrl, {
      description: '估衣廊口井盖缺失，已放了个锥桶。',
      categoryCode: 'GY-02',
      latitude: 32.0552,
      longitude: 118.7831,
      photo: await makePhoto('missing-cover', '#1f1f1f'),
    });
    const ticketId = created.ticket?.id ?? '';
    const username = DEMO_STAFF_BY_DEPARTMENT[created.ticket?.department?.code ?? ''];
    const first = await session.newPage();
    await staffSignIn(first, session.server.baseUrl, username, session.server.demoPassword());
    await first.locator(`.ticket-row[data-id="${ticketId}"]`).click();
    await first.locator('#action-accept').waitFor(WAIT);
    const second = await first.context().newPage();
    await second.goto(pageUrl(session.server.baseUrl, `/packages/staff/pages/ticket/index?id=${ticketId}`));
    await second.locator('#action-accept').waitFor(WAIT);

    // The colleague signs for it first: this page's copy is stale, so it says so and shows the new state.
    await first.locator('#action-accept').click();
    await first.locator('#ticket-summary[data-status="in_progress"]').waitFor(WAIT);
    await second.locator('#action-accept').click();
    await second.locator('#action-notice').waitFor(WAIT);
    expect(await second.locator('#action-notice').innerText()).toBe('工单已被他人更新，已为您刷新');
    await second.locator('#ticket-summary[data-status="in_progress"]').waitFor(WAIT);
    expect(await second.locator('#action-accept').count()).toBe(0);
    await screenshot(second, 'conflict-01-signed-by-colleague');

    // Both now see the same version; the colleague asks for more time, so 办结 here is a step late.
    await first.locator('#action-request_extension').click();
    await first.locator('#action-until').click();
    await first.locator('.weui-picker__action', { hasText: '确定' }).click();
    await first.locator('#action-note textarea').fill('需要封闭半幅车道施工，协调中。');
    await first.locator('#action-submit').click();
    await first.getByText('（待审批）').waitFor(WAIT);
    await second.locator('#action-resolve').click();
    await second.locator('#action-note textarea').fill('已放置临时井盖。');
    await second.locator('#action-submit').click();

    await second.locator('#action-notice').waitFor(WAIT);
    expect(await second.locator('#action-notice').innerText()).toBe('工单已被他人更新，已为您刷新');
    await second.getByText('（待审批）').waitFor(WAIT);
    await screenshot(second, 'conflict-02-stale-version');
  });
});
