import type { Page } from 'playwright-core';
import type { ReportDetail, WordRuleView } from '@ssp/contracts';
import sharp from 'sharp';
import {
  accessToken,
  apiGet,
  apiPost,
  attachPhoto,
  makePhoto,
  pageUrl,
  reportThroughApi,
  staffSignIn,
  type PhotoFile,
} from './app-flows';
import { screenshot, useBrowserSession, type Position } from './support';

/**
 * The intake pipeline as residents and admins meet it in the H5 app: a word the admin blocks through
 * 敏感词管理 rejects a report with its reason; a second report of the same problem a few metres away
 * joins the first ticket (附议); a report held for review is accepted in 审核队列. Each scenario uses its
 * own spot, far (> 1 km) from the others, so no report merges into another scenario's ticket.
 */
const WAIT = { timeout: 30_000 };
/** 湖南路, 汉中门, 夫子庙: three spots well inside the city. */
const HUNAN_ROAD = { latitude: 32.0683, longitude: 118.7791 };
const HANZHONGMEN = { latitude: 32.0423, longitude: 118.7564 };
const FUZIMIAO = { latitude: 32.0209, longitude: 118.7884 };
const METRES_PER_DEGREE_LAT = 111_320;

function north(position: Position, metres: number): Position {
  return { latitude: position.latitude + metres / METRES_PER_DEGREE_LAT, longitude: position.longitude };
}

/** The same scene photographed again: a little closer (cropped), a little brighter, re-encoded. */
async function rephotographed(photo: PhotoFile, name: string): Promise<PhotoFile> {
  const buffer = await sharp(photo.buffer)
    .extract({ left: 40, top: 30, width: 1120, height: 840 })
    .resize(1200, 900)
    .modulate({ brightness: 1.08 })
    .jpeg({ quality: 80 })
    .toBuffer();
  return { name: `${name}.jpg`, mimeType: 'image/jpeg', buffer };
}

function reportIdOf(page: Page): string {
  return new URL(page.url().replace('#', '')).searchParams.get('id') ?? '';
}

describe('H5 app: intake outcomes — rejected by a word rule, merged as 附议, accepted from 审核队列', () => {
  const session = useBrowserSession();

  /** A resident signed in (体验登录) on the report form, located, with one photo attached. */
  async function residentOnForm(position: Position, photo: PhotoFile, categoryCode?: string): Promise<Page> {
    const resident = await session.newPage(position);
    const query = categoryCode ? `?category=${categoryCode}` : '';
    await resident.goto(pageUrl(session.server.baseUrl, `/packages/report/pages/new/index${query}`));
    await resident.locator('#resident-login').click();
    await resident.locator('#location-summary').waitFor(WAIT);
    await attachPhoto(resident, '#photos .photo-picker__add', photo);
    await resident.locator('#photos .photo-picker__cell[data-state="pending"]').waitFor(WAIT);
    return resident;
  }

  it('rejects a report with a word the admin blocked in 敏感词管理, says why, and keeps it to fix', async () => {
    const admin = await session.newPage();
    await staffSignIn(admin, session.server.baseUrl, 'admin', session.server.demoPassword());
    await admin.locator('#admin-nav-word-rules').click();
    await admin.locator('#word-rule-tabs').waitFor(WAIT);
    await admin.locator('#word-rule-add').click();
    await admin.locator('#word-rule-pattern input').fill('黑心物业');
    await admin.locator('[data-name="level"] [data-value="block"]').click();
    await admin.locator('[data-name="category"] [data-value="abuse"]').click();
    await screenshot(admin, 'intake-01-admin-adds-block-word');
    await admin.locator('#word-rule-submit').click();
    await admin.locator('#word-rule-list .word-rule__pattern', { hasText: '黑心物业' }).waitFor(WAIT);
    await screenshot(admin, 'intake-02-word-rules');

    const description = '湖南路小区门口井盖松动好几天了，车一过就哐哐响，黑心物业一直不管。';
    const resident = await residentOnForm(HUNAN_ROAD, await makePhoto('loose-cover', '#303030'));
    await resident.locator('#description textarea').fill(description);
    // The classifier's live suggestion appears while typing; a tap makes it the category.
    const suggestion = resident.locator('#category-suggestions .category-suggestion').first();
    await suggestion.waitFor(WAIT);
    await screenshot(resident, 'intake-03-live-suggestion');
    await suggestion.click();
    await resident.locator('#category-suggestions').waitFor({ state: 'detached', ...WAIT });
    expect(await resident.locator('#category-value').innerText()).not.toContain('不确定可以不选');
    await resident.locator('#submit').click();

    await resident.locator('#report-result[data-outcome="rejected"]').waitFor(WAIT);
    expect(await resident.locator('#outcome-title').innerText()).toBe('未受理');
    await resident.locator('#outcome-reasons [data-code="BLOCKED_WORDS"]').waitFor(WAIT);
    expect((await resident.locator('#outcome-reasons').innerText()).length).toBeGreaterThan(0);
    await screenshot(resident, 'intake-04-rejected');

    // 修改后重新提交: the form comes back with the text, ready to fix.
    await resident.locator('#fix-and-resubmit').click();
    await resident.locator('#description textarea').waitFor(WAIT);
    expect(await resident.locator('#description textarea').inputValue()).toBe(description);
    expect(await resident.locator('#photos .photo-picker__cell[data-state]').count()).toBe(1);
  });

  it('merges a second resident’s report of the same problem 15 m away and says how many reported it', async () => {
    const scene = await makePhoto('overflowing-drain', '#1c2a33');
    const first = await reportThroughApi(session.server.baseUrl, {
      description: '汉中门大街公交站旁的雨水箅子堵死了，一下雨就积水，行人只能绕着走。',
      categoryCode: 'GY-07',
      latitude: HANZHONGMEN.latitude,
      longitude: HANZHONGMEN.longitude,
      photo: scene,
    });
    expect(first.outcome).toBe('accepted');
    const ticketNo = first.ticket?.ticketNo ?? '';

    const resident = await residentOnForm(north(HANZHONGMEN, 15), await rephotographed(scene, 'overflowing-drain-again'), 'GY-07');
    await resident.locator('#description textarea').fill('汉中门公交站边上下水道口堵了，下雨积水很深，走路都过不去。');
    await resident.locator('#submit').click();

    await resident.locator('#report-result[data-outcome="merged"]').waitFor(WAIT);
    expect(await resident.locator('#outcome-headline').innerText()).toBe('已有 2 位市民反映，您已加入该问题的跟踪');
    expect(await resident.locator('#ticket-no').innerText()).toContain(ticketNo);
    expect(await resident.locator('#ticket-status .status-chip').innerText()).toMatch(/待签收|处理中|待分拨/);
    await screenshot(resident, 'intake-05-merged');

    await resident.locator('#view-progress').click();
    await resident.locator('#report-detail').waitFor(WAIT);
    expect(await resident.locator('#supporters').innerText()).toContain('已有 2 位市民反映');
  });

  it('holds a report with a review word, and the admin accepts it in 审核队列', async () => {
    const admin = await session.newPage();
    await staffSignIn(admin, session.server.baseUrl, 'admin', session.server.demoPassword());
    await admin.locator('#ticket-tabs').waitFor(WAIT);
    const rule: Partial<WordRuleView> = { pattern: '私下收费', level: 'review', category: 'other' };
    await apiPost<WordRuleView>(session.server.baseUrl, '/api/v1/admin/word-rules', JSON.stringify(rule), await accessToken(admin));

    const resident = await residentOnForm(FUZIMIAO, await makePhoto('blocked-lane', '#4a3b2c'), 'TF-07');
    await resident.locator('#description textarea').fill('夫子庙停车场门口有人私下收费，车辆排队把消防通道堵住了。');
    await resident.locator('#submit').click();
    await resident.locator('#report-result[data-outcome="review"]').waitFor(WAIT);
    expect(await resident.locator('#outcome-title').innerText()).toBe('已提交，正在人工审核');
    const reportId = reportIdOf(resident);
    await screenshot(resident, 'intake-06-held-for-review');

    await admin.locator('#admin-nav-moderation').click();
    const card = admin.locator(`.moderation-card[data-id="${reportId}"]`);
    await card.waitFor(WAIT);
    expect(await card.innerText()).toContain('私下收费');
    await screenshot(admin, 'intake-07-moderation-queue');
    await card.locator('.moderation-card__accept').click();
    await admin.locator('#decision-submit').click();
    await card.waitFor({ state: 'detached', ...WAIT });

    const report = await apiGet<ReportDetail>(session.server.baseUrl, `/api/v1/reports/${reportId}`, await accessToken(resident));
    expect(report.outcome).toBe('accepted');
    expect(report.ticket).not.toBeNull();
    await resident.goto(pageUrl(session.server.baseUrl, `/packages/report/pages/detail/index?id=${reportId}`));
    await resident.locator(`#report-detail[data-status="${report.ticket?.status ?? ''}"]`).waitFor(WAIT);
    await screenshot(resident, 'intake-08-accepted-after-review');
  });
});
