// The chart engine loaded on demand: a chart made before ECharts' chunk is in
// stays empty, keeps what it was asked to draw, and draws it (from its last
// whole option on) in a queued draw once the engine is in; ECharts itself is
// imported by one module only, so it stays out of the console's chunk.
/// <reference types="vite/client" />
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  release: () => {},
  draws: [] as (() => void)[],
  inits: [] as HTMLElement[],
  calls: [] as unknown[][],
  disposed: 0,
}));

vi.mock('./echarts-parts', async () => {
  await new Promise<void>((resolve) => (fake.release = resolve));
  return {
    echarts: {
      init: (element: HTMLElement) => {
        fake.inits.push(element);
        return {
          setOption: (...args: unknown[]) => fake.calls.push(args),
          resize: () => {},
          dispose: () => (fake.disposed += 1),
        };
      },
    },
  };
});

vi.mock('./chart-draw-queue', () => ({
  requestDraw: (draw: () => void) => {
    fake.draws.push(draw);
    return () => fake.draws.splice(fake.draws.indexOf(draw), 1);
  },
}));

const element = {} as HTMLElement;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const runDraws = () => fake.draws.splice(0).forEach((draw) => draw());
/** A fresh chart-engine module: no engine loaded yet. */
const freshEngine = async () => {
  vi.resetModules();
  return import('./chart-engine');
};

beforeEach(() => {
  fake.draws.length = 0;
  fake.inits.length = 0;
  fake.calls.length = 0;
  fake.disposed = 0;
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
    fake.release();
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
    fake.release();
    await settle();
    runDraws();
    expect(fake.inits).toHaveLength(0);
    expect(fake.calls).toHaveLength(0);
  });

  it('makes a chart at once, and draws straight into it, once the engine is in', async () => {
    const { createChart, loadChartEngine } = await freshEngine();
    const loaded = loadChartEngine();
    fake.release();
    await loaded;
    const chart = createChart(element);
    expect(fake.inits).toEqual([element]);
    chart.setOption({ id: 'data' });
    expect(fake.calls).toEqual([[{ id: 'data' }]]);
    chart.dispose();
    expect(fake.disposed).toBe(1);
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
