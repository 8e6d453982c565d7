// ECharts options for a tile's sparkline: the last five minutes, thresholds as
// lines, nothing animated (a wall redraws several times a second).
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, MarkLineComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Points } from '../../../shared/console-api';
import type { Thresholds } from '../../../shared/protocol';
import { recentPairs } from '../store/points-window';
import { formatNumber } from './value-format';

export type TileChartOption = ComposeOption<
  LineSeriesOption | GridComponentOption | MarkLineComponentOption
>;

export const CHART_SPAN_MS = 5 * 60_000;

// Canvas colours cannot come from CSS; these match wall.css.
const COLOR = {
  line: '#5ccfff',
  area: 'rgba(92, 207, 255, 0.12)',
  label: '#9fb0c6',
  split: '#1e2838',
  warning: '#ffb020',
  critical: '#ff4d4d',
};

interface Extent {
  min: number;
  max: number;
}

/** The axis spans the data and both limits, so the distance to trouble is visible. */
function axisRange(extent: Extent, limits: number[]): Extent {
  // With no data yet ECharts passes an infinite extent.
  const values = [extent.min, extent.max, ...limits].filter(Number.isFinite);
  if (values.length === 0) return { min: 0, max: 1 };
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low) * 0.08 || Math.abs(high) * 0.05 || 1;
  return { min: low - pad, max: high + pad };
}

function thresholdLines(thresholds: Thresholds): MarkLineComponentOption {
  return {
    silent: true,
    symbol: 'none',
    label: { show: false },
    data: [
      { yAxis: thresholds.warning, lineStyle: { color: COLOR.warning, type: 'dashed', width: 2 } },
      { yAxis: thresholds.critical, lineStyle: { color: COLOR.critical, type: 'solid', width: 2 } },
    ],
  };
}

export function dataOption(points: Points | undefined): TileChartOption {
  const pairs = recentPairs(points, CHART_SPAN_MS);
  const newest = pairs.at(-1)?.[0];
  const window = newest === undefined ? {} : { min: newest - CHART_SPAN_MS, max: newest };
  return { xAxis: { type: 'time', ...window }, series: [{ type: 'line', data: pairs }] };
}

/** The whole option; set with notMerge when thresholds or label size change. */
export function fullOption(
  points: Points | undefined,
  thresholds: Thresholds | undefined,
  labelSize: number,
): TileChartOption {
  const limits = thresholds ? [thresholds.warning, thresholds.critical] : [];
  return {
    animation: false,
    grid: {
      left: 4,
      right: 8,
      top: 8,
      bottom: 4,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: { ...dataOption(points).xAxis, show: false },
    yAxis: {
      type: 'value',
      scale: true,
      splitNumber: 2,
      min: (extent: Extent) => axisRange(extent, limits).min,
      max: (extent: Extent) => axisRange(extent, limits).max,
      axisLabel: {
        // The padded min/max are not round numbers and crowd the nice ticks.
        showMinLabel: false,
        showMaxLabel: false,
        color: COLOR.label,
        fontSize: labelSize,
        formatter: (value: number) => formatNumber(value),
      },
      splitLine: { lineStyle: { color: COLOR.split } },
    },
    series: [
      {
        type: 'line',
        showSymbol: false,
        sampling: 'lttb',
        lineStyle: { color: COLOR.line, width: 2 },
        areaStyle: { color: COLOR.area },
        data: recentPairs(points, CHART_SPAN_MS),
        ...(thresholds ? { markLine: thresholdLines(thresholds) } : {}),
      },
    ],
  };
}
