import type { DemoCategory, DemoDistrict } from '../demo-history.util';
import { demoHistory } from '../demo-history.util';

const square = (lng: number, lat: number): DemoDistrict['geometry'] => ({
  type: 'Polygon',
  coordinates: [[[lng, lat], [lng + 0.1, lat], [lng + 0.1, lat + 0.1], [lng, lat + 0.1], [lng, lat]]],
});
const districts: DemoDistrict[] = [
  { code: '320102', name: '玄武区', geometry: square(118.8, 32.05), bbox: [118.8, 32.05, 118.9, 32.15] },
  { code: '320104', name: '秦淮区', geometry: square(118.75, 31.95), bbox: [118.75, 31.95, 118.85, 32.05] },
];
const categories: DemoCategory[] = [
  { id: 'c1', name: '井盖', keywords: ['井盖松动'], departmentId: 'd1', acceptWithinMinutes: 120, resolveWithinHours: 72 },
  { id: 'c2', name: '路灯', keywords: ['路灯不亮'], departmentId: 'd2', acceptWithinMinutes: 240, resolveWithinHours: 168 },
];
const now = new Date('2026-12-01T04:00:00Z');
const run = () => demoHistory({ now, count: 1500, days: 90, categories, districts });
const withoutIds = (rows: Array<Record<string, unknown>>) => rows.map(({ id: _id, ticketId: _ticketId, ...rest }) => rest);

describe('demoHistory', () => {
  const { tickets, events } = run();

  it('is deterministic', () => {
    const again = run();
    expect(withoutIds(again.tickets)).toEqual(withoutIds(tickets));
    expect(withoutIds(again.events)).toEqual(withoutIds(events));
  });

  it('spreads the tickets over the 90 days before today, inside their districts, numbered per day', () => {
    expect(tickets).toHaveLength(1500);
    const today = Date.parse('2026-12-01T00:00:00+08:00');
    expect(tickets.every((t) => t.createdAt! < new Date(today) && t.createdAt! >= new Date(today - 90 * 86_400_000))).toBe(true);
    expect(new Set(tickets.map((t) => t.ticketNo)).size).toBe(1500);
    for (const ticket of tickets) {
      const district = districts.find((d) => d.code === ticket.regionCode)!;
      expect(ticket.lng! >= district.bbox[0] && ticket.lng! <= district.bbox[2] && ticket.lat! >= district.bbox[1] && ticket.lat! <= district.bbox[3]).toBe(true);
      expect(ticket.ticketNo).toMatch(/^GD\d{8}\d{5}$/);
    }
  });

  it('has a lifecycle a city shows, consistent with its figures and events', () => {
    const count = (status: string) => tickets.filter((t) => t.status === status).length;
    expect(count('closed')).toBeGreaterThan(1000);
    for (const status of ['rejected', 'resolved', 'in_progress']) expect(count(status)).toBeGreaterThan(0);
    expect(tickets.filter((t) => t.reopenCount! > 0).length).toBeGreaterThan(5);
    const accepted = tickets.filter((t) => t.acceptMinutes !== undefined && t.acceptMinutes !== null);
    const late = accepted.filter((t) => t.acceptedOnTime === false).length;
    expect(late / accepted.length).toBeGreaterThan(0.02);
    expect(late / accepted.length).toBeLessThan(0.5);
    for (const ticket of tickets) {
      const own = events.filter((e) => e.ticketId === ticket.id);
      expect(own[own.length - 1].toStatus).toBe(ticket.status);
      if (ticket.resolveMinutes !== undefined && ticket.resolveMinutes !== null) expect(own.some((e) => e.action === 'resolve')).toBe(true);
      if (ticket.ratingCount) expect(ticket.ratingSum! >= 1 && ticket.ratingSum! <= 5).toBe(true);
      expect(own.every((e, i) => i === 0 || e.createdAt! >= own[i - 1].createdAt!)).toBe(true);
    }
  });
});
