import { DataSource, type DataSourceOptions } from 'typeorm';
import { ALL_ENTITIES } from '../../app.entities';
import { loadConfig } from '../../core/config/app-config';
import { buildDataSourceOptions } from '../../core/database/data-source.factory';
import { newId } from '../../core/database/id.util';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * The StatsFigures migration on a database that already holds tickets: the figures are filled from
 * their events and their reports' ratings. Rows are written with raw SQL in the schema before it.
 */
describe('StatsFigures migration backfill', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const MINUTE = 60_000;
  const t0 = Date.UTC(2026, 10, 2, 1, 0, 0);
  const at = (minutes: number) => new Date(t0 + minutes * MINUTE);

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', ...database.env });
    const options = await buildDataSourceOptions(config.database, ALL_ENTITIES);
    const all = options.migrations as Array<new () => { name?: string }>;
    const before = all.slice(0, all.findIndex((migration) => new migration().name?.startsWith('StatsFigures')));
    // The schema as it was before the migration (undoing it on SQLite would rename tickets under its
    // foreign keys), then the full list on the same database.
    const old = new DataSource({ ...options, migrations: before } as DataSourceOptions);
    await old.initialize();
    await old.runMigrations();
    await old.destroy();
    dataSource = new DataSource(options);
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  async function insert(table: string, row: Record<string, unknown>): Promise<void> {
    const q = (name: string) => dataSource.driver.escape(name);
    const columns = Object.keys(row);
    const sql = `INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES (${columns.map((c) => `:${c}`).join(', ')})`;
    const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, row);
    await dataSource.query(text, values);
  }

  const ticket = (ticketNo: string, fields: Record<string, unknown>) => ({
    id: newId(),
    createdAt: at(0),
    updatedAt: at(0),
    ticketNo,
    status: 'dispatched',
    description: '历史工单',
    lat: 32.04,
    lng: 118.78,
    geohash: 'wtsqqghxs',
    ...fields,
  });
  const event = (ticketId: string, action: string, minutes: number) => ({
    id: newId(),
    createdAt: at(minutes),
    updatedAt: at(minutes),
    ticketId,
    action,
    actorRole: 'staff',
  });

  it('fills sign-for, resolution and rating figures from the events and reports of existing tickets', async () => {
    expect(await dataSource.createQueryRunner().hasColumn('tickets', 'acceptMinutes')).toBe(false);
    const resident = { id: newId(), createdAt: at(0), updatedAt: at(0), role: 'resident', openid: 'backfill', nickname: '' };
    await insert('users', resident);
    // Opened dispatched, signed for after 30 minutes (deadline 60), resolved after 2 days (deadline 1 day), rated 5 and 3.
    const closed = ticket('GDBACK0001', { status: 'closed', acceptBy: at(60), resolveBy: at(1440), resolvedAt: at(2880), closedAt: at(3000) });
    // Triaged, dispatched at 100, signed for at 250 (late, deadline 200), resolved at 500, reopened (resolvedAt cleared), in progress again.
    const reopened = ticket('GDBACK0002', { status: 'in_progress', acceptBy: at(200), resolveBy: at(5000), reopenCount: 1 });
    const untouched = ticket('GDBACK0003', {});
    for (const row of [closed, reopened, untouched]) await insert('tickets', row);
    for (const row of [
      event(closed.id, 'open_dispatched', 0),
      event(closed.id, 'accept', 30),
      event(closed.id, 'resolve', 2880),
      event(reopened.id, 'open_triage', 0),
      event(reopened.id, 'dispatch', 100),
      event(reopened.id, 'accept', 250),
      event(reopened.id, 'resolve', 500),
      event(reopened.id, 'reopen', 600),
    ]) {
      await insert('ticket_events', row);
    }
    const report = (reportNo: string, ticketId: string, rating: number | null) => ({
      id: newId(),
      createdAt: at(0),
      updatedAt: at(0),
      reportNo,
      reporterId: resident.id,
      clientRequestId: reportNo,
      description: '历史上报',
      lat: 32.04,
      lng: 118.78,
      coordSystem: 'gcj02',
      geohash: 'wtsqqghxs',
      outcome: 'accepted',
      reasons: '[]',
      ticketId,
      rating,
    });
    await insert('reports', report('SPBACK0001', closed.id, 5));
    await insert('reports', report('SPBACK0002', closed.id, 3));
    await insert('reports', report('SPBACK0003', reopened.id, null));

    await dataSource.runMigrations();
    const rows: Array<Record<string, unknown>> = await dataSource.query(
      'SELECT ticketNo, acceptMinutes, acceptedOnTime, resolveMinutes, resolvedOnTime, ratingCount, ratingSum, satisfiedCount, dispatchedAt FROM tickets ORDER BY ticketNo',
    );
    const plain = rows.map((row) => ({
      ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null || typeof v === 'string' ? v : Number(v)])),
      dispatchedAt: row.dispatchedAt === null ? null : 'set',
    }));
    expect(plain).toEqual([
      { ticketNo: 'GDBACK0001', acceptMinutes: 30, acceptedOnTime: 1, resolveMinutes: 2880, resolvedOnTime: 0, ratingCount: 2, ratingSum: 8, satisfiedCount: 1, dispatchedAt: null },
      { ticketNo: 'GDBACK0002', acceptMinutes: 150, acceptedOnTime: 0, resolveMinutes: 500, resolvedOnTime: 1, ratingCount: 0, ratingSum: 0, satisfiedCount: 0, dispatchedAt: 'set' },
      { ticketNo: 'GDBACK0003', acceptMinutes: null, acceptedOnTime: null, resolveMinutes: null, resolvedOnTime: null, ratingCount: 0, ratingSum: 0, satisfiedCount: 0, dispatchedAt: null },
    ]);
  });
});
