import { describe, expect, it } from 'vitest';
import { KEEP_MS } from '../../store/points-window';
import { DEFAULT_RANGE, DETAIL_RANGES } from './detail-ranges';

describe('detail ranges', () => {
  it('offers 5 min, 15 min, 1 h and 6 h, shortest first', () => {
    expect(DETAIL_RANGES.map((range) => [range.label, range.ms])).toEqual([
      ['5 min', 300_000],
      ['15 min', 900_000],
      ['1 h', 3_600_000],
      ['6 h', 21_600_000],
    ]);
  });

  it('offers no range longer than the store keeps', () => {
    for (const range of DETAIL_RANGES) expect(range.ms).toBeLessThanOrEqual(KEEP_MS);
  });

  it('opens on 15 min, what a fresh console already has from the host', () => {
    expect(DEFAULT_RANGE).toMatchObject({ id: '15m', ms: 15 * 60_000 });
  });

  it('gives each range its own id', () => {
    const ids = DETAIL_RANGES.map((range) => range.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
