// The decoder's total cap at its boundary, with a small limit so the run is
// cheap (test/unit/snapshot/snapshot-points-cap.test.ts holds the real one).
import { describe, expect, it } from 'vitest';
import type { SnapshotHead } from '../../../shared/api/snapshot';
import { encodePoints } from './snapshot-columns';
import { PointsDecoder } from './snapshot-points-decoder';

const head = { series: ['a', 'b', 'c'].map((key) => ({ key })) } as unknown as SnapshotHead;
const points = (n: number) =>
  encodePoints({ t: Array.from({ length: n }, (_, i) => 1_000 * i), v: new Array(n).fill(2) });

describe('PointsDecoder', () => {
  it('accepts entries that reach the limit exactly and decodes them', () => {
    const decoder = new PointsDecoder(head, 10);
    decoder.entry('a', points(4));
    decoder.entry('b', points(6));
    const decoded = decoder.finish();
    expect(decoded['a']).toEqual({ t: [0, 1_000, 2_000, 3_000], v: [2, 2, 2, 2] });
    expect(decoded['b']?.t).toHaveLength(6);
    expect(decoded['c']).toEqual({ t: [], v: [] });
  });

  it('refuses the entry that goes one point past the limit, naming it and the limit', () => {
    const decoder = new PointsDecoder(head, 10);
    decoder.entry('a', points(4));
    expect(() => decoder.entry('b', points(7))).toThrow(
      'invalid snapshot: points.b: more than 10 points in all',
    );
  });

  it('refuses a series not in the catalog and a malformed entry, by path', () => {
    const decoder = new PointsDecoder(head, 10);
    expect(() => decoder.entry('z', points(1))).toThrow(
      'invalid snapshot: points.z: a series not in the catalog',
    );
    expect(() => decoder.entry('a', { n: 'x' })).toThrow(/invalid snapshot: .*points.*a/);
  });
});
