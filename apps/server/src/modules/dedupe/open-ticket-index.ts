/** An open ticket as the candidate index keeps it: where it is, what it is, when it was opened. */
export interface IndexedTicket {
  id: string;
  categoryId: string | null;
  /** GCJ-02. */
  lat: number;
  lng: number;
  /** Precision 9, as the ticket row stores it. */
  geohash: string;
  createdAt: Date;
}

export interface IndexQuery {
  /** Geohash prefixes covering the circle (libs/geo `geohashesCoveringRadius`). */
  cells: readonly string[];
  /** The circle's bounding box, checked on what the cells find. */
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number };
  centre: { lat: number; lng: number };
  createdSince: Date;
  /** null: any category (the report has none). */
  categoryIds: readonly string[] | null;
  limit: number;
}

/**
 * Tickets are kept in buckets of this geohash length (about 1.2 × 0.6 km): the cells of a search circle
 * of tens of metres (length 7) fall into one to four buckets, each holding a few dozen open tickets even
 * in a busy district.
 */
const BUCKET_LENGTH = 6;
const RADIANS_PER_DEGREE = Math.PI / 180;

/**
 * The open tickets of the dedupe window in memory, bucketed by geohash: the candidate lookup of every
 * report (ARCHITECTURE.md §6 step 4) finds the nearby ones here instead of in the database, whose planner
 * cost more than the lookup itself. It answers the same question as the database query over the same
 * cells, box, window and categories, nearest first; whoever keeps it (OpenTicketIndexService) makes
 * the database the judge of what it returns.
 */
export class OpenTicketIndex {
  private readonly byId = new Map<string, IndexedTicket>();
  private readonly buckets = new Map<string, Map<string, IndexedTicket>>();

  get size(): number {
    return this.byId.size;
  }

  upsert(ticket: IndexedTicket): void {
    const previous = this.byId.get(ticket.id);
    if (previous) this.bucketOf(previous.geohash)?.delete(previous.id);
    const entry: IndexedTicket = { id: ticket.id, categoryId: ticket.categoryId, lat: ticket.lat, lng: ticket.lng, geohash: ticket.geohash, createdAt: ticket.createdAt };
    this.byId.set(entry.id, entry);
    const key = entry.geohash.slice(0, BUCKET_LENGTH);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new Map()));
    bucket.set(entry.id, entry);
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    const bucket = this.bucketOf(entry.geohash);
    bucket?.delete(id);
    if (bucket?.size === 0) this.buckets.delete(entry.geohash.slice(0, BUCKET_LENGTH));
  }

  /** Forgets the tickets opened before `createdBefore` (out of every window); returns how many. */
  prune(createdBefore: Date): number {
    let removed = 0;
    for (const entry of [...this.byId.values()]) {
      if (entry.createdAt.getTime() < createdBefore.getTime()) {
        this.remove(entry.id);
        removed += 1;
      }
    }
    return removed;
  }

  /** The ids of the tickets in the cells and the box, opened since `createdSince`, of the categories; nearest first, at most `limit`. */
  near(query: IndexQuery): string[] {
    const since = query.createdSince.getTime();
    const categories = query.categoryIds ? new Set(query.categoryIds) : null;
    const { box, centre } = query;
    const lngScale = Math.cos(centre.lat * RADIANS_PER_DEGREE);
    const lngScale2 = lngScale * lngScale;
    const found = new Map<string, number>();
    for (const bucket of this.bucketsFor(query.cells)) {
      for (const entry of bucket.values()) {
        if (entry.createdAt.getTime() < since) continue;
        if (entry.lat < box.minLat || entry.lat > box.maxLat || entry.lng < box.minLng || entry.lng > box.maxLng) continue;
        if (categories && (entry.categoryId === null || !categories.has(entry.categoryId))) continue;
        if (!query.cells.some((cell) => entry.geohash.startsWith(cell))) continue;
        const dLat = entry.lat - centre.lat;
        const dLng = entry.lng - centre.lng;
        found.set(entry.id, dLat * dLat + dLng * dLng * lngScale2);
      }
    }
    return [...found.entries()]
      .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, query.limit)
      .map(([id]) => id);
  }

  private bucketOf(geohash: string): Map<string, IndexedTicket> | undefined {
    return this.buckets.get(geohash.slice(0, BUCKET_LENGTH));
  }

  /** Each bucket that may hold hashes starting with one of `cells`, once. */
  private bucketsFor(cells: readonly string[]): Set<Map<string, IndexedTicket>> {
    const found = new Set<Map<string, IndexedTicket>>();
    for (const cell of cells) {
      if (cell.length >= BUCKET_LENGTH) {
        const bucket = this.buckets.get(cell.slice(0, BUCKET_LENGTH));
        if (bucket) found.add(bucket);
        continue;
      }
      // A cell larger than a bucket (a search radius of kilometres): every bucket inside it.
      for (const [key, bucket] of this.buckets) if (key.startsWith(cell)) found.add(bucket);
    }
    return found;
  }
}
