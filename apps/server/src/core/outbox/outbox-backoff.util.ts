export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Delay before the attempt after `attempts` failed ones: exponential (base · 2^(attempts-1)) up to
 * `maxMs`, with "equal jitter" — half fixed, half random — so receivers that come back are not hit by
 * every waiting message at the same instant, yet no retry comes sooner than half its step.
 */
export function backoffDelayMs(attempts: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 40);
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(step / 2 + random() * (step / 2));
}
