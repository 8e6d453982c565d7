import { describe, expect, it } from 'vitest';
import { SeriesBuffer } from './series-buffer';

describe('SeriesBuffer', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects capacity %s with a RangeError',
    (capacity) => {
      expect(() => new SeriesBuffer(capacity)).toThrow(RangeError);
      expect(() => new SeriesBuffer(capacity)).toThrow(/positive integer/);
    },
  );

  it('accepts a capacity of one and keeps only the newest sample', () => {
    const buffer = new SeriesBuffer(1);
    buffer.push(1, 10);
    buffer.push(2, 20);
    expect(buffer.size).toBe(1);
    expect(buffer.pointsSince(0)).toEqual({ t: [2], v: [20] });
  });

  it('is empty at first: size 0, no last(), no points', () => {
    const buffer = new SeriesBuffer(4);
    expect(buffer.size).toBe(0);
    expect(buffer.last()).toBeUndefined();
    expect(buffer.pointsSince(Number.NEGATIVE_INFINITY)).toEqual({ t: [], v: [] });
  });

  it('keeps samples in insertion order before it is full', () => {
    const buffer = new SeriesBuffer(5);
    buffer.push(1, 1.5);
    buffer.push(2, 2.5);
    buffer.push(3, 3.5);
    expect(buffer.size).toBe(3);
    expect(buffer.pointsSince(0)).toEqual({ t: [1, 2, 3], v: [1.5, 2.5, 3.5] });
  });

  it('after wrapping around keeps exactly the newest `capacity` samples, oldest first', () => {
    const capacity = 4;
    const buffer = new SeriesBuffer(capacity);
    for (let i = 1; i <= 11; i += 1) buffer.push(i * 1000, i * 10);
    expect(buffer.size).toBe(capacity);
    expect(buffer.pointsSince(0)).toEqual({
      t: [8000, 9000, 10000, 11000],
      v: [80, 90, 100, 110],
    });
  });

  it('wraps correctly at every fill level', () => {
    const capacity = 3;
    const buffer = new SeriesBuffer(capacity);
    for (let n = 1; n <= 10; n += 1) {
      buffer.push(n, -n);
      const first = Math.max(1, n - capacity + 1);
      const expectedT = Array.from({ length: n - first + 1 }, (_, k) => first + k);
      expect(buffer.pointsSince(0)).toEqual({ t: expectedT, v: expectedT.map((t) => -t) });
    }
  });

  it('last() returns the newest sample, also after wrapping', () => {
    const buffer = new SeriesBuffer(3);
    buffer.push(1, 100);
    expect(buffer.last()).toEqual({ t: 1, v: 100 });
    for (let i = 2; i <= 7; i += 1) buffer.push(i, i * 100);
    expect(buffer.last()).toEqual({ t: 7, v: 700 });
  });

  it('pointsSince() includes samples at exactly `since` and excludes older ones', () => {
    const buffer = new SeriesBuffer(10);
    for (const t of [100, 200, 300, 400]) buffer.push(t, t / 100);
    expect(buffer.pointsSince(300)).toEqual({ t: [300, 400], v: [3, 4] });
    expect(buffer.pointsSince(301)).toEqual({ t: [400], v: [4] });
    expect(buffer.pointsSince(401)).toEqual({ t: [], v: [] });
  });

  it('pointsSince() filters on a wrapped buffer and keeps order', () => {
    const buffer = new SeriesBuffer(4);
    for (let i = 1; i <= 6; i += 1) buffer.push(i * 10, i);
    // holds 30, 40, 50, 60
    expect(buffer.pointsSince(45)).toEqual({ t: [50, 60], v: [5, 6] });
  });

  it('returns copies: changing the result does not change the buffer', () => {
    const buffer = new SeriesBuffer(3);
    buffer.push(1, 1);
    const points = buffer.pointsSince(0);
    points.t.push(99);
    points.v[0] = 42;
    expect(buffer.pointsSince(0)).toEqual({ t: [1], v: [1] });
  });
});
