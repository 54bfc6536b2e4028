import {
  TICKET_STATUSES,
  cityDayOf,
  durationBucketWidth,
  type ErrorBody,
  type ReportDetail,
  type StatsMetrics,
  type StatsResponse,
  type TicketDetail,
  type TicketStatus,
} from '@ssp/contracts';
import { DataSource } from 'typeorm';
import { StatsService } from '../../modules/stats/stats.service';
import { Ticket } from '../../modules/tickets/entities/ticket.entity';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { MANHOLE, reportBody, submitReport } from '../helpers/reporting';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The statistics on a fixture of known tickets inserted through the repository, checked against
 * figures computed here from the fixture itself; and the figures the ticket actions and ratings write,
 * driven through the real endpoints. Both engines.
 */
describe('GET /api/v1/admin/stats', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: LoggedIn;
  let staff: LoggedIn;
  let resident: LoggedIn;

  interface Spec {
    createdAt: Date;
    status: TicketStatus;
    department: { id: string; code: string };
    category: { id: string; top: string };
    region: string | null;
    acceptMinutes: number | null;
    acceptedOnTime: boolean | null;
    resolveMinutes: number | null;
    resolvedOnTime: boolean | null;
    reopenCount: number;
    ratings: number[];
    supporterCount: number;
  }
  const fixture: Spec[] = [];
  // 2025-03-01 is a Saturday: the range spans ISO weeks 9, 10 and 11.
  const FROM = '2025-03-01';
  const TO = '2025-03-12';
  const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    [admin, staff, resident] = await Promise.all([
      loginAs(t.baseUrl, 'admin'),
      loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername }),
      loginAs(t.baseUrl, 'resident', { openid: 'stats-resident' }),
    ]);
    const departments: Array<{ id: string; code: string }> = await db.query('SELECT id, code FROM departments ORDER BY code LIMIT 3');
    const leaves: Array<{ id: string; top: string }> = await db.query(
      'SELECT c.id AS id, p.code AS top FROM categories c JOIN categories p ON p.id = c.parentId ORDER BY p.code, c.code',
    );
    const tops = [...new Set(leaves.map((leaf) => leaf.top))].slice(0, 3);
    const categories = tops.flatMap((top) => leaves.filter((leaf) => leaf.top === top).slice(0, 2));
    const regions: Array<string | null> = [...(await db.query("SELECT code FROM regions WHERE level = 'district' ORDER BY code LIMIT 3")).map((r: { code: string }) => r.code), null];

    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const days = 12;
    for (let i = 0; i < 90; i += 1) {
      // Spread over the days; some right at the city's midnight (16:00 UTC) on either side.
      const day = i % days;
      const edge = i % 9 === 0 ? -1 : i % 9 === 1 ? 0 : null;
      const createdAt =
        edge === null
          ? new Date(dayStart('2025-03-01') + day * 86_400_000 + Math.floor(random() * 86_400) * 1000)
          : new Date(dayStart('2025-03-01') + (day + 1) * 86_400_000 + edge * 1000);
      const status = pick<TicketStatus>(['pending_triage', 'dispatched', 'in_progress', 'resolved', 'resolved', 'closed', 'closed', 'closed', 'rejected', 'merged']);
      const accepted = ['in_progress', 'resolved', 'closed', 'merged'].includes(status);
      const resolved = status === 'resolved' || status === 'closed';
      fixture.push({
        createdAt,
        status,
        department: pick(departments),
        category: pick(categories),
        region: pick(regions),
        acceptMinutes: accepted ? Math.floor(random() * (random() < 0.7 ? 59 : 3000)) : null,
        acceptedOnTime: accepted ? random() < 0.8 : null,
        resolveMinutes: resolved ? Math.floor(random() * (random() < 0.5 ? 600 : 20_000)) : null,
        resolvedOnTime: resolved ? random() < 0.6 : null,
        reopenCount: resolved && random() < 0.2 ? 1 + Math.floor(random() * 2) : 0,
        ratings: resolved ? Array.from({ length: Math.floor(random() * 3) }, () => 1 + Math.floor(random() * 5)) : [],
        supporterCount: 1 + Math.floor(random() * 4),
      });
    }
    // Just outside the range on both sides: must never be counted.
    const outside = [new Date(dayStart(FROM) - 1000), new Date(dayStart(TO) + 86_400_000)];
    const repository = db.getRepository(Ticket);
    const rows = [...fixture, ...outside.map((createdAt) => ({ ...fixture[0], createdAt, status: 'closed' as const }))];
    for (const [i, spec] of rows.entries()) {
      await repository.insert(
        repository.create({
          ticketNo: `GDSTAT${String(i).padStart(4, '0')}`,
          status: spec.status,
          categoryId: spec.category.id,
          regionCode: spec.region,
          departmentId: spec.department.id,
          description: `统计样本 ${i}`,
          lat: 32.04,
          lng: 118.78,
          geohash: 'wtsqqghxs',
          createdAt: spec.createdAt,
          acceptMinutes: spec.acceptMinutes,
          acceptedOnTime: spec.acceptedOnTime,
          resolveMinutes: spec.resolveMinutes,
          resolvedOnTime: spec.resolvedOnTime,
          reopenCount: spec.reopenCount,
          ratingCount: spec.ratings.length,
          ratingSum: spec.ratings.reduce((a, b) => a + b, 0),
          satisfiedCount: spec.ratings.filter((score) => score >= 4).length,
          supporterCount: spec.supporterCount,
        }),
      );
    }
  });
  afterAll(() => t.close());

  const get = <T = StatsResponse>(query: string, who: LoggedIn | null = admin) =>
    request<T>(t.baseUrl, 'GET', `/api/v1/admin/stats${query}`, { headers: who ? who.headers : {} });

  /** The figures of a set of fixture tickets, computed directly. */
  function expected(specs: Spec[]): Omit<StatsMetrics, 'acceptMinutes' | 'resolveMinutes'> {
    const counted = specs.filter((s) => s.status !== 'merged');
    const accepted = counted.filter((s) => s.acceptMinutes !== null);
    const resolved = counted.filter((s) => s.resolveMinutes !== null);
    const ratings = counted.flatMap((s) => s.ratings);
    const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
    return {
      total: counted.length,
      byStatus: Object.fromEntries(TICKET_STATUSES.map((status) => [status, specs.filter((s) => s.status === status).length])) as Record<TicketStatus, number>,
      acceptOnTimeRate: share(accepted.filter((s) => s.acceptedOnTime).length, accepted.length),
      resolveOnTimeRate: share(resolved.filter((s) => s.resolvedOnTime).length, resolved.length),
      satisfaction: {
        mean: share(ratings.reduce((a, b) => a + b, 0), ratings.length),
        satisfiedShare: share(ratings.filter((score) => score >= 4).length, ratings.length),
        ratings: ratings.length,
      },
      reopenRate: share(resolved.filter((s) => s.reopenCount > 0).length, resolved.length),
      supportersPerTicket: share(counted.reduce((a, s) => a + s.supporterCount, 0), counted.length),
    };
  }

  /** Checks one group's metrics, percentiles within a bucket of the exact order statistic. */
  function check(actual: StatsMetrics & { key?: string; label?: string }, specs: Spec[]): void {
    const { acceptMinutes, resolveMinutes, key: _key, label: _label, ...rest } = actual;
    const want = expected(specs);
    expect(Object.keys(rest).sort()).toEqual(Object.keys(want).sort());
    for (const [field, value] of Object.entries(want)) {
      const got = rest[field as keyof typeof rest];
      if (typeof value === 'number') expect(got).toBeCloseTo(value, 9);
      else if (field === 'satisfaction') {
        const s = got as StatsMetrics['satisfaction'];
        expect(s.ratings).toBe(want.satisfaction.ratings);
        for (const key of ['mean', 'satisfiedShare'] as const) {
          if (want.satisfaction[key] === null) expect(s[key]).toBeNull();
          else expect(s[key]).toBeCloseTo(want.satisfaction[key] as number, 9);
        }
      } else expect(got).toEqual(value);
    }
    const counted = specs.filter((s) => s.status !== 'merged');
    const percentile = (values: number[], q: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted.length === 0 ? null : sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
    };
    for (const [durations, values] of [
      [acceptMinutes, counted.flatMap((s) => (s.acceptMinutes === null ? [] : [s.acceptMinutes]))],
      [resolveMinutes, counted.flatMap((s) => (s.resolveMinutes === null ? [] : [s.resolveMinutes]))],
    ] as const) {
      for (const [key, q] of [['median', 0.5], ['p90', 0.9]] as const) {
        const exact = percentile(values, q);
        if (exact === null) expect(durations[key]).toBeNull();
        else expect(Math.abs((durations[key] as number) - exact)).toBeLessThanOrEqual(durationBucketWidth(exact));
      }
    }
  }

  const cityDay = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

  it('by day: every day of the range in order, each and the totals matching the fixture', async () => {
    const response = await get(`?from=${FROM}&to=${TO}&groupBy=day`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ from: FROM, to: TO, groupBy: 'day' });
    check(response.body.totals, fixture);
    const days = Array.from({ length: 12 }, (_, i) => `2025-03-${String(i + 1).padStart(2, '0')}`);
    expect(response.body.rows.map((row) => row.key)).toEqual(days);
    expect(response.body.rows.map((row) => row.label)).toEqual(days);
    for (const row of response.body.rows) check(row, fixture.filter((s) => cityDay(s.createdAt) === row.key));
    // The tickets one second before the city's midnight belong to the day before.
    expect(fixture.some((s) => s.createdAt.getUTCHours() === 15 && s.createdAt.getUTCSeconds() === 59)).toBe(true);
  });

  it('by ISO week, labelled with the Monday', async () => {
    const response = await get(`?from=${FROM}&to=${TO}&groupBy=week`);
    expect(response.body.rows.map((row) => [row.key, row.label])).toEqual([
      ['2025-W09', '2025-02-24'],
      ['2025-W10', '2025-03-03'],
      ['2025-W11', '2025-03-10'],
    ]);
    const weekOf = (s: Spec) => (cityDay(s.createdAt) < '2025-03-03' ? '2025-W09' : cityDay(s.createdAt) < '2025-03-10' ? '2025-W10' : '2025-W11');
    for (const row of response.body.rows) check(row, fixture.filter((s) => weekOf(s) === row.key));
    check(response.body.totals, fixture);
  });

  it.each([
    ['department', (s: Spec) => s.department.code],
    ['category', (s: Spec) => s.category.top],
    ['region', (s: Spec) => s.region ?? ''],
  ] as const)('by %s, largest first', async (groupBy, keyOf) => {
    const response = await get(`?from=${FROM}&to=${TO}&groupBy=${groupBy}`);
    expect(response.status).toBe(200);
    const keys = [...new Set(fixture.map(keyOf))];
    expect(response.body.rows.map((row) => row.key).sort()).toEqual(keys.sort());
    for (const row of response.body.rows) {
      check(row, fixture.filter((s) => keyOf(s) === row.key));
      expect(row.label).not.toBe('');
    }
    const totals = response.body.rows.map((row) => row.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    check(response.body.totals, fixture);
    if (groupBy === 'region') expect(response.body.rows.find((row) => row.key === '')?.label).toBe('未知区域');
  });

  it('answers an empty range with zeros and nulls', async () => {
    const days = await get('?from=2024-06-01&to=2024-06-03&groupBy=day');
    expect(days.status).toBe(200);
    expect(days.body.rows.map((row) => row.total)).toEqual([0, 0, 0]);
    expect(days.body.totals).toMatchObject({
      total: 0,
      acceptOnTimeRate: null,
      resolveOnTimeRate: null,
      acceptMinutes: { median: null, p90: null },
      resolveMinutes: { median: null, p90: null },
      satisfaction: { mean: null, satisfiedShare: null, ratings: 0 },
      reopenRate: null,
      supportersPerTicket: null,
    });
    const departments = await get('?from=2024-06-01&to=2024-06-03&groupBy=department');
    expect(departments.body.rows).toEqual([]);
  });

  it.each([
    ['?from=2025-02-30&to=2025-03-01', '开始日期'],
    ['?from=2025-03-01&to=2025-3-2', '结束日期'],
    ['?from=2025-03-02&to=2025-03-01', '结束日期不能早于开始日期'],
    ['?from=2024-03-01&to=2025-03-02', '统计范围最长'],
    ['?from=2025-03-01&to=2025-03-02&groupBy=hour', '分组方式'],
    [`?from=${'9'.repeat(5000)}`, ''],
    ["?from=2025-03-01'%20OR%201=1--&to=2025-03-02", ''],
    ['?from=2025-03-01&to=2025-03-02&extra=1', ''],
    ['?from[]=2025-03-01', ''],
  ])('refuses %s with 400', async (query, words) => {
    const response = await get<ErrorBody>(query);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(response.text).toContain(words);
  });

  it('is for admins only', async () => {
    expect((await get('', staff)).status).toBe(403);
    expect((await get('', resident)).status).toBe(403);
    expect((await get('', null)).status).toBe(401);
    expect((await get('', { token: 'x', userId: 'x', headers: { authorization: 'Bearer nonsense' } })).status).toBe(401);
  });

  it('counts what the actions write: sign-for, 办结, ratings (a second rating replaces the first) and 重办', async () => {
    const act = (id: string, who: LoggedIn, json: Record<string, unknown>) =>
      request<TicketDetail>(t.baseUrl, 'POST', `/api/v1/tickets/${id}/actions`, { json, headers: who.headers });
    const rate = (reportId: string, json: Record<string, unknown>) =>
      request<ReportDetail>(t.baseUrl, 'POST', `/api/v1/reports/${reportId}/rating`, { json, headers: resident.headers });
    const resolveOne = async () => {
      const created = await submitReport(t.baseUrl, resident, reportBody());
      expect(created.body.ticket?.status).toBe('dispatched');
      const id = created.body.ticket?.id ?? '';
      let detail = (await request<TicketDetail>(t.baseUrl, 'GET', `/api/v1/tickets/${id}`, { headers: staff.headers })).body;
      detail = (await act(id, staff, { action: 'accept', version: detail.version })).body;
      detail = (await act(id, staff, { action: 'resolve', version: detail.version, note: '已修复' })).body;
      expect(detail.status).toBe('resolved');
      return { id, reportId: created.body.id, version: detail.version };
    };
    const first = await resolveOne();
    expect((await rate(first.reportId, { score: 2 })).status).toBe(200);
    expect((await rate(first.reportId, { score: 5 })).body.ticket?.status).toBe('closed');
    const second = await resolveOne();
    expect((await rate(second.reportId, { score: 1, reopen: true, comment: '没修好' })).body.ticket?.status).toBe('dispatched');

    const figures = await db.getRepository(Ticket).findOneByOrFail({ id: first.id });
    expect(figures).toMatchObject({ acceptMinutes: 0, acceptedOnTime: true, resolveMinutes: 0, resolvedOnTime: true, ratingCount: 1, ratingSum: 5, satisfiedCount: 1 });
    expect(figures.acceptedAt).toBeInstanceOf(Date);

    const today = cityDay(new Date());
    const response = await get(`?from=${today}&to=${today}&groupBy=department`);
    expect(response.body.totals).toMatchObject({
      total: 2,
      byStatus: { closed: 1, dispatched: 1 },
      acceptOnTimeRate: 1,
      resolveOnTimeRate: 1,
      satisfaction: { mean: 3, satisfiedShare: 0.5, ratings: 2 },
      reopenRate: 0.5,
      supportersPerTicket: 1,
    });
    expect(response.body.totals.acceptMinutes.median).toBeLessThanOrEqual(1);
    expect(response.body.rows.map((row) => row.key)).toEqual([MANHOLE.departmentCode]);
  });
});

describe('GET /api/v1/admin/stats with STATS_MAX_AGE_SECONDS (an answer may be that old)', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let resident: LoggedIn;
  beforeAll(async () => {
    t = await startTestApp({ STATS_MAX_AGE_SECONDS: '60' });
    [admin, resident] = await Promise.all([loginAs(t.baseUrl, 'admin'), loginAs(t.baseUrl, 'resident', { openid: 'stats-age-resident' })]);
  });
  afterAll(() => t.close());

  it('answers from the last refresh within the window, with its asOf; a request after the window includes the new change', async () => {
    const today = cityDayOf(new Date());
    const query = { from: today, to: today, groupBy: 'day' as const };
    const get = () => request<StatsResponse>(t.baseUrl, 'GET', `/api/v1/admin/stats?from=${today}&to=${today}&groupBy=day`, { headers: admin.headers });
    const before = await get();
    expect(before.status).toBe(200);
    expect(Date.parse(before.body.asOf)).toBeLessThanOrEqual(Date.now());

    expect((await submitReport(t.baseUrl, resident, reportBody())).body.ticket?.status).toBe('dispatched');
    // Within the window: the same answer, the new ticket not yet counted.
    const within = await get();
    expect(within.body).toEqual(before.body);

    // Past the window (the service asked as of 61 s later): refreshed, the ticket counted, a later asOf.
    const later = await t.app.get(StatsService).stats(query, new Date(Date.now() + 61_000));
    expect(later.totals.total).toBe(before.body.totals.total + 1);
    expect(Date.parse(later.asOf)).toBeGreaterThan(Date.parse(before.body.asOf));
    // And the endpoint now answers from that refresh.
    expect((await get()).body).toEqual(later);
  });
});
