import { DataSource, QueryFailedError, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { ALL_ENTITIES } from '../../app.entities';
import { loadConfig } from '../../core/config/app-config';
import { buildDataSourceOptions } from '../../core/database/data-source.factory';
import { isUniqueViolation } from '../../core/database/database-error.util';
import { rawInsert } from '../../core/database/raw-insert.util';
import { rawEntityRead, rawExecute, rawQuery } from '../../core/database/raw-statement.util';
import { OutboxMessage } from '../../core/outbox/entities/outbox-message.entity';
import { Category } from '../../modules/categories/entities/category.entity';
import { Department } from '../../modules/departments/entities/department.entity';
import { Photo } from '../../modules/photos/entities/photo.entity';
import { Ticket } from '../../modules/tickets/entities/ticket.entity';
import { User } from '../../modules/users/entities/user.entity';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * rawInsert writes what TypeORM's insert builder writes: the same row for the same entity, values the
 * caller left out taking the columns' defaults, on this engine.
 */
describe('rawInsert (the rows the insert builder writes), rawEntityRead (the entities the query builder reads), rawQuery and rawExecute', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', ...database.env });
    dataSource = new DataSource(await buildDataSourceOptions(config.database, ALL_ENTITIES));
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  async function bothWays<T extends ObjectLiteral>(entity: EntityTarget<T>, make: () => T): Promise<[T, T]> {
    const [built, raw] = [make(), make()];
    await dataSource.transaction(async (manager) => {
      await manager.createQueryBuilder().insert().into(entity).values(built).updateEntity(false).execute();
      await rawInsert(dataSource, entity)(manager, [raw]);
    });
    const read = (row: T) => dataSource.getRepository(entity).findOneByOrFail({ id: row['id'] });
    return [await read(built), await read(raw)];
  }

  const ticketFields = (ticketNo: string): Partial<Ticket> => ({
    ticketNo,
    status: 'dispatched',
    categoryId: null,
    regionCode: '320102',
    departmentId: null,
    priority: 2,
    description: '井盖缺失，"很危险" \\ 请尽快处理',
    lat: 32.041234567,
    lng: 118.784321,
    geohash: 'wtsqq8ey3',
    acceptBy: new Date('2026-12-01T10:00:00.000Z'),
    resolveBy: new Date('2026-12-03T10:00:00.000Z'),
    createdAt: new Date('2026-12-01T08:00:00.123Z'),
  });

  it('a ticket: every column equal, defaults (version, counters, updatedAt) from the database', async () => {
    let n = 0;
    const [built, raw] = await bothWays(Ticket, () => dataSource.getRepository(Ticket).create(ticketFields(`GDRAW${String(n++).padStart(5, '0')}`)));
    const { id: _builtId, ticketNo: _builtNo, updatedAt: builtUpdated, ...builtRest } = built;
    const { id: _rawId, ticketNo: rawNo, updatedAt: rawUpdated, ...rawRest } = raw;
    expect(rawRest).toEqual(builtRest);
    expect(rawNo).toBe('GDRAW00001');
    expect(raw.version).toBe(1);
    expect(raw.supporterCount).toBe(1);
    expect(raw.createdAt.toISOString()).toBe('2026-12-01T08:00:00.123Z');
    expect(Math.abs(rawUpdated.getTime() - builtUpdated.getTime())).toBeLessThan(60_000);
  });

  it('outbox messages: several rows in one call, JSON payloads and nulls kept', async () => {
    const message = (topic: string) =>
      Object.assign(new OutboxMessage(), {
        topic,
        payload: { ticket: { no: 'GD1', text: '路灯不亮 “夜里”' }, list: [1, null, 'x'] },
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: new Date('2026-12-01T08:00:00.000Z'),
        lastError: null,
        lockedBy: null,
        lockedUntil: null,
        createdAt: new Date('2026-12-01T08:00:00.000Z'),
        doneAt: null,
      });
    const rows = Array.from({ length: 205 }, (_, index) => message(`raw.test.${index}`));
    await dataSource.transaction((manager) => rawInsert(dataSource, OutboxMessage)(manager, rows));
    const stored = await dataSource.getRepository(OutboxMessage).find({ where: rows.map((row) => ({ id: row.id })) });
    expect(stored).toHaveLength(205);
    const byId = new Map(stored.map((row) => [row.id, row]));
    for (const row of rows) {
      expect(byId.get(row.id)).toEqual(row);
    }
    const [built, raw] = await bothWays(OutboxMessage, () => message('raw.test.compare'));
    const strip = ({ id: _id, ...rest }: OutboxMessage) => rest;
    expect(strip(raw)).toEqual(strip(built));
  });

  it('a failed insert writes nothing and fails the transaction', async () => {
    const ticket = dataSource.getRepository(Ticket).create(ticketFields('GDRAWDUP'));
    const again = dataSource.getRepository(Ticket).create(ticketFields('GDRAWDUP'));
    await expect(
      dataSource.transaction(async (manager) => {
        await rawInsert(dataSource, Ticket)(manager, [ticket]);
        await rawInsert(dataSource, Ticket)(manager, [again]);
      }),
    ).rejects.toThrow();
    expect(await dataSource.getRepository(Ticket).countBy({ ticketNo: 'GDRAWDUP' })).toBe(0);
  });

  it('rawQuery and rawExecute run inside the caller’s transaction, and outside one on the pool', async () => {
    const ticket = dataSource.getRepository(Ticket).create(ticketFields('GDRAWTX'));
    const byNo = 'SELECT id AS id FROM tickets WHERE ticketNo = ?';
    await expect(
      dataSource.transaction(async (manager) => {
        await rawInsert(dataSource, Ticket)(manager, [ticket]);
        // The transaction's own connection sees its uncommitted row; on MySQL a pool connection does not
        // (SQLite has one connection for everything).
        expect(await rawQuery<{ id: string }>(manager, byNo, ['GDRAWTX'])).toEqual([{ id: ticket.id }]);
        const oneConnection = dataSource.driver.options.type === 'better-sqlite3';
        expect(await rawQuery(dataSource, byNo, ['GDRAWTX'])).toEqual(oneConnection ? [{ id: ticket.id }] : []);
        expect(await rawExecute(manager, 'UPDATE tickets SET priority = ? WHERE ticketNo IN (?, ?)', [3, 'GDRAWTX', 'GDRAWNONE'])).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await rawQuery(dataSource, byNo, ['GDRAWTX'])).toEqual([]);
    expect(await rawExecute(dataSource, 'UPDATE tickets SET priority = ? WHERE ticketNo = ?', [3, 'GDRAWTX'])).toBe(0);
  });

  it('a raw statement’s error is the driver’s, recognisable as a unique violation', async () => {
    const ticket = dataSource.getRepository(Ticket).create(ticketFields('GDRAWUNIQ'));
    await dataSource.transaction((manager) => rawInsert(dataSource, Ticket)(manager, [ticket]));
    const error: unknown = await dataSource
      .transaction((manager) => rawExecute(manager, 'UPDATE tickets SET id = ? WHERE ticketNo = ?', [ticket.id, 'GDRAW00001']))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('refuses SQL expressions as values', async () => {
    const ticket = Object.assign(dataSource.getRepository(Ticket).create(ticketFields('GDRAWEXPR')), { priority: () => '1 + 1' });
    await expect(dataSource.transaction((manager) => rawInsert(dataSource, Ticket)(manager, [ticket as unknown as Ticket]))).rejects.toThrow(/SQL expression/);
  });

  it('rawEntityRead: the entities, joined relations and column subsets the query builder reads, in a transaction too', async () => {
    const category = await dataSource.getRepository(Category).save(
      dataSource.getRepository(Category).create({ code: 'RAW-01', name: '井盖“缺失”', parentId: null, keywords: ['井盖', '😀'], slaPolicyId: null, serviceAttributes: null }),
    );
    const department = await dataSource
      .getRepository(Department)
      .save(dataSource.getRepository(Department).create({ code: 'RAWDEPT', name: '市政', regionCode: null, contact: null, webhookUrl: null, webhookSecret: null }));
    const joined = dataSource.getRepository(Ticket).create({ ...ticketFields('GDRAWREAD1'), categoryId: category.id, departmentId: department.id });
    const bare = dataSource.getRepository(Ticket).create({ ...ticketFields('GDRAWREAD2'), acceptBy: null, resolveBy: null });
    await dataSource.transaction((manager) => rawInsert(dataSource, Ticket)(manager, [joined, bare]));
    const ids = [joined.id, bare.id];

    const built = await dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .leftJoinAndSelect('t.category', 'category')
      .leftJoinAndSelect('t.department', 'department')
      .where('t.id IN (:...ids)', { ids })
      .orderBy('t.ticketNo', 'ASC')
      .getMany();
    const read = rawEntityRead(dataSource, Ticket, ['category', 'department']);
    const raw = await read.find(dataSource, 'WHERE {id} IN (:...ids) ORDER BY {ticketNo} ASC', { ids });
    expect(raw).toEqual(built);
    expect(raw[0]).toBeInstanceOf(Ticket);
    expect(raw[0].category).toBeInstanceOf(Category);
    expect(raw[0].category?.keywords).toEqual(['井盖', '😀']);
    expect(raw[0].resolveBy).toEqual(new Date('2026-12-03T10:00:00.000Z'));
    expect(raw[1].category).toBeNull();
    expect(raw[1].acceptBy).toBeNull();

    // Inside a transaction it reads on the transaction's connection (its uncommitted rows).
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.getRepository(Ticket).update({ id: bare.id }, { description: '改过的描述' });
        const [seen] = await read.find(manager, 'WHERE {ticketNo} = :no', { no: 'GDRAWREAD2' });
        expect(seen.description).toBe('改过的描述');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');

    const owner = await dataSource
      .getRepository(User)
      .save(dataSource.getRepository(User).create({ role: 'resident', username: null, passwordHash: null, openid: 'raw-openid', nickname: '居民', departmentId: null }));
    const photo = dataSource.getRepository(Photo).create({
      ownerId: owner.id,
      storageKey: 'raw/a.jpg',
      thumbKey: 'raw/a-thumb.jpg',
      mime: 'image/jpeg',
      sizeBytes: 1234,
      width: 640,
      height: 480,
      sha256: 'a'.repeat(64),
      phash: '0'.repeat(16),
      fingerprint: null,
      qualityFlags: ['too_dark'],
    });
    await dataSource.getRepository(Photo).insert(photo);
    const select = ['id', 'storageKey', 'qualityFlags', 'createdAt'] as const;
    const [expected] = await dataSource.getRepository(Photo).find({ select: Object.fromEntries(select.map((key) => [key, true])), where: { id: photo.id } });
    const [actual] = await rawEntityRead<Photo>(dataSource, Photo, [], select).find(dataSource, 'WHERE {id} = :id', { id: photo.id });
    expect(actual).toEqual(expected);
    expect(Object.keys(actual).sort()).toEqual([...select].sort());
    expect(actual.qualityFlags).toEqual(['too_dark']);
    expect(() => rawEntityRead(dataSource, Ticket, ['description'])).toThrow(/many-to-one/);
    expect(() => read.ref('nope')).toThrow(/not a column/);
  });
});
