// The point columns: every encoding gives back the very same numbers, picks
// the compact form where it can, and refuses a damaged column.
import { describe, expect, it } from 'vitest';
import type { Points } from '../../../shared/api/series';
import type { EncodedPoints } from '../../../shared/api/snapshot';
import { ColumnError, decodePoints, encodablePoints, encodePoints } from './snapshot-columns';
import { entryPieces } from './snapshot-writer';

const T0 = 1_736_942_400_000;

function steady(values: number[], stepMs = 1000): Points {
  return { t: values.map((_, i) => T0 + i * stepMs), v: values };
}

function roundTrip(points: Points): { encoded: EncodedPoints; decoded: Points } {
  const encoded = encodePoints(points);
  // Through JSON, as in a file.
  const decoded = decodePoints(JSON.parse(JSON.stringify(encoded)) as EncodedPoints);
  return { encoded, decoded };
}

describe('point columns', () => {
  it('keeps values with few decimals exact, as scaled integers', () => {
    const points = steady([99.98, 99.97, 100, 54.3, -0.01, 0, 1e-7, 12345.678]);
    const { encoded, decoded } = roundTrip(points);
    expect(encoded.v).toMatchObject({ enc: 'decimal', scale: 7 });
    expect(decoded).toEqual(points);
  });

  it('encodes whole numbers with scale 0 and large counters exactly', () => {
    const points = steady([0, 4820, 2 ** 50, -(2 ** 50), 7]);
    const { encoded, decoded } = roundTrip(points);
    expect(encoded.v).toMatchObject({ enc: 'decimal', scale: 0 });
    expect(decoded).toEqual(points);
  });

  it('falls back to float64 for full-precision doubles and keeps every bit', () => {
    const values = [1 / 3, Math.PI, -Math.E, 5e-324, 1.7976931348623157e308, 0.1 + 0.2, 2 ** 60];
    const points = steady(values);
    const { encoded, decoded } = roundTrip(points);
    expect(encoded.v.enc).toBe('float64');
    for (let i = 0; i < values.length; i += 1)
      expect(Object.is(decoded.v[i], values[i])).toBe(true);
    expect(decoded.t).toEqual(points.t);
  });

  it('makes a steady 1 s series a run of zero bytes after the first step', () => {
    const { encoded } = roundTrip(steady(Array.from({ length: 3600 }, (_, i) => i % 7)));
    const bytes = Buffer.from(encoded.t.dod, 'base64');
    expect(bytes.length).toBe(3599 + 1); // 1000 takes two varint bytes, then 3598 zeros
    expect(bytes.subarray(2).every((b) => b === 0)).toBe(true);
  });

  it('round-trips jittered, gappy and repeated timestamps', () => {
    const t = [T0, T0 + 1003, T0 + 1998, T0 + 60_000, T0 + 60_000, T0 + 61_001, T0 + 86_400_000];
    const points = { t, v: t.map((_, i) => i * 1.5) };
    expect(roundTrip(points).decoded).toEqual(points);
  });

  it('handles an empty series and a single point', () => {
    expect(roundTrip({ t: [], v: [] }).decoded).toEqual({ t: [], v: [] });
    expect(roundTrip({ t: [T0], v: [42.5] }).decoded).toEqual({ t: [T0], v: [42.5] });
  });

  it('round-trips a long random walk at both precisions', () => {
    let x = 100;
    const raw = Array.from({ length: 10_000 }, () => (x += Math.sin(x) * 3));
    for (const values of [raw, raw.map((v) => Number(v.toFixed(2)))]) {
      const points = steady(values);
      expect(roundTrip(points).decoded).toEqual(points);
    }
  });

  it('drops what cannot be stored exactly: non-finite values, absurd or backward times', () => {
    const dirty = {
      t: [T0, T0 + 1000.4, T0 + 500, T0 + 2000, -5, T0 + 3000, 2 ** 50],
      v: [1, 2, 3, Number.NaN, 5, Infinity, 7],
    };
    expect(encodablePoints(dirty)).toEqual({ t: [T0, T0 + 1000], v: [1, 2] });
    const clean = steady([1, 2, 3]);
    expect(encodablePoints(clean)).toBe(clean);
  });

  it('encodes typed arrays (a source may hand over its rings) as it encodes arrays', () => {
    for (const values of [
      [1.5, 2.25, 3],
      [1 / 3, Math.PI, 2],
    ]) {
      const points = steady(values);
      const ring = new Float64Array([0, ...values, 0]);
      const typed = { t: Float64Array.from(points.t), v: ring.subarray(1, 1 + values.length) };
      expect(encodePoints(encodablePoints(typed))).toEqual(encodePoints(points));
    }
  });

  it('writes entries by hand exactly as JSON.stringify would', () => {
    for (const values of [[1.5, 2.25], [1 / 3, 2 / 3], []]) {
      const entry = encodePoints(steady(values));
      const key = 'demo/süß "quoted"';
      expect(entryPieces(key, entry).join('')).toBe(
        `${JSON.stringify(key)}:${JSON.stringify(entry)}`,
      );
    }
  });
});

describe('damaged columns', () => {
  const good = encodePoints(steady([1.5, 2.5, 3.5, 4.5]));
  const floats = encodePoints(steady([1 / 3, 2 / 3, 1 / 7]));

  const cases: [string, EncodedPoints, RegExp][] = [
    ['a count above what the columns hold', { ...good, n: 5 }, /ends before its last point/],
    [
      'a count below what the columns hold',
      { ...good, n: 3 },
      /more numbers than its entry's count/,
    ],
    [
      'characters outside base64',
      { ...good, t: { ...good.t, dod: `*${good.t.dod.slice(1)}` } },
      /not canonical base64/,
    ],
    [
      'times going backwards',
      { ...good, t: { ...good.t, dod: Buffer.from([0x87, 0x0f, 0x01, 0x00]).toString('base64') } },
      /backwards/,
    ],
    [
      'a number longer than 8 bytes',
      { ...good, t: { ...good.t, dod: Buffer.alloc(12, 0xff).toString('base64') } },
      /oversized/,
    ],
    [
      'float bytes of the wrong length',
      { ...floats, v: { enc: 'float64', xor: Buffer.alloc(20).toString('base64') } },
      /expected 24/,
    ],
    [
      'a NaN among the floats',
      {
        ...floats,
        n: 1,
        t: { start: T0, dod: '' },
        v: { enc: 'float64', xor: Buffer.from([0x7f, 0xf8, 0, 0, 0, 0, 0, 0]).toString('base64') },
      },
      /not a finite number/,
    ],
  ];

  it.each(cases)('refuses %s', (_what, entry, message) => {
    expect(() => decodePoints(entry)).toThrow(ColumnError);
    expect(() => decodePoints(entry)).toThrow(message);
  });
});
