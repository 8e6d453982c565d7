// One ECharts instance and the spec that draws it. A whole option goes in on
// start and whenever the look changes; after that only what moves (the data
// and the time window). The lines over the data (thresholds, markers) are
// merged only when their key says they changed: rebuilding a markLine's model
// and view on every draw cost about as much as drawing the line itself. A
// spec's tooltip is in the option only while the pointer is over the chart:
// ECharts re-renders a tooltip component on every draw, hovered or not (1–3 %
// of a flooded wall's main thread), and `show: false` does not spare it.
import type { EChartsCoreOption } from 'echarts/core';
import type { MarkLineComponentOption } from 'echarts/components';
import type { ChartFrame } from './chart-frame';

export interface ChartOption extends EChartsCoreOption {
  /** One entry per series; the marks go on the first. */
  series: Record<string, unknown>[];
}

/** What moves on a time chart: its data and its window. */
export interface MovingOption extends ChartOption {
  xAxis: { min: number; max: number };
}

export interface ChartMarks {
  /** Equal keys draw the same lines. */
  key: string;
  /** Built only when the key is new. */
  build(): MarkLineComponentOption;
}

export interface LiveChartSpec {
  /** The whole option, set with notMerge: on start, theme, thresholds or size changes. */
  full(frame: ChartFrame): ChartOption;
  /** What moves on every draw (data, window), merged into the chart. */
  data(frame: ChartFrame): ChartOption;
  /** Thresholds and markers over the first series. */
  marks(frame: ChartFrame): ChartMarks;
  /** The hover tooltip, set only while the pointer is over the chart. */
  tooltip?(frame: ChartFrame): Record<string, unknown>;
  /** The time the x axis spans: a fast series draws about once per pixel of it (chart-draw-gap.ts). */
  spanMs: number;
  /** Redraw every second even without data, so the window follows the clock. */
  followNow?: boolean;
}

/** What the drawer needs of an ECharts instance. */
export interface OptionTarget {
  setOption(option: EChartsCoreOption, settings?: { notMerge?: boolean }): void;
}

function withMarks(option: ChartOption, markLine: MarkLineComponentOption): ChartOption {
  const [first, ...rest] = option.series;
  return { ...option, series: [{ ...first, markLine }, ...rest] };
}

export class ChartDrawer {
  private marksKey: string | undefined;
  private hovered = false;

  constructor(
    private readonly chart: OptionTarget,
    private readonly spec: LiveChartSpec,
  ) {}

  full(frame: ChartFrame): void {
    const marks = this.spec.marks(frame);
    this.marksKey = marks.key;
    const option = withMarks(this.spec.full(frame), marks.build());
    const tooltip = this.hovered ? this.spec.tooltip?.(frame) : undefined;
    this.chart.setOption(tooltip ? { ...option, tooltip } : option, { notMerge: true });
  }

  /**
   * The pointer came over the chart or left it: a whole option with or without
   * the tooltip (a merge cannot take a component out).
   */
  hover(over: boolean, frame: ChartFrame): void {
    if (over === this.hovered || !this.spec.tooltip) return;
    this.hovered = over;
    this.full(frame);
  }

  data(frame: ChartFrame): void {
    const option = this.spec.data(frame);
    const marks = this.spec.marks(frame);
    if (marks.key === this.marksKey) return this.chart.setOption(option);
    this.marksKey = marks.key;
    this.chart.setOption(withMarks(option, marks.build()));
  }
}
