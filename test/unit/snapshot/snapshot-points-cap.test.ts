// The points decoder's total cap: a forged file that claims more points than
// the limit is refused by its counts, before any column is decoded.
import { describe, expect, it } from 'vitest';
import { encodePoints } from '../../../main/core/snapshot/snapshot-columns';
import { PointsDecoder } from '../../../main/core/snapshot/snapshot-points-decoder';
import { SNAPSHOT_LIMITS, type SnapshotHead } from '../../../shared/api/snapshot';

const perSeries = SNAPSHOT_LIMITS.pointsPerSeries;
const seriesCount = SNAPSHOT_LIMITS.totalPoints / perSeries + 1;
const keys = Array.from({ length: seriesCount }, (_, i) => `demo/s${i}`);
// The decoder reads only the catalog keys from the head.
const head = { series: keys.map((key) => ({ key })) } as unknown as SnapshotHead;
// The most points a series may hold, evenly spaced and constant (short columns).
const full = encodePoints({
  t: Array.from({ length: perSeries }, (_, i) => 1_000 * i),
  v: new Array<number>(perSeries).fill(1),
});

describe('snapshot points cap', () => {
  it(`refuses the entry that takes the file past ${SNAPSHOT_LIMITS.totalPoints} points, by its count`, () => {
    const decoder = new PointsDecoder(head);
    let refused: unknown;
    for (const key of keys) {
      try {
        decoder.entry(key, full);
      } catch (err) {
        refused = err;
        break;
      }
    }
    expect(String(refused)).toContain(
      `points.${keys.at(-1)}: more than ${SNAPSHOT_LIMITS.totalPoints} points in all`,
    );
  });
});
