import { describe, expect, it } from 'vitest';
import type { EChartsCoreOption } from 'echarts/core';
import { ChartDrawer, type LiveChartSpec } from './chart-drawer';
import type { ChartFrame } from './chart-frame';

const frame = { now: 1_000 } as ChartFrame;

const tooltip = { trigger: 'item' };
const spec = (withTooltip: boolean): LiveChartSpec => ({
  spanMs: 10,
  full: () => ({ animation: false, series: [{ type: 'line' }] }),
  data: (f) => ({ xAxis: { min: f.now - 10, max: f.now }, series: [{ data: [] }] }),
  marks: () => ({ key: 'same', build: () => ({ data: [] }) }),
  ...(withTooltip ? { tooltip: () => tooltip } : {}),
});

/** An ECharts stand-in that records every setOption. */
function recorder() {
  const calls: { option: EChartsCoreOption; notMerge: boolean }[] = [];
  return {
    calls,
    setOption: (option: EChartsCoreOption, settings?: { notMerge?: boolean }) =>
      void calls.push({ option, notMerge: settings?.notMerge ?? false }),
  };
}

describe('ChartDrawer: the hover tooltip', () => {
  it('is not in the option while the pointer is away, whole or merged', () => {
    const chart = recorder();
    const drawer = new ChartDrawer(chart, spec(true));
    drawer.full(frame);
    drawer.data(frame);
    expect(chart.calls.map((call) => 'tooltip' in call.option)).toEqual([false, false]);
  });

  it('comes in a whole option when the pointer comes over, and leaves in one when it goes', () => {
    const chart = recorder();
    const drawer = new ChartDrawer(chart, spec(true));
    drawer.full(frame);
    drawer.hover(true, frame);
    drawer.hover(true, frame);
    drawer.hover(false, frame);
    expect(chart.calls.slice(1)).toEqual([
      { option: expect.objectContaining({ tooltip }), notMerge: true },
      { option: expect.not.objectContaining({ tooltip }), notMerge: true },
    ]);
  });

  it('stays through a whole redraw while the pointer is over the chart', () => {
    const chart = recorder();
    const drawer = new ChartDrawer(chart, spec(true));
    drawer.hover(true, frame);
    drawer.full(frame);
    expect(chart.calls.at(-1)?.option).toMatchObject({ tooltip, animation: false });
  });

  it('costs no redraw on hover for a spec without one', () => {
    const chart = recorder();
    const drawer = new ChartDrawer(chart, spec(false));
    drawer.full(frame);
    drawer.hover(true, frame);
    expect(chart.calls).toHaveLength(1);
  });
});
