/**
 * Rows of the public "附近的问题" view per geohash tile, kept for a few seconds. Every nearby request
 * reads all tickets of its box from the index (the visible ones are a few percent of them: open ones and
 * those resolved in the last month), so on a city of a million tickets the reads of a busy hour cost
 * more than everything else together (tools/bench/soak). Neighbours ask about the same tiles: one read
 * per tile and interval serves them all.
 *
 * - A miss loads all missing tiles of a request in one call; requests that miss the same tile at the
 *   same time share that load.
 * - A failed load is not kept: the next request tries again.
 * - At most `maxTiles` tiles are kept, the least recently loaded dropped first.
 * - A `ttlMs` of 0 keeps nothing: every request loads.
 */
export class NearbyTileCache<Row> {
  private readonly tiles = new Map<string, { expiresAt: number; rows: Promise<readonly Row[]> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxTiles: number,
    /** Rows of each of these tiles (a tile with none may be left out of the map). */
    private readonly load: (tiles: string[]) => Promise<Map<string, readonly Row[]>>,
  ) {}

  /** The rows of every tile, each at most `ttlMs` old. */
  async rowsOf(tiles: readonly string[], now = Date.now()): Promise<Row[]> {
    const wanted = [...new Set(tiles)];
    if (this.ttlMs <= 0) return [...(await this.load(wanted)).values()].flat();
    const found: Array<Promise<readonly Row[]>> = [];
    const missing: string[] = [];
    for (const tile of wanted) {
      const entry = this.tiles.get(tile);
      if (entry && entry.expiresAt > now) found.push(entry.rows);
      else missing.push(tile);
    }
    if (missing.length > 0) {
      const loaded = this.load(missing);
      for (const tile of missing) {
        const rows = loaded.then((byTile) => byTile.get(tile) ?? []);
        found.push(rows);
        this.tiles.delete(tile);
        this.tiles.set(tile, { expiresAt: now + this.ttlMs, rows });
        // Forget a failed load (unless a newer one has replaced it meanwhile).
        rows.catch(() => {
          if (this.tiles.get(tile)?.rows === rows) this.tiles.delete(tile);
        });
      }
      this.evict();
    }
    return (await Promise.all(found)).flat();
  }

  /** How many tiles are kept (for tests and diagnosis). */
  get size(): number {
    return this.tiles.size;
  }

  private evict(): void {
    for (const tile of this.tiles.keys()) {
      if (this.tiles.size <= this.maxTiles) return;
      this.tiles.delete(tile);
    }
  }
}
