import { STATS_GROUPS, type StatsGroup, type StatsResponse, type TicketDetail } from '@ssp/contracts';
import { DataSource } from 'typeorm';
import { ALL_ENTITIES } from '../../app.entities';
import { buildDataSourceOptions } from '../../core/database/data-source.factory';
import { StatsRollupState } from '../../modules/stats/entities/stats-rollup-state.entity';
import { StatsRollupRepository } from '../../modules/stats/stats-rollup.repository';
import { StatsRollupService } from '../../modules/stats/stats-rollup.service';
import { StatsDaily } from '../../modules/stats/entities/stats-daily.entity';
import { Ticket } from '../../modules/tickets/entities/ticket.entity';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { MANHOLE, STREETLIGHT, reportBody, submitReport } from '../helpers/reporting';
import { referenceStats } from '../helpers/stats-reference';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

/**
 * The endpoint answers from the daily rollups; every answer must equal the per-ticket aggregate over
 * `tickets` (the implementation before the rollups, kept in helpers/stats-reference.ts), for every
 * groupBy, after each kind of change — without waiting for the periodic job. Both engines.
 */
describe('stats rollups: the same answers as the per-ticket aggregate', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: LoggedIn;
  let staff: LoggedIn;
  let resident: LoggedIn;
  const FROM = '2025-05-01';
  const TO = '2025-05-10';
  const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
  const cityDay = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const today = () => cityDay(new Date());
  const fixtureIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    [admin, staff, resident] = await Promise.all([
      loginAs(t.baseUrl, 'admin'),
      loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername }),
      loginAs(t.baseUrl, 'resident', { openid: 'rollup-resident' }),
    ]);
    // Past tickets inserted before the first statistics request: the first refresh builds their days.
    const departments: Array<{ id: string }> = await db.query('SELECT id FROM departments ORDER BY code LIMIT 4');
    const categories: Array<{ id: string }> = await db.query('SELECT id FROM categories WHERE parentId IS NOT NULL ORDER BY code LIMIT 6');
    const regions: Array<{ code: string }> = await db.query("SELECT code FROM regions WHERE level = 'district' ORDER BY code LIMIT 3");
    let seed = 11;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const repository = db.getRepository(Ticket);
    for (let i = 0; i < 120; i += 1) {
      const status = pick(['pending_triage', 'dispatched', 'in_progress', 'resolved', 'closed', 'closed', 'rejected', 'merged'] as const);
      const accepted = ['in_progress', 'resolved', 'closed', 'merged'].includes(status);
      const resolved = status === 'resolved' || status === 'closed';
      const ratings = resolved ? Math.floor(random() * 3) : 0;
      // Some right before and at the city's midnight; a few just outside the range.
      const createdAt = new Date(dayStart(FROM) + (i % 12) * 86_400_000 - 86_400_000 + (i % 7 === 0 ? 86_399_000 : Math.floor(random() * 86_400) * 1000));
      const ticket = repository.create({
        ticketNo: `GDROLL${String(i).padStart(4, '0')}`,
        status,
        categoryId: i % 10 === 0 ? null : pick(categories).id,
        regionCode: i % 8 === 0 ? null : pick(regions).code,
        departmentId: i % 9 === 0 ? null : pick(departments).id,
        description: `汇总样本 ${i}`,
        lat: 32.04,
        lng: 118.78,
        geohash: 'wtsqqghxs',
        createdAt,
        // Changed long ago: only the backfill reads them, refreshes do not rescan their days.
        updatedAt: new Date(Date.now() - 3_600_000),
        acceptMinutes: accepted ? Math.floor(random() * (random() < 0.6 ? 59 : 5000)) : null,
        acceptedOnTime: accepted ? random() < 0.8 : null,
        resolveMinutes: resolved ? Math.floor(random() * (random() < 0.5 ? 600 : 50_000)) : null,
        resolvedOnTime: resolved ? random() < 0.6 : null,
        reopenCount: resolved && random() < 0.3 ? 1 : 0,
        ratingCount: ratings,
        ratingSum: ratings * 3,
        satisfiedCount: ratings > 0 ? 1 : 0,
        supporterCount: 1 + Math.floor(random() * 3),
      });
      await repository.insert(ticket);
      fixtureIds.push(ticket.id);
    }
  });
  afterAll(() => t.close());

  const get = (query: string) => request<StatsResponse>(t.baseUrl, 'GET', `/api/v1/admin/stats${query}`, { headers: admin.headers });

  /** Every groupBy over the range: the endpoint (rollups) and the reference agree exactly. */
  async function expectSameAnswers(from: string, to: string): Promise<void> {
    for (const groupBy of STATS_GROUPS as readonly StatsGroup[]) {
      const response = await get(`?from=${from}&to=${to}&groupBy=${groupBy}`);
      expect(response.status).toBe(200);
      const { asOf, ...answer } = response.body;
      expect(Number.isNaN(Date.parse(asOf))).toBe(false);
      // Wrapped so a failure names the groupBy.
      expect({ asked: groupBy, answer }).toEqual({ asked: groupBy, answer: await referenceStats(db, from, to, groupBy) });
    }
  }

  const act = async (id: string, who: LoggedIn, json: Record<string, unknown>) => {
    const detail = (await request<TicketDetail>(t.baseUrl, 'GET', `/api/v1/tickets/${id}`, { headers: who.headers })).body;
    const response = await request<TicketDetail>(t.baseUrl, 'POST', `/api/v1/tickets/${id}/actions`, { json: { ...json, version: detail.version }, headers: who.headers });
    expect(response.status).toBe(200);
    return response.body;
  };

  it('builds every day on the first request, and answers like the per-ticket aggregate', async () => {
    const state = await db.getRepository(StatsRollupState).findOneByOrFail({ id: 'daily' });
    expect(state.watermark).toBeNull();
    await expectSameAnswers(FROM, TO);
    expect((await db.getRepository(StatsRollupState).findOneByOrFail({ id: 'daily' })).watermark).toBeInstanceOf(Date);
    const days = await db.getRepository(StatsDaily).createQueryBuilder('r').select('DISTINCT r.day', 'day').getRawMany<{ day: string }>();
    expect(days.length).toBe(12);
    // A range with nothing in it.
    await expectSameAnswers('2024-01-01', '2024-01-03');
  });

  it('follows creates, sign-for, 办结, ratings, 重办, transfers, recategorisation and merges at once', async () => {
    const rate = (reportId: string, json: Record<string, unknown>) =>
      request(t.baseUrl, 'POST', `/api/v1/reports/${reportId}/rating`, { json, headers: resident.headers });
    const created = [];
    for (let i = 0; i < 4; i += 1) {
      const report = await submitReport(t.baseUrl, resident, reportBody({ description: `第${i}处井盖缺失，晚上很危险，请尽快处理` }));
      expect(report.body.ticket?.status).toBe('dispatched');
      created.push({ id: report.body.ticket?.id ?? '', reportId: report.body.id, ticketNo: report.body.ticket?.ticketNo ?? '' });
    }
    await expectSameAnswers(today(), today());

    const [a, b, c, d] = created;
    await act(a.id, staff, { action: 'accept' });
    await act(a.id, staff, { action: 'resolve', note: '已修复' });
    expect((await rate(a.reportId, { score: 2, reopen: true, comment: '没修好' })).status).toBe(200);
    await act(b.id, staff, { action: 'accept' });
    await act(b.id, staff, { action: 'resolve', note: '已修复' });
    expect((await rate(b.reportId, { score: 5 })).status).toBe(200);
    await expectSameAnswers(today(), today());

    await act(c.id, admin, { action: 'transfer', departmentCode: STREETLIGHT.departmentCode, note: '应由路灯管理处理' });
    await act(c.id, admin, { action: 'reclassify', categoryCode: STREETLIGHT.code });
    await act(d.id, staff, { action: 'merge', targetTicketNo: a.ticketNo, note: '同一处井盖' });
    expect((await db.getRepository(Ticket).findOneByOrFail({ id: d.id })).status).toBe('merged');
    await expectSameAnswers(today(), today());
  });

  it('follows changes to past days (one day rebuilt, rows of keys that left the day removed)', async () => {
    const repository = db.getRepository(Ticket);
    const [first, second, third] = fixtureIds;
    const departments: Array<{ id: string }> = await db.query('SELECT id FROM departments ORDER BY code DESC LIMIT 1');
    // The way the ticket repository writes: a conditional update that stamps updatedAt.
    await repository.update({ id: first }, { departmentId: departments[0].id, status: 'closed', ratingCount: 2, ratingSum: 9, satisfiedCount: 2, updatedAt: new Date() });
    await repository.update({ id: second }, { regionCode: null, categoryId: null, resolveMinutes: 12_345, resolvedOnTime: false, updatedAt: new Date() });
    // Stamped four minutes ago, committed only now (a slow transaction): inside the overlap, still seen.
    await repository.update({ id: third }, { status: 'merged', updatedAt: new Date(Date.now() - 4 * 60_000) });
    await expectSameAnswers(FROM, TO);
    const fixtureRange = ['2025-04-30', '2025-05-11'] as const;
    await expectSameAnswers(...fixtureRange);
    // No row without tickets behind it.
    const rows = await db.getRepository(StatsDaily).find({ where: { dimension: 'department' } });
    expect(rows.every((row) => row.pendingTriage + row.dispatched + row.inProgress + row.resolved + row.closed + row.rejected + row.merged > 0)).toBe(true);
  });

  it('is idempotent and safe when refreshes run at once; a rebuilt-from-scratch state gives the same rows', async () => {
    const snapshot = async () =>
      (await db.getRepository(StatsDaily).find({ order: { dimension: 'ASC', day: 'ASC', key: 'ASC' } })).map((row) => ({ ...row }));
    const before = await snapshot();
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => get(`?from=${FROM}&to=${TO}&groupBy=${STATS_GROUPS[i % STATS_GROUPS.length]}`)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    expect(await snapshot()).toEqual(before);
    // Start over: the backfill builds exactly the rows the incremental refreshes kept.
    await db.getRepository(StatsRollupState).update({ id: 'daily' }, { watermark: null, backfillStartedAt: null, backfillDay: null, backfillLastDay: null });
    await db.getRepository(StatsDaily).clear();
    await expectSameAnswers(FROM, TO);
    expect(await snapshot()).toEqual(before);
  });

  it('reads nothing from tickets it does not need: days unchanged since the watermark are not rebuilt', async () => {
    await get(`?from=${FROM}&to=${TO}&groupBy=day`);
    // Tamper with a rollup row of a past day no ticket changed on: a refresh leaves it, so it was not rebuilt.
    const row = await db.getRepository(StatsDaily).findOneByOrFail({ dimension: 'all', day: '2025-05-05', key: '' });
    await db.getRepository(StatsDaily).update({ dimension: 'all', day: '2025-05-05', key: '' }, { supporters: row.supporters + 1000 });
    const response = await get('?from=2025-05-05&to=2025-05-05&groupBy=day');
    expect(response.body.totals.supportersPerTicket).toBeCloseTo((row.supporters + 1000) / row.tickets, 9);
    // Once a ticket of that day changes, the day is rebuilt from its tickets.
    const [ticket] = await db.query(
      db.options.type === 'better-sqlite3'
        ? "SELECT id FROM tickets WHERE strftime('%Y-%m-%d', createdAt, '+8 hours') = '2025-05-05' LIMIT 1"
        : "SELECT id FROM tickets WHERE DATE(createdAt + INTERVAL 8 HOUR) = '2025-05-05' LIMIT 1",
    );
    await db.getRepository(Ticket).update({ id: ticket.id }, { updatedAt: new Date() });
    await expectSameAnswers('2025-05-05', '2025-05-05');
  });

  it('rebuilds a day once per change: a refresh inside the overlap margin skips a change it already rebuilt', async () => {
    const day = '2025-05-07';
    const [ticket] = await db.query(
      db.options.type === 'better-sqlite3'
        ? "SELECT id FROM tickets WHERE strftime('%Y-%m-%d', createdAt, '+8 hours') = '2025-05-07' LIMIT 1"
        : "SELECT id FROM tickets WHERE DATE(createdAt + INTERVAL 8 HOUR) = '2025-05-07' LIMIT 1",
    );
    const tickets = db.getRepository(Ticket);
    await tickets.update({ id: ticket.id }, { updatedAt: new Date() });
    await expectSameAnswers(day, day);
    // The change is still inside the margin, but this instance rebuilt its day after seeing it: a tampered
    // rollup row of that day survives the next refresh.
    const rollups = db.getRepository(StatsDaily);
    const row = await rollups.findOneByOrFail({ dimension: 'all', day, key: '' });
    await rollups.update({ dimension: 'all', day, key: '' }, { supporters: row.supporters + 1000 });
    const response = await get(`?from=${day}&to=${day}&groupBy=day`);
    expect(response.body.totals.supportersPerTicket).toBeCloseTo((row.supporters + 1000) / row.tickets, 9);
    // Another change of the same ticket is new: the day is rebuilt from its tickets again.
    await tickets.increment({ id: ticket.id }, 'version', 1);
    await tickets.update({ id: ticket.id }, { updatedAt: new Date() });
    await expectSameAnswers(day, day);
  });

  it('two instances refreshing at once, during a rebuild and while tickets change, end with the right rows', async () => {
    const snapshot = async () =>
      (await db.getRepository(StatsDaily).find({ order: { dimension: 'ASC', day: 'ASC', key: 'ASC' } })).map((row) => ({ ...row }));
    const ours = t.app.get(StatsRollupService);
    // SQLite runs one process (SERVER_PROCESSES > 1 needs MySQL): the second instance is MySQL's only.
    const other = t.database.engine === 'mysql' ? new DataSource(await buildDataSourceOptions(t.config.database, ALL_ENTITIES)) : null;
    const theirs = other ? new StatsRollupService(new StatsRollupRepository(await other.initialize())) : ours;
    try {
      await db.getRepository(StatsRollupState).update({ id: 'daily' }, { watermark: null, backfillStartedAt: null, backfillDay: null, backfillLastDay: null });
      await db.getRepository(StatsDaily).clear();
      const repository = db.getRepository(Ticket);
      const changes = fixtureIds.slice(20, 30).map((id, i) => repository.update({ id }, { supporterCount: 10 + i, updatedAt: new Date() }));
      const refreshes = [ours.refresh(), theirs.refresh(), ours.refresh(), theirs.refresh()];
      await Promise.all([...changes, ...refreshes]);
      await Promise.all([ours.refresh(), theirs.refresh()]);
      await expectSameAnswers('2025-04-30', '2025-05-11');
      const rows = await snapshot();
      await db.getRepository(StatsRollupState).update({ id: 'daily' }, { watermark: null });
      await db.getRepository(StatsDaily).clear();
      await ours.refresh();
      expect(await snapshot()).toEqual(rows);
    } finally {
      await other?.destroy();
    }
  });

  it('are built and kept warm by the periodic job, with no statistics request', async () => {
    const other = await startTestApp({ STATS_ROLLUP_SECONDS: '1' });
    try {
      const otherDb = other.app.get(DataSource);
      const report = await submitReport(other.baseUrl, await loginAs(other.baseUrl, 'resident', { openid: 'rollup-job' }), reportBody());
      expect(report.status).toBe(201);
      const rowsOfToday = () => otherDb.getRepository(StatsDaily).countBy({ dimension: 'all', day: today() });
      for (let waited = 0; (await rowsOfToday()) === 0 && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await rowsOfToday()).toBe(1);
      expect((await otherDb.getRepository(StatsRollupState).findOneByOrFail({ id: 'daily' })).watermark).toBeInstanceOf(Date);
    } finally {
      await other.close();
    }
  });
});
