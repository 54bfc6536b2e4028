import type { CreatedApiKey, ErrorBody, Page, TicketDetail, TicketListItem } from '@ssp/contracts';
import { gcj02ToWgs84 } from '@ssp/geo';
import type { LoggedIn } from '../helpers/auth';
import { asXmlText, expectSpecError, fieldProblems, get, manholeForm, nextWgsSpot, postForm, SPEC, startOpen311App, xmlOf, type Entry } from '../helpers/open311';
import { MANHOLE, SHANGHAI, STREETLIGHT } from '../helpers/reporting';
import { request, type TestApp } from '../helpers/test-app';

/** Open311 GeoReport v2 service requests: created through the intake pipeline, read publicly. */
describe('Open311 GeoReport v2: requests', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let szyh: LoggedIn;
  let key: CreatedApiKey;

  beforeAll(async () => {
    ({ t, admin, szyh, key } = await startOpen311App());
  });
  afterAll(() => t.close());

  describe('POST /requests', () => {
    it('creates a request through the intake pipeline: it reaches the staff inbox and its status changes show', async () => {
      const created = await postForm(t.baseUrl, 'requests.json', manholeForm(key.apiKey, {
        description: '中山南路井盖缺失，联系电话13812345678',
        'attribute[condition]': 'missing',
        'attribute[place][]': 'road',
        email: 'resident@example.com',
        first_name: '小明',
        last_name: '王',
        phone: '13912345678',
        device_id: 'device-123456',
        media_url: 'https://img.example.org/p/1.jpg',
      }));
      expect(created.status).toBe(201);
      const [entry] = created.body as Entry[];
      expect(fieldProblems(entry, SPEC.createdWithId)).toEqual([]);
      const id = String(entry.service_request_id);
      expect(id).toMatch(/^GD\d+$/);
      expect(String(entry.service_notice)).toContain('南京市市政设施综合养护管理中心');

      const inbox = await request<Page<TicketListItem>>(t.baseUrl, 'GET', `/api/v1/tickets?q=${id}`, { headers: szyh.headers });
      const ticket = inbox.body.items.find((item) => item.ticketNo === id);
      expect(ticket).toMatchObject({ status: 'dispatched', category: { code: MANHOLE.code } });
      expect(ticket?.description).toContain('井盖状况：缺失');

      const read = async () => {
        const json = await get(t.baseUrl, `requests/${id}.json`);
        expect(json.status).toBe(200);
        const [one] = json.body as Entry[];
        expect(fieldProblems(one, SPEC.request)).toEqual([]);
        expect(xmlOf(await get(t.baseUrl, `requests/${id}.xml`), 'service_requests')).toEqual(asXmlText(json.body));
        return one;
      };
      const opened = await read();
      expect(opened).toMatchObject({ service_request_id: id, status: 'open', service_code: MANHOLE.code, service_name: '井盖', agency_responsible: '南京市市政设施综合养护管理中心', media_url: 'https://img.example.org/p/1.jpg' });
      expect(opened.address).toContain('南京市');
      // Public: no personal data, the phone masked, the point rounded to ~100 m.
      const publicText = JSON.stringify(opened);
      for (const secret of ['13812345678', '13912345678', 'resident@example.com', '小明', 'device-123456']) expect(publicText).not.toContain(secret);
      expect(String(opened.description)).toContain('井盖缺失');
      expect(Number(opened.lat).toString().split('.')[1]?.length ?? 0).toBeLessThanOrEqual(3);
      expect(opened.expected_datetime).not.toBeNull();

      const act = async (body: Record<string, unknown>) => {
        const current = await request<TicketDetail>(t.baseUrl, 'GET', `/api/v1/tickets/${ticket?.id}`, { headers: szyh.headers });
        const done = await request<TicketDetail>(t.baseUrl, 'POST', `/api/v1/tickets/${ticket?.id}/actions`, { headers: szyh.headers, json: { ...body, version: current.body.version } });
        expect(done.status).toBe(200);
      };
      await act({ action: 'accept' });
      const accepted = await read();
      expect(accepted).toMatchObject({ status: 'open', status_notes: '责任单位已签收，正在处理' });
      await act({ action: 'resolve', note: '已更换新井盖，现场已恢复' });
      const resolved = await read();
      expect(resolved).toMatchObject({ status: 'closed', expected_datetime: null });
      expect(String(resolved.status_notes)).toContain('已更换新井盖');
      expect(Date.parse(String(resolved.updated_datetime))).toBeGreaterThanOrEqual(Date.parse(String(opened.updated_datetime)));
    });

    it('answers in XML too', async () => {
      const created = await postForm(t.baseUrl, 'requests.xml', manholeForm(key.apiKey));
      expect(created.status).toBe(201);
      const [entry] = xmlOf(created, 'service_requests') as Array<Record<string, unknown>>;
      expect(Object.keys(entry)).toEqual(['service_request_id', 'service_notice', 'account_id']);
      expect(String(entry.service_request_id)).toMatch(/^GD\d+$/);
      expect(entry.account_id).toBeNull();
    });

    it('returns a token when the pipeline holds the request for review, resolved once a moderator decides', async () => {
      const word = await request(t.baseUrl, 'POST', '/api/v1/admin/word-rules', { headers: admin.headers, json: { pattern: '曝光你们', level: 'review', category: 'other' } });
      expect(word.status).toBe(201);
      const held = await postForm(t.baseUrl, 'requests.json', manholeForm(key.apiKey, { description: '井盖丢了一个月，再不修就找媒体曝光你们' }));
      expect(held.status).toBe(201);
      const [entry] = held.body as Entry[];
      expect(fieldProblems(entry, SPEC.createdWithToken)).toEqual([]);
      const token = String(entry.token);

      const pending = await get(t.baseUrl, `tokens/${token}.json`);
      expect(pending.status).toBe(200);
      expect(fieldProblems((pending.body as Entry[])[0], SPEC.token)).toEqual([]);
      expect(pending.body).toEqual([{ service_request_id: null, token }]);
      expect(xmlOf(await get(t.baseUrl, `tokens/${token}.xml`), 'service_requests')).toEqual([{ service_request_id: null, token }]);

      const queue = await request<Page<{ id: string; description: string }>>(t.baseUrl, 'GET', '/api/v1/admin/reports?outcome=review', { headers: admin.headers });
      const item = queue.body.items.find((candidate) => candidate.description.includes('曝光你们'));
      expect(item).toBeDefined();
      const decided = await request(t.baseUrl, 'POST', `/api/v1/admin/reports/${item?.id}/decision`, { headers: admin.headers, json: { decision: 'accept' } });
      expect(decided.status).toBe(200);
      const resolved = await get(t.baseUrl, `tokens/${token}.json`);
      const [answer] = resolved.body as Entry[];
      expect(answer.token).toBe(token);
      expect(String(answer.service_request_id)).toMatch(/^GD\d+$/);
      expect((await get(t.baseUrl, `requests/${String(answer.service_request_id)}.json`)).status).toBe(200);

      const heldAgain = await postForm(t.baseUrl, 'requests.json', manholeForm(key.apiKey, { description: '井盖一直没修，我要曝光你们' }));
      const secondToken = String((heldAgain.body as Entry[])[0].token);
      const queueAgain = await request<Page<{ id: string; description: string }>>(t.baseUrl, 'GET', '/api/v1/admin/reports?outcome=review', { headers: admin.headers });
      const second = queueAgain.body.items.find((candidate) => candidate.description.includes('一直没修'));
      await request(t.baseUrl, 'POST', `/api/v1/admin/reports/${second?.id}/decision`, { headers: admin.headers, json: { decision: 'reject', reason: '位置与描述不符' } });
      for (const format of ['json', 'xml'] as const) {
        const rejected = await get(t.baseUrl, `tokens/${secondToken}.${format}`);
        expect(rejected.status).toBe(404);
        expect(format === 'json' ? rejected.text : rejected.text).toContain('位置与描述不符');
      }
    });

    it('turns a report the pipeline rejects into a 400 spec error with the reason in Chinese', async () => {
      const outside = gcj02ToWgs84(SHANGHAI);
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { lat: String(outside.lat), long: String(outside.lng) }), 400, '不予受理');
    });

    it('refuses a missing, wrong or revoked api_key with 403', async () => {
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { api_key: '' }), 403, 'api_key');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { api_key: 'ssp_guessing-a-key' }), 403, 'api_key');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { api_key: key.apiKey.toUpperCase() }), 403, 'api_key');
    });

    it('refuses bad service codes, locations and descriptions', async () => {
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { service_code: 'ZZ-99' }), 404, 'service_code');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { service_code: 'GY' }), 404, 'service_code');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { service_code: '' }), 400, 'service_code');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { lat: '', long: '' }), 400, 'lat');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { lat: '', long: '', address_string: '中山南路100号' }), 400, '地址');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { long: '' }), 400, '同时');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { lat: '91', long: '118.7' }), 400, '范围');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { lat: 'NaN', long: 'Infinity' }), 400, '数字');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { description: '' }), 400, 'description');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { description: '井'.repeat(501) }), 400, 'description');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { media_url: 'javascript:alert(1)' }), 400, 'media_url');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { media_url: 'http://user:pw@example.org/x.jpg' }), 400, 'media_url');
      await expectSpecError(t.baseUrl, 'requests', [...manholeForm(key.apiKey), ['service_code', STREETLIGHT.code]], 400, 'service_code');
    });

    it('holds attribute answers to the service definition', async () => {
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { 'attribute[condition]': '' }), 400, '井盖状况');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { 'attribute[condition]': 'stolen' }), 400, '可选范围');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { 'attribute[colour]': 'red' }), 400, 'colour');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { 'attribute[notice]': 'x' }), 400, '无需填写');
      await expectSpecError(t.baseUrl, 'requests', [...manholeForm(key.apiKey), ['attribute[condition]', 'broken']], 400, '只能填写一个值');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { 'attribute[place][]': 'sky' }), 400, '可选范围');
      await expectSpecError(t.baseUrl, 'requests', manholeForm(key.apiKey, { 'attribute[condition': 'missing' }), 400, 'attribute');
      const pothole = (overrides: Record<string, string>) => manholeForm(key.apiKey, { service_code: 'DL-01', 'attribute[condition]': '', ...overrides });
      await expectSpecError(t.baseUrl, 'requests', pothole({ 'attribute[size_cm]': '30cm' }), 400, '数字');
      await expectSpecError(t.baseUrl, 'requests', pothole({ 'attribute[since]': '2026-13-01' }), 400, '日期');
      expect((await postForm(t.baseUrl, 'requests.json', pothole({ 'attribute[size_cm]': '30.5', 'attribute[since]': '2026-11-30T08:00:00+08:00', description: '路面有个大坑，骑车很危险' }))).status).toBe(201);
      const several = await postForm(t.baseUrl, 'requests.json', [...manholeForm(key.apiKey), ['attribute[place][]', 'road'], ['attribute[place][]', 'sidewalk']]);
      expect(several.status).toBe(201);
    });

    it('refuses bodies that are not a form, too large or with too many fields', async () => {
      const json = await request(t.baseUrl, 'POST', '/open311/v2/requests.json', { json: { api_key: key.apiKey } });
      expect(json.status).toBe(415);
      expect(fieldProblems((json.body as Entry[])[0], SPEC.error)).toEqual([]);
      const huge = await postForm(t.baseUrl, 'requests.xml', `api_key=${key.apiKey}&description=${'x'.repeat(1_100_000)}`);
      expect(huge.status).toBe(413);
      expect(xmlOf(huge, 'errors')).toEqual([{ code: '413', description: expect.any(String) }]);
      const many = await postForm(t.baseUrl, 'requests.json', Array.from({ length: 300 }, (_, i) => [`f${i}`, 'x'] as [string, string]));
      expect(many.status).toBe(400);
      // The form parser is for Open311 only: the app's own API stays JSON-only.
      const appForm = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/auth/login', { body: 'username=admin&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(appForm.status).toBe(415);
      expect(appForm.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('round-trips hostile text: escaped in XML, the same text in JSON, control characters dropped', async () => {
      const hostile = `井盖缺失 <script>alert("x")</script> & 'quote' ]]> \u0007`;
      const created = await postForm(t.baseUrl, 'requests.json', manholeForm(key.apiKey, { description: hostile }));
      expect(created.status).toBe(201);
      const id = String((created.body as Entry[])[0].service_request_id);
      const json = await get(t.baseUrl, `requests/${id}.json`);
      const xml = await get(t.baseUrl, `requests/${id}.xml`);
      expect(xml.text).not.toContain('<script>');
      expect(xml.text).toContain('&lt;script&gt;');
      const [fromXml] = xmlOf(xml, 'service_requests') as Array<Record<string, unknown>>;
      const [fromJson] = json.body as Entry[];
      expect(fromXml.description).toBe(fromJson.description);
      expect(String(fromJson.description)).not.toContain('\u0007');
      expect(String(fromXml.description)).toContain('<script>alert("x")</script> & \'quote\' ]]>');
    });
  });

  describe('GET /requests', () => {
    it('lists the recent 90 days by default, newest first, each entry as the specification lists it', async () => {
      const json = await get(t.baseUrl, 'requests.json');
      expect(json.status).toBe(200);
      const entries = json.body as Entry[];
      expect(entries.length).toBeGreaterThan(3);
      for (const entry of entries) expect(fieldProblems(entry, SPEC.request)).toEqual([]);
      const times = entries.map((entry) => Date.parse(String(entry.requested_datetime)));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(xmlOf(await get(t.baseUrl, 'requests.xml'), 'service_requests')).toEqual(asXmlText(entries));
    });

    it('filters by service_code, status, dates and ids', async () => {
      const all = (await get(t.baseUrl, 'requests.json')).body as Entry[];
      const manholes = (await get(t.baseUrl, `requests.json?service_code=${MANHOLE.code}`)).body as Entry[];
      expect(manholes.length).toBeGreaterThan(0);
      expect(manholes.every((entry) => entry.service_code === MANHOLE.code)).toBe(true);
      const closed = (await get(t.baseUrl, 'requests.json?status=closed')).body as Entry[];
      expect(closed.length).toBeGreaterThan(0);
      expect(closed.every((entry) => entry.status === 'closed')).toBe(true);
      const both = (await get(t.baseUrl, 'requests.json?status=open,closed')).body as Entry[];
      expect(both.length).toBe(all.length);
      const repeated = await get(t.baseUrl, `requests.json?service_code=${MANHOLE.code}&service_code=${STREETLIGHT.code}&status=open&status=closed`);
      expect(repeated.status).toBe(200);
      expect((repeated.body as Entry[]).length).toBe(manholes.length + all.filter((entry) => entry.service_code === STREETLIGHT.code).length);
      const future = (await get(t.baseUrl, 'requests.json?start_date=2099-01-01T00:00:00Z')).body as Entry[];
      expect(future).toEqual([]);
      const past = (await get(t.baseUrl, 'requests.json?end_date=2020-01-01T00:00:00Z')).body as Entry[];
      expect(past).toEqual([]);
      const today = new Date();
      const window = `start_date=${new Date(today.getTime() - 3_600_000).toISOString()}&end_date=${new Date(today.getTime() + 60_000).toISOString()}`;
      expect(((await get(t.baseUrl, `requests.json?${window}`)).body as Entry[]).length).toBe(all.length);
      const ids = [all[0].service_request_id, all[1].service_request_id].join(',');
      const byIds = (await get(t.baseUrl, `requests.json?service_request_id=${ids}&status=open&start_date=2099-01-01T00:00:00Z`)).body as Entry[];
      expect(byIds.map((entry) => entry.service_request_id).sort()).toEqual([all[0].service_request_id, all[1].service_request_id].sort());
    });

    it('pages with page and page_size', async () => {
      const all = (await get(t.baseUrl, 'requests.json')).body as Entry[];
      const first = (await get(t.baseUrl, 'requests.json?page_size=2')).body as Entry[];
      const second = (await get(t.baseUrl, 'requests.json?page_size=2&page=2')).body as Entry[];
      expect(first.map((entry) => entry.service_request_id)).toEqual(all.slice(0, 2).map((entry) => entry.service_request_id));
      expect(second.map((entry) => entry.service_request_id)).toEqual(all.slice(2, 4).map((entry) => entry.service_request_id));
      expect((await get(t.baseUrl, 'requests.json?page=100&page_size=1000')).body).toEqual([]);
      expect((await get(t.baseUrl, 'requests.json?page=101&page_size=1000')).status).toBe(400);
    });

    it('refuses bad dates, ranges, statuses, codes and page sizes with 400 spec errors', async () => {
      const bad = [
        'start_date=yesterday',
        'start_date=2026-02-30T00:00:00Z',
        'end_date=2026-01-01T25:00:00Z',
        'start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z',
        'start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z',
        'status=pending',
        'service_code=ZZ-99',
        'service_code=%3Cscript%3E',
        'page_size=0',
        'page_size=1001',
        'page=-1',
        'page=abc',
        'service_request_id=%27%20OR%201%3D1',
        'start_date=2026-01-01T00:00:00Z&start_date=2026-02-01T00:00:00Z',
      ];
      for (const query of bad) {
        for (const format of ['json', 'xml'] as const) {
          const response = await get(t.baseUrl, `requests.${format}?${query}`);
          expect(`${query} ${format} ${response.status}`).toBe(`${query} ${format} 400`);
          const errors = (format === 'json' ? response.body : xmlOf(response, 'errors')) as Entry[];
          if (format === 'json') expect(fieldProblems(errors[0], SPEC.error)).toEqual([]);
        }
      }
    });
  });
});

describe('Open311 rate limits', () => {
  let t: TestApp;
  let apiKey: string;
  beforeAll(async () => {
    const app = await startOpen311App({ REPORTS_PER_HOUR: '2', REPORTS_PER_DAY: '5' });
    t = app.t;
    apiKey = app.key.apiKey;
  });
  afterAll(() => t.close());

  const submit = (fields: Record<string, string>, format = 'json') =>
    postForm(t.baseUrl, `requests.${format}`, Object.entries({
      api_key: apiKey,
      service_code: STREETLIGHT.code,
      ...nextWgsSpot(),
      description: '这盏路灯晚上一直不亮',
      'attribute[fault]': 'dark',
      ...fields,
    }));

  it('applies the app’s per-person and per-device limits to each pseudonymous subject of a key', async () => {
    expect((await submit({ account_id: 'a-1' })).status).toBe(201);
    expect((await submit({ account_id: 'a-1' })).status).toBe(201);
    const limited = await submit({ account_id: 'a-1' }, 'xml');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(xmlOf(limited, 'errors')).toEqual([{ code: '429', description: expect.stringContaining('提交太频繁') }]);
    // Another person through the same key has limits of their own …
    expect((await submit({ account_id: 'a-2', device_id: 'phone-1' })).status).toBe(201);
    expect((await submit({ email: 'B@Example.com', device_id: 'phone-1' })).status).toBe(201);
    // … and a device shared by accounts counts once.
    expect((await submit({ account_id: 'a-3', device_id: 'phone-1' })).status).toBe(429);
  });
});
