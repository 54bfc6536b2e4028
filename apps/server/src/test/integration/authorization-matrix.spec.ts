import type { CreateReportResponse } from '@ssp/contracts';
import { sign } from 'jsonwebtoken';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { MANHOLE, reportBody, STREETLIGHT, submitReport } from '../helpers/reporting';
import { pathNamingNothing, routeTable, type RouteEntry } from '../helpers/route-table';
import { request, startTestApp, type TestApp } from '../helpers/test-app';
import { AUTHORIZATION_MATRIX, PRINCIPALS, type MatrixFixtures, type Principal } from './authorization-matrix.table';

/**
 * Issue 7, "Hostile input and access": every route the application registers × every kind of caller,
 * against the expected status in AUTHORIZATION_MATRIX. A route added without a row fails here (the
 * message carries what it answered, to review and copy); a row whose route is gone fails too.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  let routes: RouteEntry[];
  let fixtures: MatrixFixtures;
  let headers: Record<Principal, Record<string, string>>;

  beforeAll(async () => {
    t = await startTestApp();
    routes = routeTable(t.app);
    const [residentA, residentB, staffOwn, staffOther, admin] = await Promise.all([
      loginAs(t.baseUrl, 'resident', { openid: 'matrix-resident-a' }),
      loginAs(t.baseUrl, 'resident', { openid: 'matrix-resident-b' }),
      loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername }),
      loginAs(t.baseUrl, 'staff', { username: STREETLIGHT.staffUsername }),
      loginAs(t.baseUrl, 'admin'),
    ]);
    // Resident A's report opens a ticket for the manhole department: staffOwn's, not staffOther's.
    const submitted = await submitReport(t.baseUrl, residentA, reportBody());
    expect(submitted.status).toBe(201);
    const answer: CreateReportResponse = submitted.body;
    expect(answer.ticket?.department?.code).toBe(MANHOLE.departmentCode);
    fixtures = { reportId: answer.id, ticketId: answer.ticket?.id ?? '', residentAId: residentA.userId };

    const secret = t.config.auth.jwtSecret;
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const expired = sign({ role: 'admin' }, secret, { subject: admin.userId, algorithm: 'HS256', expiresIn: -60 });
    headers = {
      anonymous: {},
      residentA: residentA.headers,
      residentB: residentB.headers,
      staffOwn: staffOwn.headers,
      staffOther: staffOther.headers,
      admin: admin.headers,
      expired: bearer(expired),
      tampered: bearer(tamper(residentA, admin.userId)),
      algNone: bearer(unsigned(admin.userId)),
    };
  });
  afterAll(() => t.close());

  it('gives every route an access decision: @Public() or @Roles(...)', () => {
    expect(routes.map(keyOf)).toEqual(expect.arrayContaining(['GET /api/v1/categories', 'GET /api/v1/me', 'GET /health/ready']));
    const undecided = routes.filter((route) => !route.isPublic && route.roles.length === 0);
    expect(undecided.map((route) => `${route.controller}.${route.handler}`)).toEqual([]);
  });

  it('has a row for every route and no row for a route that is gone', () => {
    const listed = routes.map(keyOf).sort();
    expect(listed.length).toBeGreaterThan(80);
    expect(Object.keys(AUTHORIZATION_MATRIX).filter((key) => !listed.includes(key))).toEqual([]);
    const missing = routes.filter((route) => !(keyOf(route) in AUTHORIZATION_MATRIX));
    expect(missing.map(keyOf)).toEqual([]);
  });

  it('gives each kind of caller the expected answer on every route', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const key = keyOf(route);
      const row = AUTHORIZATION_MATRIX[key];
      const probe = row?.probe ?? {};
      const path = probe.path ? probe.path(fixtures) : pathNamingNothing(route.path);
      const json = probe.json?.(fixtures);
      const observed: number[] = [];
      for (const principal of PRINCIPALS) {
        const response = await request(t.baseUrl, route.method, path, {
          headers: headers[principal],
          json: json ?? (['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined),
        });
        observed.push(response.status);
      }
      const answered = observed.join(' ');
      if (!row) mismatches.push(`no row for '${key}' — it answered: '${answered}'`);
      else if (row.expect !== answered) mismatches.push(`${key}: expected '${row.expect}', answered '${answered}'`);
    }
    expect(mismatches).toEqual([]);
  });

  it('never lets a forged, expired or unsigned token through, nor an anonymous caller onto a guarded route', () => {
    // The table itself, read against the rule it must follow whatever a route's own row says.
    const column = (principal: Principal) => PRINCIPALS.indexOf(principal);
    for (const route of routes) {
      const row = AUTHORIZATION_MATRIX[keyOf(route)];
      if (!row) continue;
      const codes = row.expect.split(' ');
      const bad = [column('anonymous'), column('expired'), column('tampered'), column('algNone')].map((index) => codes[index]);
      if (route.isPublic) expect(new Set(bad).size).toBe(1);
      else expect(`${keyOf(route)}: ${bad.join(' ')}`).toBe(`${keyOf(route)}: 401 401 401 401`);
    }
  });
});

function keyOf(route: Pick<RouteEntry, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** Resident A's token with its claims rewritten to an admin's, the signature left as it was. */
function tamper(resident: LoggedIn, adminId: string): string {
  const [header, payload, signature] = resident.token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, sub: adminId, role: 'admin' })).toString('base64url');
  expect(forged).not.toBe(payload);
  return [header, forged, signature].join('.');
}

/** An `alg: none` token for the admin: no signature at all. */
function unsigned(adminId: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: adminId, role: 'admin', iat: now, exp: now + 3600 })}.`;
}
