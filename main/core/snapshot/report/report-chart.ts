// Report charts: one series as an inline SVG, rendered in Node by ECharts'
// server-side renderer. Only numbers from the snapshot reach ECharts (times,
// values, thresholds); titles, units and names are written by the report
// itself, escaped, so no snapshot text can reach the SVG markup.
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent, MarkLineComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ConsoleSeries, Points } from '../../../../shared/api/series';
import { minMaxDecimate } from '../../../../shared/rules/decimation';
import { escapeHtml } from './report-escape';

use([LineChart, GridComponent, MarkLineComponent, MarkAreaComponent, SVGRenderer]);

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 150;
const PLOT_LEFT = 60;
const PLOT_RIGHT = 16;

export const MARK_COLORS = {
  line: '#2f6fde',
  warning: '#d98a00',
  critical: '#d03030',
  event: '#3a8fb7',
  action: '#e0701b',
  annotation: '#8a4fc7',
  firing: 'rgba(208, 48, 48, 0.12)',
} as const;

/** What is drawn over a series: vertical marks at times, shaded firing periods. */
export interface ChartMarks {
  events: number[];
  actions: number[];
  annotations: number[];
  firing: [number, number][];
}

export interface ChartWindow {
  from: number;
  to: number;
}

/** One ECharts instance reused for every chart of a report (creating one costs ~3× a render). */
export class ReportCharts {
  private chart: EChartsType;
  private rendered = 0;

  constructor() {
    this.chart = newChart();
  }

  /**
   * The chart as SVG. Should ECharts still refuse some numbers, the report
   * says so in place of the chart rather than fail as a whole; the instance,
   * left half-way through an option, is replaced.
   */
  render(series: ConsoleSeries, points: Points, window: ChartWindow, marks: ChartMarks): string {
    this.rendered += 1;
    try {
      this.chart.setOption(chartOption(series, points, window, marks), { notMerge: true });
      return inlineSvg(this.chart.renderToSVGString(), `c${this.rendered}`);
    } catch (err) {
      this.chart.dispose();
      this.chart = newChart();
      const reason =
        err instanceof Error && err.message ? err.message : 'the chart library refused its numbers';
      return `<p class="chart-error">This chart could not be drawn: ${escapeHtml(reason)}</p>`;
    }
  }

  /** Must be called: an undisposed instance keeps Node's event loop alive. */
  dispose(): void {
    this.chart.dispose();
  }
}

function newChart(): EChartsType {
  return init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
}

function chartOption(
  series: ConsoleSeries,
  points: Points,
  window: ChartWindow,
  marks: ChartMarks,
): EChartsCoreOption {
  // Two points (lowest, highest) per pixel column of the plot.
  const data = minMaxDecimate(points, 2 * (CHART_WIDTH - PLOT_LEFT - PLOT_RIGHT));
  return {
    animation: false,
    grid: { left: PLOT_LEFT, right: PLOT_RIGHT, top: 10, bottom: 24 },
    xAxis: {
      type: 'time',
      ...dataRange(points, window),
      axisLabel: { formatter: (value: number) => clockTime(value), hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', scale: true, splitNumber: 3, ...valueRange(data, series) },
    series: [
      {
        type: 'line',
        showSymbol: false,
        data,
        color: MARK_COLORS.line,
        lineStyle: { width: 1.2 },
        markLine: {
          symbol: 'none',
          silent: true,
          label: { show: false },
          data: lines(series, marks, thresholdsShown(data, series)),
        },
        markArea: {
          silent: true,
          itemStyle: { color: MARK_COLORS.firing },
          data: marks.firing.map(([start, end]) => [{ xAxis: start }, { xAxis: end }]),
        },
      },
    ],
  };
}

/**
 * The value axis covers the thresholds too, so a reader sees how close the
 * values came, unless a threshold lies so far off (±1e308) or the span is so
 * small (denormals) that the axis could not be divided: then the data alone
 * sets it, and the threshold line is left out (thresholdsShown).
 */
function valueRange(
  data: [number, number][],
  series: ConsoleSeries,
): { min?: number; max?: number } {
  // Denormals: ECharts cannot divide so small a span (10^-324 is 0); at the scale of 1 they read as 0.
  if (data.length > 0 && data.every(([, v]) => Math.abs(v) < TINY)) return { min: -1, max: 1 };
  const thresholds = series.thresholds;
  if (!thresholds || data.length === 0 || !thresholdsShown(data, series)) return {};
  const values = [...data.map(([, v]) => v), thresholds.warning, thresholds.critical];
  return { min: Math.min(...values), max: Math.max(...values) };
}

const TINY = 1e-290;

/** Whether the thresholds fit on one axis with the data (see valueRange). */
export function thresholdsShown(data: [number, number][], series: ConsoleSeries): boolean {
  const thresholds = series.thresholds;
  if (!thresholds) return false;
  let min = Math.min(thresholds.warning, thresholds.critical);
  let max = Math.max(thresholds.warning, thresholds.critical);
  for (const [, v] of data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  const size = Math.max(Math.abs(min), Math.abs(max));
  return (
    Number.isFinite(span) && span < 1e300 && (span === 0 || span >= size * 1e-12) && size > TINY
  );
}

function lines(series: ConsoleSeries, marks: ChartMarks, withThresholds: boolean): object[] {
  const vertical = (times: number[], color: string, type: string) =>
    times.map((xAxis) => ({ xAxis, lineStyle: { color, type, width: 1 } }));
  const thresholds = withThresholds ? series.thresholds : undefined;
  return [
    ...(thresholds
      ? [
          { yAxis: thresholds.warning, lineStyle: { color: MARK_COLORS.warning, type: 'dashed' } },
          {
            yAxis: thresholds.critical,
            lineStyle: { color: MARK_COLORS.critical, type: 'dashed' },
          },
        ]
      : []),
    ...vertical(marks.events, MARK_COLORS.event, 'dotted'),
    ...vertical(marks.actions, MARK_COLORS.action, 'solid'),
    ...vertical(marks.annotations, MARK_COLORS.annotation, 'dashed'),
  ];
}

/** The time axis spans the data, not the export window: no empty stretch beside the line. */
export function dataRange(points: Points, window: ChartWindow): { min: number; max: number } {
  const first = points.t[0];
  const last = points.t.at(-1);
  if (first === undefined || last === undefined) return { min: window.from, max: window.to };
  // A single point still needs some width to be drawn.
  return first === last ? { min: first - 30_000, max: last + 30_000 } : { min: first, max: last };
}

function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/**
 * Fit for inlining many charts in one HTML page: no xmlns (HTML parsers place
 * <svg> in its namespace; the URLs would only look like external references),
 * no hover styles nor the classes they hang on, no ECharts metadata
 * attributes (meant for client-side hydration), and ids made unique per chart:
 * ECharts numbers them the same in every render (`zr0-c0`), and a clip-path
 * would otherwise point at the first chart's.
 */
export function inlineSvg(svg: string, prefix: string): string {
  return svg
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/\s+class="zr\d+-cls-\d+"/g, '')
    .replace(/\s+ecmeta_\w+="[^"]*"/g, '')
    .replace(/\bzr(\d+)-/g, `${prefix}-zr$1-`);
}
