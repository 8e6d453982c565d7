import { describe, expect, it } from 'vitest';
import { SeriesStore } from '../../../../main/core/series-store';
import type { SeriesInfo } from '../../../../shared/protocol';

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

describe('SeriesStore.upsertCatalog', () => {
  it('returns every entry the first time, keyed `${endpointId}/${seriesId}`', () => {
    const store = new SeriesStore(10);
    const changed = store.upsertCatalog('ep1', [cpu, signups]);
    expect(changed.map((s) => s.key)).toEqual([
      'ep1/system.cpu.utilization',
      'ep1/app.signups.rate',
    ]);
    expect(changed[0]).toEqual({ ...cpu, key: 'ep1/system.cpu.utilization', endpointId: 'ep1' });
    expect(store.catalog()).toHaveLength(2);
  });

  it('returns nothing when the same catalog is sent again', () => {
    const store = new SeriesStore(10);
    store.upsertCatalog('ep1', [cpu, signups]);
    expect(store.upsertCatalog('ep1', [cpu, signups])).toEqual([]);
    expect(store.catalog()).toHaveLength(2);
  });

  it('returns only the entries that changed or are new', () => {
    const store = new SeriesStore(10);
    store.upsertCatalog('ep1', [cpu, signups]);
    const renamed = { ...cpu, title: 'CPU' };
    const memory: SeriesInfo = { ...cpu, id: 'system.memory.usage', title: 'Memory' };
    const changed = store.upsertCatalog('ep1', [renamed, signups, memory]);
    expect(changed.map((s) => [s.key, s.title])).toEqual([
      ['ep1/system.cpu.utilization', 'CPU'],
      ['ep1/system.memory.usage', 'Memory'],
    ]);
    const stored = store.catalog().find((s) => s.key === 'ep1/system.cpu.utilization');
    expect(stored?.title).toBe('CPU');
    expect(store.catalog()).toHaveLength(3);
  });

  it('keeps series of different endpoints apart even with the same series id', () => {
    const store = new SeriesStore(10);
    store.upsertCatalog('ep1', [cpu]);
    const changed = store.upsertCatalog('ep2', [cpu]);
    expect(changed).toHaveLength(1);
    expect(changed[0]?.key).toBe('ep2/system.cpu.utilization');
    expect(changed[0]?.endpointId).toBe('ep2');
    expect(
      store
        .catalog()
        .map((s) => s.key)
        .sort(),
    ).toEqual(['ep1/system.cpu.utilization', 'ep2/system.cpu.utilization']);
  });

  it('keeps the stored points when a catalog entry changes', () => {
    const store = new SeriesStore(10);
    store.upsertCatalog('ep1', [cpu]);
    store.append('ep1', [{ series: cpu.id, points: [[1, 5]] }]);
    store.upsertCatalog('ep1', [{ ...cpu, title: 'changed' }]);
    expect(store.last('ep1/system.cpu.utilization')).toEqual({ t: 1, v: 5 });
  });
});

describe('SeriesStore.append', () => {
  it('stores points of known series and returns what was added', () => {
    const store = new SeriesStore(10);
    store.upsertCatalog('ep1', [cpu, signups]);
    const result = store.append('ep1', [
      {
        series: cpu.id,
        points: [
          [1000, 40],
          [2000, 42],
        ],
      },
      { series: signups.id, points: [[1000, 14]] },
    ]);
    expect(result.unknown).toEqual([]);
    expect(result.added).toEqual([
      { key: 'ep1/system.cpu.utilization', points: { t: [1000, 2000], v: [40, 42] } },
      { key: 'ep1/app.signups.rate', points: { t: [1000], v: [14] } },
    ]);
    expect(store.last('ep1/system.cpu.utilization')).toEqual({ t: 2000, v: 42 });
    expect(store.pointsSince(0)).toEqual({
      'ep1/system.cpu.utilization': { t: [1000, 2000], v: [40, 42] },
      'ep1/app.signups.rate': { t: [1000], v: [14] },
    });
  });

  it('reports unknown series ids and does not store their points', () => {
    const store = new SeriesStore(10);
    store.upsertCatalog('ep1', [cpu]);
    const result = store.append('ep1', [
      { series: 'not.in.catalog', points: [[1, 1]] },
      { series: cpu.id, points: [[1, 2]] },
    ]);
    expect(result.unknown).toEqual(['not.in.catalog']);
    expect(result.added.map((a) => a.key)).toEqual(['ep1/system.cpu.utilization']);
    expect(store.last('ep1/not.in.catalog')).toBeUndefined();
    expect(Object.keys(store.pointsSince(0))).toEqual(['ep1/system.cpu.utilization']);
  });

  it('treats a series known to another endpoint as unknown', () => {
    const store = new SeriesStore(10);
    store.upsertCatalog('ep1', [cpu]);
    const result = store.append('ep2', [{ series: cpu.id, points: [[1, 1]] }]);
    expect(result.unknown).toEqual([cpu.id]);
    expect(result.added).toEqual([]);
    expect(store.last('ep1/system.cpu.utilization')).toBeUndefined();
  });

  it('bounds every series by the store capacity', () => {
    const store = new SeriesStore(3);
    store.upsertCatalog('ep1', [cpu]);
    const points: [number, number][] = [1, 2, 3, 4, 5].map((t) => [t, t * 10]);
    store.append('ep1', [{ series: cpu.id, points }]);
    expect(store.pointsSince(0)['ep1/system.cpu.utilization']).toEqual({
      t: [3, 4, 5],
      v: [30, 40, 50],
    });
  });

  it('last() is undefined for an unknown key', () => {
    expect(new SeriesStore(3).last('nope/nope')).toBeUndefined();
  });
});
