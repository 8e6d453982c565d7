import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff';

const policy: BackoffPolicy = { baseMs: 100, maxMs: 5_000 };
const fixed = (value: number) => () => value;

describe('backoffDelay', () => {
  it('grows with the attempt number until the cap', () => {
    const delays = [0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, fixed(1)));
    expect(delays).toEqual([100, 200, 400, 800, 1600, 3200]);
  });

  it('never exceeds maxMs however many attempts', () => {
    for (const attempt of [6, 7, 10, 50, 1_000, 5_000]) {
      expect(backoffDelay(attempt, policy, fixed(0.999999))).toBeLessThanOrEqual(policy.maxMs);
      expect(backoffDelay(attempt, policy, fixed(0))).toBe(policy.maxMs / 2);
    }
  });

  it('stays within [ceiling/2, ceiling] for any random value', () => {
    const randoms = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999999];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
      for (const r of randoms) {
        const delay = backoffDelay(attempt, policy, fixed(r));
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('uses the random value for jitter: low and high randoms give the ends of the range', () => {
    expect(backoffDelay(3, policy, fixed(0))).toBe(400);
    expect(backoffDelay(3, policy, fixed(0.5))).toBe(600);
    expect(backoffDelay(3, policy, fixed(0.999999))).toBe(800);
  });

  it('treats a negative attempt as the first one', () => {
    expect(backoffDelay(-3, policy, fixed(1))).toBe(100);
  });

  it('with Math.random the default policy stays within its bounds', () => {
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const delay = backoffDelay(attempt, DEFAULT_BACKOFF);
      expect(delay).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.baseMs / 2);
      expect(delay).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
    }
  });
});
