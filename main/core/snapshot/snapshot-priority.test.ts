import { describe, expect, it } from 'vitest';
import type { SnapshotSourceState } from '../../../shared/api/snapshot';
import type { ConsoleSeries } from '../../../shared/api/series';
import { chooseSeries, omission, seriesRanks } from './snapshot-priority';

const series = (key: string) => ({ key }) as ConsoleSeries;
const gate = (releaseKey: string, baselineKey?: string) => ({ releaseKey, baselineKey });

/** A console state with only what the ranking reads. */
function stateOf(parts: {
  keys: string[];
  alerting?: string[];
  gates?: ReturnType<typeof gate>[];
  pastGates?: ReturnType<typeof gate>[];
  departed?: string[];
}): SnapshotSourceState {
  return {
    series: parts.keys.map(series),
    alerts: (parts.alerting ?? []).map((seriesKey) => ({ seriesKey })),
    releases: [{ gates: parts.gates ?? [] }],
    history: {
      departed: (parts.departed ?? []).map((key) => ({ key })),
      releases: [{ releases: [{ gates: parts.pastGates ?? [] }] }],
    },
  } as unknown as SnapshotSourceState;
}

describe('seriesRanks: what an incident needs first', () => {
  it('ranks alerting and gating series 0, series on the wall 1, departed series 2', () => {
    const ranks = seriesRanks(
      stateOf({
        keys: ['wall', 'alerting', 'release', 'baseline', 'past', 'gone'],
        alerting: ['alerting'],
        gates: [gate('release', 'baseline')],
        pastGates: [gate('past')],
        departed: ['gone'],
      }),
    );
    expect(Object.fromEntries(ranks)).toEqual({
      wall: 1,
      alerting: 0,
      release: 0,
      baseline: 0,
      past: 0,
      gone: 2,
    });
  });

  it('ranks a departed series that still alerts as urgent', () => {
    const ranks = seriesRanks(stateOf({ keys: ['gone'], alerting: ['gone'], departed: ['gone'] }));
    expect(ranks.get('gone')).toBe(0);
  });

  it('takes a console without releases or history', () => {
    const state = { series: [series('a')], alerts: [] } as unknown as SnapshotSourceState;
    expect(Object.fromEntries(seriesRanks(state))).toEqual({ a: 1 });
  });
});

describe('chooseSeries: the kept series under a limit', () => {
  const all = ['a', 'b', 'c', 'd', 'e'].map(series);
  const ranks = new Map([
    ['a', 2],
    ['b', 1],
    ['c', 0],
    ['d', 1],
  ]);

  it('keeps everything, in order, when the limit is not reached', () => {
    expect(chooseSeries(all, ranks, 5)).toEqual({ series: all, left: [] });
  });

  it('keeps the best ranked, in their own order, and lists the rest by rank', () => {
    const chosen = chooseSeries(all, ranks, 3);
    expect(chosen.series.map((s) => s.key)).toEqual(['b', 'c', 'd']);
    // An unranked series goes with the departed, after them in its own order.
    expect(chosen.left).toEqual(['a', 'e']);
  });

  it('breaks ties of rank by the catalog order', () => {
    expect(chooseSeries(all, ranks, 2).series.map((s) => s.key)).toEqual(['b', 'c']);
  });
});

describe('omission: what the file says it left out', () => {
  it('counts every series and lists the first thousand', () => {
    const left = Array.from({ length: 1_200 }, (_, i) => `s${i}`);
    const omitted = omission(left, 'more than 20000 series');
    expect(omitted.seriesCount).toBe(1_200);
    expect(omitted.series).toHaveLength(1_000);
    expect(omitted.series.at(-1)).toBe('s999');
    expect(omitted.reason).toBe('more than 20000 series');
  });
});
