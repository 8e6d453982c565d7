// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EChartsCoreOption } from 'echarts/core';
import type { ConsoleSeries } from '../../../../shared/api/series';
import { useConsoleStore } from '../../store/console-store';
import type { LiveChartSpec } from './chart-drawer';
import { useLiveChart } from './live-chart';

const options: EChartsCoreOption[] = [];
// The engine and the draw queue stand in: every draw runs at once into `options`.
vi.mock('./chart-engine', () => ({
  createChart: () => ({
    setOption: (option: EChartsCoreOption) => void options.push(option),
    resize: () => {},
    dispose: () => {},
  }),
}));
vi.mock('./chart-draw-queue', () => ({
  requestDraw: (draw: () => void) => {
    draw();
    return () => {};
  },
}));

const cpu: ConsoleSeries = {
  key: 'ep1/cpu',
  endpointId: 'ep1',
  id: 'cpu',
  title: 'CPU',
  level: 'technical',
  unit: '%',
  kind: 'gauge',
  intervalMs: 1000,
};

// One second a pixel: the chart's own width is 0 here, so the window's stands in.
const spec: LiveChartSpec = {
  spanMs: 1_000 * window.innerWidth,
  full: () => ({ series: [{ type: 'line' }] }),
  data: () => ({ series: [{ data: [] }] }),
  marks: () => ({ key: '', build: () => ({}) }),
  tooltip: () => ({ trigger: 'item' }),
};

function Chart() {
  const ref = useRef<HTMLDivElement>(null);
  useLiveChart(ref, cpu.key, spec);
  return <div ref={ref} data-testid="chart" />;
}

afterEach(() => {
  cleanup();
  options.length = 0;
});

describe('useLiveChart: the tooltip follows the pointer', () => {
  it('is set when the pointer comes over the chart and taken out when it leaves', () => {
    act(() => useConsoleStore.setState({ series: { [cpu.key]: cpu } }));
    const { getByTestId } = render(<Chart />);
    const element = getByTestId('chart');
    const hasTooltip = () => 'tooltip' in (options.at(-1) ?? {});
    expect(options.length).toBeGreaterThan(0);
    expect(hasTooltip()).toBe(false);
    element.dispatchEvent(new Event('pointerenter'));
    expect(hasTooltip()).toBe(true);
    element.dispatchEvent(new Event('pointerleave'));
    expect(hasTooltip()).toBe(false);
  });
});

describe('useLiveChart: data draws', () => {
  const sample = (t: number) =>
    act(() =>
      useConsoleStore.setState((state) => ({
        points: { ...state.points, [cpu.key]: { t: [t], v: [t] } },
      })),
    );

  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws on new points, and holds the next ones for the draw gap (chart-draw-gap.ts)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    act(() => useConsoleStore.setState({ series: { [cpu.key]: cpu }, points: {} }));
    render(<Chart />);
    const before = options.length;
    sample(1);
    expect(options.length).toBe(before + 1);
    vi.advanceTimersByTime(200);
    sample(2);
    expect(options.length).toBe(before + 1);
    vi.advanceTimersByTime(300);
    expect(options.length).toBe(before + 2);
  });

  it('holds a series sampled over 4 Hz for a pixel of its span, judged by its own sample times', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    act(() => useConsoleStore.setState({ series: { [cpu.key]: cpu }, points: {} }));
    render(<Chart />);
    const before = options.length;
    const samples = (t: number[]) =>
      act(() =>
        useConsoleStore.setState((state) => ({
          points: { ...state.points, [cpu.key]: { t, v: t } },
        })),
      );
    samples([0, 10]);
    expect(options.length).toBe(before + 1);
    vi.advanceTimersByTime(200);
    samples([0, 10, 20]);
    vi.advanceTimersByTime(500);
    expect(options.length).toBe(before + 1);
    vi.advanceTimersByTime(300);
    expect(options.length).toBe(before + 2);
  });
});
