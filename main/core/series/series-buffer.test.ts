import { describe, expect, it } from 'vitest';
import { SeriesBuffer } from './series-buffer';
import { exactShape } from './series-history-shape';
import { rawSamplesFor } from './series-raw-budget';

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

/** 2023-11-14T22:13:00Z, a multiple of 30 s, so buckets start at BASE + k × 30 s. */
const BASE = 1_700_000_000_000 - (1_700_000_000_000 % 30_000);
/** An hour at 1 Hz from BASE into a buffer of capacity 3,600 keeping `rawLimit` raw. */
const hourAt1Hz = (rawLimit: number, value: (k: number) => number = (k) => k % 7) => {
  const buffer = new SeriesBuffer(3_600, rawLimit);
  for (let k = 0; k < 3_600; k += 1) buffer.push(BASE + k * 1000, value(k));
  return buffer;
};
const SPIKES = (k: number) => (k === 1_234 ? 999 : k === 2_001 ? -5 : (k % 7) + 0.5);

describe('SeriesBuffer, tiered at its least (an hour at 1 Hz: 5 min raw, older as min/max per 30 s)', () => {
  const hourAt300 = (value?: (k: number) => number) => hourAt1Hz(300, value);

  it('has the shape the docs state: up to 3,600 raw, at least 300, 30 s buckets for the rest', () => {
    expect(new SeriesBuffer(3_600).shape).toEqual({
      rawSamples: 3_600,
      minRawSamples: 300,
      bucketMs: 30_000,
      buckets: 111,
    });
  });

  it('keeps the newest 300 samples exactly, times and values', () => {
    const buffer = hourAt300((k) => k * 1.5 + 0.1);
    const tail = buffer.pointsSince(BASE + 3_300_000);
    expect(tail.t).toEqual(Array.from({ length: 300 }, (_, i) => BASE + (3_300 + i) * 1000));
    expect(tail.v).toEqual(Array.from({ length: 300 }, (_, i) => (3_300 + i) * 1.5 + 0.1));
    expect(buffer.last()).toEqual({ t: BASE + 3_599_000, v: 3_599 * 1.5 + 0.1 });
  });

  it('keeps a one-sample spike older than 5 minutes, with its exact time', () => {
    const buffer = hourAt300(SPIKES);
    const all = buffer.pointsSince(BASE);
    const at = (t: number) => all.v[all.t.indexOf(t)];
    expect(at(BASE + 1_234_000)).toBe(999);
    expect(at(BASE + 2_001_000)).toBe(-5);
    expect(Math.max(...all.v)).toBe(999);
  });

  it('holds the lowest and highest of each 30 s bucket, in time order, then the raw tail', () => {
    // Falls within each bucket, rises in the next: the highest comes first, then last.
    const buffer = hourAt300((k) => (Math.floor(k / 30) % 2 === 0 ? 100 - (k % 30) : k % 30));
    const all = buffer.pointsSince(BASE);
    const older = { t: all.t.slice(0, -300), v: all.v.slice(0, -300) };
    expect(older.t).toHaveLength(110 * 2);
    for (let b = 0; b < 110; b += 1) {
      const start = BASE + b * 30_000;
      const falling = b % 2 === 0;
      expect(older.t.slice(2 * b, 2 * b + 2)).toEqual([start, start + 29_000]);
      expect(older.v.slice(2 * b, 2 * b + 2)).toEqual(falling ? [100, 71] : [0, 29]);
    }
    expect(all.t.slice(-300)[0]).toBe(BASE + 3_300_000);
  });

  it('starts buckets at multiples of their width: a sample on the boundary opens the next one', () => {
    const shape = { rawSamples: 2, minRawSamples: 1, bucketMs: 30_000, buckets: 4 };
    const buffer = new SeriesBuffer(shape, 1);
    // 29.999 s and 30 s fall in different buckets; each bucket is then one point.
    for (const [t, v] of [
      [BASE + 29_999, 5],
      [BASE + 30_000, 6],
      [BASE + 59_999, 7],
      [BASE + 60_000, 8],
    ]) {
      buffer.push(t as number, v as number);
    }
    buffer.push(BASE + 90_000, 9);
    expect(buffer.pointsSince(0)).toEqual({
      t: [BASE + 29_999, BASE + 30_000, BASE + 59_999, BASE + 60_000, BASE + 90_000],
      v: [5, 6, 7, 8, 9],
    });
  });

  it('a bucket whose samples are all equal gives one point, at its first sample', () => {
    const buffer = new SeriesBuffer(
      { rawSamples: 2, minRawSamples: 1, bucketMs: 30_000, buckets: 4 },
      1,
    );
    for (let k = 0; k < 30; k += 1) buffer.push(BASE + k * 1000, 4);
    buffer.push(BASE + 30_000, 4);
    expect(buffer.pointsSince(0)).toEqual({ t: [BASE, BASE + 30_000], v: [4, 4] });
    expect(buffer.size).toBe(2);
  });

  it('after hours of pushes covers the last hour, oldest first, and its memory stays bounded', () => {
    const buffer = new SeriesBuffer(3_600, 300);
    const hours = 5;
    for (let k = 0; k < hours * 3_600; k += 1) buffer.push(BASE + k * 1000, Math.sin(k));
    const end = BASE + (hours * 3_600 - 1) * 1000;
    const all = buffer.pointsSince(0);
    expect(all.t[0]).toBeGreaterThanOrEqual(end - 3_630_000);
    expect(all.t[0]).toBeLessThanOrEqual(end - 3_599_000);
    for (let i = 1; i < all.t.length; i += 1)
      expect(all.t[i]).toBeGreaterThan(all.t[i - 1] as number);
    expect(all.t).toHaveLength(buffer.size);
    // 300 × (8 + 2) bytes raw + 111 buckets × 20 bytes, against 57,600 for the hour in doubles.
    expect(buffer.byteLength).toBe(5_220);
  });

  it('a new series costs a fraction of a full one', () => {
    const buffer = new SeriesBuffer(3_600);
    buffer.push(BASE, 1);
    expect(buffer.byteLength).toBeLessThanOrEqual(200);
  });

  it('refuses a sample not after the newest (a repeat or one back in time) and keeps the rest', () => {
    const buffer = new SeriesBuffer(3_600);
    expect(buffer.push(BASE + 2_000, 2)).toBe(true);
    expect(buffer.push(BASE + 2_000, 3)).toBe(false);
    expect(buffer.push(BASE + 1_000, 1)).toBe(false);
    expect(buffer.push(BASE + 3_000, 4)).toBe(true);
    expect(buffer.pointsSince(0)).toEqual({ t: [BASE + 2_000, BASE + 3_000], v: [2, 4] });
  });

  it('round-trips times a 16-bit step cannot hold: long gaps and fractions of a millisecond', () => {
    const times = [BASE, BASE + 0.25, BASE + 1_000.25, BASE + 400_000];
    times.push(BASE + 465_535, BASE + 531_069, BASE + 86_400_000, 9e15); // steps 65,535 and 65,534
    const buffer = new SeriesBuffer(exactShape(7));
    times.forEach((t, i) => buffer.push(t, i));
    expect(buffer.pointsSince(0)).toEqual({ t: times.slice(1), v: [1, 2, 3, 4, 5, 6, 7] });
  });

  it('pointsSince() in the older tier returns only points at or after `since`', () => {
    const buffer = hourAt300((k) => k);
    // Bucket 10 (300–329 s) holds 300 and 329; asking from 310 s leaves only its highest.
    const from = buffer.pointsSince(BASE + 310_000);
    expect(from.t.slice(0, 3)).toEqual([BASE + 329_000, BASE + 330_000, BASE + 359_000]);
    expect(from.v.slice(0, 3)).toEqual([329, 330, 359]);
  });
});

describe('SeriesBuffer, raw limit set from the shared budget', () => {
  const times = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => BASE + (from + i) * 1000);

  it('at 50 series keeps the whole hour exact, with no buckets, in ~36 kB', () => {
    const buffer = hourAt1Hz(rawSamplesFor(50, 3_600), SPIKES);
    expect(buffer.pointsSince(0)).toEqual({
      t: times(0, 3_600),
      v: Array.from({ length: 3_600 }, (_, k) => SPIKES(k)),
    });
    expect(buffer.size).toBe(3_600);
    expect(buffer.byteLength).toBe(36_000);
  });

  it('at a count that leaves 300 raw, decimates beyond 5 minutes', () => {
    const buffer = hourAt1Hz(rawSamplesFor(40_000, 3_600), SPIKES);
    const all = buffer.pointsSince(0);
    expect(all.t.slice(-300)).toEqual(times(3_300, 300));
    // 110 full buckets before the raw tail, one or two points each.
    expect(all.t.length - 300).toBeGreaterThanOrEqual(110);
    expect(all.t.length - 300).toBeLessThanOrEqual(220);
    expect(all.v).toContain(999);
    expect(buffer.byteLength).toBe(5_220);
  });

  it('lowered on a full buffer, moves the oldest into buckets: every spike kept, the newest exact', () => {
    const buffer = hourAt1Hz(3_600, SPIKES);
    buffer.setRawLimit(500);
    const all = buffer.pointsSince(0);
    // The same as if the limit had been 500 all along.
    expect(all).toEqual(hourAt1Hz(500, SPIKES).pointsSince(0));
    expect(all.t.slice(-500)).toEqual(times(3_100, 500));
    expect(all.v[all.t.indexOf(BASE + 1_234_000)]).toBe(999);
    expect(all.v[all.t.indexOf(BASE + 2_001_000)]).toBe(-5);
    expect(all.t.length).toBeLessThanOrEqual(500 + 2 * 104);
    expect(buffer.byteLength).toBe(500 * 10 + 111 * 20);
    expect(buffer.rawLimit).toBe(500);
  });

  it('raised again, lets the raw tier grow while what was decimated stays so', () => {
    const buffer = hourAt1Hz(300, SPIKES);
    buffer.setRawLimit(3_600);
    for (let k = 3_600; k < 4_200; k += 1) buffer.push(BASE + k * 1000, SPIKES(k));
    const all = buffer.pointsSince(0);
    // The 300 raw at the raise and the 600 since, all exact.
    expect(all.t.slice(-900)).toEqual(times(3_300, 900));
    expect(all.v.slice(-900)).toEqual(Array.from({ length: 900 }, (_, i) => SPIKES(3_300 + i)));
    // Before them, still one or two points per 30 s bucket.
    const older = all.t.slice(0, -900);
    expect(older.length).toBeLessThanOrEqual(220);
    expect(older[0]).toBe(BASE);
    expect(all.v).toContain(999);
  });

  it('raised to its capacity, forgets the buckets once the raw tier holds the whole span', () => {
    const buffer = hourAt1Hz(300);
    buffer.setRawLimit(3_600);
    for (let k = 3_600; k < 7_200; k += 1) buffer.push(BASE + k * 1000, k);
    expect(buffer.pointsSince(0)).toEqual({
      t: times(3_600, 3_600),
      v: Array.from({ length: 3_600 }, (_, i) => 3_600 + i),
    });
    expect(buffer.byteLength).toBe(36_000);
  });

  it('made without a limit keeps its whole capacity exact', () => {
    const buffer = new SeriesBuffer(3_600);
    for (let k = 0; k < 3_601; k += 1) buffer.push(BASE + k * 1000, k);
    expect(buffer.rawLimit).toBe(3_600);
    expect(buffer.pointsSince(0).t).toEqual(times(1, 3_600));
  });

  it('clamps a limit to the shape: at least 300 raw, at most the capacity', () => {
    const buffer = new SeriesBuffer(3_600, 1);
    expect(buffer.rawLimit).toBe(300);
    buffer.setRawLimit(10_000);
    expect(buffer.rawLimit).toBe(3_600);
    expect(new SeriesBuffer(exactShape(3_600), 300).rawLimit).toBe(3_600);
  });

  it.each([20_000, 100_000])(
    'at %i series, memory per series stays within its share of the budget plus buckets',
    (series) => {
      const limit = rawSamplesFor(series, 3_600);
      const buffer = new SeriesBuffer(3_600, limit);
      for (let k = 0; k < 3 * 3_600; k += 1) buffer.push(BASE + k * 1000, Math.sin(k));
      expect(buffer.byteLength).toBeLessThanOrEqual(Math.max(limit, 300) * 10 + 111 * 20);
      expect(buffer.byteLength).toBeLessThan(6_000);
    },
  );
});
