// A tile's live line. The ECharts instance lives only in this effect: points
// arrive through a transient store subscription and are drawn at most once per
// animation frame, without re-rendering React.
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { memo, useEffect, useRef } from 'react';
import type { Thresholds } from '../../../shared/protocol';
import { useConsoleStore } from '../store/console-store';
import { dataOption, fullOption } from './tile-chart-option';

echarts.use([LineChart, GridComponent, MarkLineComponent, CanvasRenderer]);

/** Axis label size in px: legible at 1080p, doubled at 2160p. */
const labelSize = (): number => Math.max(11, Math.round(window.innerHeight / 90));

const sameThresholds = (a?: Thresholds, b?: Thresholds): boolean =>
  a?.warning === b?.warning && a?.critical === b?.critical && a?.direction === b?.direction;

// Memoised: the tile re-renders every second, the chart never needs to.
export const TileChart = memo(function TileChart({ seriesKey }: { seriesKey: string }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    const store = useConsoleStore;
    let frame: number | undefined;
    let size = labelSize();

    const redrawAll = () => {
      const state = store.getState();
      const thresholds = state.series[seriesKey]?.thresholds;
      chart.setOption(fullOption(state.points[seriesKey], thresholds, size), { notMerge: true });
    };
    const drawData = () => {
      frame = undefined;
      chart.setOption(dataOption(store.getState().points[seriesKey]));
    };
    const scheduleData = () => {
      frame ??= window.requestAnimationFrame(drawData);
    };

    redrawAll();
    const offPoints = store.subscribe((state) => state.points[seriesKey], scheduleData);
    const offThresholds = store.subscribe(
      (state) => state.series[seriesKey]?.thresholds,
      redrawAll,
      { equalityFn: sameThresholds },
    );
    const resizer = new ResizeObserver(() => {
      chart.resize();
      if (labelSize() !== size) {
        size = labelSize();
        redrawAll();
      }
    });
    resizer.observe(element);

    return () => {
      offPoints();
      offThresholds();
      resizer.disconnect();
      if (frame !== undefined) window.cancelAnimationFrame(frame);
      chart.dispose();
    };
  }, [seriesKey]);

  return <div ref={ref} className="tile__chart" data-testid="tile-chart" />;
});
