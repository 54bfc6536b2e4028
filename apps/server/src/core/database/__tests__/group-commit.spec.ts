import { GroupCommit } from '../group-commit';

/** A writer whose transactions the test finishes one by one, failing any batch that holds a "bad" item. */
class ControlledWriter {
  readonly batches: string[][] = [];
  private readonly open: Array<() => void> = [];
  running = 0;
  maxRunning = 0;

  readonly write = async (items: readonly string[]): Promise<void> => {
    this.batches.push([...items]);
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    await new Promise<void>((resolve) => this.open.push(resolve));
    this.running -= 1;
    const bad = items.find((item) => item.startsWith('bad'));
    if (bad) throw new Error(`cannot write ${bad}`);
  };

  /** Lets the oldest unfinished transaction end, then lets the promises that depend on it run. */
  async finishOne(): Promise<void> {
    const next = this.open.shift();
    if (!next) throw new Error('no transaction is running');
    next();
    await flushMicrotasks();
  }

  async finishAll(): Promise<void> {
    while (this.open.length > 0) await this.finishOne();
  }
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

function settled(promise: Promise<void>): { state: 'pending' | 'resolved' | 'rejected'; error?: unknown } {
  const result: { state: 'pending' | 'resolved' | 'rejected'; error?: unknown } = { state: 'pending' };
  promise.then(
    () => (result.state = 'resolved'),
    (error: unknown) => {
      result.state = 'rejected';
      result.error = error;
    },
  );
  return result;
}

describe('GroupCommit', () => {
  it('writes an item at once when nothing else is being written', async () => {
    const writer = new ControlledWriter();
    const group = new GroupCommit(writer.write, { maxBatch: 8, maxInFlight: 1 });
    const a = settled(group.submit('a'));
    expect(writer.batches).toEqual([['a']]);
    await writer.finishOne();
    expect(a.state).toBe('resolved');
  });

  it('writes what arrived during a transaction together in the next one, at most maxBatch at a time', async () => {
    const writer = new ControlledWriter();
    const group = new GroupCommit(writer.write, { maxBatch: 3, maxInFlight: 1 });
    const all = ['a', 'b', 'c', 'd', 'e', 'f'].map((item) => settled(group.submit(item)));
    expect(writer.batches).toEqual([['a']]);
    await writer.finishOne();
    expect(writer.batches).toEqual([['a'], ['b', 'c', 'd']]);
    expect(all.map((entry) => entry.state)).toEqual(['resolved', 'pending', 'pending', 'pending', 'pending', 'pending']);
    await writer.finishAll();
    expect(writer.batches).toEqual([['a'], ['b', 'c', 'd'], ['e', 'f']]);
    expect(all.every((entry) => entry.state === 'resolved')).toBe(true);
    expect(writer.maxRunning).toBe(1);
  });

  it('runs at most maxInFlight transactions at a time', async () => {
    const writer = new ControlledWriter();
    const group = new GroupCommit(writer.write, { maxBatch: 2, maxInFlight: 2 });
    const all = ['a', 'b', 'c', 'd', 'e'].map((item) => settled(group.submit(item)));
    // Two writers idle: the first two items go at once, each alone; the rest wait for one to finish.
    expect(writer.batches).toEqual([['a'], ['b']]);
    await writer.finishOne();
    expect(writer.batches).toEqual([['a'], ['b'], ['c', 'd']]);
    await writer.finishAll();
    expect(writer.maxRunning).toBe(2);
    expect(writer.batches.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(all.every((entry) => entry.state === 'resolved')).toBe(true);
  });

  it('retries each item of a failed batch on its own, so only the item that cannot be written fails', async () => {
    const writer = new ControlledWriter();
    const group = new GroupCommit(writer.write, { maxBatch: 8, maxInFlight: 1 });
    const first = settled(group.submit('first'));
    const rest = ['b', 'bad-c', 'd'].map((item) => settled(group.submit(item)));
    await writer.finishAll();
    expect(first.state).toBe('resolved');
    // The batch of three failed as a whole, then each was written alone.
    expect(writer.batches).toEqual([['first'], ['b', 'bad-c', 'd'], ['b'], ['bad-c'], ['d']]);
    expect(rest.map((entry) => entry.state)).toEqual(['resolved', 'rejected', 'resolved']);
    expect(String(rest[1].error)).toContain('cannot write bad-c');
  });

  it('passes the error of a batch of one to its caller unchanged', async () => {
    const writer = new ControlledWriter();
    const group = new GroupCommit(writer.write, { maxBatch: 8, maxInFlight: 1 });
    const only = settled(group.submit('bad-only'));
    await writer.finishAll();
    expect(writer.batches).toEqual([['bad-only']]);
    expect(only.state).toBe('rejected');
    expect(String(only.error)).toContain('cannot write bad-only');
  });

  it('keeps taking new submissions after a failure', async () => {
    const writer = new ControlledWriter();
    const group = new GroupCommit(writer.write, { maxBatch: 8, maxInFlight: 1 });
    const failed = settled(group.submit('bad-1'));
    await writer.finishAll();
    const later = settled(group.submit('later'));
    await writer.finishAll();
    expect(failed.state).toBe('rejected');
    expect(later.state).toBe('resolved');
  });

  it('refuses bounds below one', () => {
    expect(() => new GroupCommit(async () => undefined, { maxBatch: 0, maxInFlight: 1 })).toThrow(/at least 1/);
    expect(() => new GroupCommit(async () => undefined, { maxBatch: 1, maxInFlight: 0 })).toThrow(/at least 1/);
  });
});
