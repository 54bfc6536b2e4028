import { encodeGeohash, haversineMetres } from '@ssp/geo';
import { loadConfig } from '../../../core/config/app-config';
import type { DedupeCategory, DedupeRepository, NearbyTicket, NearbyTicketQuery } from '../dedupe.repository';
import { DedupeService, type DuplicateQuery } from '../dedupe.service';
import type { OpenTicketIndexService } from '../open-ticket-index.service';
import type { ComparablePhoto } from '../photo-evidence.util';
import { fingerprintOf, sceneOf } from '../../photos/__tests__/synthetic-fingerprint';

const NOW = new Date('2026-05-04T10:00:00Z');
const HERE = { lat: 32.0416, lng: 118.7784 };
const LAMP_SCENE = sceneOf(11);
/** The first resident's photo of the lamp, a second resident's re-take of it, and a photo of another lamp. */
const PHOTO: ComparablePhoto = { phash: '3c3e1f0f0f8f8fc7', fingerprint: fingerprintOf(LAMP_SCENE) };
const RETAKEN: ComparablePhoto = { phash: '3c2e1b0f0e8f8cc5', fingerprint: fingerprintOf(LAMP_SCENE, { zoom: 0.9, cx: 0.53, brightness: 1.15 }) };
const OTHER_PHOTO: ComparablePhoto = { phash: 'c3c1e0f0f0707038', fingerprint: fingerprintOf(sceneOf(12)) };

/** A point `metres` north of HERE. */
const north = (metres: number) => ({ lat: HERE.lat + metres / 111_195, lng: HERE.lng });

const LAMP: DedupeCategory = { id: 'lamp', parentId: 'facilities', dedupeRadiusMetres: 30, relatedIds: ['facilities', 'lamp', 'manhole'] };

function ticket(id: string, metres: number, fields: Partial<NearbyTicket> = {}): NearbyTicket {
  return { id, categoryId: 'lamp', ...north(metres), description: '路灯不亮，晚上一片漆黑', createdAt: new Date(NOW.getTime() - 86_400_000), ...fields };
}

class FakeRepository {
  categories = new Map<string, DedupeCategory>([[LAMP.id, LAMP]]);
  tickets: NearbyTicket[] = [];
  photos = new Map<string, ComparablePhoto[]>();
  queries: NearbyTicketQuery[] = [];
  photoLookups = 0;

  async category(id: string): Promise<DedupeCategory | null> {
    return this.categories.get(id) ?? null;
  }

  /** Like the SQL: the box, the window and the categories, nearest first, at most `limit`. */
  async openTicketsNear(query: NearbyTicketQuery): Promise<NearbyTicket[]> {
    this.queries.push(query);
    return this.tickets
      .filter((t) => t.lat >= query.box.minLat && t.lat <= query.box.maxLat && t.lng >= query.box.minLng && t.lng <= query.box.maxLng)
      .filter((t) => t.createdAt >= query.createdSince)
      .filter((t) => query.categoryIds === null || (t.categoryId !== null && query.categoryIds.includes(t.categoryId)))
      .filter((t) => query.cells.some((cell) => encodeGeohash(t.lat, t.lng, 9).startsWith(cell)))
      .sort((a, b) => haversineMetres(HERE, a) - haversineMetres(HERE, b))
      .slice(0, query.limit);
  }

  async photosByTicket(ids: readonly string[]): Promise<Map<string, ComparablePhoto[]>> {
    this.photoLookups += 1;
    return new Map(ids.map((id) => [id, this.photos.get(id) ?? []]));
  }
}

describe('DedupeService.findDuplicate', () => {
  let repository: FakeRepository;
  let service: DedupeService;
  const query = (fields: Partial<DuplicateQuery> = {}): DuplicateQuery => ({
    ...HERE,
    categoryId: 'lamp',
    photos: [RETAKEN],
    description: '这里的路灯坏了，晚上黑乎乎的',
    now: NOW,
    ...fields,
  });

  beforeEach(() => {
    repository = new FakeRepository();
    // No candidate index (as before its first load): every lookup is the database query.
    const noIndex = { candidates: () => null, noteOpened: () => undefined } as unknown as OpenTicketIndexService;
    service = new DedupeService(repository as unknown as DedupeRepository, noIndex, loadConfig({ DEDUPE_WINDOW_DAYS: '7', DEDUPE_RADIUS_METRES: '50' }));
  });

  it('finds the ticket whose photo shows the same scene nearby and explains the score', async () => {
    repository.tickets = [ticket('t1', 12)];
    repository.photos.set('t1', [PHOTO]);
    const match = await service.findDuplicate(query());
    expect(match).toMatchObject({ ticketId: 't1', parts: { photo: 1, category: 1 } });
    expect(match?.score).toBeGreaterThan(0.9);
  });

  it('compares photos stored before fingerprints by dHash, which recognises only a copy', async () => {
    repository.tickets = [ticket('copy', 12), ticket('retake', 14)];
    repository.photos.set('copy', [{ phash: PHOTO.phash, fingerprint: null }]);
    repository.photos.set('retake', [{ phash: RETAKEN.phash, fingerprint: null }]);
    const match = await service.findDuplicate(query({ photos: [PHOTO], description: '消防栓漏水' }));
    expect(match).toMatchObject({ ticketId: 'copy', parts: { photo: 1 } });
  });

  it('picks the best of several candidates, not the nearest', async () => {
    repository.tickets = [ticket('near-other-scene', 5), ticket('same-scene', 18)];
    repository.photos.set('near-other-scene', [OTHER_PHOTO]);
    repository.photos.set('same-scene', [PHOTO]);
    expect((await service.findDuplicate(query()))?.ticketId).toBe('same-scene');
  });

  it('answers null when nothing reaches the threshold', async () => {
    repository.tickets = [ticket('t1', 20, { description: '消防栓漏水' })];
    repository.photos.set('t1', [OTHER_PHOTO]);
    expect(await service.findDuplicate(query())).toBeNull();
  });

  it('searches within the category radius plus the GPS margin, over related categories and the window', async () => {
    await service.findDuplicate(query());
    const [sent] = repository.queries;
    expect(sent.categoryIds).toEqual(LAMP.relatedIds);
    expect(sent.createdSince).toEqual(new Date('2026-04-27T10:00:00Z'));
    expect(sent.limit).toBe(50);
    const boxHeightMetres = (sent.box.maxLat - sent.box.minLat) * 111_195;
    expect(boxHeightMetres).toBeGreaterThanOrEqual(2 * 45);
    expect(boxHeightMetres).toBeLessThan(2 * 50);
  });

  it('uses the configured default radius and any category for a report without one', async () => {
    repository.tickets = [ticket('t1', 55, { categoryId: 'anything' })];
    repository.photos.set('t1', [PHOTO]);
    const match = await service.findDuplicate(query({ categoryId: null, description: '路灯不亮，晚上一片漆黑' }));
    expect(repository.queries[0].categoryIds).toBeNull();
    expect(match).toMatchObject({ ticketId: 't1', parts: { category: 0.5 } });
  });

  it('drops candidates of the box corners that lie outside the circle', async () => {
    const corner = { lat: HERE.lat + 40 / 111_195, lng: HERE.lng + 40 / (111_195 * Math.cos((HERE.lat * Math.PI) / 180)) };
    repository.tickets = [ticket('corner', 0, corner)];
    repository.photos.set('corner', [PHOTO]);
    expect(await service.findDuplicate(query())).toBeNull();
  });

  it('does not look up photos when the report has none', async () => {
    repository.tickets = [ticket('t1', 5)];
    await service.findDuplicate(query({ photos: [] }));
    expect(repository.photoLookups).toBe(0);
  });
});

describe('DedupeService.findDuplicate with the candidate index', () => {
  /** The index as loaded: it proposes `proposed`; the repository confirms what is still open. */
  function serviceWith(proposed: string[], stillOpen: NearbyTicket[]) {
    const repository = new FakeRepository();
    const byIds: string[][] = [];
    const confirmed = Object.assign(repository, {
      async openTicketsByIds(ids: readonly string[]): Promise<NearbyTicket[]> {
        byIds.push([...ids]);
        return stillOpen.filter((entry) => ids.includes(entry.id));
      },
    });
    const index = { candidates: () => proposed, noteOpened: () => undefined } as unknown as OpenTicketIndexService;
    const service = new DedupeService(confirmed as unknown as DedupeRepository, index, loadConfig({ DEDUPE_WINDOW_DAYS: '7', DEDUPE_RADIUS_METRES: '50' }));
    return { service, repository, byIds };
  }
  const report: DuplicateQuery = { ...HERE, categoryId: 'lamp', photos: [RETAKEN], description: '这里的路灯坏了，晚上黑乎乎的', now: NOW };

  it('scores the proposed tickets the database still has open, without the geohash query', async () => {
    const { service, repository, byIds } = serviceWith(['t1'], [ticket('t1', 12)]);
    repository.photos.set('t1', [PHOTO]);
    expect(await service.findDuplicate(report)).toMatchObject({ ticketId: 't1' });
    expect(byIds).toEqual([['t1']]);
    expect(repository.queries).toHaveLength(0);
  });

  it('never merges into a proposed ticket the database no longer has open', async () => {
    const { service, repository } = serviceWith(['closed-meanwhile'], []);
    repository.photos.set('closed-meanwhile', [PHOTO]);
    expect(await service.findDuplicate(report)).toBeNull();
  });

  it('reads nothing at all when the index proposes nothing', async () => {
    const { service, repository, byIds } = serviceWith([], [ticket('t1', 12)]);
    expect(await service.findDuplicate(report)).toBeNull();
    expect(byIds).toEqual([]);
    expect(repository.queries).toHaveLength(0);
  });
});
