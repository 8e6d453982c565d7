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

const spec: LiveChartSpec = {
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
  const at = (t: number) => ({ t: [t], v: [t] });
  const sample = (t: number) =>
    act(() =>
      useConsoleStore.setState((state) => ({ points: { ...state.points, [cpu.key]: at(t) } })),
    );

  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds a chart drawn less than 500 ms ago, then draws it with the first data after the gap', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    act(() => useConsoleStore.setState({ series: { [cpu.key]: cpu }, points: {} }));
    render(<Chart />);
    sample(1);
    const drawn = options.length;
    vi.advanceTimersByTime(200);
    sample(2);
    expect(options.length).toBe(drawn);
    // The gap is over; the next data draws at once, not on the held draw's timer.
    vi.advanceTimersByTime(320);
    expect(options.length).toBe(drawn);
    sample(3);
    expect(options.length).toBe(drawn + 1);
    // No timer left to draw it again.
    vi.advanceTimersByTime(1_000);
    expect(options.length).toBe(drawn + 1);
  });

  it('draws held data 100 ms after the gap when no more data comes', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    act(() => useConsoleStore.setState({ series: { [cpu.key]: cpu }, points: {} }));
    render(<Chart />);
    sample(1);
    const drawn = options.length;
    sample(2);
    vi.advanceTimersByTime(590);
    expect(options.length).toBe(drawn);
    vi.advanceTimersByTime(20);
    expect(options.length).toBe(drawn + 1);
  });
});
