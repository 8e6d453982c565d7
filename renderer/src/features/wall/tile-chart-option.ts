// ECharts options for a tile's sparkline: the last five minutes, thresholds
// and event markers as lines, nothing animated (a wall redraws every second).
// A draw merges only the data and the window; the lines over it are rebuilt
// only when they change, and the tooltip is set only while the tile is hovered
// (ChartDrawer).
import { chartData } from '../../store/points-window';
import { axisRange, type Extent } from '../../ui/chart/axis-range';
import type { LiveChartSpec, MovingOption } from '../../ui/chart/chart-drawer';
import type { ChartFrame } from '../../ui/chart/chart-frame';
import { markLines } from '../../ui/chart/chart-mark-lines';
import { clusterMarkers } from '../../ui/chart/chart-markers';
import { chartMarksKey } from '../../ui/chart/chart-marks-key';
import { chartLineWidth, tileLabelSize as labelSize } from '../../ui/chart/chart-sizes';
import { formatNumber } from '../../ui/value-format';

const CHART_SPAN_MS = 5 * 60_000;
/** Below this height (px) a sparkline has no room for axis or marker labels. */
const LABELLED_MIN_PX = 64;

const labelled = (frame: ChartFrame) => frame.height === 0 || frame.height >= LABELLED_MIN_PX;

function windowOf(frame: ChartFrame) {
  const end = frame.points?.t.at(-1) ?? frame.now;
  return { start: end - CHART_SPAN_MS, end };
}

function data(frame: ChartFrame): MovingOption {
  const { start, end } = windowOf(frame);
  return {
    xAxis: { min: start, max: end },
    series: [{ data: chartData(frame.points, start, frame.width * 2) }],
  };
}

export const tileChartSpec: LiveChartSpec = {
  spanMs: CHART_SPAN_MS,
  data,
  marks(frame) {
    const window = windowOf(frame);
    // Closer than 1/12 of the span, two labels would overlap on a tile.
    const markers = clusterMarkers(frame.markers, window.start, window.end, CHART_SPAN_MS / 12);
    const { thresholds } = frame.series;
    return {
      key: chartMarksKey(thresholds, markers, window),
      build: () =>
        markLines(thresholds, markers, window, {
          palette: frame.palette,
          thresholdLabelSize: 0,
          markerLabelSize: labelled(frame) ? labelSize() : 0,
          lineWidth: chartLineWidth(),
        }),
    };
  },
  tooltip: ({ palette }) => ({
    trigger: 'item',
    confine: true,
    backgroundColor: palette.tooltipBackground,
    borderColor: palette.label,
    textStyle: { color: palette.tooltipText, fontSize: labelSize() },
  }),
  full(frame) {
    const { thresholds } = frame.series;
    const { palette } = frame;
    const moving = data(frame);
    const labels = labelled(frame);
    return {
      animation: false,
      grid: {
        left: 4,
        right: 8,
        top: labels ? labelSize() + 6 : 2,
        bottom: 4,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      xAxis: { type: 'time', show: false, ...moving.xAxis },
      yAxis: {
        type: 'value',
        scale: true,
        splitNumber: 2,
        min: (extent: Extent) => axisRange(extent, thresholds).min,
        max: (extent: Extent) => axisRange(extent, thresholds).max,
        axisLabel: {
          show: labels,
          // The padded min/max are not round numbers and crowd the nice ticks.
          showMinLabel: false,
          showMaxLabel: false,
          color: palette.label,
          fontSize: labelSize(),
          formatter: (value: number) => formatNumber(value),
        },
        splitLine: { lineStyle: { color: palette.split } },
      },
      series: moving.series.map((entry) => ({
        ...entry,
        type: 'line',
        showSymbol: false,
        sampling: 'lttb',
        lineStyle: { color: palette.line, width: chartLineWidth() },
        areaStyle: { color: palette.area },
      })),
    };
  },
};
