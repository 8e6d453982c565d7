import { describe, expect, it } from 'vitest';
import { chartPairs } from './points-window';

const points = (count: number) => ({
  t: Array.from({ length: count }, (_, i) => i * 1000),
  v: Array.from({ length: count }, (_, i) => (i === 500 ? 99 : i % 7)),
});

describe('chartPairs', () => {
  it('gives every point from `start` on when they fit', () => {
    expect(chartPairs(points(10), 7_000, 100)).toEqual([
      [7000, 0],
      [8000, 1],
      [9000, 2],
    ]);
    expect(chartPairs(undefined, 0, 100)).toEqual([]);
  });

  it('decimates a long run to at most maxPoints, keeping its ends and its spike', () => {
    const pairs = chartPairs(points(2_000), 100_000, 200);
    expect(pairs.length).toBeLessThanOrEqual(200);
    expect(pairs[0]).toEqual([100_000, 100 % 7]);
    expect(pairs.at(-1)).toEqual([1_999_000, 1999 % 7]);
    expect(pairs).toContainEqual([500_000, 99]);
  });
});
