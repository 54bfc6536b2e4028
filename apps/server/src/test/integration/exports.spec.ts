import type { ErrorBody, Page, StatsResponse } from '@ssp/contracts';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { newId } from '../../core/database/id.util';
import { Ticket } from '../../modules/tickets/entities/ticket.entity';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { MANHOLE } from '../helpers/reporting';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

/** RFC 4180 reader for what the export writes (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      endField();
    } else if (!quoted && char === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i += 1;
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

function filenameOf(disposition: string | null): string {
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '');
  return match ? decodeURIComponent(match[1]) : '';
}

/**
 * The exports read back the way a user's spreadsheet would (exceljs for XLSX, the CSV with its BOM),
 * compared with the tickets of a known fixture and with the stats endpoint; and a large export shown
 * to stream: rows added after the download started are in it.
 */
describe('admin exports', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: LoggedIn;
  let staff: LoggedIn;
  const FROM = '2025-05-01';
  const TO = '2025-05-31';
  const start = Date.parse(`${FROM}T00:00:00+08:00`);
  const descriptions = [
    '井盖缺失，联系电话13912345678',
    '=HYPERLINK("http://evil.example","点我")',
    '路灯不亮, 有 "逗号" 和\n换行',
    '@SUM(1+1) 车牌苏A12345 挡路',
  ];
  const fixture: Array<{ id: string; ticketNo: string; createdAt: Date }> = [];
  let departmentName: string;

  async function insertTickets(count: number, at: (i: number) => Date, text: (i: number) => string, prefix: string) {
    const departmentId: string = (await db.query('SELECT id FROM departments WHERE code = ?', [MANHOLE.departmentCode]))[0].id;
    const categoryId: string = (await db.query('SELECT id FROM categories WHERE code = ?', [MANHOLE.code]))[0].id;
    const rows: Array<Partial<Ticket>> = [];
    for (let i = 0; i < count; i += 1) {
      const createdAt = at(i);
      rows.push({
        id: newId(createdAt.getTime()),
        ticketNo: `${prefix}${String(i).padStart(6, '0')}`,
        status: i % 3 === 0 ? 'closed' : 'dispatched',
        categoryId,
        departmentId,
        regionCode: '320102',
        description: text(i),
        lat: 32.04,
        lng: 118.78,
        geohash: 'wtsqqghxs',
        createdAt,
        acceptMinutes: i % 3 === 0 ? 12 : null,
        acceptedOnTime: i % 3 === 0 ? true : null,
        resolveMinutes: i % 3 === 0 ? 300 + i : null,
        resolvedOnTime: i % 3 === 0 ? i % 2 === 0 : null,
        ratingCount: i % 3 === 0 ? 1 : 0,
        ratingSum: i % 3 === 0 ? 4 : 0,
        satisfiedCount: i % 3 === 0 ? 1 : 0,
      });
    }
    for (let i = 0; i < rows.length; i += 200) await db.getRepository(Ticket).insert(rows.slice(i, i + 200));
  }

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    [admin, staff] = await Promise.all([loginAs(t.baseUrl, 'admin'), loginAs(t.baseUrl, 'staff', { username: MANHOLE.staffUsername })]);
    departmentName = (await db.query('SELECT name FROM departments WHERE code = ?', [MANHOLE.departmentCode]))[0].name;
    // 1,234 tickets (more than two pages), whole seconds, several in the same second (keyset ties).
    await insertTickets(1234, (i) => new Date(start + Math.floor(i / 3) * 600_000), (i) => descriptions[i % descriptions.length], 'GDEXP');
    // Read back: a multi-row insert may hand generated values back to the wrong objects, the table is the truth.
    const stored = await db.getRepository(Ticket).find({ select: { id: true, ticketNo: true, createdAt: true } });
    fixture.push(...stored.filter((row) => row.ticketNo.startsWith('GDEXP')));
    fixture.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    await insertTickets(2, (i) => new Date(start - 1000 - i * 1000), () => '范围之外', 'GDOUT');
  });
  afterAll(() => t.close());

  const download = (path: string, who: LoggedIn | null = admin) =>
    fetch(`${t.baseUrl}/api/v1/admin/exports/${path}`, { headers: who ? who.headers : {} });

  it('tickets.csv: UTF-8 with BOM, Chinese headers and file name, every ticket of the range, masked and inert', async () => {
    const response = await download(`tickets.csv?from=${FROM}&to=${TO}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(filenameOf(response.headers.get('content-disposition'))).toBe(`工单明细_${FROM}_${TO}.csv`);
    expect(response.headers.get('content-disposition')).toContain(`filename="tickets_${FROM}_${TO}.csv"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
    expect(header.slice(0, 7)).toEqual(['工单编号', '状态', '问题大类', '问题小类', '责任部门', '所在区域', '问题描述（已脱敏）']);
    expect(rows).toHaveLength(fixture.length);
    const column = (name: string) => header.indexOf(name);
    // In creation order; the same-second ties by id, which follows the number here.
    // In creation order, tickets of the same second by id (keyset ties).
    expect(rows.map((row) => row[column('工单编号')])).toEqual(fixture.map((f) => f.ticketNo));
    const byNo = new Map(rows.map((row) => [row[column('工单编号')], row]));
    const first = byNo.get('GDEXP000000')!;
    expect(first[column('问题描述（已脱敏）')]).toBe('井盖缺失，联系电话139****5678');
    expect(first[column('状态')]).toBe('已结案');
    expect(first[column('责任部门')]).toBe(departmentName);
    expect(first[column('创建时间')]).toBe('2025-05-01 00:00:00');
    expect(first[column('按时签收')]).toBe('是');
    expect(first[column('平均评分')]).toBe('4');
    expect(byNo.get('GDEXP000001')![column('问题描述（已脱敏）')]).toBe('\'=HYPERLINK("http://evil.example","点我")');
    expect(byNo.get('GDEXP000002')![column('问题描述（已脱敏）')]).toBe('路灯不亮, 有 "逗号" 和\n换行');
    expect(byNo.get('GDEXP000003')![column('问题描述（已脱敏）')]).toBe("'@SUM(1+1) 车牌苏A***45 挡路");
    expect(byNo.has('GDOUT000000')).toBe(false);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
  });

  it('tickets.xlsx: read back with exceljs, the same tickets as the CSV', async () => {
    const response = await download(`tickets.xlsx?from=${FROM}&to=${TO}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(filenameOf(response.headers.get('content-disposition'))).toBe(`工单明细_${FROM}_${TO}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('工单明细');
    expect(sheet).toBeDefined();
    // exceljs gives a sparse array, 1-based: empty cells are holes.
    const values = (rowNumber: number) => Array.from(sheet!.getRow(rowNumber).values as unknown[]).slice(1);
    expect(values(1).slice(0, 3)).toEqual(['工单编号', '状态', '问题大类']);
    expect(sheet!.actualRowCount).toBe(fixture.length + 1);
    const csv = parseCsv((await (await download(`tickets.csv?from=${FROM}&to=${TO}`)).text()).replace(/^\uFEFF/, ''));
    for (const rowNumber of [2, 3, 4, 5, 700, fixture.length + 1]) {
      const cells = values(rowNumber).map((cell) => (cell === undefined || cell === null ? '' : String(cell)));
      const expected = csv[rowNumber - 1].map((cell) => cell.replace(/^'([=+\-@])/, '$1'));
      expect(cells.concat(Array(expected.length - cells.length).fill(''))).toEqual(expected);
    }
  });

  it('stats.csv and stats.xlsx: the stats endpoint’s rows and a totals line', async () => {
    const json = (await request<StatsResponse>(t.baseUrl, 'GET', `/api/v1/admin/stats?from=${FROM}&to=${TO}&groupBy=week`, { headers: admin.headers })).body;
    const csvResponse = await download(`stats.csv?from=${FROM}&to=${TO}&groupBy=week`);
    expect(filenameOf(csvResponse.headers.get('content-disposition'))).toBe(`工单统计按周_${FROM}_${TO}.csv`);
    const [header, ...rows] = parseCsv((await csvResponse.text()).replace(/^\uFEFF/, ''));
    expect(header.slice(0, 4)).toEqual(['分组', '名称', '工单数', '待分拨']);
    expect(rows.map((row) => row[0])).toEqual([...json.rows.map((row) => row.key), '合计']);
    expect(rows.map((row) => Number(row[2]))).toEqual([...json.rows.map((row) => row.total), json.totals.total]);
    expect(json.totals.total).toBe(fixture.length);
    const rate = header.indexOf('按时办结率');
    expect(Number(rows.at(-1)![rate])).toBeCloseTo(json.totals.resolveOnTimeRate ?? NaN, 4);

    const xlsx = await download(`stats.xlsx?from=${FROM}&to=${TO}&groupBy=department`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('统计按部门');
    expect((sheet.getRow(2).values as unknown[]).slice(1, 4)).toEqual([MANHOLE.departmentCode, departmentName, fixture.length]);
    expect((sheet.getRow(3).values as unknown[])[1]).toBe('合计');
  });

  it('audits who exported which range', async () => {
    expect((await (await download(`tickets.csv?from=${FROM}&to=2025-05-02`)).text()).length).toBeGreaterThan(0);
    const audit = await request<Page<{ actor: { id: string }; action: string; entityId: string; after: Record<string, string> }>>(
      t.baseUrl,
      'GET',
      '/api/v1/admin/audit?entityType=export&limit=100',
      { headers: admin.headers },
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items[0]).toMatchObject({ actor: { id: admin.userId }, action: 'create', entityId: 'tickets.csv', after: { from: FROM, to: '2025-05-02' } });
    expect(audit.body.items.some((item) => item.entityId === 'stats.xlsx' && item.after.groupBy === 'department')).toBe(true);
  });

  it.each(['tickets.csv', 'tickets.xlsx', 'stats.csv', 'stats.xlsx'])('%s refuses bad ranges with a JSON error and no file, and non-admins', async (path) => {
    for (const query of ['?from=2025-05-31&to=2025-05-01', '?from=2024-01-01&to=2025-05-01', '?from=bad', '?to=2025-02-30', '?from=2025-05-01&x=1']) {
      const response = await download(`${path}${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-disposition')).toBeNull();
      expect(((await response.json()) as ErrorBody).error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const [who, status] of [[staff, 403], [null, 401]] as const) {
      const response = await download(path, who);
      expect(response.status).toBe(status);
      expect(((await response.json()) as ErrorBody).error.code).toBe(status === 403 ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
  });

  it('streams a large export: tickets added after the download began are in it', async () => {
    // ~20 MB of CSV, far more than the socket and client buffers hold: the server cannot have read the
    // last page before the client read most of the file, whatever the machine's speed.
    const day = '2025-07-01';
    const dayStart = Date.parse(`${day}T00:00:00+08:00`);
    const long = '路面塌陷积水严重'.repeat(60);
    await insertTickets(12_000, (i) => new Date(dayStart + 1000 + i * 1000), () => long, 'GDBIG');
    const response = await download(`tickets.csv?from=${day}&to=${day}`);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // The download has begun: add a ticket at the end of the range.
    await insertTickets(1, () => new Date(dayStart + 86_399_000), () => '下载开始后新增', 'GDLATE');
    const chunks: Uint8Array[] = [first.value!];
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    const text = Buffer.concat(chunks).toString('utf8');
    const rows = parseCsv(text.replace(/^\uFEFF/, '')).slice(1);
    expect(rows).toHaveLength(12_001);
    expect(rows.at(-1)![0]).toBe('GDLATE000000');
  });
});
