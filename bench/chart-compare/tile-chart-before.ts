// The tile chart option as it was before performance round 2 (3537b69):
// kept here only so CMP can draw the old path and the new one in the same run.
import type { EChartsCoreOption } from 'echarts/core';
import { firstIndexAtOrAfter } from '../../renderer/src/store/points-window';
import { axisRange, type Extent } from '../../renderer/src/ui/chart/axis-range';
import { markLines } from '../../renderer/src/ui/chart/chart-mark-lines';
import { clusterMarkers } from '../../renderer/src/ui/chart/chart-markers';
import {
  chartLineWidth,
  tileLabelSize as labelSize,
} from '../../renderer/src/ui/chart/chart-sizes';
import type { ChartFrame } from '../../renderer/src/ui/chart/live-chart';
import { formatNumber } from '../../renderer/src/ui/value-format';
import { minMaxDecimate } from '../../shared/rules/decimation';

const CHART_SPAN_MS = 5 * 60_000;
/** Below this height (px) a sparkline has no room for axis or marker labels. */
const LABELLED_MIN_PX = 64;

const labelled = (frame: ChartFrame) => frame.height === 0 || frame.height >= LABELLED_MIN_PX;

function moving(frame: ChartFrame) {
  const end = frame.points?.t.at(-1) ?? frame.now;
  const start = end - CHART_SPAN_MS;
  // [t, v] pairs, as the chart took its data then.
  const from = frame.points ? firstIndexAtOrAfter(frame.points.t, start) : 0;
  const pairs = frame.points ? minMaxDecimate(frame.points, frame.width * 2, from) : [];
  // Closer than 1/12 of the span, two labels would overlap on a tile.
  const markers = clusterMarkers(frame.markers, start, end, CHART_SPAN_MS / 12);
  const size = labelSize();
  const look = {
    palette: frame.palette,
    thresholdLabelSize: 0,
    markerLabelSize: labelled(frame) ? size : 0,
    lineWidth: chartLineWidth(),
  };
  return {
    xAxis: { type: 'time', min: start, max: end, show: false },
    series: [
      {
        type: 'line',
        data: pairs,
        markLine: markLines(frame.series.thresholds, markers, { start, end }, look),
      },
    ],
  };
}

export const tileChartSpecBefore = {
  data: moving,
  full(frame: ChartFrame): EChartsCoreOption {
    const { thresholds } = frame.series;
    const { palette } = frame;
    const { xAxis, series } = moving(frame);
    const labels = labelled(frame);
    return {
      animation: false,
      tooltip: {
        trigger: 'item',
        confine: true,
        backgroundColor: palette.tooltipBackground,
        borderColor: palette.label,
        textStyle: { color: palette.tooltipText, fontSize: labelSize() },
      },
      grid: {
        left: 4,
        right: 8,
        top: labels ? labelSize() + 6 : 2,
        bottom: 4,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      xAxis,
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
      series: series.map((entry) => ({
        ...entry,
        showSymbol: false,
        sampling: 'lttb',
        lineStyle: { color: palette.line, width: chartLineWidth() },
        areaStyle: { color: palette.area },
      })),
    };
  },
};
