import { describe, expect, it } from 'vitest';
import { chartData } from './points-window';

const points = (count: number) => ({
  t: Array.from({ length: count }, (_, i) => i * 1000),
  v: Array.from({ length: count }, (_, i) => (i === 500 ? 99 : i % 7)),
});

/** [t, v] pairs of a flat array, to compare. */
const pairsOf = (flat: Float64Array) =>
  Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]);

describe('chartData', () => {
  it('gives every point from `start` on when they fit', () => {
    expect(pairsOf(chartData(points(10), 7_000, 100))).toEqual([
      [7000, 0],
      [8000, 1],
      [9000, 2],
    ]);
    expect(chartData(undefined, 0, 100)).toEqual(new Float64Array(0));
  });

  it('decimates a long run to at most maxPoints, keeping its ends and its spike', () => {
    const pairs = pairsOf(chartData(points(2_000), 100_000, 200));
    expect(pairs.length).toBeLessThanOrEqual(200);
    expect(pairs[0]).toEqual([100_000, 100 % 7]);
    expect(pairs.at(-1)).toEqual([1_999_000, 1999 % 7]);
    expect(pairs).toContainEqual([500_000, 99]);
  });
});
