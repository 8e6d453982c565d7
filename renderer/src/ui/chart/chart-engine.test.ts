// @vitest-environment happy-dom
// The chart engine loaded on demand: a chart made before ECharts' chunk is in
// stays empty, keeps what it was asked to draw (bounded: a long wait folds its
// merges), and draws it (from its last whole option on) in a queued draw once
// the engine is in; a chunk that fails is tried again with backoff, each
// waiting chart saying so meanwhile; ECharts itself is imported by one module
// only, so it stays out of the console's chunk.
/// <reference types="vite/client" />
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  /** Load attempts of the chunk, each settled by release(): true loads it, false fails. */
  attempts: [] as ((loads: boolean) => void)[],
  draws: [] as (() => void)[],
  inits: [] as HTMLElement[],
  calls: [] as unknown[][],
  sleeps: [] as number[],
  disposed: 0,
}));

/** The chunk: each import waits for release(), then loads or fails. */
const chunk = vi.hoisted(() => async () => {
  const loads = await new Promise<boolean>((resolve) => fake.attempts.push(resolve));
  if (!loads) throw new Error('Failed to fetch dynamically imported module');
  return {
    echarts: {
      init: (element: HTMLElement) => {
        fake.inits.push(element);
        return {
          setOption: (...args: unknown[]) => fake.calls.push(args),
          resize: () => {},
          dispose: () => (fake.disposed += 1),
          getZr: () => ({ setSleepAfterStill: (frames: number) => fake.sleeps.push(frames) }),
        };
      },
    },
  };
});
// Vitest keeps a mocked module once it is in: a test of loading anew mocks it anew.
vi.mock('./echarts-parts', chunk);

vi.mock('./chart-draw-queue', () => ({
  requestDraw: (draw: () => void) => {
    fake.draws.push(draw);
    return () => fake.draws.splice(fake.draws.indexOf(draw), 1);
  },
}));

const element = document.createElement('div');
/** Lets pending imports and their handlers run (timers may be fake). */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
};
/** Settles the chunk's next load attempt, once it is made. */
async function release(loads = true): Promise<void> {
  for (let i = 0; i < 100 && fake.attempts.length === 0; i += 1) await settle();
  fake.attempts.shift()?.(loads);
  await settle();
}
const runDraws = () => fake.draws.splice(0).forEach((draw) => draw());
/** A fresh chart-engine module: no engine loaded yet. */
const freshEngine = async () => {
  vi.resetModules();
  return import('./chart-engine');
};

beforeEach(() => {
  fake.attempts.length = 0;
  fake.draws.length = 0;
  fake.inits.length = 0;
  fake.calls.length = 0;
  fake.sleeps.length = 0;
  fake.disposed = 0;
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createChart', () => {
  it('draws nothing until the engine is in, then its last whole option and the merges after it', async () => {
    const { createChart } = await freshEngine();
    const chart = createChart(element);
    chart.setOption({ id: 'first' }, { notMerge: true });
    chart.setOption({ id: 'first data' });
    chart.setOption({ id: 'second' }, { notMerge: true });
    chart.setOption({ id: 'second data' });
    await settle();
    expect(fake.inits).toHaveLength(0);
    await release();
    await settle();
    // Made in the draw queue, not in the task the chunk arrived in.
    expect(fake.inits).toHaveLength(0);
    runDraws();
    expect(fake.inits).toEqual([element]);
    expect(fake.calls).toEqual([[{ id: 'second' }, { notMerge: true }], [{ id: 'second data' }]]);
  });

  it('never makes a chart disposed while the engine was loading', async () => {
    const { createChart } = await freshEngine();
    const chart = createChart(element);
    chart.setOption({ id: 'whole' }, { notMerge: true });
    chart.dispose();
    await release();
    await settle();
    runDraws();
    expect(fake.inits).toHaveLength(0);
    expect(fake.calls).toHaveLength(0);
  });

  it('makes a chart at once, and draws straight into it, once the engine is in', async () => {
    const { createChart, loadChartEngine } = await freshEngine();
    const loaded = loadChartEngine();
    await settle();
    await release();
    await loaded;
    const chart = createChart(element);
    expect(fake.inits).toEqual([element]);
    // Its render loop rests after one still frame, not zrender's ten.
    expect(fake.sleeps).toEqual([1]);
    chart.setOption({ id: 'data' });
    expect(fake.calls).toEqual([[{ id: 'data' }]]);
    chart.dispose();
    expect(fake.disposed).toBe(1);
  });

  it('keeps a bounded share of 5,000 merges while it waits, the lines an early merge carried too', async () => {
    const { createChart } = await freshEngine();
    const chart = createChart(element);
    chart.setOption(
      { series: [{ id: 'a', data: [] }], xAxis: { type: 'time' } },
      { notMerge: true },
    );
    const line = { data: [{ yAxis: 90 }] };
    chart.setOption({ series: [{ data: [[0, 0]], markLine: line }] });
    for (let i = 1; i <= 5_000; i += 1) {
      chart.setOption({ series: [{ data: [[i, i]] }], xAxis: { min: i - 60, max: i } });
    }
    await settle();
    await release();
    await settle();
    runDraws();
    expect(fake.calls.length).toBeLessThanOrEqual(6);
    expect(fake.calls[0]).toEqual([
      { series: [{ id: 'a', data: [] }], xAxis: { type: 'time' } },
      { notMerge: true },
    ]);
    const merges = fake.calls.slice(1).map(([option]) => option as Record<string, unknown>);
    const series = (option: Record<string, unknown>) =>
      (option.series as Record<string, unknown>[])[0] ?? {};
    // The line is set by some merge, and none after it sets it otherwise.
    const withLine = merges.map((option) => series(option).markLine);
    expect(withLine.filter((markLine) => markLine !== undefined)).toEqual([line]);
    expect(series(merges.at(-1) ?? {}).data).toEqual([[5_000, 5_000]]);
    expect(merges.at(-1)?.xAxis).toMatchObject({ min: 4_940, max: 5_000 });
  });
});

describe('a chart engine whose chunk fails to load', () => {
  it('says so in each waiting chart, retries after 1 s then 2 s, and starts them all once it loads', async () => {
    vi.doMock('./echarts-parts', chunk);
    const { createChart, chartEngineFailed, CHART_FAILED_TEXT } = await freshEngine();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const flags: boolean[] = [];
    chartEngineFailed((failed) => flags.push(failed));
    const areas = [document.createElement('div'), document.createElement('div')];
    const charts = areas.map((area) => createChart(area));
    charts.forEach((chart, i) => chart.setOption({ id: `whole ${i}` }, { notMerge: true }));
    await release(false);
    expect(areas.map((area) => area.textContent)).toEqual([CHART_FAILED_TEXT, CHART_FAILED_TEXT]);
    expect(flags).toEqual([false, true]);
    vi.advanceTimersByTime(999);
    await settle();
    expect(fake.attempts).toHaveLength(0);
    vi.advanceTimersByTime(1);
    await settle();
    expect(fake.attempts).toHaveLength(1);
    await release(false);
    vi.advanceTimersByTime(1_999);
    await settle();
    expect(fake.attempts).toHaveLength(0);
    vi.advanceTimersByTime(1);
    await release();
    runDraws();
    expect(fake.inits).toEqual(areas);
    expect(fake.calls).toEqual([
      [{ id: 'whole 0' }, { notMerge: true }],
      [{ id: 'whole 1' }, { notMerge: true }],
    ]);
    expect(areas.map((area) => area.textContent)).toEqual(['', '']);
    expect(flags).toEqual([false, true, false]);
  });
});

describe('the ECharts chunk', () => {
  // Every renderer source file's text (tests aside), as the bundler sees them.
  const sources = import.meta.glob(['../../**/*.{ts,tsx}', '!../../**/*.test.{ts,tsx}'], {
    query: '?raw',
    import: 'default',
    eager: true,
  });

  it('is imported, as values, by echarts-parts.ts alone', () => {
    const importers = Object.entries(sources)
      .filter(([, text]) =>
        [...String(text).matchAll(/import\s+(type\s+)?[^;]*?from\s+'echarts[^']*'/g)].some(
          (match) => match[1] === undefined,
        ),
      )
      .map(([path]) => path);
    expect(importers).toEqual(['./echarts-parts.ts']);
  });
});
