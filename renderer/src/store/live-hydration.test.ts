// The live slice taken in slices: the same as in one go, one task per slice,
// and nothing once a newer load has superseded it.
import { describe, expect, it } from 'vitest';
import type { ConsoleState } from '../../../shared/api/console-state';
import { fixtureSeries as series } from './console-state-fixtures';
import { hydrateLive } from './live-hydration';
import { liveFromState } from './live-slice';
import { KEEP_POINTS } from './points-window';

function stateOf(count: number): ConsoleState {
  const catalog = Array.from({ length: count }, (_, i) => series(i));
  // Series 0 has more points than a buffer keeps: it comes out trimmed.
  const long = Array.from({ length: KEEP_POINTS + 10 }, (_, i) => i * 1000);
  const points = Object.fromEntries(
    catalog.map((s, i) => [s.key, i === 0 ? { t: long, v: long } : { t: [i], v: [i * 2] }]),
  );
  return { endpoints: [], series: catalog, points } as unknown as ConsoleState;
}

describe('hydrateLive', () => {
  it('builds the same live slice as liveFromState, catalog order kept', async () => {
    const state = stateOf(1_234);
    const expected = liveFromState(stateOf(1_234));
    const live = await hydrateLive(state, {
      stillWanted: () => true,
      progress: () => {},
      yieldTask: () => Promise.resolve(),
      slice: 100,
    });
    expect(live).toEqual(expected);
    expect(Object.keys(live?.series ?? {})).toEqual(state.series.map((s) => s.key));
    expect(live?.points['ep/s0']?.t.length).toBeLessThanOrEqual(KEEP_POINTS);
  });

  it('takes one slice per task, saying how far it has got after each', async () => {
    let tasks = 0;
    const seen: string[] = [];
    await hydrateLive(stateOf(1_200), {
      stillWanted: () => true,
      progress: (done, total) => seen.push(`${done}/${total} after ${tasks} tasks`),
      yieldTask: async () => {
        tasks += 1;
      },
      slice: 500,
    });
    expect(seen).toEqual([
      '500/1200 after 1 tasks',
      '1000/1200 after 2 tasks',
      '1200/1200 after 3 tasks',
    ]);
  });

  it('yields once even for an empty catalog, so the task that parsed the state ends', async () => {
    let tasks = 0;
    const live = await hydrateLive(stateOf(0), {
      stillWanted: () => true,
      progress: () => {},
      yieldTask: async () => {
        tasks += 1;
      },
    });
    expect(tasks).toBe(1);
    expect(live).toEqual({ endpoints: [], series: {}, points: {} });
  });

  it('stops and yields nothing once superseded', async () => {
    let tasks = 0;
    const progress: number[] = [];
    const live = await hydrateLive(stateOf(1_200), {
      stillWanted: () => tasks < 2,
      progress: (done) => progress.push(done),
      yieldTask: async () => {
        tasks += 1;
      },
      slice: 500,
    });
    expect(live).toBeUndefined();
    expect(progress).toEqual([500]);
  });
});
