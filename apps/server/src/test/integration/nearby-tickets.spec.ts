import type { ErrorBody, NearbyTicketsResponse, PublicTicketView, TicketStatus } from '@ssp/contracts';
import { haversineMetres } from '@ssp/geo';
import { DataSource } from 'typeorm';
import { Ticket } from '../../modules/tickets/entities/ticket.entity';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { MANHOLE, STREETLIGHT, reportBody, submitReport } from '../helpers/reporting';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

/** The query point: 新街口, GCJ-02. */
const CENTRE = { lat: 32.0416, lng: 118.7784 };
const METRES_PER_DEGREE_LAT = 111_195;

/** A point `north` and `east` metres from the centre (GCJ-02, as the tickets store it). */
function offset(north: number, east: number): { lat: number; lng: number; coordSystem: 'gcj02' } {
  const lat = CENTRE.lat + north / METRES_PER_DEGREE_LAT;
  const lng = CENTRE.lng + east / (METRES_PER_DEGREE_LAT * Math.cos((CENTRE.lat * Math.PI) / 180));
  return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)), coordSystem: 'gcj02' };
}

const PUBLIC_KEYS = [
  'category',
  'createdAt',
  'description',
  'distance',
  'id',
  'location',
  'regionCode',
  'regionName',
  'status',
  'statusLabel',
  'supporterCount',
  'ticketNo',
].sort();

describe('GET /api/v1/tickets/nearby', () => {
  let t: TestApp;
  let db: DataSource;
  let resident: LoggedIn;
  const ids: Record<string, string> = {};

  const nearby = (query: string) => request<NearbyTicketsResponse & ErrorBody>(t.baseUrl, 'GET', `/api/v1/tickets/nearby?${query}`);
  const at = (lat: number, lng: number, extra = '') => nearby(`lat=${lat}&lng=${lng}&coordSystem=gcj02${extra}`);

  /** One ticket through the real intake, then put into `status` (test set-up writes through the entity). */
  async function ticketAt(
    name: string,
    point: ReturnType<typeof offset>,
    description: string,
    status: TicketStatus,
    fields: Partial<Ticket> = {},
    categoryCode: string = MANHOLE.code,
  ): Promise<void> {
    const created = await submitReport(t.baseUrl, resident, reportBody({ location: point, description, categoryCode }));
    const id = created.body.ticket?.id;
    if (!id) throw new Error(`no ticket for ${name}: ${JSON.stringify(created.body)}`);
    await db.getRepository(Ticket).update({ id }, { status, ...fields });
    ids[name] = id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    resident = await loginAs(t.baseUrl, 'resident', { openid: 'nearby-resident' });
    const day = 86_400_000;
    await ticketAt('near', offset(-300, 0), '井盖缺失很危险，有事请联系我13812345678', 'dispatched');
    await ticketAt('working', offset(0, 400), '路灯不亮已经三天了', 'in_progress', {}, STREETLIGHT.code);
    await ticketAt('triage', offset(500, -200), '人行道上的井盖松动，踩上去会响', 'pending_triage');
    await ticketAt('fixedRecently', offset(-600, 300), '井盖破损已经修好了吗', 'resolved', { resolvedAt: new Date(Date.now() - 2 * day) });
    await ticketAt('fixedLongAgo', offset(200, 200), '很久以前的井盖问题', 'closed', { resolvedAt: new Date(Date.now() - 60 * day) });
    await ticketAt('fixedLateOldTicket', offset(-250, 450), '一百天前上报、最近才修好的井盖', 'resolved', {
      createdAt: new Date(Date.now() - 100 * day),
      resolvedAt: new Date(Date.now() - 3 * day),
    });
    await ticketAt('openOldTicket', offset(650, 250), '一百天前上报、至今未处理的井盖', 'in_progress', { createdAt: new Date(Date.now() - 100 * day) });
    await ticketAt('rejected', offset(-150, -350), '不予受理的一条井盖上报', 'rejected');
    await ticketAt('merged', offset(350, 350), '已合并的一条井盖上报', 'merged');
    await ticketAt('twoKm', offset(2000, 0), '两公里外的井盖缺失', 'dispatched');
    await ticketAt('fiveKm', offset(0, -5000), '五公里外的井盖缺失', 'dispatched');
  });
  afterAll(() => t.close());

  const idsOf = (items: PublicTicketView[]) => items.map((item) => item.id).sort();
  const expected = (...names: string[]) => names.map((name) => ids[name]).sort();

  it('answers anonymous callers with the open (any age) and recently resolved problems within 1 km, nearest first', async () => {
    const response = await at(CENTRE.lat, CENTRE.lng);
    expect(response.status).toBe(200);
    expect(response.body.radius).toBe(1000);
    expect(idsOf(response.body.items)).toEqual(expected('near', 'working', 'triage', 'fixedRecently', 'openOldTicket'));
    const distances = response.body.items.map((item) => item.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const fixed = response.body.items.find((item) => item.id === ids.fixedRecently);
    expect(fixed).toMatchObject({ status: 'resolved', statusLabel: '已办结' });
    const working = response.body.items.find((item) => item.id === ids.working);
    expect(working).toMatchObject({ status: 'in_progress', statusLabel: '处理中', category: { code: STREETLIGHT.code } });
  });

  it('widens to the asked radius, and cuts a larger one to 3 km', async () => {
    const wide = await at(CENTRE.lat, CENTRE.lng, '&radius=2500');
    expect(wide.body.radius).toBe(2500);
    expect(idsOf(wide.body.items)).toEqual(expected('near', 'working', 'triage', 'fixedRecently', 'openOldTicket', 'twoKm'));
    const huge = await at(CENTRE.lat, CENTRE.lng, '&radius=20000');
    expect(huge.status).toBe(200);
    expect(huge.body.radius).toBe(3000);
    expect(huge.body.items.map((item) => item.id)).not.toContain(ids.fiveKm);
    const narrow = await at(CENTRE.lat, CENTRE.lng, '&radius=350');
    expect(idsOf(narrow.body.items)).toEqual(expected('near'));
  });

  it('masks the phone number in the description', async () => {
    const response = await at(CENTRE.lat, CENTRE.lng);
    const near = response.body.items.find((item) => item.id === ids.near);
    expect(near?.description).not.toContain('13812345678');
    expect(near?.description).toMatch(/^井盖缺失很危险，有事请联系我/);
    expect(near?.description).toMatch(/\*{4}/);
    expect(response.text).not.toContain('13812345678');
  });

  it('gives only the public fields: no names, phones, openids, photos, departments or exact positions', async () => {
    const response = await at(CENTRE.lat, CENTRE.lng);
    expect(Object.keys(response.body).sort()).toEqual(['items', 'radius']);
    for (const item of response.body.items) {
      expect(Object.keys(item).sort()).toEqual(PUBLIC_KEYS);
      expect(Object.keys(item.location).sort()).toEqual(['lat', 'lng']);
      if (item.category) expect(Object.keys(item.category).sort()).toEqual(['code', 'name']);
    }
    expect(response.text).not.toContain('nearby-resident');
    expect(response.text).not.toContain(resident.userId);
  });

  it('rounds each location to a 0.001° grid and measures the distance to the rounded point', async () => {
    const response = await at(CENTRE.lat, CENTRE.lng);
    const [stored] = await db.query('SELECT lat, lng FROM tickets WHERE id = ?', [ids.near]);
    const near = response.body.items.find((item) => item.id === ids.near);
    if (!near) throw new Error('near ticket missing');
    expect(near.location).toEqual({ lat: Number(Number(stored.lat).toFixed(3)), lng: Number(Number(stored.lng).toFixed(3)) });
    expect(near.location).not.toEqual({ lat: Number(stored.lat), lng: Number(stored.lng) });
    expect(near.distance).toBe(Math.round(haversineMetres(CENTRE, near.location)));
    expect(near.regionName).toBe('秦淮区');
  });

  it('converts a WGS-84 query point before searching', async () => {
    // 新街口 in GPS coordinates (see regions.spec): the same neighbourhood.
    const response = await nearby('lat=32.0436&lng=118.7732&coordSystem=wgs84');
    expect(response.status).toBe(200);
    expect(idsOf(response.body.items)).toEqual(expected('near', 'working', 'triage', 'fixedRecently', 'openOldTicket'));
  });

  it.each([
    ['text for the latitude', 'lat=abc&lng=118.7784'],
    ['an empty latitude', 'lat=&lng=118.7784'],
    ['a missing longitude', 'lat=32.0416'],
    ['NaN', 'lat=NaN&lng=118.7784'],
    ['Infinity', 'lat=32.0416&lng=Infinity'],
    ['latitude 91', 'lat=91&lng=118.7784'],
    ['longitude -181', 'lat=32.0416&lng=-181'],
    ['a radius of 0', 'lat=32.0416&lng=118.7784&radius=0'],
    ['a negative radius', 'lat=32.0416&lng=118.7784&radius=-5'],
    ['a radius of text', 'lat=32.0416&lng=118.7784&radius=far'],
    ['an absurd radius', 'lat=32.0416&lng=118.7784&radius=1e9'],
    ['a repeated latitude', 'lat=32&lat=33&lng=118.7784'],
    ['an unknown coordinate system', 'lat=32.0416&lng=118.7784&coordSystem=bd09'],
    ['an unknown parameter', 'lat=32.0416&lng=118.7784&status=rejected'],
    ['a hostile value', "lat=32.0416'%20OR%201=1--&lng=118.7784"],
  ])('refuses %s with 400 and a Chinese message', async (_label, query) => {
    const response = await nearby(query);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a point outside the city (上海) with 400 and says why', async () => {
    const response = await at(31.2304, 121.4737);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.message).toContain('不在本市服务范围内');
  });

  it('explains the field problems in Chinese', async () => {
    const response = await nearby('lat=32.0416&lng=118.7784&radius=-5');
    expect(JSON.stringify(response.body.error.details)).toContain('半径');
  });
});

describe('GET /api/v1/regions/outlines', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives anonymous callers the 11 districts, simplified, with their bounds', async () => {
    const response = await request<{ bbox: number[]; districts: Array<{ code: string; name: string; rings: number[][][] }> }>(
      t.baseUrl,
      'GET',
      '/api/v1/regions/outlines',
    );
    expect(response.status).toBe(200);
    expect(response.body.districts).toHaveLength(11);
    expect(response.body.districts.map((district) => district.name)).toContain('秦淮区');
    const [minLng, minLat, maxLng, maxLat] = response.body.bbox;
    expect(minLng).toBeGreaterThan(118);
    expect(maxLng).toBeLessThan(119.5);
    expect(minLat).toBeGreaterThan(31);
    expect(maxLat).toBeLessThan(32.8);
    for (const district of response.body.districts) {
      expect(Object.keys(district).sort()).toEqual(['code', 'name', 'rings']);
      expect(district.rings.length).toBeGreaterThan(0);
    }
    // Small enough for a phone on a slow link.
    expect(response.text.length).toBeLessThan(60_000);
    expect(response.headers.get('cache-control')).toContain('max-age');
  });
});
