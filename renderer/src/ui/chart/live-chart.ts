// One live ECharts instance bound to one series. It lives only in this effect:
// points, markers and thresholds arrive through store subscriptions and are
// drawn through the shared, frame-budgeted draw queue, never through a React
// re-render. The instance is disposed with its element.
import { wallNow } from '../now-ticker';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, type RefObject } from 'react';
import type { ConsoleSeries, Points } from '../../../../shared/api/series';
import { useConsoleStore, type ConsoleStore } from '../../store/console-store';
import { requestDraw } from './chart-draw-queue';
import { echarts } from './chart-engine';
import { markersOf, type ChartMarker } from './chart-markers';
import { readChartPalette, type ChartPalette } from './chart-palette';

export interface ChartFrame {
  series: ConsoleSeries;
  points: Points | undefined;
  /** All of the series' markers; the option keeps those in its window. */
  markers: ChartMarker[];
  palette: ChartPalette;
  now: number;
  /** The chart's width in px: no more than two points per pixel are drawn. */
  width: number;
  /** The chart's height in px (0 before layout): a short chart drops its labels. */
  height: number;
}

export interface LiveChartSpec {
  /** The whole option, set with notMerge: on start, theme, thresholds or size changes. */
  full(frame: ChartFrame): EChartsCoreOption;
  /** What moves (data, window, markers), merged into the chart. */
  data(frame: ChartFrame): EChartsCoreOption;
  /** Redraw every second even without data, so the window follows the clock. */
  followNow?: boolean;
}

/**
 * Least time between two data draws of one chart: a sample after a quiet spell
 * draws in the next frame, a flood redraws a chart twice a second, not in
 * every delta (a hundred charts at twenty deltas a second would fill the frame).
 */
const MIN_DRAW_GAP_MS = 500;

const markerSources = (state: ConsoleStore) => [state.events, state.actions];
const sameRefs = (a: unknown[], b: unknown[]) => a.every((item, index) => item === b[index]);

export function useLiveChart(
  ref: RefObject<HTMLDivElement | null>,
  seriesKey: string,
  spec: LiveChartSpec,
): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    const store = useConsoleStore;
    let palette = readChartPalette();
    let queued = false;
    let waiting: number | undefined;
    let drawnAt = -Infinity;
    let size = '';

    const frameOf = (): ChartFrame | undefined => {
      const state = store.getState();
      const series = state.series[seriesKey];
      if (!series) return undefined;
      const points = state.points[seriesKey];
      return {
        series,
        points,
        markers: markersOf(state, series),
        palette,
        now: wallNow(),
        width: element.clientWidth || window.innerWidth,
        height: element.clientHeight,
      };
    };
    const redrawAll = () => {
      palette = readChartPalette();
      const current = frameOf();
      if (current) chart.setOption(spec.full(current), { notMerge: true });
    };
    const drawData = () => {
      queued = false;
      drawnAt = performance.now();
      const current = frameOf();
      if (current) chart.setOption(spec.data(current));
    };
    const queueDraw = () => {
      queued = true;
      cancelDraw = requestDraw(drawData);
    };
    let cancelDraw = () => {};
    const scheduleData = () => {
      if (queued || waiting !== undefined) return;
      const wait = drawnAt + MIN_DRAW_GAP_MS - performance.now();
      if (wait <= 0) return queueDraw();
      waiting = window.setTimeout(() => {
        waiting = undefined;
        queueDraw();
      }, wait);
    };

    redrawAll();
    const unsubscribe = [
      store.subscribe((state) => state.points[seriesKey], scheduleData),
      store.subscribe(markerSources, scheduleData, { equalityFn: sameRefs }),
      store.subscribe((state) => state.series[seriesKey], redrawAll),
      store.subscribe((state) => state.settings.theme, redrawAll),
    ];
    const timer = spec.followNow ? window.setInterval(scheduleData, 1_000) : undefined;
    // Label sizes follow the window and a short chart drops its labels: a new
    // size gets a whole option, not just a resize.
    const resizer = new ResizeObserver(() => {
      chart.resize();
      const now = `${window.innerHeight}:${element.clientHeight}`;
      if (now !== size) {
        size = now;
        redrawAll();
      }
    });
    resizer.observe(element);

    return () => {
      for (const off of unsubscribe) off();
      window.clearInterval(timer);
      window.clearTimeout(waiting);
      resizer.disconnect();
      cancelDraw();
      chart.dispose();
    };
  }, [ref, seriesKey, spec]);
}
