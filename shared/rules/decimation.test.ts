import { describe, expect, it } from 'vitest';
import type { Points } from '../api/series';
import { minMaxDecimate, minMaxDecimateFlat } from './decimation';

const series = (values: number[], step = 1000): Points => ({
  t: values.map((_, i) => i * step),
  v: values,
});

describe('minMaxDecimate', () => {
  it('returns nothing for no points', () => {
    expect(minMaxDecimate({ t: [], v: [] }, 10)).toEqual([]);
  });

  it('keeps one or two points as they are', () => {
    expect(minMaxDecimate(series([5]), 4)).toEqual([[0, 5]]);
    expect(minMaxDecimate(series([5, 6]), 4)).toEqual([
      [0, 5],
      [1000, 6],
    ]);
  });

  it('keeps every point when they fit', () => {
    const points = series([3, 1, 4, 1, 5]);
    expect(minMaxDecimate(points, 5)).toHaveLength(5);
  });

  it('starts at `from` and ignores a value without its time', () => {
    expect(minMaxDecimate({ t: [0, 1, 2], v: [7, 8, 9, 10] }, 10, 1)).toEqual([
      [1, 8],
      [2, 9],
    ]);
  });

  it('keeps the first and the last point, the min and max of each bucket, in time order', () => {
    // 2 + 2 × 2 buckets: inner points [1..8] split into [1..4] and [5..8].
    const values = [50, 10, 90, 20, 30, 40, 5, 60, 70, 55];
    const out = minMaxDecimate(series(values), 6);
    expect(out).toEqual([
      [0, 50],
      [1000, 10],
      [2000, 90],
      [6000, 5],
      [8000, 70],
      [9000, 55],
    ]);
  });

  it('puts a max before a min when it came first', () => {
    expect(minMaxDecimate(series([0, 9, 1, 2, 3, 0]), 4)).toEqual([
      [0, 0],
      [1000, 9],
      [2000, 1],
      [5000, 0],
    ]);
  });

  it('never returns more than asked, and keeps every spike', () => {
    const values = Array.from({ length: 3600 }, (_, i) => Math.sin(i / 50));
    values[1234] = 100;
    values[2345] = -100;
    const out = minMaxDecimate(series(values), 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out).toContainEqual([1234_000, 100]);
    expect(out).toContainEqual([2345_000, -100]);
    expect(out[0]).toEqual([0, values[0]]);
    expect(out.at(-1)).toEqual([3599_000, values[3599]]);
    const times = out.map((pair) => pair[0]);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('keeps one point of a flat bucket', () => {
    const out = minMaxDecimate(series([1, 2, 2, 2, 2, 3]), 4);
    expect(out).toEqual([
      [0, 1],
      [1000, 2],
      [5000, 3],
    ]);
  });

  it('counts only the points from `from` on against the limit', () => {
    const points = series([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(minMaxDecimate(points, 5, 5).map((pair) => pair[1])).toEqual([5, 6, 7, 8, 9]);
  });

  it('keeps two points as two even when asked for fewer', () => {
    expect(minMaxDecimate(series([5, 6]), 1)).toEqual([
      [0, 5],
      [1000, 6],
    ]);
  });
});

describe('minMaxDecimateFlat', () => {
  const wave = Array.from({ length: 3600 }, (_, i) => Math.round(Math.sin(i / 50) * 100));
  const cases: [string, Points, number, number][] = [
    ['no points', { t: [], v: [] }, 10, 0],
    ['one point', series([5]), 4, 0],
    ['all fit', series([3, 1, 4, 1, 5]), 5, 0],
    ['from, with a value without its time', { t: [0, 1, 2], v: [7, 8, 9, 10] }, 10, 1],
    ['buckets', series([50, 10, 90, 20, 30, 40, 5, 60, 70, 55]), 6, 0],
    ['flat buckets', series([1, 2, 2, 2, 2, 3]), 4, 0],
    ['two asked as one', series([5, 6]), 1, 0],
    ['a long wave', series(wave), 300, 0],
    ['a long wave from its middle', series(wave), 301, 1800],
    ['a negative limit', series([1, 2, 3]), -1, 0],
  ];

  it.each(cases)('keeps what minMaxDecimate keeps, flat: %s', (_, points, max, from) => {
    const flat = minMaxDecimateFlat(points, max, from);
    expect(flat).toBeInstanceOf(Float64Array);
    expect([...flat]).toEqual(minMaxDecimate(points, max, from).flat());
  });

  it('keeps full precision for epoch-millisecond times', () => {
    const t = 1_764_950_400_123;
    expect([...minMaxDecimateFlat({ t: [t, t + 1], v: [0.1, 0.2] }, 10)]).toEqual([
      t,
      0.1,
      t + 1,
      0.2,
    ]);
  });
});
