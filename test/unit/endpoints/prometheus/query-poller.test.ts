// The poller on fake timers with a scripted Prometheus: ticks on the
// interval's grid, no pile-up behind a slow query, errors sent on change
// only, one shared backfill merged with live points.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueryData } from '../../../../endpoints/prometheus/prometheus-client';
import { QueryPoller, type QuerySource } from '../../../../endpoints/prometheus/query-poller';
import type { SampleBatch } from '../../../../shared/protocol';

const T0 = 1_767_268_800_000;

function vector(value: number, timeMs: number): QueryData {
  return { resultType: 'vector', result: [{ metric: {}, value: [timeMs / 1000, String(value)] }] };
}

function recorder() {
  const samples: SampleBatch[][] = [];
  const errors: Array<[string, string | undefined]> = [];
  return {
    samples,
    errors,
    listener: {
      samples: (batches: SampleBatch[]) => samples.push(batches),
      seriesError: (series: string, message: string | undefined) => errors.push([series, message]),
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0 + 300);
});
afterEach(() => vi.useRealTimers());

describe('QueryPoller', () => {
  it('polls on the interval grid, one samples call per tick, and stops with the last listener', async () => {
    const times: number[] = [];
    const source: QuerySource = {
      query: (_q, time) => {
        times.push(time);
        return Promise.resolve(vector(1, time));
      },
      queryRange: () => Promise.reject(new Error('unused')),
    };
    const poller = new QueryPoller({
      series: [
        { id: 'a', query: 'qa', intervalMs: 1000 },
        { id: 'b', query: 'qb', intervalMs: 1000 },
      ],
      source,
      backfillMs: 0,
    });
    const r = recorder();
    const off = poller.subscribe(r.listener);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(times).toEqual([
      T0,
      T0,
      T0 + 1000,
      T0 + 1000,
      T0 + 2000,
      T0 + 2000,
      T0 + 3000,
      T0 + 3000,
    ]);
    expect(r.samples).toHaveLength(4);
    expect(r.samples[1]).toEqual([
      { series: 'a', points: [[T0 + 1000, 1]] },
      { series: 'b', points: [[T0 + 1000, 1]] },
    ]);
    off();
    expect(poller.polling).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(times).toHaveLength(8);
  });

  it('lets a slow query skip ticks instead of piling up, while the others go on', async () => {
    const calls = { slow: 0, fast: 0 };
    const source: QuerySource = {
      query: (q, time) => {
        if (q === 'slow') {
          calls.slow += 1;
          return new Promise(() => {});
        }
        calls.fast += 1;
        return Promise.resolve(vector(2, time));
      },
      queryRange: () => Promise.reject(new Error('unused')),
    };
    const poller = new QueryPoller({
      series: [
        { id: 'slow', query: 'slow', intervalMs: 1000 },
        { id: 'fast', query: 'fast', intervalMs: 2000 },
      ],
      source,
      backfillMs: 0,
    });
    const off = poller.subscribe(recorder().listener);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls.slow).toBe(1);
    expect(calls.fast).toBe(3);
    off();
  });

  it('reports an error once while it lasts and clears it on recovery', async () => {
    let failing = true;
    const source: QuerySource = {
      query: (_q, time) =>
        failing
          ? Promise.reject(new Error('Prometheus unreachable at http://p:9090: boom'))
          : Promise.resolve(vector(3, time)),
      queryRange: () => Promise.reject(new Error('unused')),
    };
    const poller = new QueryPoller({
      series: [{ id: 'a', query: 'qa', intervalMs: 1000 }],
      source,
      backfillMs: 0,
    });
    const r = recorder();
    const off = poller.subscribe(r.listener);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(r.errors).toEqual([['a', 'Prometheus unreachable at http://p:9090: boom']]);
    expect(poller.errors()).toEqual([
      { series: 'a', message: 'Prometheus unreachable at http://p:9090: boom' },
    ]);
    failing = false;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(r.errors.at(-1)).toEqual(['a', undefined]);
    expect(r.errors).toHaveLength(2);
    expect(poller.errors()).toEqual([{ series: 'a', message: undefined }]);
    off();
    // stopped: what it knew is forgotten, the next listener starts afresh
    expect(poller.errors()).toEqual([]);
  });

  it('backfills once for concurrent consoles, merged with live points, on the same grid', async () => {
    let ranges = 0;
    const source: QuerySource = {
      query: (_q, time) => Promise.resolve(vector(time / 1000, time)),
      queryRange: async (_q, start, end, step) => {
        ranges += 1;
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        const values: Array<[number, string]> = [];
        for (let t = start; t <= end; t += step) values.push([t / 1000, String(t / 1000)]);
        return { resultType: 'matrix', result: [{ metric: {}, values }] };
      },
    };
    const poller = new QueryPoller({
      series: [{ id: 'a', query: 'qa', intervalMs: 1000 }],
      source,
      backfillMs: 10_000,
    });
    const off = poller.subscribe(recorder().listener);
    const first = poller.backfill();
    const second = poller.backfill();
    await vi.advanceTimersByTimeAsync(2_000);
    const [one, two] = await Promise.all([first, second]);
    expect(ranges).toBe(1);
    expect(one).toEqual(two);
    const times = one[0]?.points.map(([t]) => t) ?? [];
    // the range [T0-10 s, T0], trimmed to the 10 s before the answer came (T0+1.8 s),
    // joined by the live points of T0 and T0+1 s: each time once, in order
    expect(times).toEqual(Array.from({ length: 10 }, (_, i) => T0 - 8_000 + i * 1000));
    await poller.backfill();
    expect(ranges).toBe(1);
    off();
  });

  it('fetches the range again for the next console after a failed poll left a gap', async () => {
    let up = true;
    let ranges = 0;
    const source: QuerySource = {
      query: (_q, time) =>
        up ? Promise.resolve(vector(1, time)) : Promise.reject(new Error('unreachable')),
      queryRange: () => {
        ranges += 1;
        return Promise.resolve({ resultType: 'matrix', result: [] });
      },
    };
    const poller = new QueryPoller({
      series: [{ id: 'a', query: 'qa', intervalMs: 1000 }],
      source,
      backfillMs: 60_000,
    });
    const off = poller.subscribe(recorder().listener);
    await poller.backfill();
    await poller.backfill();
    expect(ranges).toBe(1);
    up = false;
    await vi.advanceTimersByTimeAsync(2_000);
    up = true;
    await vi.advanceTimersByTimeAsync(1_000);
    await poller.backfill();
    expect(ranges).toBe(2);
    off();
  });
});
