// Series that left a catalog stay available to snapshots for an hour, bounded.
import { describe, expect, it } from 'vitest';
import type { ConsoleSeries } from '../../../shared/api/series';
import { DepartedSeries } from './departed-series';

const series = (id: string): ConsoleSeries => ({
  key: `demo/${id}`,
  endpointId: 'demo',
  id,
  title: id,
  level: 'service',
  unit: '%',
  kind: 'gauge',
  intervalMs: 1000,
});

describe('DepartedSeries', () => {
  it('serves the points a series had when it left', () => {
    const departed = new DepartedSeries();
    departed.keep(5_000, series('beta'), { t: [1_000, 2_000, 3_000], v: [1, 2, 3] });
    expect(departed.since(0).map((s) => s.key)).toEqual(['demo/beta']);
    expect(departed.pointsOf('demo/beta', 2_000)).toEqual({ t: [2_000, 3_000], v: [2, 3] });
    expect(departed.since(6_000)).toEqual([]);
  });

  it('forgets the oldest past its count, its points or its hour', () => {
    const departed = new DepartedSeries({ series: 2, points: 4, keepMs: 60_000 });
    departed.keep(1, series('a'), { t: [1], v: [1] });
    departed.keep(2, series('b'), { t: [1], v: [1] });
    departed.keep(3, series('c'), { t: [1], v: [1] });
    expect(departed.since(0).map((s) => s.id)).toEqual(['b', 'c']);
    departed.keep(4, series('d'), { t: [1, 2, 3, 4], v: [1, 2, 3, 4] });
    expect(departed.since(0).map((s) => s.id)).toEqual(['d']);
    departed.keep(100_000, series('e'), { t: [1], v: [1] });
    expect(departed.since(0).map((s) => s.id)).toEqual(['e']);
  });
});
