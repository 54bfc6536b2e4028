import { encodeGeohash, geohashesCoveringRadius } from '@ssp/geo';
import { OpenTicketIndex, type IndexedTicket, type IndexQuery } from '../open-ticket-index';

const NOW = new Date('2026-05-04T10:00:00Z');
const DAY_MS = 86_400_000;

function at(id: string, lat: number, lng: number, fields: Partial<IndexedTicket> = {}): IndexedTicket {
  return { id, categoryId: 'lamp', lat, lng, geohash: encodeGeohash(lat, lng, 9), createdAt: new Date(NOW.getTime() - DAY_MS), ...fields };
}

function queryAround(lat: number, lng: number, metres: number, fields: Partial<IndexQuery> = {}): IndexQuery {
  const dLat = (metres * 1.01) / 111_195;
  const dLng = dLat / Math.cos((lat * Math.PI) / 180);
  return {
    cells: geohashesCoveringRadius(lat, lng, metres),
    box: { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng },
    centre: { lat, lng },
    createdSince: new Date(NOW.getTime() - 7 * DAY_MS),
    categoryIds: null,
    limit: 50,
    ...fields,
  };
}

/** What the database query answers: the same conditions, row by row. */
function bruteForce(tickets: IndexedTicket[], query: IndexQuery): string[] {
  const scale2 = Math.cos((query.centre.lat * Math.PI) / 180) ** 2;
  return tickets
    .filter((t) => query.cells.some((cell) => t.geohash.startsWith(cell)))
    .filter((t) => t.createdAt >= query.createdSince)
    .filter((t) => query.categoryIds === null || (t.categoryId !== null && query.categoryIds.includes(t.categoryId)))
    .filter((t) => t.lat >= query.box.minLat && t.lat <= query.box.maxLat && t.lng >= query.box.minLng && t.lng <= query.box.maxLng)
    .map((t) => ({ id: t.id, d: (t.lat - query.centre.lat) ** 2 + (t.lng - query.centre.lng) ** 2 * scale2 }))
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
    .slice(0, query.limit)
    .map((t) => t.id);
}

describe('OpenTicketIndex', () => {
  it('finds the tickets in the circle, nearest first, within the window and the categories', () => {
    const index = new OpenTicketIndex();
    index.upsert(at('near', 32.0416 + 20 / 111_195, 118.7784));
    index.upsert(at('nearer', 32.0416 + 5 / 111_195, 118.7784));
    index.upsert(at('far', 32.0416 + 900 / 111_195, 118.7784));
    index.upsert(at('old', 32.0416, 118.7784, { createdAt: new Date(NOW.getTime() - 8 * DAY_MS) }));
    index.upsert(at('other-kind', 32.0416, 118.7784, { categoryId: 'graffiti' }));
    expect(index.near(queryAround(32.0416, 118.7784, 65, { categoryIds: ['lamp', 'manhole'] }))).toEqual(['nearer', 'near']);
    expect(index.near(queryAround(32.0416, 118.7784, 65))).toEqual(['other-kind', 'nearer', 'near']);
  });

  it('moves a ticket that is upserted again and forgets removed and pruned ones', () => {
    const index = new OpenTicketIndex();
    index.upsert(at('t', 32.0416, 118.7784));
    index.upsert(at('t', 32.1, 118.9));
    expect(index.size).toBe(1);
    expect(index.near(queryAround(32.0416, 118.7784, 65))).toEqual([]);
    expect(index.near(queryAround(32.1, 118.9, 65))).toEqual(['t']);
    index.remove('t');
    index.remove('never-there');
    expect(index.size).toBe(0);
    index.upsert(at('young', 32.1, 118.9));
    index.upsert(at('aged', 32.1, 118.9, { createdAt: new Date(NOW.getTime() - 9 * DAY_MS) }));
    expect(index.prune(new Date(NOW.getTime() - 7 * DAY_MS))).toBe(1);
    expect(index.near(queryAround(32.1, 118.9, 65, { createdSince: new Date(0) }))).toEqual(['young']);
  });

  it('answers what the database query answers (random tickets and circles, cells of any size)', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const tickets: IndexedTicket[] = [];
    const index = new OpenTicketIndex();
    for (let i = 0; i < 3000; i += 1) {
      // Clustered around a few centres, as tickets of a city are.
      const centre = [
        [32.0416, 118.7784],
        [31.95, 118.65],
        [32.2, 119.1],
      ][i % 3];
      const spread = random() < 0.7 ? 0.002 : 0.05;
      const entry = at(`t${String(i).padStart(4, '0')}`, centre[0] + (random() - 0.5) * spread, centre[1] + (random() - 0.5) * spread, {
        categoryId: random() < 0.1 ? null : ['lamp', 'manhole', 'graffiti'][Math.floor(random() * 3)],
        createdAt: new Date(NOW.getTime() - random() * 10 * DAY_MS),
      });
      tickets.push(entry);
      index.upsert(entry);
    }
    for (let round = 0; round < 300; round += 1) {
      const base = tickets[Math.floor(random() * tickets.length)];
      const metres = [20, 65, 300, 3000][round % 4];
      const query = queryAround(base.lat + (random() - 0.5) * 0.001, base.lng + (random() - 0.5) * 0.001, metres, {
        categoryIds: round % 3 === 0 ? null : ['lamp', 'manhole'],
        limit: round % 5 === 0 ? 3 : 50,
      });
      // Every other round only some of the cells, so the box alone would not decide.
      if (round % 2 === 1) query.cells = query.cells.filter((_, k) => k % 2 === 0);
      expect(index.near(query)).toEqual(bruteForce(tickets, query));
    }
  });
});
