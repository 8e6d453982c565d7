// A gate's small chart: one ECharts instance, made in an effect and disposed
// with its element. Points reach it through store subscriptions, drawn at
// most once per animation frame, never through a React re-render; the limit
// (which moves with the baseline's mean every second) goes through a ref.
import { memo, useEffect, useRef } from 'react';
import { useConsoleStore } from '../../store/console-store';
import { createChart } from '../../ui/chart/chart-engine';
import { readChartPalette } from '../../ui/chart/chart-palette';
import {
  gateChartData,
  gateChartOption,
  GATE_CHART_WINDOW_MS,
  type GateChartFrame,
} from './release-gate-chart-option';

interface ReleaseGateChartProps {
  title: string;
  releaseKey: string;
  baselineKey: string | undefined;
  unit: string;
  limit: number | undefined;
  releaseLabel: string;
  baselineLabel: string;
}

const labelSize = (): number => Math.max(11, Math.round(window.innerHeight / 95));

export const ReleaseGateChart = memo(function ReleaseGateChart({
  title,
  releaseKey,
  baselineKey,
  unit,
  limit,
  releaseLabel,
  baselineLabel,
}: ReleaseGateChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const limitRef = useRef(limit);
  const redraw = useRef<() => void>(undefined);

  useEffect(() => {
    limitRef.current = limit;
    redraw.current?.();
  }, [limit]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = createChart(element);
    const store = useConsoleStore;
    let palette = readChartPalette();
    let frame: number | undefined;

    const frameOf = (): GateChartFrame => {
      const { points } = store.getState();
      return {
        release: points[releaseKey],
        baseline: baselineKey === undefined ? undefined : points[baselineKey],
        limit: limitRef.current,
        unit,
        releaseLabel,
        baselineLabel,
        palette,
        now: Date.now(),
        width: element.clientWidth || 300,
        labelSize: labelSize(),
      };
    };
    const redrawAll = () => {
      palette = readChartPalette();
      chart.setOption(gateChartOption(frameOf()), { notMerge: true });
    };
    const drawData = () => {
      frame = undefined;
      chart.setOption(gateChartData(frameOf()));
    };
    const schedule = () => {
      frame ??= window.requestAnimationFrame(drawData);
    };
    redraw.current = schedule;

    redrawAll();
    const unsubscribe = [
      store.subscribe((state) => state.points[releaseKey], schedule),
      ...(baselineKey === undefined
        ? []
        : [store.subscribe((state) => state.points[baselineKey], schedule)]),
      store.subscribe((state) => state.settings.theme, redrawAll),
    ];
    // The window follows the clock even when a series pauses.
    const timer = window.setInterval(schedule, 1_000);
    const resizer = new ResizeObserver(() => chart.resize());
    resizer.observe(element);
    return () => {
      redraw.current = undefined;
      for (const off of unsubscribe) off();
      window.clearInterval(timer);
      resizer.disconnect();
      if (frame !== undefined) window.cancelAnimationFrame(frame);
      chart.dispose();
    };
  }, [releaseKey, baselineKey, unit, releaseLabel, baselineLabel]);

  const minutes = GATE_CHART_WINDOW_MS / 60_000;
  return (
    <figure className="release-gate-chart" data-testid="release-gate-chart">
      <figcaption className="release-gate-chart__caption">
        <span className="release-gate-chart__title">{title}</span>
        <span className="release-gate-chart__legend">
          <span className="release-gate-chart__key release-gate-chart__key--release">
            {releaseLabel}
          </span>
          <span className="release-gate-chart__key release-gate-chart__key--baseline">
            {baselineLabel}
          </span>
          {limit !== undefined && (
            <span className="release-gate-chart__key release-gate-chart__key--limit">
              fails beyond
            </span>
          )}
        </span>
      </figcaption>
      <div
        ref={ref}
        className="release-gate-chart__canvas"
        role="img"
        aria-label={`${title}: ${releaseLabel} against ${baselineLabel}, last ${minutes} minutes`}
      />
    </figure>
  );
});
