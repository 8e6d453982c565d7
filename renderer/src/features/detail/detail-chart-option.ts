// ECharts options for the detail view: the chosen range up to now, with time
// and value axes, labelled thresholds, event and action markers, and a
// tooltip. The points are trimmed to the range and cut to two per pixel here,
// then ECharts' LTTB sampling decimates to what it draws.
import { chartData } from '../../store/points-window';
import { axisRange, type Extent } from '../../ui/chart/axis-range';
import { markLines, tooltipHtml } from '../../ui/chart/chart-mark-lines';
import { clusterMarkers } from '../../ui/chart/chart-markers';
import { chartLineWidth, detailLabelSize as labelSize } from '../../ui/chart/chart-sizes';
import type { LiveChartSpec, MovingOption } from '../../ui/chart/chart-drawer';
import type { ChartFrame } from '../../ui/chart/chart-frame';
import { chartMarksKey } from '../../ui/chart/chart-marks-key';
import { formatNumber, formatValue } from '../../ui/value-format';

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function detailChartSpec(rangeMs: number): LiveChartSpec {
  const windowOf = (frame: ChartFrame) => {
    const end = Math.max(frame.now, frame.points?.t.at(-1) ?? 0);
    return { start: end - rangeMs, end };
  };
  const moving = (frame: ChartFrame): MovingOption => {
    const { start, end } = windowOf(frame);
    return {
      xAxis: { min: start, max: end },
      series: [{ data: chartData(frame.points, start, frame.width * 2) }],
    };
  };

  return {
    spanMs: rangeMs,
    followNow: true,
    data: moving,
    marks(frame) {
      const window = windowOf(frame);
      const markers = clusterMarkers(frame.markers, window.start, window.end, rangeMs / 40);
      const { thresholds } = frame.series;
      return {
        key: chartMarksKey(thresholds, markers, window),
        build: () =>
          markLines(thresholds, markers, window, {
            palette: frame.palette,
            thresholdLabelSize: labelSize(),
            markerLabelSize: labelSize(),
            lineWidth: chartLineWidth(),
          }),
      };
    },
    full(frame) {
      const { thresholds, unit, title } = frame.series;
      const { palette } = frame;
      const size = labelSize();
      const { xAxis, series } = moving(frame);
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
            const first = (Array.isArray(params) ? params[0] : params) as
              { value?: [number, number] } | undefined;
            if (!first?.value) return '';
            const [t, v] = first.value;
            const value = formatValue(v, unit);
            return tooltipHtml(
              `${clock.format(new Date(t))}\n${title}: ${value.text} ${value.unit}`,
            );
          },
        },
        grid: {
          left: 8,
          right: 24,
          top: size * 2,
          bottom: 8,
          outerBoundsMode: 'same',
          outerBoundsContain: 'axisLabel',
        },
        xAxis: {
          type: 'time',
          ...xAxis,
          axisLabel: { ...axisLabel, hideOverlap: true },
          axisLine: { lineStyle: { color: palette.label } },
          splitLine: { show: false },
        },
        yAxis: {
          type: 'value',
          scale: true,
          min: (extent: Extent) => axisRange(extent, thresholds).min,
          max: (extent: Extent) => axisRange(extent, thresholds).max,
          axisLabel: {
            ...axisLabel,
            showMinLabel: false,
            showMaxLabel: false,
            formatter: (value: number) => formatNumber(value),
          },
          splitLine: { lineStyle: { color: palette.split } },
        },
        series: series.map((entry) => ({
          ...entry,
          type: 'line',
          name: title,
          showSymbol: false,
          sampling: 'lttb',
          lineStyle: { color: palette.line, width: chartLineWidth() + 1 },
          areaStyle: { color: palette.area },
        })),
      };
    },
  };
}
