import type { UserRole } from '@ssp/contracts';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat';
import { MANHOLE } from '../helpers/reporting';
import { pathNamingNothing, routeTable, type RouteEntry } from '../helpers/route-table';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

/** Routes whose body is not JSON: the photo upload (multipart) and Open311's form-encoded writes. */
const NOT_JSON = new Set(['POST /api/v1/photos', 'POST /open311/v2/requests.:format']);
/** Everything a JSON route may answer to a body it was not meant for; never a 5xx. */
const ANSWERS = new Set([200, 201, 204, 400, 401, 403, 404, 409, 413, 415, 422, 429]);
/** Refusals that are recorded on purpose: a failed sign-in counts towards its lock-out. */
const RECORDED_REFUSALS: Record<string, string[]> = { 'POST /api/v1/auth/login': ['login_attempts'] };

interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

/**
 * Issue 7, "Property-based tests on every JSON endpoint's validation": every POST / PUT / PATCH route
 * with a JSON body gets generated bodies — arbitrary JSON, and objects with the route's own field names
 * (from its OpenAPI schema) holding values of every wrong shape, prototype keys included — from a caller
 * its roles admit, with path parameters that name nothing. Whatever the body: a status from ANSWERS,
 * never a 5xx; an error in the contract's shape with a message; the process's prototypes untouched.
 */
describe('JSON endpoints under generated bodies', () => {
  let t: TestApp;
  let routes: RouteEntry[];
  let fieldsOf: (route: RouteEntry) => string[];
  let callers: Record<UserRole, LoggedIn>;
  let wechat: FakeWechat;

  beforeAll(async () => {
    // WeChat login configured (against the local fake), so POST /auth/wechat is exercised, not 503.
    wechat = await startFakeWechat('wx-fuzz-app', 'wx-fuzz-secret');
    t = await startTestApp({ WECHAT_APP_ID: 'wx-fuzz-app', WECHAT_APP_SECRET: 'wx-fuzz-secret', WECHAT_API_BASE: wechat.baseUrl });
    routes = routeTable(t.app).filter(
      (route) => ['POST', 'PUT', 'PATCH'].includes(route.method) && !NOT_JSON.has(`${route.method} ${route.path}`),
    );
    const [resident, staff, admin] = await Promise.all([
      loginAs(t.baseUrl, 'resident', { openid: 'fuzz-resident' }),
      loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername }),
      loginAs(t.baseUrl, 'admin'),
    ]);
    callers = { resident, staff, admin };
    const openApi = (await request<OpenApi>(t.baseUrl, 'GET', '/api/docs-json')).body;
    fieldsOf = (route) => {
      const operation = openApi.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const ref = operation?.requestBody?.content?.['application/json']?.schema?.$ref;
      return Object.keys((ref && openApi.components.schemas[ref.split('/').pop() ?? '']?.properties) || {});
    };
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  const callerOf = (route: RouteEntry): LoggedIn | null =>
    route.isPublic ? null : callers[(['admin', 'staff', 'resident'] as const).find((role) => route.roles.includes(role)) ?? 'admin'];

  /** Values of every shape a field should not have, and some it should. */
  const wrongValue = fc.oneof(
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, '', ' ', 'NaN', '9'.repeat(400), '<script>alert(1)</script>', "' OR 1=1 --", '\u202e\u0000', '😀'.repeat(300)),
    fc.string({ maxLength: 40 }),
    fc.integer(),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
    fc.constant({ __proto__: { polluted: true } }),
  );
  const bodyFor = (fields: string[]) =>
    fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fields.length === 0
        ? fc.dictionary(fc.string({ maxLength: 10 }), wrongValue, { maxKeys: 4 })
        : fc.record(Object.fromEntries(fields.map((field) => [field, wrongValue])), { requiredKeys: [] }),
      fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown),
    );

  it('finds the JSON routes and their fields', () => {
    expect(routes.length).toBeGreaterThanOrEqual(25);
    expect(fieldsOf(routes.find((route) => route.path === '/api/v1/reports' && route.method === 'POST')!)).toEqual(
      expect.arrayContaining(['clientRequestId', 'description', 'location', 'photoIds']),
    );
    // Only the outbox retry takes no body; every other route's fields come from its schema.
    const withoutFields = routes.filter((route) => fieldsOf(route).length === 0).map((route) => `${route.method} ${route.path}`);
    expect(withoutFields).toEqual(['POST /api/v1/admin/outbox/:id/retry']);
  });

  /** Rows per table: what a refused body must leave as it was. */
  const rowCounts = async (): Promise<Record<string, number>> => {
    const dataSource = t.app.get(DataSource);
    const counts: Record<string, number> = {};
    for (const { tableName } of dataSource.entityMetadatas) {
      const [row] = await dataSource.query<Array<{ n: number | string }>>(`SELECT COUNT(*) AS n FROM ${dataSource.driver.escape(tableName)}`);
      counts[tableName] = Number(row.n);
    }
    return counts;
  };

  it('answers every generated body with a 2xx or a 4xx in the contract shape, never a 5xx, and a refusal writes nothing', async () => {
    for (const route of routes) {
      const caller = callerOf(route);
      const path = pathNamingNothing(route.path);
      const before = await rowCounts();
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(bodyFor(fieldsOf(route)), async (body) => {
          const response = await request<{ error?: { code?: unknown; message?: unknown } }>(t.baseUrl, route.method, path, {
            json: body,
            headers: caller?.headers ?? {},
          });
          const inContract =
            ANSWERS.has(response.status) &&
            (response.status < 400 || (typeof response.body.error?.code === 'string' && typeof response.body.error.message === 'string'));
          if (!inContract) throw new Error(`${route.method} ${route.path} answered ${response.status}: ${response.text.slice(0, 300)}`);
          if (response.status < 300) accepted += 1;
        }),
        { numRuns: 30, seed: 7, endOnFailure: true },
      );
      const key = `${route.method} ${route.path}`;
      const after = await rowCounts();
      for (const table of RECORDED_REFUSALS[key] ?? []) after[table] = before[table];
      if (accepted === 0) expect({ route: key, rows: after }).toEqual({ route: key, rows: before });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses malformed and oversized JSON on every route with 400 / 413 in the contract shape', async () => {
    const answers: string[] = [];
    for (const route of routes) {
      const headers = { ...(callerOf(route)?.headers ?? {}), 'content-type': 'application/json' };
      const path = pathNamingNothing(route.path);
      const malformed = await request<{ error: { code: string } }>(t.baseUrl, route.method, path, { body: '{"description": "井盖', headers });
      const oversized = await request<{ error: { code: string } }>(t.baseUrl, route.method, path, {
        body: JSON.stringify({ description: '路'.repeat(400_000) }),
        headers,
      });
      answers.push(`${route.method} ${route.path}: ${malformed.status} ${malformed.body.error?.code}, ${oversized.status} ${oversized.body.error?.code}`);
    }
    expect(answers).toEqual(routes.map((route) => `${route.method} ${route.path}: 400 MALFORMED_JSON, 413 PAYLOAD_TOO_LARGE`));
  });
});
