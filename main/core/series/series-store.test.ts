import { describe, expect, it } from 'vitest';
import { SeriesStore } from './series-store';
import type { SampleBatch, SeriesInfo } from '../../../shared/protocol';

/** The store's clock in these tests; sample times are around it. */
const NOW = 1_700_000_000_000;
const DAY = 86_400_000;
const t = (s: number) => NOW - 60_000 + s * 1000;

const cpu: SeriesInfo = {
  id: 'system.cpu.utilization',
  title: 'CPU load',
  level: 'technical',
  unit: '%',
  kind: 'gauge',
  intervalMs: 1000,
  thresholds: { warning: 70, critical: 90, direction: 'above' },
};
const signups: SeriesInfo = {
  id: 'app.signups.rate',
  title: 'Signups',
  level: 'business',
  unit: '{signup}/min',
  kind: 'gauge',
  intervalMs: 1000,
};
const CPU = 'ep1/system.cpu.utilization';

const store = (capacity = 10, maxSeries?: number) =>
  new SeriesStore(capacity, maxSeries, () => NOW);
const batch = (series: string, points: [number, number][]): SampleBatch => ({ series, points });
const numbered = (n: number): SeriesInfo[] =>
  Array.from({ length: n }, (_, i) => ({ ...cpu, id: `s${i}` }));

describe('SeriesStore.upsertCatalog', () => {
  it('returns every entry the first time, keyed `${endpointId}/${seriesId}`', () => {
    const s = store();
    const report = s.upsertCatalog('ep1', [cpu, signups]);
    expect(report.changed.map((e) => e.key)).toEqual([CPU, 'ep1/app.signups.rate']);
    expect(report.changed[0]).toEqual({ ...cpu, key: CPU, endpointId: 'ep1' });
    expect(report.removed).toEqual([]);
    expect(report.overCap).toBe(0);
    expect(s.catalog()).toHaveLength(2);
    expect(s.countOf('ep1')).toBe(2);
  });

  it('returns nothing when the same catalog is sent again', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu, signups]);
    expect(s.upsertCatalog('ep1', [cpu, signups])).toEqual({
      changed: [],
      removed: [],
      overCap: 0,
    });
    expect(s.catalog()).toHaveLength(2);
  });

  it('an entry re-sent with its keys in another order is no change; a changed threshold is', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    const reordered = JSON.parse(
      '{"thresholds":{"direction":"above","critical":90,"warning":70},"intervalMs":1000,' +
        '"kind":"gauge","unit":"%","level":"technical","title":"CPU load","id":"system.cpu.utilization"}',
    ) as SeriesInfo;
    expect(s.upsertCatalog('ep1', [reordered]).changed).toEqual([]);
    const stricter = { ...reordered, thresholds: { ...cpu.thresholds!, critical: 85 } };
    expect(s.upsertCatalog('ep1', [stricter]).changed.map((e) => e.thresholds)).toEqual([
      { warning: 70, critical: 85, direction: 'above' },
    ]);
  });

  it('returns only the entries that changed or are new', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu, signups]);
    const renamed = { ...cpu, title: 'CPU' };
    const memory: SeriesInfo = { ...cpu, id: 'system.memory.usage', title: 'Memory' };
    const { changed } = s.upsertCatalog('ep1', [renamed, signups, memory]);
    expect(changed.map((e) => [e.key, e.title])).toEqual([
      [CPU, 'CPU'],
      ['ep1/system.memory.usage', 'Memory'],
    ]);
    expect(s.catalog().find((e) => e.key === CPU)?.title).toBe('CPU');
    expect(s.catalog()).toHaveLength(3);
  });

  it('without replace, series missing from the list are kept', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu, signups]);
    expect(s.upsertCatalog('ep1', [cpu]).removed).toEqual([]);
    expect(s.countOf('ep1')).toBe(2);
  });

  it('with replace, series missing from the list are removed with their points', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu, signups]);
    s.append('ep1', [batch(cpu.id, [[t(1), 5]])]);
    const report = s.upsertCatalog('ep1', [signups], true);
    expect(report).toEqual({ changed: [], removed: [CPU], overCap: 0 });
    expect(s.catalog().map((e) => e.key)).toEqual(['ep1/app.signups.rate']);
    expect(s.last(CPU)).toBeUndefined();
    expect(s.countOf('ep1')).toBe(1);
    expect(s.append('ep1', [batch(cpu.id, [[t(2), 1]])]).unknown).toEqual([cpu.id]);
  });

  it('replace only touches the endpoint it is for', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    s.upsertCatalog('ep2', [cpu]);
    expect(s.upsertCatalog('ep2', [], true).removed).toEqual(['ep2/system.cpu.utilization']);
    expect(s.catalog().map((e) => e.key)).toEqual([CPU]);
  });

  it('keeps series of different endpoints apart even with the same series id', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    const { changed } = s.upsertCatalog('ep2', [cpu]);
    expect(changed).toHaveLength(1);
    expect(changed[0]?.key).toBe('ep2/system.cpu.utilization');
    expect(changed[0]?.endpointId).toBe('ep2');
    expect(
      s
        .catalog()
        .map((e) => e.key)
        .sort(),
    ).toEqual([CPU, 'ep2/system.cpu.utilization']);
  });

  it('keeps the stored points when a catalog entry changes', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    s.append('ep1', [batch(cpu.id, [[t(1), 5]])]);
    s.upsertCatalog('ep1', [{ ...cpu, title: 'changed' }]);
    expect(s.last(CPU)).toEqual({ t: t(1), v: 5 });
  });

  it('keeps a series error when the catalog entry is sent again or changes', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    s.setError('ep1', cpu.id, 'query failed');
    expect(s.upsertCatalog('ep1', [cpu]).changed).toEqual([]);
    const { changed } = s.upsertCatalog('ep1', [{ ...cpu, title: 'CPU' }]);
    expect(changed[0]).toMatchObject({ title: 'CPU', error: 'query failed' });
  });

  it('refuses new series beyond the per-endpoint cap and counts them', () => {
    const s = store(10, 3);
    const report = s.upsertCatalog('ep1', numbered(5));
    expect(report.changed.map((e) => e.id)).toEqual(['s0', 's1', 's2']);
    expect(report.overCap).toBe(2);
    expect(s.countOf('ep1')).toBe(3);
    expect(s.upsertCatalog('ep2', numbered(3)).overCap).toBe(0);
  });

  it('at the cap, known series can still change', () => {
    const s = store(10, 2);
    s.upsertCatalog('ep1', numbered(2));
    const report = s.upsertCatalog('ep1', [{ ...cpu, id: 's1', title: 'renamed' }, signups]);
    expect(report.changed.map((e) => e.title)).toEqual(['renamed']);
    expect(report.overCap).toBe(1);
  });

  it('a replacing catalog frees room before the cap is applied', () => {
    const s = store(10, 2);
    s.upsertCatalog('ep1', numbered(2));
    const report = s.upsertCatalog('ep1', [cpu, signups], true);
    expect(report.removed).toEqual(['ep1/s0', 'ep1/s1']);
    expect(report.overCap).toBe(0);
    expect(s.countOf('ep1')).toBe(2);
  });
});

describe('SeriesStore.setError', () => {
  it('sets and clears the error, returning the entry only when it changed', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    expect(s.setError('ep1', cpu.id, 'query failed')).toMatchObject({
      key: CPU,
      error: 'query failed',
    });
    expect(s.setError('ep1', cpu.id, 'query failed')).toBeUndefined();
    expect(s.catalog()[0]?.error).toBe('query failed');
    const cleared = s.setError('ep1', cpu.id);
    expect(cleared).toBeDefined();
    expect(cleared && 'error' in cleared).toBe(false);
    expect(s.catalog()[0]).toEqual({ ...cpu, key: CPU, endpointId: 'ep1' });
    expect(s.setError('ep1', cpu.id)).toBeUndefined();
  });

  it('is undefined for a series not in the catalog', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    expect(s.setError('ep2', cpu.id, 'x')).toBeUndefined();
    expect(s.setError('ep1', 'nope', 'x')).toBeUndefined();
  });
});

describe('SeriesStore.append', () => {
  it('stores points of known series and returns what was added', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu, signups]);
    const report = s.append('ep1', [
      batch(cpu.id, [
        [t(1), 40],
        [t(2), 42],
      ]),
      batch(signups.id, [[t(1), 14]]),
    ]);
    expect(report).toEqual({
      added: [
        { key: CPU, points: { t: [t(1), t(2)], v: [40, 42] } },
        { key: 'ep1/app.signups.rate', points: { t: [t(1)], v: [14] } },
      ],
      unknown: [],
      outOfOrder: 0,
      overlap: 0,
      absurd: 0,
    });
    expect(s.last(CPU)).toEqual({ t: t(2), v: 42 });
    expect(s.pointsSince(0)).toEqual({
      [CPU]: { t: [t(1), t(2)], v: [40, 42] },
      'ep1/app.signups.rate': { t: [t(1)], v: [14] },
    });
  });

  it('reports unknown series ids and does not store their points', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    const report = s.append('ep1', [
      batch('not.in.catalog', [[t(1), 1]]),
      batch(cpu.id, [[t(1), 2]]),
    ]);
    expect(report.unknown).toEqual(['not.in.catalog']);
    expect(report.added.map((a) => a.key)).toEqual([CPU]);
    expect(s.last('ep1/not.in.catalog')).toBeUndefined();
    expect(Object.keys(s.pointsSince(0))).toEqual([CPU]);
  });

  it('treats a series known to another endpoint as unknown', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    const report = s.append('ep2', [batch(cpu.id, [[t(1), 1]])]);
    expect(report.unknown).toEqual([cpu.id]);
    expect(report.added).toEqual([]);
    expect(s.last(CPU)).toBeUndefined();
  });

  it('bounds every series by the store capacity', () => {
    const s = store(3);
    s.upsertCatalog('ep1', [cpu]);
    const points: [number, number][] = [1, 2, 3, 4, 5].map((k) => [t(k), k * 10]);
    s.append('ep1', [batch(cpu.id, points)]);
    expect(s.pointsSince(0)[CPU]).toEqual({ t: [t(3), t(4), t(5)], v: [30, 40, 50] });
  });

  it('drops repeated and backwards timestamps within a batch as outOfOrder', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    const report = s.append('ep1', [
      batch(cpu.id, [
        [t(1), 1],
        [t(1), 2],
        [t(3), 3],
        [t(2), 4],
        [t(4), 5],
      ]),
    ]);
    expect(report.outOfOrder).toBe(2);
    expect(report.overlap).toBe(0);
    expect(report.added).toEqual([{ key: CPU, points: { t: [t(1), t(3), t(4)], v: [1, 3, 5] } }]);
    expect(s.pointsSince(0)[CPU]).toEqual({ t: [t(1), t(3), t(4)], v: [1, 3, 5] });
  });

  it('skips points not newer than what is stored as overlap, quietly, and keeps the new ones', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    s.append('ep1', [
      batch(cpu.id, [
        [t(1), 1],
        [t(2), 2],
        [t(3), 3],
      ]),
    ]);
    const report = s.append('ep1', [
      batch(cpu.id, [
        [t(2), 20],
        [t(3), 30],
        [t(4), 40],
      ]),
    ]);
    expect(report.overlap).toBe(2);
    expect(report.outOfOrder).toBe(0);
    expect(report.added).toEqual([{ key: CPU, points: { t: [t(4)], v: [40] } }]);
    expect(s.pointsSince(0)[CPU]).toEqual({ t: [t(1), t(2), t(3), t(4)], v: [1, 2, 3, 40] });
  });

  it('a batch entirely older than what is stored is all overlap and adds nothing', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    s.append('ep1', [batch(cpu.id, [[t(10), 1]])]);
    const report = s.append('ep1', [
      batch(cpu.id, [
        [t(1), 1],
        [t(5), 5],
      ]),
    ]);
    expect(report).toMatchObject({ added: [], overlap: 2, outOfOrder: 0, absurd: 0 });
  });

  it.each([
    ['zero', 0],
    ['seconds instead of milliseconds', 1_700_000_000],
    ['just before 1e12', 1e12 - 1],
    ['more than a day ahead', NOW + DAY + 1],
  ])('drops an absurd timestamp (%s)', (_, time) => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    const report = s.append('ep1', [
      batch(cpu.id, [
        [time, 1],
        [t(1), 2],
      ]),
    ]);
    expect(report.absurd).toBe(1);
    expect(report.outOfOrder).toBe(0);
    expect(report.added).toEqual([{ key: CPU, points: { t: [t(1)], v: [2] } }]);
  });

  it.each([1e12, NOW + DAY])('accepts the boundary timestamp %d', (time) => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    const report = s.append('ep1', [batch(cpu.id, [[time, 1]])]);
    expect(report.absurd).toBe(0);
    expect(s.last(CPU)).toEqual({ t: time, v: 1 });
  });

  it('corrects the day-ahead limit by the endpoint clock skew', () => {
    const hour = 3_600_000;
    const ahead = NOW + DAY + hour / 2;
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    expect(s.append('ep1', [batch(cpu.id, [[ahead, 1]])], hour).absurd).toBe(0);
    const behind = store();
    behind.upsertCatalog('ep1', [cpu]);
    expect(behind.append('ep1', [batch(cpu.id, [[NOW + DAY - hour / 2, 1]])], -hour).absurd).toBe(
      1,
    );
  });

  it('an absurd point does not count as the previous one for ordering', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu]);
    const report = s.append('ep1', [
      batch(cpu.id, [
        [NOW + 2 * DAY, 0],
        [t(1), 1],
      ]),
    ]);
    expect(report).toMatchObject({ absurd: 1, outOfOrder: 0 });
    expect(s.last(CPU)).toEqual({ t: t(1), v: 1 });
  });

  it('last() is undefined for an unknown key', () => {
    expect(store(3).last('nope/nope')).toBeUndefined();
  });
});

describe('SeriesStore.countOf and dropEndpoint', () => {
  it('countOf is 0 for an endpoint never seen', () => {
    expect(store().countOf('ep9')).toBe(0);
  });

  it('dropEndpoint forgets every series of the endpoint and returns their keys', () => {
    const s = store();
    s.upsertCatalog('ep1', [cpu, signups]);
    s.upsertCatalog('ep2', [cpu]);
    s.append('ep1', [batch(cpu.id, [[t(1), 1]])]);
    expect(s.dropEndpoint('ep1')).toEqual([CPU, 'ep1/app.signups.rate']);
    expect(s.countOf('ep1')).toBe(0);
    expect(s.catalog().map((e) => e.key)).toEqual(['ep2/system.cpu.utilization']);
    expect(Object.keys(s.pointsSince(0))).toEqual(['ep2/system.cpu.utilization']);
    expect(s.last(CPU)).toBeUndefined();
    expect(s.dropEndpoint('ep1')).toEqual([]);
  });

  it('a dropped endpoint can come back with a fresh catalog', () => {
    const s = store(10, 2);
    s.upsertCatalog('ep1', numbered(2));
    s.dropEndpoint('ep1');
    const report = s.upsertCatalog('ep1', [cpu, signups]);
    expect(report.changed).toHaveLength(2);
    expect(report.overCap).toBe(0);
  });
});

describe('SeriesStore: raw history shared by a memory budget', () => {
  /** An hour's raw samples for exactly two series: 2 × 3,600 × 10 bytes. */
  const BUDGET = 72_000;
  const budgeted = () => new SeriesStore(3_600, 5_000, () => NOW, BUDGET);
  const HOUR_START = NOW - 3_600_000;
  const hour = (k: number) => HOUR_START + k * 1000;
  const spiky = (k: number) => (k === 1_000 ? 999 : k % 5);
  const fillHour = (s: SeriesStore, endpointId: string, seriesId: string) =>
    s.append(endpointId, [
      batch(
        seriesId,
        Array.from({ length: 3_600 }, (_, k): [number, number] => [hour(k), spiky(k)]),
      ),
    ]);
  const exactHour = {
    t: Array.from({ length: 3_600 }, (_, k) => hour(k)),
    v: Array.from({ length: 3_600 }, (_, k) => spiky(k)),
  };

  it('shares the budget by the count held, clamped to 300 and to the capacity', () => {
    const s = budgeted();
    expect(s.rawSamplesPerSeries).toBe(3_600);
    s.upsertCatalog('ep1', numbered(2));
    expect(s.rawSamplesPerSeries).toBe(3_600);
    s.upsertCatalog('ep1', numbered(3));
    expect(s.rawSamplesPerSeries).toBe(2_400);
    s.upsertCatalog('ep1', numbered(24));
    expect(s.rawSamplesPerSeries).toBe(300);
    s.upsertCatalog('ep1', numbered(1_000));
    expect(s.rawSamplesPerSeries).toBe(300);
  });

  it('keeps the whole hour exact while the budget allows', () => {
    const s = budgeted();
    s.upsertCatalog('ep1', [cpu, signups]);
    fillHour(s, 'ep1', cpu.id);
    expect(s.pointsOf(CPU, 0)).toEqual(exactHour);
  });

  it('when series join, moves the oldest samples of full buffers into buckets, every spike kept', () => {
    const s = budgeted();
    s.upsertCatalog('ep1', [cpu, signups]);
    fillHour(s, 'ep1', cpu.id);
    s.upsertCatalog('ep2', numbered(22));
    expect(s.rawSamplesPerSeries).toBe(300);
    const points = s.pointsOf(CPU, 0);
    expect(points.t.slice(-300)).toEqual(exactHour.t.slice(-300));
    expect(points.v.slice(-300)).toEqual(exactHour.v.slice(-300));
    expect(points.t.length).toBeLessThanOrEqual(300 + 2 * 111);
    expect(points.v[points.t.indexOf(hour(1_000))]).toBe(999);
    expect(Math.min(...points.v)).toBe(0);
    expect(s.meanSince(CPU, hour(3_300))).toBe(2);
  });

  it('when series leave, lets the raw span grow again for new samples', () => {
    const s = budgeted();
    s.upsertCatalog('ep1', [cpu]);
    s.upsertCatalog('ep2', numbered(23));
    fillHour(s, 'ep1', cpu.id);
    s.dropEndpoint('ep2');
    expect(s.rawSamplesPerSeries).toBe(3_600);
    const more = Array.from({ length: 600 }, (_, i): [number, number] => [hour(3_600 + i), i]);
    s.append('ep1', [batch(cpu.id, more)]);
    const points = s.pointsOf(CPU, 0);
    // The 300 raw when the series left, then the 600 since: 900 exact.
    expect(points.t.slice(-900)).toEqual([...exactHour.t.slice(-300), ...more.map(([t]) => t)]);
    expect(points.v.slice(-900)).toEqual([...exactHour.v.slice(-300), ...more.map(([, v]) => v)]);
    expect(points.t.length).toBeLessThanOrEqual(900 + 2 * 111);
  });

  it('a replacing catalog that removes series raises the limit too', () => {
    const s = budgeted();
    s.upsertCatalog('ep1', numbered(24));
    expect(s.rawSamplesPerSeries).toBe(300);
    s.upsertCatalog('ep1', numbered(1), true);
    expect(s.rawSamplesPerSeries).toBe(3_600);
  });
});
