import type { ErrorBody } from '@ssp/contracts';
import { routeTable, type RouteEntry } from '../helpers/route-table';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

/** Fills path parameters with an id that exists nowhere. */
const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, '01930000-0000-7000-8000-000000000000');

describe('route access', () => {
  let t: TestApp;
  let routes: RouteEntry[];
  beforeAll(async () => {
    t = await startTestApp();
    routes = routeTable(t.app);
  });
  afterAll(() => t.close());

  it('finds the routes (the table reader works)', () => {
    const listed = routes.map((route) => `${route.method} ${route.path}`);
    expect(listed).toEqual(expect.arrayContaining(['GET /api/v1/categories', 'GET /api/v1/me', 'GET /health/ready']));
  });

  it('gives every route an access decision: @Public() or @Roles(...)', () => {
    const undecided = routes.filter((route) => !route.isPublic && route.roles.length === 0);
    expect(undecided.map((route) => `${route.controller}.${route.handler}`)).toEqual([]);
  });

  it('answers every non-public route with 401 for an anonymous caller', async () => {
    const guarded = routes.filter((route) => !route.isPublic);
    expect(guarded.length).toBeGreaterThan(0);
    for (const route of guarded) {
      const response = await request<ErrorBody>(t.baseUrl, route.method, concrete(route.path), {
        json: ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined,
      });
      expect(`${route.method} ${route.path} → ${response.status}`).toBe(`${route.method} ${route.path} → 401`);
    }
  });
});
