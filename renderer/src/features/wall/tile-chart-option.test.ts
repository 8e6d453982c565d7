// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ChartFrame } from '../../ui/chart/chart-frame';
import { readChartPalette } from '../../ui/chart/chart-palette';
import { tileChartSpec } from './tile-chart-option';

const frame: ChartFrame = {
  series: {
    key: 'ep1/cpu',
    endpointId: 'ep1',
    id: 'cpu',
    title: 'CPU',
    level: 'technical',
    unit: '%',
    kind: 'gauge',
    intervalMs: 1000,
  },
  points: { t: [1_000, 2_000], v: [1, 2] },
  markers: [],
  palette: readChartPalette(),
  now: 2_000,
  width: 120,
  height: 40,
};

describe('tileChartSpec: the tooltip', () => {
  it('is left out of the whole option, so an unhovered tile renders none on each draw', () => {
    expect(tileChartSpec.full(frame)).not.toHaveProperty('tooltip');
  });

  it('is given for hovering: the item under the pointer, in the theme colours', () => {
    expect(tileChartSpec.tooltip?.(frame)).toMatchObject({
      trigger: 'item',
      confine: true,
      backgroundColor: frame.palette.tooltipBackground,
    });
  });
});

describe('tileChartSpec: the data', () => {
  it('is one flat Float64Array of [t, v], which ECharts takes without cloning it per draw', () => {
    const [series] = tileChartSpec.data(frame).series;
    expect(series?.data).toBeInstanceOf(Float64Array);
    expect([...(series?.data as Float64Array)]).toEqual([1_000, 1, 2_000, 2]);
  });
});
