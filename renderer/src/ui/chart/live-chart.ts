// One live ECharts instance bound to one series. It lives only in this effect:
// points, markers and thresholds arrive through store subscriptions and are
// drawn through the shared, frame-budgeted draw queue, never through a React
// re-render. The instance is disposed with its element.
import { wallNow } from '../now-ticker';
import { useEffect, type RefObject } from 'react';
import { useConsoleStore, type ConsoleStore } from '../../store/console-store';
import { DrawGap, drawGapMs } from './chart-draw-gap';
import { requestDraw } from './chart-draw-queue';
import { ChartDrawer, type LiveChartSpec } from './chart-drawer';
import { createChart, type Chart } from './chart-engine';
import type { ChartFrame } from './chart-frame';
import { markersOf, type ChartMarker } from './chart-markers';
import { readChartPalette } from './chart-palette';

export type { ChartFrame } from './chart-frame';
export type { LiveChartSpec } from './chart-drawer';

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
    const store = useConsoleStore;
    let chart: Chart | undefined;
    let drawer: ChartDrawer | undefined;
    let palette = readChartPalette();
    // Re-read only when events or actions change, not on every draw.
    let markers: ChartMarker[] | undefined;
    let queued = false;
    // From the resize observer: reading layout on every draw would force it.
    let width = element.clientWidth;
    let height = element.clientHeight;
    const sizeKey = () => `${window.innerHeight}:${height}`;
    let size = '';

    const frameOf = (): ChartFrame | undefined => {
      const state = store.getState();
      const series = state.series[seriesKey];
      if (!series) return undefined;
      return {
        series,
        points: state.points[seriesKey],
        markers: (markers ??= markersOf(state, series)),
        palette,
        now: wallNow(),
        width: width || window.innerWidth,
        height,
      };
    };
    const redrawAll = () => {
      if (!drawer) return;
      palette = readChartPalette();
      markers = undefined;
      size = sizeKey();
      const current = frameOf();
      if (current) drawer.full(current);
    };
    const drawData = () => {
      queued = false;
      gap.drawn();
      const current = frameOf();
      if (current) drawer?.data(current);
    };
    // The spec's tooltip is in the option only while the pointer is over the chart.
    let hovered = false;
    const hover = (over: boolean) => {
      hovered = over;
      const current = frameOf();
      if (current) drawer?.hover(over, current);
    };
    let cancelDraw = () => {};
    const queueDraw = () => {
      queued = true;
      cancelDraw = requestDraw(drawData);
    };
    const gap = new DrawGap(queueDraw);
    const scheduleData = () => {
      if (!drawer || queued) return;
      const points = store.getState().points[seriesKey];
      gap.changed(drawGapMs(points, spec.spanMs, width || window.innerWidth));
    };
    // The instance and its first whole draw wait their turn in the draw queue
    // too: a page of a hundred tiles mounting at once must not be one long task.
    // Before the engine's chunk is in, the chart keeps its options and the
    // area stays empty (createChart).
    const cancelStart = requestDraw(() => {
      chart = createChart(element);
      drawer = new ChartDrawer(chart, spec);
      redrawAll();
      // The pointer came over the area before the chart was made.
      if (hovered) hover(true);
    });

    const unsubscribe = [
      store.subscribe((state) => state.points[seriesKey], scheduleData),
      store.subscribe(
        markerSources,
        () => {
          markers = undefined;
          scheduleData();
        },
        { equalityFn: sameRefs },
      ),
      store.subscribe((state) => state.series[seriesKey], redrawAll),
      store.subscribe((state) => state.settings.theme, redrawAll),
    ];
    const timer = spec.followNow ? window.setInterval(scheduleData, 1_000) : undefined;
    const onEnter = () => hover(true);
    const onLeave = () => hover(false);
    element.addEventListener('pointerenter', onEnter);
    element.addEventListener('pointerleave', onLeave);
    // Label sizes follow the window and a short chart drops its labels: a new
    // size gets a whole option, not just a resize.
    const resizer = new ResizeObserver(() => {
      width = element.clientWidth;
      height = element.clientHeight;
      if (!chart) return;
      chart.resize();
      if (sizeKey() !== size) redrawAll();
    });
    resizer.observe(element);

    return () => {
      for (const off of unsubscribe) off();
      window.clearInterval(timer);
      gap.cancel();
      resizer.disconnect();
      element.removeEventListener('pointerenter', onEnter);
      element.removeEventListener('pointerleave', onLeave);
      cancelStart();
      cancelDraw();
      chart?.dispose();
    };
  }, [ref, seriesKey, spec]);
}
