import { MAX_PAGE_SIZE, Open311QueryError, parseW3cDateTime, resolveRequestsQuery, splitFormat, w3cDateTime } from '../open311-query.util';

const NOW = new Date('2026-12-01T10:00:00Z');
const DAY = 86_400_000;

describe('parseW3cDateTime', () => {
  it('reads W3C date-times with Z or an offset, and a bare date as midnight in the city', () => {
    expect(parseW3cDateTime('2010-01-01T00:00:00Z')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3cDateTime('1994-11-05T08:15:30-05:00')?.toISOString()).toBe('1994-11-05T13:15:30.000Z');
    expect(parseW3cDateTime('2026-12-01T18:30+08:00')?.toISOString()).toBe('2026-12-01T10:30:00.000Z');
    expect(parseW3cDateTime('2026-12-01T18:30:00.25+08:00')?.toISOString()).toBe('2026-12-01T10:30:00.250Z');
    expect(parseW3cDateTime('2026-12-01')?.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('refuses times without a zone, impossible dates and other formats', () => {
    for (const text of ['2026-12-01T10:00:00', '2026-02-30T00:00:00Z', '2026-13-01', '2026-01-01T24:00:00Z', '2026-01-01T00:00:00+15:00', 'yesterday', '1700000000', '']) {
      expect(parseW3cDateTime(text)).toBeNull();
    }
  });
});

describe('w3cDateTime', () => {
  it('writes the city’s zone with whole seconds', () => {
    expect(w3cDateTime(new Date('2026-12-01T10:30:15.999Z'))).toBe('2026-12-01T18:30:15+08:00');
    expect(w3cDateTime(new Date('2026-12-01T10:30:15Z'), 0)).toBe('2026-12-01T10:30:15+00:00');
    expect(w3cDateTime(new Date('2026-12-01T10:30:15Z'), -300)).toBe('2026-12-01T05:30:15-05:00');
  });
});

describe('resolveRequestsQuery', () => {
  const search = (query: Record<string, string>) => {
    const resolved = resolveRequestsQuery(query, NOW);
    if (resolved.kind !== 'search') throw new Error('expected a search');
    return resolved;
  };

  it('defaults to the most recent 90 days and the first 1000 requests', () => {
    expect(search({})).toEqual({ kind: 'search', serviceCodes: null, statuses: null, from: new Date(NOW.getTime() - 90 * DAY), to: NOW, page: 1, pageSize: MAX_PAGE_SIZE });
  });

  it('takes 90 days after start_date or before end_date, and refuses a longer or inverted range', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    expect(search({ start_date: '2026-01-01T00:00:00Z' })).toMatchObject({ from: start, to: new Date(start.getTime() + 90 * DAY) });
    expect(search({ end_date: '2026-01-01T00:00:00Z' })).toMatchObject({ from: new Date(start.getTime() - 90 * DAY), to: start });
    expect(search({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-03-31T00:00:00Z' })).toMatchObject({ from: start });
    expect(() => search({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-02T00:00:00Z' })).toThrow(Open311QueryError);
    expect(() => search({ start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' })).toThrow('end_date');
  });

  it('reads comma lists of codes and statuses; both statuses mean no filter', () => {
    expect(search({ service_code: 'GY-01,GY-02,,GY-01', status: 'OPEN' })).toMatchObject({ serviceCodes: ['GY-01', 'GY-02'], statuses: ['open'] });
    expect(search({ status: 'open,closed' }).statuses).toBeNull();
    expect(resolveRequestsQuery({ service_code: ['GY-01', 'GY-02,GY-03'], status: ['closed'] }, NOW)).toMatchObject({ serviceCodes: ['GY-01', 'GY-02', 'GY-03'], statuses: ['closed'] });
    expect(() => resolveRequestsQuery({ start_date: ['2026-01-01', '2026-02-01'] }, NOW)).toThrow('start_date');
    expect(() => resolveRequestsQuery({ page_size: ['1', '2'] }, NOW)).toThrow('page_size');
    expect(search({ service_code: '', status: '' })).toMatchObject({ serviceCodes: null, statuses: null });
    expect(() => search({ status: 'pending' })).toThrow('status');
    expect(() => search({ service_code: "GY-01' OR 1=1" })).toThrow('service_code');
  });

  it('pages within limits', () => {
    expect(search({ page: '3', page_size: '50' })).toMatchObject({ page: 3, pageSize: 50 });
    expect(search({ page: '100', page_size: '1000' })).toMatchObject({ page: 100, pageSize: 1000 });
    expect(() => search({ page: '101', page_size: '1000' })).toThrow('缩小');
    const bad: Array<Record<string, string>> = [{ page: '0' }, { page: '-1' }, { page: '1.5' }, { page_size: '1001' }, { page_size: 'ten' }, { page: '99999999' }];
    for (const query of bad) {
      expect(() => search(query)).toThrow(Open311QueryError);
    }
  });

  it('lets service_request_id override every other argument', () => {
    expect(resolveRequestsQuery({ service_request_id: 'GD2026120100001, GD2026120100002', status: 'bogus', page_size: '0' }, NOW)).toEqual({
      kind: 'ids',
      ticketNos: ['GD2026120100001', 'GD2026120100002'],
    });
    expect(() => resolveRequestsQuery({ service_request_id: 'GD1;DROP' }, NOW)).toThrow('service_request_id');
    expect(() => resolveRequestsQuery({ service_request_id: Array.from({ length: 101 }, (_, i) => `GD20261201${String(i).padStart(5, '0')}`).join(',') }, NOW)).toThrow('100');
  });
});

describe('splitFormat', () => {
  it('splits at the last dot and knows only json and xml', () => {
    expect(splitFormat('GD2026120100001.json')).toEqual({ name: 'GD2026120100001', format: 'json' });
    expect(splitFormat('a.b.XML')).toEqual({ name: 'a.b', format: 'xml' });
    expect(splitFormat('GY-02')).toBeNull();
    expect(splitFormat('.json')).toBeNull();
    expect(splitFormat('GY-02.html')).toBeNull();
  });
});
