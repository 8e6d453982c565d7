import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../endpoints/demo/prng';

const take = (random: () => number, n: number) => Array.from({ length: n }, () => random());

describe('createRandom', () => {
  it('replays the same sequence for the same seed', () => {
    expect(take(createRandom(42), 100)).toEqual(take(createRandom(42), 100));
  });

  it('gives different sequences for different seeds', () => {
    const a = take(createRandom(1), 20);
    const b = take(createRandom(2), 20);
    expect(a).not.toEqual(b);
    // not merely shifted or mostly equal
    expect(a.filter((x, i) => x === b[i]).length).toBe(0);
  });

  it('returns values in [0, 1)', () => {
    for (const x of take(createRandom(123), 10_000)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('is roughly uniform', () => {
    const values = take(createRandom(7), 20_000);
    const mean = values.reduce((s, x) => s + x, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    const buckets = new Array<number>(10).fill(0);
    for (const x of values) buckets[Math.floor(x * 10)] = (buckets[Math.floor(x * 10)] ?? 0) + 1;
    for (const count of buckets) expect(count).toBeGreaterThan(1_700);
  });

  it('does not repeat quickly', () => {
    const values = take(createRandom(99), 1_000);
    expect(new Set(values).size).toBe(1_000);
  });

  it('treats seeds as 32-bit unsigned', () => {
    expect(take(createRandom(2 ** 32 + 5), 5)).toEqual(take(createRandom(5), 5));
  });
});
