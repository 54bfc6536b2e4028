import type { ErrorBody, ModerationItem, Page, ReportDetail, WordRuleView } from '@ssp/contracts';
import { DataSource } from 'typeorm';
import { Report } from '../../modules/reports/entities/report.entity';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { solidImage } from '../helpers/images';
import sharp from 'sharp';
import { SHANGHAI, makeJpeg, nextSpot, reportBody, submitReport, uploadPhoto } from '../helpers/reporting';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

async function uploadBytes(baseUrl: string, who: LoggedIn, bytes: Buffer): Promise<{ id: string; quality: { ok: boolean; flags: string[] } }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg');
  const response = await fetch(`${baseUrl}/api/v1/photos`, { method: 'POST', headers: who.headers, body: form });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status}`);
  return (await response.json()) as { id: string; quality: { ok: boolean; flags: string[] } };
}

describe('intake filters (ARCHITECTURE.md §6 step 2)', () => {
  let t: TestApp;
  let alice: LoggedIn;
  let bob: LoggedIn;
  let admin: LoggedIn;
  const count = async (table: string) => Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    alice = await loginAs(t.baseUrl, 'resident', { openid: 'filter-alice' });
    bob = await loginAs(t.baseUrl, 'resident', { openid: 'filter-bob' });
    admin = await loginAs(t.baseUrl, 'admin');
  });
  afterAll(() => t.close());

  const addWord = (pattern: string, level: string, extra: Record<string, unknown> = {}) =>
    request<WordRuleView>(t.baseUrl, 'POST', '/api/v1/admin/word-rules', {
      headers: admin.headers,
      json: { pattern, level, category: 'abuse', ...extra },
    });

  it('rejects a report with a blocked word of the shipped list however it is disguised, and opens no ticket', async () => {
    for (const description of ['小区门口贴满代开发票的广告', '小区门口贴满代 开 发 票的广告', '小区门口贴满代\u200b开\u200b发票的广告', '小區門口貼滿代開發票的廣告']) {
      const tickets = await count('tickets');
      const response = await submitReport(t.baseUrl, alice, reportBody({ description }));
      expect(response.status).toBe(201);
      expect([description, response.body.outcome, response.body.reasons[0]?.code]).toEqual([description, 'rejected', 'BLOCKED_WORDS']);
      expect(response.body.ticket).toBeUndefined();
      expect(await count('tickets')).toBe(tickets);
      const detail = await request<ReportDetail>(t.baseUrl, 'GET', `/api/v1/reports/${response.body.id}`, { headers: alice.headers });
      expect(detail.body.reasons[0].message).toContain('请修改后重新提交');
    }
  });

  it('accepts an angry report but stars the insult for the staff who handle it; the resident keeps the original', async () => {
    const description = '那个狗东西又把井盖撬走了';
    const response = await submitReport(t.baseUrl, alice, reportBody({ description }));
    expect(response.body.outcome).toBe('accepted');
    const staff = await loginAs(t.baseUrl, 'staff', { username: 'staff.szyh' });
    const ticket = await request<{ description: string }>(t.baseUrl, 'GET', `/api/v1/tickets/${response.body.ticket?.id}`, { headers: staff.headers });
    expect(ticket.body.description).toBe('那个***又把井盖撬走了');
    const detail = await request<ReportDetail>(t.baseUrl, 'GET', `/api/v1/reports/${response.body.id}`, { headers: alice.headers });
    expect(detail.body.description).toBe(description);
  });

  it('never trips on the everyday words of real complaints', async () => {
    const description = '执法人员和城管在政府门口清理垃圾，井盖也修好了，之前给书记信箱反映过，谢谢干部们';
    const response = await submitReport(t.baseUrl, alice, reportBody({ description }));
    expect(response.body).toMatchObject({ outcome: 'accepted', ticket: { status: 'dispatched' } });
  });

  it('holds a review word for moderation; an admin accepts it and the pipeline opens the ticket once', async () => {
    expect((await addWord('曝光你们', 'review', { category: 'other' })).status).toBe(201);
    const held = await submitReport(t.baseUrl, alice, reportBody({ description: '井盖丢了一个月没人管，再不修就找媒体曝光你们' }));
    expect(held.body).toMatchObject({ outcome: 'review', reasons: [{ code: 'REVIEW_WORDS' }] });
    expect(held.body.ticket).toBeUndefined();

    const queue = await request<Page<ModerationItem>>(t.baseUrl, 'GET', '/api/v1/admin/reports?outcome=review', { headers: admin.headers });
    const item = queue.body.items.find((candidate) => candidate.id === held.body.id);
    expect(item?.checks.find((check) => check.check === 'text_rules')).toMatchObject({ verdict: 'review' });
    // The moderator sees what the classifier would have chosen.
    expect(item?.suggestedCategory).toEqual({ code: 'GY-02', name: '井盖' });

    const tickets = await count('tickets');
    const decide = () =>
      request<ModerationItem>(t.baseUrl, 'POST', `/api/v1/admin/reports/${held.body.id}/decision`, {
        headers: admin.headers,
        json: { decision: 'accept' },
      });
    const answers = await Promise.all([decide(), decide()]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await count('tickets')).toBe(tickets + 1);
    const detail = await request<ReportDetail>(t.baseUrl, 'GET', `/api/v1/reports/${held.body.id}`, { headers: alice.headers });
    expect(detail.body.outcome).toBe('accepted');
    expect(detail.body.ticket?.status).toBe('dispatched');
    expect(detail.body.reasons[0].code).toBe('MODERATION_ACCEPTED');
  });

  it('lets an admin reject a held report with a reason the resident reads; a reason is required', async () => {
    const held = await submitReport(t.baseUrl, bob, reportBody({ description: '垃圾一直没人收，我要曝光你们' }));
    expect(held.body.outcome).toBe('review');
    const path = `/api/v1/admin/reports/${held.body.id}/decision`;
    const missing = await request<ErrorBody>(t.baseUrl, 'POST', path, { headers: admin.headers, json: { decision: 'reject' } });
    expect(missing.status).toBe(400);
    const rejected = await request<ModerationItem>(t.baseUrl, 'POST', path, {
      headers: admin.headers,
      json: { decision: 'reject', reason: '位置与照片不符，请到现场重新拍摄' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.decision).toMatchObject({ decision: 'reject', reason: '位置与照片不符，请到现场重新拍摄' });
    const detail = await request<ReportDetail>(t.baseUrl, 'GET', `/api/v1/reports/${held.body.id}`, { headers: bob.headers });
    expect(detail.body.outcome).toBe('rejected');
    expect(detail.body.reasons[0].message).toContain('位置与照片不符');
  });

  it('answers malformed, unknown and unauthorised moderation requests clearly', async () => {
    const someId = '01930000-0000-7000-8000-000000000000';
    const cases: Array<[LoggedIn | null, string, string, unknown, number]> = [
      [null, 'GET', '/api/v1/admin/reports', undefined, 401],
      [alice, 'GET', '/api/v1/admin/reports', undefined, 403],
      [admin, 'GET', '/api/v1/admin/reports?outcome=bogus', undefined, 400],
      [admin, 'GET', '/api/v1/admin/reports?cursor=%27%20OR%201%3D1', undefined, 400],
      [admin, 'POST', `/api/v1/admin/reports/${someId}/decision`, { decision: 'accept' }, 404],
      [admin, 'POST', '/api/v1/admin/reports/not-a-uuid/decision', { decision: 'accept' }, 400],
      [admin, 'POST', `/api/v1/admin/reports/${someId}/decision`, { decision: 'maybe' }, 400],
      [alice, 'POST', `/api/v1/admin/reports/${someId}/decision`, { decision: 'accept' }, 403],
    ];
    for (const [who, method, path, json, status] of cases) {
      const response = await request<ErrorBody>(t.baseUrl, method, path, { headers: who?.headers, json });
      expect([path, response.status]).toEqual([path, status]);
      expect(response.body.error.code).toBeDefined();
    }
  });

  it('rejects links, ad contacts and gibberish, and names the city for a place outside it', async () => {
    const cases: Array<[Partial<Parameters<typeof reportBody>[0]>, string]> = [
      [{ description: '路灯坏了，详情看 http://spam.example.com/a' }, 'SPAM_LINK'],
      [{ description: '专业疏通下水道，加V：abc12345，价格优惠' }, 'SPAM_AD'],
      [{ description: 'asdfghjkl qwertyuiop' }, 'GIBBERISH'],
      [{ location: { ...SHANGHAI } }, 'OUT_OF_AREA'],
    ];
    for (const [overrides, code] of cases) {
      const response = await submitReport(t.baseUrl, alice, reportBody(overrides));
      expect([code, response.body.outcome, response.body.reasons[0]?.code]).toEqual([code, 'rejected', code]);
    }
    const outside = await submitReport(t.baseUrl, alice, reportBody({ location: { ...SHANGHAI } }));
    expect(outside.body.reasons[0].message).toContain('南京市');
  });

  it('rejects the same resident sending the same words for the same place again, pointing at the first', async () => {
    const location = nextSpot();
    const first = await submitReport(t.baseUrl, bob, reportBody({ description: '人行道上的井盖缺了一块，小孩容易踩空', location }));
    expect(first.body.outcome).toBe('accepted');
    const again = await submitReport(t.baseUrl, bob, reportBody({ description: '人行道上的井盖缺了一块，小孩容易踩空！', location }));
    expect(again.body).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'REPEATED_TEXT' }] });
    expect(again.body.reasons[0].message).toContain(first.body.reportNo);
    const elsewhere = await submitReport(t.baseUrl, bob, reportBody({ description: '人行道上的井盖缺了一块，小孩容易踩空' }));
    expect(elsewhere.body.outcome).toBe('accepted');
  });

  it('holds a report whose photo another resident already used', async () => {
    const original = await uploadPhoto(t.baseUrl, alice, 7);
    expect((await submitReport(t.baseUrl, alice, reportBody({ photoIds: [original.id] }))).body.outcome).toBe('accepted');
    const copy = await uploadPhoto(t.baseUrl, bob, 7);
    const reused = await submitReport(t.baseUrl, bob, reportBody({ photoIds: [copy.id] }));
    expect(reused.body).toMatchObject({ outcome: 'review', reasons: [{ code: 'PHOTO_REUSED' }] });
  });

  it('holds the same picture re-encoded by another resident, but not a copy nobody attached nor the resident’s own picture again', async () => {
    const original = await uploadPhoto(t.baseUrl, alice, 14);
    expect((await submitReport(t.baseUrl, alice, reportBody({ description: '绿化带里的树倒了，压在人行道上', photoIds: [original.id] }))).body.outcome).toBe('accepted');
    const reencoded = await uploadBytes(t.baseUrl, bob, await sharp(await makeJpeg(14)).jpeg({ quality: 45 }).toBuffer());
    const held = await submitReport(t.baseUrl, bob, reportBody({ description: '这棵树倒下来了，挡住了路', photoIds: [reencoded.id] }));
    expect(held.body).toMatchObject({ outcome: 'review', reasons: [{ code: 'PHOTO_REUSED' }] });

    await uploadPhoto(t.baseUrl, bob, 15);
    const unattachedElsewhere = await uploadPhoto(t.baseUrl, alice, 15);
    const first = await submitReport(t.baseUrl, alice, reportBody({ description: '小区门口的路灯一直闪', photoIds: [unattachedElsewhere.id] }));
    expect(first.body.outcome).toBe('accepted');
    const again = await uploadPhoto(t.baseUrl, alice, 15);
    const own = await submitReport(t.baseUrl, alice, reportBody({ description: '公交站的广告牌玻璃碎了', photoIds: [again.id] }));
    expect(own.body.reasons.map((entry: { code: string }) => entry.code)).not.toContain('PHOTO_REUSED');
    expect(own.body.outcome).toBe('accepted');
  });

  it('rejects a report whose every photo is unusable, and accepts one with at least one usable photo', async () => {
    const black = await uploadBytes(t.baseUrl, alice, await solidImage(1600, 1200, '#050505'));
    expect(black.quality.ok).toBe(false);
    const rejected = await submitReport(t.baseUrl, alice, reportBody({ photoIds: [black.id] }));
    expect(rejected.body).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'PHOTO_UNUSABLE' }] });

    const dark = await uploadBytes(t.baseUrl, alice, await solidImage(1600, 1200, '#030303'));
    const good = await uploadPhoto(t.baseUrl, alice, 11);
    const accepted = await submitReport(t.baseUrl, alice, reportBody({ photoIds: [dark.id, good.id] }));
    expect(accepted.body.outcome).toBe('accepted');
  });

  it('edits the word list through the admin API with an audit entry, and refuses bad rules', async () => {
    const created = await addWord('测试词条甲', 'mask', { category: 'other', note: '演示' });
    expect(created.status).toBe(201);
    const duplicate = await addWord('测试词条甲', 'block');
    expect(duplicate.status).toBe(409);
    for (const body of [
      { pattern: '', level: 'block', category: 'abuse' },
      { pattern: 'x'.repeat(65), level: 'block', category: 'abuse' },
      { pattern: '某词', level: 'ban', category: 'abuse' },
      { pattern: '某词', level: 'block', category: 'abuse', extra: 1 },
    ]) {
      const response = await request(t.baseUrl, 'POST', '/api/v1/admin/word-rules', { headers: admin.headers, json: body });
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
    }
    const residentTry = await request(t.baseUrl, 'POST', '/api/v1/admin/word-rules', {
      headers: alice.headers,
      json: { pattern: '某词', level: 'block', category: 'abuse' },
    });
    expect(residentTry.status).toBe(403);

    const path = `/api/v1/admin/word-rules/${created.body.id}`;
    const updated = await request<WordRuleView>(t.baseUrl, 'PATCH', path, { headers: admin.headers, json: { level: 'block' } });
    expect(updated.body.level).toBe('block');
    const blocked = await submitReport(t.baseUrl, alice, reportBody({ description: '这里有测试词条甲的问题' }));
    expect(blocked.body.outcome).toBe('rejected');
    expect((await request(t.baseUrl, 'DELETE', path, { headers: admin.headers })).status).toBe(204);
    const allowed = await submitReport(t.baseUrl, alice, reportBody({ description: '这里有测试词条甲的问题，井盖缺失' }));
    expect(allowed.body.outcome).toBe('accepted');

    const audit = await request<{ items: Array<{ action: string; entityType: string; entityId: string }> }>(
      t.baseUrl,
      'GET',
      `/api/v1/admin/audit?entityType=word_rule&entityId=${created.body.id}`,
      { headers: admin.headers },
    );
    expect(audit.body.items.map((entry) => entry.action).sort()).toEqual(['create', 'delete', 'update']);
  });
});

describe('intake limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REPORTS_PER_HOUR: '2', REPORTS_PER_DAY: '5', SAME_TEXT_REVIEW_USERS: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 with a retry time past the hourly limit per resident and per device, and stores nothing', async () => {
    const carol = await loginAs(t.baseUrl, 'resident', { openid: 'limit-carol' });
    const dave = await loginAs(t.baseUrl, 'resident', { openid: 'limit-dave' });
    const deviceId = 'device-shared-0001';
    for (let i = 0; i < 2; i += 1) {
      expect((await submitReport(t.baseUrl, carol, reportBody({ deviceId, description: `第${i + 1}个井盖坏了` }))).status).toBe(201);
    }
    const reports = Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM reports'))[0].n);
    const limited = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/reports', {
      headers: carol.headers,
      json: reportBody({ description: '第三个井盖也坏了' }),
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.body.error.details?.retryAfterSeconds)).toBeGreaterThan(3000);
    // Another account on the same phone shares the device's limit.
    const sameDevice = await submitReport(t.baseUrl, dave, reportBody({ deviceId, description: '换个账号再报一个井盖' }));
    expect(sameDevice.status).toBe(429);
    expect(Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM reports'))[0].n)).toBe(reports);
  });

  it('answers 429 past the daily limit, with the time until the oldest of the day’s last five leaves the day', async () => {
    const erin = await loginAs(t.baseUrl, 'resident', { openid: 'limit-erin' });
    const db = t.app.get(DataSource);
    // Five reports (the daily limit), 2–6 hours old: the hour has room again, the day has none.
    for (let i = 0; i < 5; i += 1) {
      const sent = await submitReport(t.baseUrl, erin, reportBody({ description: `今天第${i + 1}次反映路灯坏了` }));
      expect(sent.status).toBe(201);
      await db.getRepository(Report).update({ id: sent.body.id }, { createdAt: new Date(Date.now() - (2 + i) * 3600_000) });
    }
    const limited = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/reports', { headers: erin.headers, json: reportBody({ description: '第六次反映' }) });
    expect(limited.status).toBe(429);
    // The 6-hour-old report leaves the rolling day in 18 hours (the next one only in 19).
    expect(Number(limited.body.error.details?.retryAfterSeconds)).toBeGreaterThan(17.9 * 3600);
    expect(Number(limited.body.error.details?.retryAfterSeconds)).toBeLessThan(18.1 * 3600);
    expect(limited.body.error.message).toContain('18 小时');
    // One of them a day and a minute old: room again.
    const [oldest] = await db.query('SELECT id FROM reports WHERE reporterId = ? ORDER BY createdAt ASC LIMIT 1', [erin.userId]);
    await db.getRepository(Report).update({ id: oldest.id }, { createdAt: new Date(Date.now() - 24 * 3600_000 - 60_000) });
    expect((await submitReport(t.baseUrl, erin, reportBody({ description: '第六次反映' }))).status).toBe(201);
  });

  it('holds the same text sent by several residents within an hour', async () => {
    const text = '强烈要求整治幸福路口的井盖问题，大家一起反映';
    const outcomes: string[] = [];
    for (const openid of ['flood-1', 'flood-2', 'flood-3']) {
      const who = await loginAs(t.baseUrl, 'resident', { openid });
      outcomes.push((await submitReport(t.baseUrl, who, reportBody({ description: text }))).body.outcome);
    }
    expect(outcomes[0]).not.toBe('review');
    expect(outcomes[2]).toBe('review');
  });
});
