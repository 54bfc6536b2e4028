import type { ApiKeyView, CreatedApiKey, ErrorBody, Page } from '@ssp/contracts';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { asXmlText, expectSpecError, fieldProblems, get, manholeForm, nextWgsSpot, postForm, SPEC, startOpen311App, xmlOf, type Entry, type Open311App } from '../helpers/open311';
import { MANHOLE, STREETLIGHT } from '../helpers/reporting';
import { request, type TestApp } from '../helpers/test-app';

/** Open311 GeoReport v2: discovery, services and their definitions, and the admin resources behind them. */
describe('Open311 GeoReport v2: services', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let szyh: LoggedIn;
  let key: CreatedApiKey;
  let createKey: Open311App['createKey'];

  beforeAll(async () => {
    ({ t, admin, szyh, key, createKey } = await startOpen311App());
  });
  afterAll(() => t.close());

  describe('service discovery and services', () => {
    it('serves discovery in JSON and XML with the specification’s fields', async () => {
      const json = await get(t.baseUrl, 'discovery.json');
      expect(json.status).toBe(200);
      expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const body = json.body as Entry;
      expect(fieldProblems(body, SPEC.discovery)).toEqual([]);
      const [endpoint] = body.endpoints as Entry[];
      expect(fieldProblems(endpoint, SPEC.endpoint)).toEqual([]);
      expect(endpoint).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['text/xml', 'application/json'] });
      expect(String(endpoint.url)).toBe(`${t.baseUrl}/open311/v2`);

      const xml = await get(t.baseUrl, 'discovery.xml');
      expect(xml.status).toBe(200);
      expect(xml.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
      expect(xmlOf(xml, 'discovery')).toEqual(asXmlText(body));
    });

    it('lists the 小类 as services, grouped by their 大类, with metadata where a definition exists', async () => {
      const json = await get(t.baseUrl, 'services.json');
      expect(json.status).toBe(200);
      const services = json.body as Entry[];
      expect(services.length).toBeGreaterThan(50);
      for (const service of services) expect(fieldProblems(service, SPEC.service)).toEqual([]);
      expect(services.find((service) => service.service_code === MANHOLE.code)).toMatchObject({ service_name: '井盖', group: '公用设施', metadata: true });
      expect(services.find((service) => service.service_code === 'GY-03')).toMatchObject({ metadata: false });
      // Service codes are 小类 codes only: a 大类 is a group, not a service.
      expect(services.some((service) => service.service_code === 'GY')).toBe(false);
      expect(xmlOf(await get(t.baseUrl, 'services.xml'), 'services')).toEqual(asXmlText(services));
    });

    it('serves a service definition with typed attributes in both formats', async () => {
      const json = await get(t.baseUrl, `services/${MANHOLE.code}.json`);
      expect(json.status).toBe(200);
      const definition = json.body as Entry;
      expect(fieldProblems(definition, SPEC.serviceDefinition)).toEqual([]);
      const attributes = definition.attributes as Entry[];
      expect(attributes.map((attribute) => attribute.code)).toEqual(['notice', 'condition', 'place']);
      for (const attribute of attributes) {
        const isList = String(attribute.datatype).endsWith('valuelist');
        expect(fieldProblems(attribute, SPEC.attribute, isList ? ['values'] : [])).toEqual([]);
        if (isList) for (const value of attribute.values as Entry[]) expect(fieldProblems(value, SPEC.attributeValue)).toEqual([]);
      }
      expect(attributes.map((attribute) => attribute.order)).toEqual([1, 2, 3]);
      expect(xmlOf(await get(t.baseUrl, `services/${MANHOLE.code}.xml`), 'service_definition')).toEqual(asXmlText(definition));

      const plain = await get(t.baseUrl, 'services/GY-03.json');
      expect(plain.body).toEqual({ service_code: 'GY-03', attributes: [] });
      expect(xmlOf(await get(t.baseUrl, 'services/GY-03.xml'), 'service_definition')).toEqual({ service_code: 'GY-03', attributes: [] });
    });

    it('answers unknown services, top categories and formats with spec errors (404)', async () => {
      for (const path of ['services/NOPE-01', 'services/GY', 'requests/GD2099010100001', 'tokens/xyz', 'nothing-here']) {
        for (const format of ['json', 'xml'] as const) {
          const response = await get(t.baseUrl, `${path}.${format}`);
          expect(`${path}.${format} ${response.status}`).toBe(`${path}.${format} 404`);
          const errors = (format === 'json' ? response.body : xmlOf(response, 'errors')) as Entry[];
          expect(errors.length).toBe(1);
          if (format === 'json') expect(fieldProblems(errors[0], SPEC.error)).toEqual([]);
        }
      }
      // Hostile and oversized ids come back escaped, never as markup.
      for (const path of ['requests/%3Cscript%3Ealert(1)%3C%2Fscript%3E.xml', `tokens/${'a'.repeat(90)}.xml`, 'services/%26%3C%3E%22.xml']) {
        const response = await get(t.baseUrl, path);
        expect(`${path.slice(0, 30)} ${response.status}`).toBe(`${path.slice(0, 30)} 404`);
        expect(response.text).not.toContain('<script>');
        expect(xmlOf(response, 'errors')).toEqual([{ code: '404', description: expect.any(String) }]);
      }
      // An id past the router's parameter limit is refused before any handler runs.
      const oversized = await get(t.baseUrl, `tokens/${'a'.repeat(5000)}.xml`);
      expect(oversized.status).toBe(414);
      expect(oversized.text).not.toContain('a'.repeat(200));
      expect(xmlOf(oversized, 'errors')).toEqual([{ code: '414', description: expect.any(String) }]);
      const appOversized = await request<ErrorBody>(t.baseUrl, 'GET', `/api/v1/admin/api-keys/${'a'.repeat(5000)}`);
      expect(appOversized.status).toBe(414);
      expect(appOversized.body.error.code).toBe('VALIDATION_FAILED');
      expect((await get(t.baseUrl, 'services.html')).status).toBe(404);
      expect((await get(t.baseUrl, `services/${MANHOLE.code}.yaml`)).status).toBe(404);
    });
  });

  describe('API keys (admin)', () => {
    it('issues a key once, lists it without the secret, audits it, and refuses non-admins', async () => {
      const created = await createKey({ name: '路灯监控系统', serviceCodes: [STREETLIGHT.code] });
      expect(created.status).toBe(201);
      expect(created.body.apiKey).toMatch(/^ssp_[A-Za-z0-9_-]{43}$/);
      expect(created.body.keyPrefix).toBe(created.body.apiKey.slice(0, 12));
      const listed = await request<Page<ApiKeyView>>(t.baseUrl, 'GET', '/api/v1/admin/api-keys', { headers: admin.headers });
      expect(listed.status).toBe(200);
      expect(listed.body.items.find((item) => item.id === created.body.id)).toMatchObject({ serviceCodes: [STREETLIGHT.code], active: true });
      expect(listed.text).not.toContain(created.body.apiKey);
      const one = await request<ApiKeyView>(t.baseUrl, 'GET', `/api/v1/admin/api-keys/${created.body.id}`, { headers: admin.headers });
      expect(one.text).not.toContain(created.body.apiKey.slice(12));
      expect(Object.keys(one.body).sort()).toEqual(['active', 'createdAt', 'id', 'keyPrefix', 'lastUsedAt', 'name', 'revokedAt', 'serviceCodes']);

      const audit = await request<Page<{ action: string; after: Record<string, unknown> | null }>>(
        t.baseUrl,
        'GET',
        `/api/v1/admin/audit?entityType=api_key&entityId=${created.body.id}`,
        { headers: admin.headers },
      );
      expect(audit.body.items.map((entry) => entry.action)).toEqual(['create']);
      expect(JSON.stringify(audit.body.items)).not.toContain(created.body.apiKey.slice(4));

      const staff = await loginAs(t.baseUrl, 'staff');
      expect((await request(t.baseUrl, 'POST', '/api/v1/admin/api-keys', { headers: staff.headers, json: { name: 'x' } })).status).toBe(403);
      expect((await request(t.baseUrl, 'GET', '/api/v1/admin/api-keys')).status).toBe(401);
    });

    it('refuses malformed and hostile key requests', async () => {
      for (const body of [{}, { name: '' }, { name: 'x'.repeat(65) }, { name: 'k', serviceCodes: 'GY-01' }, { name: 'k', serviceCodes: ['gy-01'] }, { name: 'k', extra: 1 }]) {
        expect((await createKey(body)).status).toBe(400);
      }
      const unknown = await createKey({ name: 'k', serviceCodes: ['ZZ-99', 'GY'] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toContain('ZZ-99');
      expect((await request(t.baseUrl, 'PATCH', '/api/v1/admin/api-keys/not-a-uuid', { headers: admin.headers, json: { name: 'x' } })).status).toBe(400);
      expect((await request(t.baseUrl, 'DELETE', '/api/v1/admin/api-keys/01930000-0000-7000-8000-000000000000', { headers: admin.headers })).status).toBe(404);
    });

    it('scopes a key to service codes and revokes it: both answer 403 in the spec’s error body', async () => {
      const lights = (await createKey({ name: '仅路灯', serviceCodes: [STREETLIGHT.code] })).body;
      await expectSpecError(t.baseUrl, 'requests', manholeForm(lights.apiKey), 403, '无权');
      const widened = await request<ApiKeyView>(t.baseUrl, 'PATCH', `/api/v1/admin/api-keys/${lights.id}`, {
        headers: admin.headers,
        json: { serviceCodes: [STREETLIGHT.code, MANHOLE.code] },
      });
      expect(widened.body.serviceCodes).toEqual([STREETLIGHT.code, MANHOLE.code].sort());
      expect((await postForm(t.baseUrl, 'requests.json', manholeForm(lights.apiKey))).status).toBe(201);

      expect((await request(t.baseUrl, 'DELETE', `/api/v1/admin/api-keys/${lights.id}`, { headers: admin.headers })).status).toBe(204);
      await expectSpecError(t.baseUrl, 'requests', manholeForm(lights.apiKey), 403, 'api_key');
      const after = await request<ApiKeyView>(t.baseUrl, 'GET', `/api/v1/admin/api-keys/${lights.id}`, { headers: admin.headers });
      expect(after.body).toMatchObject({ active: false });
      expect(after.body.lastUsedAt).not.toBeNull();
      const audit = await request<Page<{ action: string }>>(t.baseUrl, 'GET', `/api/v1/admin/audit?entityType=api_key&entityId=${lights.id}`, { headers: admin.headers });
      expect(audit.body.items.map((entry) => entry.action)).toEqual(['update', 'update', 'create']);
    });
  });

  describe('service definitions (admin)', () => {
    const path = '/api/v1/admin/service-definitions/GY-04';
    const shelter = [
      { variable: true, code: 'damage', datatype: 'multivaluelist', required: true, datatypeDescription: null, order: 1, description: '损坏部位', values: [{ key: 'glass', name: '玻璃' }, { key: 'seat', name: '座椅' }] },
    ];

    it('lets an admin give a 小类 its questions: the service list, the definition and submissions follow, and it is audited', async () => {
      const before = (await get(t.baseUrl, 'discovery.json')).body as Entry;
      const put = await request<{ attributes: unknown[] }>(t.baseUrl, 'PUT', path, { headers: admin.headers, json: { attributes: shelter } });
      expect(put.status).toBe(200);
      expect(put.body.attributes).toEqual(shelter);
      const services = (await get(t.baseUrl, 'services.json')).body as Entry[];
      expect(services.find((service) => service.service_code === 'GY-04')).toMatchObject({ metadata: true });
      const definition = (await get(t.baseUrl, 'services/GY-04.json')).body as Entry;
      expect((definition.attributes as Entry[]).map((attribute) => attribute.code)).toEqual(['damage']);
      const after = (await get(t.baseUrl, 'discovery.json')).body as Entry;
      expect(String(after.changeset) >= String(before.changeset)).toBe(true);

      const form = (extra: Array<[string, string]>): Array<[string, string]> => [
        ['api_key', key.apiKey],
        ['service_code', 'GY-04'],
        ...Object.entries(nextWgsSpot()),
        ['description', '公交站亭的玻璃碎了一地'],
        ...extra,
      ];
      await expectSpecError(t.baseUrl, 'requests', form([]), 400, '损坏部位');
      expect((await postForm(t.baseUrl, 'requests.json', form([['attribute[damage][]', 'glass']]))).status).toBe(201);

      const audit = await request<Page<{ action: string; after: { attributes: string } }>>(t.baseUrl, 'GET', '/api/v1/admin/audit?entityType=service_definition&entityId=GY-04', { headers: admin.headers });
      expect(audit.body.items).toHaveLength(1);
      expect(JSON.parse(audit.body.items[0].after.attributes)).toEqual(shelter);

      const cleared = await request(t.baseUrl, 'PUT', path, { headers: admin.headers, json: { attributes: [] } });
      expect(cleared.status).toBe(200);
      expect(((await get(t.baseUrl, 'services.json')).body as Entry[]).find((service) => service.service_code === 'GY-04')).toMatchObject({ metadata: false });
    });

    it('refuses broken definitions, top categories, unknown codes and non-admins', async () => {
      const broken = await request<ErrorBody>(t.baseUrl, 'PUT', path, { headers: admin.headers, json: { attributes: [{ ...shelter[0], values: [] }, { ...shelter[0], datatype: 'colour' }] } });
      expect(broken.status).toBe(400);
      expect(broken.body.error.details?.problems).toHaveLength(3);
      expect((await request(t.baseUrl, 'PUT', path, { headers: admin.headers, json: { attributes: 'x' } })).status).toBe(400);
      expect((await request(t.baseUrl, 'PUT', path, { headers: admin.headers, json: { attributes: Array.from({ length: 21 }, () => shelter[0]) } })).status).toBe(400);
      expect((await request(t.baseUrl, 'PUT', '/api/v1/admin/service-definitions/GY', { headers: admin.headers, json: { attributes: [] } })).status).toBe(400);
      expect((await request(t.baseUrl, 'GET', '/api/v1/admin/service-definitions/ZZ-99', { headers: admin.headers })).status).toBe(404);
      expect((await request(t.baseUrl, 'PUT', path, { headers: szyh.headers, json: { attributes: [] } })).status).toBe(403);
      expect((await request(t.baseUrl, 'GET', path)).status).toBe(401);
    });
  });
});
