// The ECharts option for a gate's small chart: the release's series in its
// ring against the baseline version's, over the last few minutes, with the
// value beyond which the release fails the gate as a dashed line.
import type { EChartsCoreOption } from 'echarts/core';
import type { Points } from '../../../../shared/api/series';
import { chartData } from '../../store/points-window';
import { tooltipHtml } from '../../ui/chart/chart-mark-lines';
import type { ChartPalette } from '../../ui/chart/chart-palette';
import { formatNumber, formatValue } from '../../ui/value-format';

export const GATE_CHART_WINDOW_MS = 3 * 60_000;

export interface GateChartFrame {
  release: Points | undefined;
  baseline: Points | undefined;
  /** Where the gate fails (baseline × (1 ± tolerance)); absent without a baseline value. */
  limit: number | undefined;
  unit: string;
  releaseLabel: string;
  baselineLabel: string;
  palette: ChartPalette;
  now: number;
  /** The chart's width in px: at most two points per pixel are drawn. */
  width: number;
  labelSize: number;
}

interface Extent {
  min: number;
  max: number;
}

/** The axis spans both lines and the limit, so the distance to failing is on screen. */
function axisRange(extent: Extent, limit: number | undefined): Extent {
  const values = [extent.min, extent.max, limit ?? NaN].filter(Number.isFinite);
  if (values.length === 0) return { min: 0, max: 1 };
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low) * 0.1 || Math.abs(high) * 0.1 || 1;
  return { min: Math.max(0, low - pad), max: high + pad };
}

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** What moves: the window, both lines and the limit. Merged into the chart. */
export function gateChartData(frame: GateChartFrame): EChartsCoreOption {
  const end = Math.max(frame.now, frame.release?.t.at(-1) ?? 0, frame.baseline?.t.at(-1) ?? 0);
  const start = end - GATE_CHART_WINDOW_MS;
  const most = Math.max(60, frame.width * 2);
  const limit = frame.limit;
  return {
    xAxis: { min: start, max: end },
    yAxis: {
      min: (extent: Extent) => axisRange(extent, limit).min,
      max: (extent: Extent) => axisRange(extent, limit).max,
    },
    series: [
      {
        id: 'release',
        data: chartData(frame.release, start, most),
        markLine:
          limit === undefined
            ? { data: [] }
            : {
                silent: true,
                symbol: 'none',
                data: [{ yAxis: limit, name: 'fails beyond' }],
              },
      },
      { id: 'baseline', data: chartData(frame.baseline, start, most) },
    ],
  };
}

/** Everything, set with notMerge: on start and on a theme change. */
export function gateChartOption(frame: GateChartFrame): EChartsCoreOption {
  const { palette, labelSize: size, unit } = frame;
  const moving = gateChartData(frame) as {
    xAxis: object;
    yAxis: object;
    series: object[];
  };
  const [release, baseline] = moving.series;
  const axisLabel = { color: palette.label, fontSize: size };
  return {
    animation: false,
    tooltip: {
      trigger: 'axis',
      confine: true,
      backgroundColor: palette.tooltipBackground,
      borderColor: palette.label,
      textStyle: { color: palette.tooltipText, fontSize: size },
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as {
          seriesName?: string;
          value?: [number, number];
        }[];
        const first = list.find((entry) => entry.value);
        if (!first?.value) return '';
        const lines = list
          .filter((entry) => entry.value)
          .map((entry) => {
            const value = formatValue((entry.value as [number, number])[1], unit);
            return `${entry.seriesName ?? ''}: ${value.text} ${value.unit}`.trimEnd();
          });
        return tooltipHtml([clock.format(new Date(first.value[0])), ...lines].join('\n'));
      },
    },
    grid: {
      left: 4,
      right: 12,
      top: size,
      bottom: 4,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: {
      type: 'time',
      ...moving.xAxis,
      axisLabel: { ...axisLabel, hideOverlap: true },
      axisLine: { lineStyle: { color: palette.label } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      ...moving.yAxis,
      axisLabel: {
        ...axisLabel,
        showMinLabel: false,
        showMaxLabel: false,
        formatter: (value: number) => formatNumber(value),
      },
      splitLine: { lineStyle: { color: palette.split } },
    },
    series: [
      {
        ...release,
        type: 'line',
        name: frame.releaseLabel,
        showSymbol: false,
        sampling: 'lttb',
        z: 3,
        lineStyle: { color: palette.line, width: 2 },
        itemStyle: { color: palette.line },
        markLine: {
          ...(release as { markLine?: object }).markLine,
          lineStyle: { color: palette.warning, type: 'dashed', width: 1.5 },
          label: {
            color: palette.warning,
            fontSize: size,
            position: 'insideEndTop',
            formatter: 'fails beyond',
          },
        },
      },
      {
        ...baseline,
        type: 'line',
        name: frame.baselineLabel,
        showSymbol: false,
        sampling: 'lttb',
        z: 2,
        lineStyle: { color: palette.label, width: 2, type: 'dashed' },
        itemStyle: { color: palette.label },
      },
    ],
  };
}
