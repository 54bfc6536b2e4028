import { NearbyTileCache } from '../nearby-tile-cache';

/** A loader over a fixed world of tiles that records each call's tiles. */
function world(rows: Record<string, string[]>) {
  const calls: string[][] = [];
  const load = async (tiles: string[]) => {
    calls.push([...tiles].sort());
    return new Map(tiles.filter((tile) => rows[tile]).map((tile) => [tile, rows[tile]!]));
  };
  return { calls, load };
}

describe('NearbyTileCache', () => {
  it('loads the missing tiles of a request in one call and serves them again until they expire', async () => {
    const { calls, load } = world({ a: ['a1', 'a2'], b: ['b1'] });
    const cache = new NearbyTileCache(10_000, 100, load);
    expect((await cache.rowsOf(['a', 'b', 'c'], 0)).sort()).toEqual(['a1', 'a2', 'b1']);
    expect((await cache.rowsOf(['b', 'a'], 9_999)).sort()).toEqual(['a1', 'a2', 'b1']);
    expect(calls).toEqual([['a', 'b', 'c']]);
    // Expired: loaded again, only what is missing or old.
    await cache.rowsOf(['a', 'd'], 10_000);
    expect(calls).toEqual([['a', 'b', 'c'], ['a', 'd']]);
  });

  it('shares one load between requests that miss the same tile at once', async () => {
    const { calls, load } = world({ a: ['a1'] });
    const cache = new NearbyTileCache(10_000, 100, load);
    const [first, second] = await Promise.all([cache.rowsOf(['a'], 0), cache.rowsOf(['a'], 1)]);
    expect(first).toEqual(['a1']);
    expect(second).toEqual(['a1']);
    expect(calls).toHaveLength(1);
  });

  it('keeps nothing from a failed load: the next request loads again', async () => {
    let fail = true;
    const cache = new NearbyTileCache(10_000, 100, async (tiles) => {
      if (fail) throw new Error('database down');
      return new Map(tiles.map((tile) => [tile, [`${tile}1`]]));
    });
    await expect(cache.rowsOf(['a'], 0)).rejects.toThrow('database down');
    expect(cache.size).toBe(0);
    fail = false;
    expect(await cache.rowsOf(['a'], 1)).toEqual(['a1']);
  });

  it('keeps at most maxTiles, dropping the least recently loaded, and still answers a request larger than that', async () => {
    const { calls, load } = world({ a: ['a1'], b: ['b1'], c: ['c1'], d: ['d1'] });
    const cache = new NearbyTileCache(10_000, 2, load);
    await cache.rowsOf(['a'], 0);
    await cache.rowsOf(['b'], 1);
    await cache.rowsOf(['c'], 2);
    expect(cache.size).toBe(2);
    await cache.rowsOf(['b', 'c'], 3);
    expect(calls).toHaveLength(3);
    await cache.rowsOf(['a'], 4);
    expect(calls).toHaveLength(4);
    expect((await cache.rowsOf(['a', 'b', 'c', 'd'], 5)).sort()).toEqual(['a1', 'b1', 'c1', 'd1']);
    expect(cache.size).toBe(2);
  });

  it('with a time to live of 0 reads every time and keeps nothing', async () => {
    const { calls, load } = world({ a: ['a1'] });
    const cache = new NearbyTileCache(0, 100, load);
    await cache.rowsOf(['a', 'a'], 0);
    await cache.rowsOf(['a'], 0);
    expect(calls).toEqual([['a'], ['a']]);
    expect(cache.size).toBe(0);
  });
});
