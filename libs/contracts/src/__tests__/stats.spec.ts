import fc from 'fast-check';
import {
  addBucketRow,
  addCountRow,
  addEncodedHistogram,
  addTicketFigures,
  encodeHistogram,
  mergeTally,
  type TicketStatsFigures,
  cityDayOf,
  cityDayStart,
  daysOf,
  durationBucketOf,
  durationBucketWidth,
  emptyStatsTally,
  isoWeekOf,
  metricsOf,
  parseStatsRange,
  percentileOfHistogram,
  weekStartOf,
  type StatsCountRow,
} from '../stats';

function histogramOf(values: number[]): Map<number, number> {
  const histogram = new Map<number, number>();
  for (const value of values) histogram.set(durationBucketOf(value), (histogram.get(durationBucketOf(value)) ?? 0) + 1);
  return histogram;
}

describe('the city calendar (Asia/Shanghai, UTC+8)', () => {
  it('starts a day at 16:00 UTC of the day before', () => {
    expect(cityDayOf(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11-30');
    expect(cityDayOf(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12-01');
    expect(cityDayStart('2026-12-01')?.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('refuses dates that do not exist', () => {
    for (const day of ['2026-02-29', '2026-13-01', '2026-1-01', '20261101', '2026-11-31', '']) expect(cityDayStart(day)).toBeNull();
    expect(cityDayStart('2028-02-29')).not.toBeNull();
  });

  it('names ISO weeks by the year of their Thursday', () => {
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2026-11-30')).toBe('2026-W49');
    expect(weekStartOf('2026-12-06')).toBe('2026-11-30');
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30');
  });

  it('lists every day of a range across month ends', () => {
    expect(daysOf('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});

describe('parseStatsRange', () => {
  const now = new Date('2026-11-30T20:00:00Z'); // 2026-12-01 in the city

  it('defaults to the 30 city days up to today', () => {
    expect(parseStatsRange(undefined, undefined, now)).toMatchObject({ from: '2026-11-02', to: '2026-12-01' });
  });

  it('ends the range at the first instant after its last day', () => {
    const range = parseStatsRange('2026-11-01', '2026-11-30', now);
    if ('error' in range) throw new Error(range.error);
    expect(range.start.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('explains bad dates, reversed and overlong ranges in Chinese', () => {
    expect(parseStatsRange('2026-11-31', '2026-12-01', now)).toEqual({ error: expect.stringContaining('开始日期') });
    expect(parseStatsRange('2026-11-01', 'tomorrow', now)).toEqual({ error: expect.stringContaining('结束日期') });
    expect(parseStatsRange('2026-11-02', '2026-11-01', now)).toEqual({ error: '结束日期不能早于开始日期' });
    expect(parseStatsRange('2025-11-30', '2026-11-30', now)).not.toHaveProperty('error');
    expect(parseStatsRange('2025-11-29', '2026-11-30', now)).toEqual({ error: expect.stringContaining('366') });
  });
});

describe('duration buckets', () => {
  it('tile the minutes without gaps: every value sits in the bucket named by its lower bound', () => {
    const misplaced: number[] = [];
    for (let minutes = 0; minutes < 60_000; minutes += 1) {
      const lower = durationBucketOf(minutes);
      if (!(lower <= minutes && minutes < lower + durationBucketWidth(lower)) || durationBucketOf(lower) !== lower) misplaced.push(minutes);
    }
    expect(misplaced).toEqual([]);
  });

  it('give percentiles within one bucket width of the order statistic of rank ⌈q·n⌉', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 100_000 })), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(0.5, 0.9, 0.1, 0.99),
        (values, q) => {
          const sorted = [...values].sort((a, b) => a - b);
          const exact = sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
          const estimate = percentileOfHistogram(histogramOf(values), q);
          expect(estimate).not.toBeNull();
          expect(Math.abs((estimate as number) - exact)).toBeLessThanOrEqual(durationBucketWidth(exact));
        },
      ),
    );
  });

  it('are exact to the minute below an hour', () => {
    expect(percentileOfHistogram(histogramOf([10, 20, 30, 40]), 0.5)).toBeGreaterThanOrEqual(20);
    expect(percentileOfHistogram(histogramOf([10, 20, 30, 40]), 0.5)).toBeLessThanOrEqual(21);
    expect(percentileOfHistogram(new Map(), 0.5)).toBeNull();
  });
});

describe('folding aggregate rows', () => {
  const row = (status: StatsCountRow['status'], tickets: number): StatsCountRow => ({
    key: 'k',
    status,
    tickets,
    accepted: tickets,
    acceptedOnTime: tickets - 1,
    resolved: tickets,
    resolvedOnTime: 0,
    reopened: 1,
    ratings: 2,
    ratingSum: 9,
    satisfied: 1,
    supporters: tickets * 2,
  });

  it('counts merged tickets by status only, and gives null where nothing was measured', () => {
    const tally = emptyStatsTally();
    addCountRow(tally, row('closed', 4));
    addCountRow(tally, row('merged', 3));
    const metrics = metricsOf(tally);
    expect(metrics.total).toBe(4);
    expect(metrics.byStatus).toMatchObject({ closed: 4, merged: 3, dispatched: 0 });
    expect(metrics.acceptOnTimeRate).toBe(0.75);
    expect(metrics.reopenRate).toBe(0.25);
    expect(metrics.satisfaction).toEqual({ mean: 4.5, satisfiedShare: 0.5, ratings: 2 });
    expect(metrics.supportersPerTicket).toBe(2);
    expect(metrics.acceptMinutes).toEqual({ median: null, p90: null });
    expect(metricsOf(emptyStatsTally())).toMatchObject({ total: 0, acceptOnTimeRate: null, reopenRate: null, supportersPerTicket: null });
  });
});

describe('rollup tallies (one ticket at a time)', () => {
  const ticketArb: fc.Arbitrary<TicketStatsFigures> = fc.record({
    status: fc.constantFrom('pending_triage', 'dispatched', 'in_progress', 'resolved', 'closed', 'rejected', 'merged' as const),
    supporterCount: fc.integer({ min: 1, max: 9 }),
    reopenCount: fc.integer({ min: 0, max: 3 }),
    acceptMinutes: fc.option(fc.integer({ min: 0, max: 100_000 })),
    acceptedOnTime: fc.option(fc.boolean()),
    resolveMinutes: fc.option(fc.integer({ min: 0, max: 100_000 })),
    resolvedOnTime: fc.option(fc.boolean()),
    ratingCount: fc.integer({ min: 0, max: 3 }),
    ratingSum: fc.integer({ min: 0, max: 15 }),
    satisfiedCount: fc.integer({ min: 0, max: 3 }),
  });

  it('sum to what the per-ticket aggregate rows (GROUP BY status, duration buckets) fold into', () => {
    fc.assert(
      fc.property(fc.array(ticketArb, { maxLength: 60 }), (tickets) => {
        const ours = emptyStatsTally();
        for (const ticket of tickets) addTicketFigures(ours, ticket);
        // The SQL's way: one count row per status, bucket rows of non-merged tickets with a duration.
        const sql = emptyStatsTally();
        for (const status of new Set(tickets.map((ticket) => ticket.status))) {
          const group = tickets.filter((ticket) => ticket.status === status);
          const sum = (f: (ticket: TicketStatsFigures) => number) => group.reduce((total, ticket) => total + f(ticket), 0);
          addCountRow(sql, {
            key: '',
            status,
            tickets: group.length,
            accepted: sum((ticket) => (ticket.acceptMinutes === null ? 0 : 1)),
            acceptedOnTime: sum((ticket) => Number(ticket.acceptedOnTime ?? 0)),
            resolved: sum((ticket) => (ticket.resolveMinutes === null ? 0 : 1)),
            resolvedOnTime: sum((ticket) => Number(ticket.resolvedOnTime ?? 0)),
            reopened: sum((ticket) => (ticket.reopenCount > 0 && ticket.resolveMinutes !== null ? 1 : 0)),
            ratings: sum((ticket) => ticket.ratingCount),
            ratingSum: sum((ticket) => ticket.ratingSum),
            satisfied: sum((ticket) => ticket.satisfiedCount),
            supporters: sum((ticket) => ticket.supporterCount),
          });
        }
        for (const ticket of tickets.filter((candidate) => candidate.status !== 'merged')) {
          if (ticket.acceptMinutes !== null) addBucketRow(sql, { kind: 'accept', lower: durationBucketOf(ticket.acceptMinutes), count: 1 });
          if (ticket.resolveMinutes !== null) addBucketRow(sql, { kind: 'resolve', lower: durationBucketOf(ticket.resolveMinutes), count: 1 });
        }
        expect(metricsOf(ours)).toEqual(metricsOf(sql));
        expect(ours.byStatus).toEqual(sql.byStatus);
        expect(ours.counted).toEqual(sql.counted);
      }),
    );
  });

  it('store histograms compactly and read them back into any tally', () => {
    const tally = emptyStatsTally();
    for (const minutes of [5, 5, 61, 3000, 90_000]) addTicketFigures(tally, { status: 'closed', supporterCount: 1, reopenCount: 0, acceptMinutes: minutes, acceptedOnTime: true, resolveMinutes: null, resolvedOnTime: null, ratingCount: 0, ratingSum: 0, satisfiedCount: 0 });
    const encoded = encodeHistogram(tally.accept);
    expect(encoded).toBe('[5,2,60,1,2880,1,89280,1]');
    const back = emptyStatsTally();
    addEncodedHistogram(back, 'accept', encoded);
    addEncodedHistogram(back, 'accept', encoded);
    const twice = emptyStatsTally();
    mergeTally(twice, tally);
    mergeTally(twice, tally);
    expect(back.accept).toEqual(twice.accept);
    expect(() => addEncodedHistogram(back, 'resolve', '[1,2,3]')).toThrow();
    expect(() => addEncodedHistogram(back, 'resolve', '{"a":1}')).toThrow();
  });
});
