import type { TicketDetail, TicketListItem, TicketPage, TicketStatus } from '@ssp/contracts';
import { DataSource } from 'typeorm';
import { Ticket } from '../../modules/tickets/entities/ticket.entity';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { MANHOLE, STREETLIGHT } from '../helpers/reporting';
import { request, startTestApp, type HttpResult, type TestApp } from '../helpers/test-app';

/**
 * The ticket list on a fixture whose every row is known, so each filter, the deadline order (NULL
 * deadlines first, ties by id) and the keyset cursor are checked against the answer computed here,
 * and every list item against the ticket's detail (read through the entity), on both engines.
 */
describe('ticket list filters and paging', () => {
  let t: TestApp;
  let db: DataSource;
  let staff: LoggedIn;
  const HOUR = 3600_000;
  // Whole seconds: MySQL DATETIME keeps no fraction.
  const now = Math.floor(Date.now() / 1000) * 1000;

  interface Row {
    id: string;
    ticketNo: string;
    status: TicketStatus;
    categoryCode: string;
    regionCode: string | null;
    description: string;
    resolveBy: Date | null;
    pendingExtension: boolean;
  }
  const mine: Row[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    staff = await loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername });
    const departmentId = async (code: string): Promise<string> =>
      (await db.query('SELECT id FROM departments WHERE code = ?', [code]))[0].id;
    const categoryId = async (code: string): Promise<string> =>
      (await db.query('SELECT id FROM categories WHERE code = ?', [code]))[0].id;
    const [regionA, regionB] = (await db.query('SELECT code FROM regions ORDER BY code LIMIT 2')).map((r: { code: string }) => r.code);
    const own = await departmentId(MANHOLE.departmentCode);
    const other = await departmentId(STREETLIGHT.departmentCode);
    const tie = new Date(now + 5 * HOUR);
    const specs: Array<Omit<Row, 'id' | 'ticketNo'> & { departmentId: string }> = [
      { status: 'dispatched', categoryCode: MANHOLE.code, regionCode: regionA, description: '井盖松动 50% 下沉', resolveBy: null, pendingExtension: false, departmentId: own },
      { status: 'dispatched', categoryCode: STREETLIGHT.code, regionCode: regionB, description: '路灯不亮', resolveBy: null, pendingExtension: false, departmentId: own },
      { status: 'in_progress', categoryCode: MANHOLE.code, regionCode: regionA, description: '井盖缺失 a_b', resolveBy: new Date(now - 2 * HOUR), pendingExtension: true, departmentId: own },
      { status: 'dispatched', categoryCode: MANHOLE.code, regionCode: regionB, description: '井盖破损!', resolveBy: tie, pendingExtension: false, departmentId: own },
      { status: 'dispatched', categoryCode: STREETLIGHT.code, regionCode: regionA, description: '灯杆倾斜 acb 500米', resolveBy: tie, pendingExtension: false, departmentId: own },
      { status: 'dispatched', categoryCode: MANHOLE.code, regionCode: null, description: '井盖异响', resolveBy: tie, pendingExtension: false, departmentId: own },
      { status: 'resolved', categoryCode: MANHOLE.code, regionCode: regionA, description: '已修好的井盖', resolveBy: new Date(now - 9 * HOUR), pendingExtension: false, departmentId: own },
      { status: 'dispatched', categoryCode: MANHOLE.code, regionCode: regionA, description: '别的部门 50%', resolveBy: new Date(now - HOUR), pendingExtension: true, departmentId: other },
    ];
    const repository = db.getRepository(Ticket);
    for (const [i, spec] of specs.entries()) {
      const ticket = repository.create({
        ticketNo: `GDLIST${String(i).padStart(4, '0')}`,
        status: spec.status,
        categoryId: await categoryId(spec.categoryCode),
        regionCode: spec.regionCode,
        departmentId: spec.departmentId,
        description: spec.description,
        lat: 32.04,
        lng: 118.78,
        geohash: 'wtsqqghxs',
        acceptBy: spec.resolveBy && new Date(spec.resolveBy.getTime() - HOUR),
        resolveBy: spec.resolveBy,
        pendingExtensionUntil: spec.pendingExtension ? new Date(now + 48 * HOUR) : null,
      });
      await repository.insert(ticket);
      if (spec.departmentId === own) mine.push({ ...spec, id: ticket.id, ticketNo: ticket.ticketNo });
    }
  });
  afterAll(() => t.close());

  /** Every page of a query, `limit` at a time, following the cursor. */
  async function allPages(query: string, limit: number): Promise<TicketListItem[]> {
    const items: TicketListItem[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const response: HttpResult<TicketPage> = await request<TicketPage>(
        t.baseUrl,
        'GET',
        `/api/v1/tickets?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`,
        { headers: staff.headers },
      );
      expect(response.status).toBe(200);
      items.push(...response.body.items);
      cursor = response.body.nextCursor;
      if (!cursor) return items;
    }
    throw new Error('the cursor never ended');
  }

  /** The expected answer: the staff member's rows that pass, NULL deadlines first, then by deadline and id. */
  const expected = (keep: (row: Row) => boolean) =>
    mine
      .filter(keep)
      .sort((a, b) => {
        if (a.resolveBy === null || b.resolveBy === null) {
          if (a.resolveBy !== b.resolveBy) return a.resolveBy === null ? -1 : 1;
        } else if (a.resolveBy.getTime() !== b.resolveBy.getTime()) {
          return a.resolveBy.getTime() - b.resolveBy.getTime();
        }
        return a.id < b.id ? -1 : 1;
      })
      .map((row) => row.ticketNo);

  const open = (row: Row) => row.status === 'dispatched' || row.status === 'in_progress';
  /** Queries are functions: the fixture (its region codes) exists only once beforeAll has run. */
  const cases: Array<{ name: string; query: () => string; keep: (row: Row) => boolean }> = [
    { name: 'no filter', query: () => '', keep: () => true },
    { name: 'status', query: () => 'status=dispatched', keep: (row) => row.status === 'dispatched' },
    {
      name: 'overdue',
      query: () => 'overdue=true',
      keep: (row) => open(row) && row.resolveBy !== null && row.resolveBy.getTime() < Date.now(),
    },
    { name: 'pending extension', query: () => 'pendingExtension=true', keep: (row) => row.pendingExtension },
    { name: 'a 大类 with its 小类', query: () => 'categoryCode=GY', keep: (row) => row.categoryCode.startsWith('GY-') },
    { name: 'a 小类', query: () => `categoryCode=${MANHOLE.code}`, keep: (row) => row.categoryCode === MANHOLE.code },
    { name: 'region', query: () => `regionCode=${mine[0].regionCode}`, keep: (row) => row.regionCode === mine[0].regionCode },
    { name: 'text with % taken literally', query: () => `q=${encodeURIComponent('50%')}`, keep: (row) => row.description.includes('50%') },
    { name: 'text with _ taken literally', query: () => `q=${encodeURIComponent('a_b')}`, keep: (row) => row.description.includes('a_b') },
    { name: 'text with !', query: () => `q=${encodeURIComponent('破损!')}`, keep: (row) => row.description.includes('破损!') },
    { name: 'ticket number', query: () => 'q=GDLIST0003', keep: (row) => row.ticketNo === 'GDLIST0003' },
    {
      name: 'status and 小类 together',
      query: () => `status=dispatched&categoryCode=${MANHOLE.code}`,
      keep: (row) => row.status === 'dispatched' && row.categoryCode === MANHOLE.code,
    },
  ];

  it.each(cases)('$name: the same tickets in deadline order, on one page and page by page', async ({ query, keep }) => {
    const want = expected(keep);
    expect(want.length).toBeGreaterThan(0);
    expect((await allPages(query(), 100)).map((item) => item.ticketNo)).toEqual(want);
    expect((await allPages(query(), 2)).map((item) => item.ticketNo)).toEqual(want);
  });

  it('answers an empty page for a category that does not exist', async () => {
    expect(await allPages('categoryCode=ZZ-99', 20)).toEqual([]);
  });

  it('shows each ticket in the list exactly as its detail does', async () => {
    const items = await allPages('', 100);
    expect(items).toHaveLength(mine.length);
    for (const item of items) {
      const detail = await request<TicketDetail>(t.baseUrl, 'GET', `/api/v1/tickets/${item.id}`, { headers: staff.headers });
      expect(detail.status).toBe(200);
      const fromDetail = Object.fromEntries(Object.keys(item).map((key) => [key, detail.body[key as keyof TicketDetail]]));
      expect(item).toEqual(fromDetail);
    }
    const nullDeadline = items.find((item) => item.resolveBy === null);
    expect(nullDeadline).toMatchObject({ acceptBy: null, overdue: false, category: { code: MANHOLE.code }, department: { code: MANHOLE.departmentCode } });
    expect(items.find((item) => item.description === '井盖缺失 a_b')).toMatchObject({ overdue: true, pendingExtensionUntil: new Date(now + 48 * HOUR).toISOString() });
  });
});
