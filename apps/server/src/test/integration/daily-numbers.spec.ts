import { DataSource } from 'typeorm';
import { DAILY_NUMBER_BLOCK, DailyNumberAllocator } from '../../core/database/daily-number.allocator';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('daily numbers reserved in blocks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('never repeats a number, within one instance or across two, and each day starts again at 1', async () => {
    const dataSource = t.app.get(DataSource);
    // Two allocators on one database stand for two server instances.
    const first = new DailyNumberAllocator(dataSource);
    const second = new DailyNumberAllocator(dataSource);
    const day = new Date('2026-12-01T04:00:00Z');
    // Concurrent callers of one instance share its reservations.
    const burst = await Promise.all(Array.from({ length: 2 * DAILY_NUMBER_BLOCK + 5 }, () => first.next('ZZ', day)));
    expect([...burst].sort()).toEqual(burst);
    // The other instance reserves its own block: the two interleave without a repeat.
    const alternating: string[] = [];
    for (let i = 0; i < DAILY_NUMBER_BLOCK; i += 1) alternating.push(await (i % 2 === 0 ? second : first).next('ZZ', day));
    const taken = [...burst, ...alternating];
    expect(new Set(taken).size).toBe(taken.length);
    for (const number of taken) expect(number).toMatch(/^ZZ20261201\d{5}$/);

    // 16:00 UTC is already the next day in Beijing.
    expect(await first.next('ZZ', new Date('2026-12-01T16:00:00Z'))).toBe('ZZ2026120200001');
  });
});
