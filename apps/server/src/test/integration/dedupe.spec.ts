import { DataSource } from 'typeorm';
import { encodeGeohash, geohashesCoveringRadius, haversineMetres } from '@ssp/geo';
import { DedupeModule } from '../../modules/dedupe/dedupe.module';
import { DedupeRepository } from '../../modules/dedupe/dedupe.repository';
import { DedupeService, type DuplicateQuery } from '../../modules/dedupe/dedupe.service';
import { OpenTicketIndexService } from '../../modules/dedupe/open-ticket-index.service';
import type { ComparablePhoto } from '../../modules/dedupe/photo-evidence.util';
import { Ticket } from '../../modules/tickets/entities/ticket.entity';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { sceneJpeg } from '../helpers/images';
import { MANHOLE, STREETLIGHT, XINJIEKOU, reportBody, submitReport } from '../helpers/reporting';
import { startTestApp, type TestApp } from '../helpers/test-app';

const DAY_MS = 86_400_000;

/** A point `metres` north of 新街口 (GCJ-02, like the stored tickets). */
const northOfXinjiekou = (metres: number) => ({ lat: XINJIEKOU.lat + metres / 111_195, lng: XINJIEKOU.lng });

/** Uploads a photo of scene `layout` and returns its id with the perceptual hash and fingerprint the server stored. */
async function uploadScene(t: TestApp, db: DataSource, who: LoggedIn, layout: 'a' | 'b'): Promise<{ id: string; photo: ComparablePhoto }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await sceneJpeg(1200, 900, layout))], { type: 'image/jpeg' }), 'scene.jpg');
  const response = await fetch(`${t.baseUrl}/api/v1/photos`, { method: 'POST', headers: who.headers, body: form });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  const [row] = await db.query('SELECT phash, fingerprint FROM photos WHERE id = ?', [id]);
  return { id, photo: { phash: row.phash, fingerprint: row.fingerprint } };
}

describe('duplicate detection (附议)', () => {
  let t: TestApp;
  let db: DataSource;
  let dedupe: DedupeService;
  let resident: LoggedIn;
  let ticketId: string;
  let firstPhoto: ComparablePhoto;
  let categoryIdOf: (code: string) => Promise<string>;
  let reportedAt: Date;

  /** A second resident's report of the same manhole: 20 m away, reworded, the same photo, an hour later. */
  const secondReport = async (fields: Partial<DuplicateQuery> = {}): Promise<DuplicateQuery> => ({
    ...northOfXinjiekou(20),
    categoryId: await categoryIdOf(MANHOLE.code),
    photos: [firstPhoto],
    description: '地铁2号出口边上的井盖没了，太危险了！',
    now: new Date(reportedAt.getTime() + 3600_000),
    ...fields,
  });

  beforeAll(async () => {
    t = await startTestApp({}, [DedupeModule]);
    db = t.app.get(DataSource);
    dedupe = t.app.get(DedupeService);
    categoryIdOf = async (code) => (await db.query('SELECT id FROM categories WHERE code = ?', [code]))[0].id;
    resident = await loginAs(t.baseUrl, 'resident', { openid: 'dedupe-first-reporter' });
    const photo = await uploadScene(t, db, resident, 'a');
    firstPhoto = photo.photo;
    reportedAt = new Date();
    const created = await submitReport(t.baseUrl, resident, reportBody({ photoIds: [photo.id] }));
    if (!created.body.ticket) throw new Error(`no ticket: ${created.text}`);
    ticketId = created.body.ticket.id;
    // A ticket of an unrelated category at the very same spot must never be the answer.
    await submitReport(t.baseUrl, resident, reportBody({ categoryCode: 'SR-01', description: '路边一堆垃圾' }));
  });
  afterAll(() => t.close());

  it('finds the first report’s ticket for a second report 20 m away with similar text and the same photo', async () => {
    const match = await dedupe.findDuplicate(await secondReport());
    expect(match).toMatchObject({ ticketId, parts: { photo: 1, category: 1 } });
    expect(match?.parts.distance).toBeGreaterThan(0.5);
  });

  it('finds it from a neighbouring 小类 of the same 大类 too (路灯 and 井盖 are both 公用设施)', async () => {
    const match = await dedupe.findDuplicate(await secondReport({ categoryId: await categoryIdOf(STREETLIGHT.code) }));
    expect(match).toMatchObject({ ticketId, parts: { category: 0.5 } });
  });

  it('does not find it 200 m away', async () => {
    expect(await dedupe.findDuplicate(await secondReport(northOfXinjiekou(200)))).toBeNull();
  });

  it('does not find it after the window of DEDUPE_WINDOW_DAYS (7) days', async () => {
    expect(await dedupe.findDuplicate(await secondReport({ now: new Date(reportedAt.getTime() + 8 * DAY_MS) }))).toBeNull();
    expect(await dedupe.findDuplicate(await secondReport({ now: new Date(reportedAt.getTime() + 6 * DAY_MS) }))).toMatchObject({ ticketId });
  });

  it('does not find it from an unrelated category', async () => {
    expect(await dedupe.findDuplicate(await secondReport({ categoryId: await categoryIdOf('SR-01') }))).toBeNull();
  });

  it('does not find a different problem at the same spot (another photo, other words)', async () => {
    const other = await uploadScene(t, db, resident, 'b');
    expect(await dedupe.findDuplicate(await secondReport({ photos: [other.photo], description: '井盖边上的路面裂开了' }))).toBeNull();
  });

  it('merges a report without a photo on its words: the same 小类 8 m away, the same fault in other words', async () => {
    const reworded = await secondReport({ ...northOfXinjiekou(8), photos: [], description: '地铁站2号口那个窨井盖不见了，晚上走路容易掉下去，麻烦尽快处理' });
    const match = await dedupe.findDuplicate(reworded);
    expect(match).toMatchObject({ ticketId, parts: { photo: null, category: 1 } });
    expect(match?.parts.text).toBeGreaterThan(0.5);
    // The words are what merges it: the same report about another fault at the same place stays a new ticket.
    expect(await dedupe.findDuplicate({ ...reworded, description: '地铁站2号口那边的路面裂开了一条缝' })).toBeNull();
  });

  it('does not merge a different problem across the street without a photo (井盖松动, not 缺失, 35 m away)', async () => {
    const across = await secondReport({ ...northOfXinjiekou(35), photos: [], description: '马路对面人行道上的井盖松动了，一踩就哐当响' });
    expect(await dedupe.findDuplicate(across)).toBeNull();
  });

  it('finds it while pending triage or in progress, not once it is closed', async () => {
    for (const status of ['pending_triage', 'in_progress'] as const) {
      await db.getRepository(Ticket).update({ id: ticketId }, { status });
      expect(await dedupe.findDuplicate(await secondReport())).toMatchObject({ ticketId });
    }
    await db.getRepository(Ticket).update({ id: ticketId }, { status: 'closed', closedAt: new Date() });
    expect(await dedupe.findDuplicate(await secondReport())).toBeNull();
  });

  it('gives the nearest 50 open tickets of a crowded corner, with fewer or more rows than it reads unsorted', async () => {
    const repository = t.app.get(DedupeRepository, { strict: false });
    const corner = { lat: 32.0605, lng: 118.7962 };
    const cells = geohashesCoveringRadius(corner.lat, corner.lng, 60);
    const dLat = 61 / 111_195;
    const dLng = 61 / (111_195 * Math.cos((corner.lat * Math.PI) / 180));
    const query = {
      cells,
      box: { minLat: corner.lat - dLat, maxLat: corner.lat + dLat, minLng: corner.lng - dLng, maxLng: corner.lng + dLng },
      centre: corner,
      createdSince: new Date(Date.now() - 7 * DAY_MS),
      categoryIds: null,
      limit: 50,
    };
    const inserted: Array<{ id: string; metres: number }> = [];
    const addTickets = async (count: number) => {
      const rows = Array.from({ length: count }, (_, i) => {
        // Distinct distances 1–55 m in every direction, in no particular order.
        const metres = 1 + ((inserted.length + i) * 37) % 54 + (inserted.length + i) / 1000;
        const angle = (inserted.length + i) * 2.399;
        const lat = corner.lat + (metres * Math.cos(angle)) / 111_195;
        const lng = corner.lng + (metres * Math.sin(angle)) / (111_195 * Math.cos((corner.lat * Math.PI) / 180));
        return db.getRepository(Ticket).create({
          ticketNo: `GDNEAR${String(inserted.length + i).padStart(5, '0')}`,
          status: 'pending_triage',
          description: '拥挤路口的问题',
          lat,
          lng,
          geohash: encodeGeohash(lat, lng, 9),
          createdAt: new Date(),
        });
      });
      await db.getRepository(Ticket).insert(rows);
      rows.forEach((row) => inserted.push({ id: row.id, metres: haversineMetres(corner, row) }));
    };
    const nearest50 = () => [...inserted].sort((a, b) => a.metres - b.metres).slice(0, 50).map((row) => row.id);

    await addTickets(120);
    expect((await repository.openTicketsNear(query)).map((row) => row.id)).toEqual(nearest50());
    await addTickets(200);
    const crowded = await repository.openTicketsNear(query);
    expect(crowded.map((row) => row.id)).toEqual(nearest50());
    expect(crowded[0]).toEqual({
      id: crowded[0].id,
      categoryId: null,
      lat: expect.any(Number),
      lng: expect.any(Number),
      description: '拥挤路口的问题',
      createdAt: expect.any(Date),
    });
  });
  it('proposes from memory what the database query finds, once it has read the changes of other processes', async () => {
    const repository = t.app.get(DedupeRepository, { strict: false });
    const index = t.app.get(OpenTicketIndexService, { strict: false });
    await index.refreshNow();
    const corner = { lat: 32.0705, lng: 118.7862 };
    const dLat = 66 / 111_195;
    const dLng = 66 / (111_195 * Math.cos((corner.lat * Math.PI) / 180));
    const query = {
      cells: geohashesCoveringRadius(corner.lat, corner.lng, 65),
      box: { minLat: corner.lat - dLat, maxLat: corner.lat + dLat, minLng: corner.lng - dLng, maxLng: corner.lng + dLng },
      centre: corner,
      createdSince: new Date(Date.now() - 7 * DAY_MS),
      categoryIds: null,
      limit: 50,
    };
    // Written by "another process": straight into the table, not through this process's intake.
    const rows = Array.from({ length: 30 }, (_, i) => {
      // A grid, nudged so that no two tickets are equally far (ties have no defined order in SQL).
      const lat = corner.lat + ((i % 6) * 10 - 25 + i * 0.037) / 111_195;
      const lng = corner.lng + ((Math.floor(i / 6) * 10 - 20) / 111_195) / Math.cos((corner.lat * Math.PI) / 180);
      return db.getRepository(Ticket).create({
        ticketNo: `GDIDX${String(i).padStart(5, '0')}`,
        status: i % 5 === 0 ? 'closed' : 'dispatched',
        description: '索引测试的问题',
        lat,
        lng,
        geohash: encodeGeohash(lat, lng, 9),
        createdAt: new Date(Date.now() - ((i % 10) + 0.5) * DAY_MS),
      });
    });
    await db.getRepository(Ticket).insert(rows);
    const fromDatabase = (await repository.openTicketsNear(query)).map((row) => row.id);
    expect(fromDatabase.length).toBeGreaterThan(10);
    expect(index.candidates(query)).toEqual([]);

    await index.refreshNow();
    expect(index.candidates(query)).toEqual(fromDatabase);

    // Closed elsewhere: gone from the index after the next refresh (and never confirmed before it).
    const closing = fromDatabase.slice(0, 3);
    await db.getRepository(Ticket).update(closing, { status: 'closed', closedAt: new Date(), updatedAt: new Date() });
    expect(await repository.openTicketsByIds(closing, query)).toEqual([]);
    await index.refreshNow();
    expect(index.candidates(query)).toEqual(fromDatabase.slice(3));
  });
});

describe('the candidate index on a fresh start', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('loads when first asked, so tickets written before that with an old updatedAt (seeded history) are found', async () => {
    t = await startTestApp({}, [DedupeModule]);
    const db = t.app.get(DataSource);
    const index = t.app.get(OpenTicketIndexService, { strict: false });
    const spot = { lat: 32.0805, lng: 118.7662 };
    const threeDaysAgo = new Date(Date.now() - 3 * DAY_MS);
    // As the demo history seeder writes them: after the app started, stamped with their own past.
    const seeded = db.getRepository(Ticket).create({
      ticketNo: 'GDSEEDED00001',
      status: 'dispatched',
      description: '历史工单',
      ...spot,
      geohash: encodeGeohash(spot.lat, spot.lng, 9),
      createdAt: threeDaysAgo,
      updatedAt: threeDaysAgo,
    });
    await db.getRepository(Ticket).insert(seeded);
    const query = {
      cells: geohashesCoveringRadius(spot.lat, spot.lng, 65),
      box: { minLat: spot.lat - 0.001, maxLat: spot.lat + 0.001, minLng: spot.lng - 0.001, maxLng: spot.lng + 0.001 },
      centre: spot,
      createdSince: new Date(Date.now() - 7 * DAY_MS),
      categoryIds: null,
      limit: 50,
    };
    // The first lookup goes to the database and starts the load; once loaded, the index knows the ticket.
    expect(index.candidates(query)).toBeNull();
    await index.refreshNow();
    expect(index.candidates(query)).toEqual([seeded.id]);
  });
});
