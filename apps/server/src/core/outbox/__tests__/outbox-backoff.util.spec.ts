import { backoffDelayMs } from '../outbox-backoff.util';

const policy = { baseMs: 1000, maxMs: 60_000 };

describe('backoffDelayMs', () => {
  it('doubles the step with every failed attempt', () => {
    const fixed = () => 1;
    expect([1, 2, 3, 4].map((attempts) => backoffDelayMs(attempts, policy, fixed))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('spreads retries over the upper half of the step', () => {
    expect(backoffDelayMs(3, policy, () => 0)).toBe(2000);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(3000);
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(3, policy)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(2000);
      expect(delay).toBeLessThanOrEqual(4000);
    }
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(backoffDelayMs(10, policy, () => 1)).toBe(60_000);
    expect(backoffDelayMs(500, policy, () => 1)).toBe(60_000);
    expect(backoffDelayMs(500, policy, () => 0)).toBe(30_000);
  });
});
