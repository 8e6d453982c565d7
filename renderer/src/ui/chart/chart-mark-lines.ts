// What ECharts draws over a line: thresholds as horizontal lines, markers as
// vertical ones with a short label, both with their words in a tooltip. The
// tooltip renders HTML, and marker text comes from endpoints: it is escaped.
import type { MarkLineComponentOption } from 'echarts/components';
import type { Thresholds } from '../../../../shared/protocol';
import type { ChartMarker } from './chart-markers';
import type { ChartPalette } from './chart-palette';
import { formatNumber } from '../value-format';

type MarkLineItem = NonNullable<MarkLineComponentOption['data']>[number];

export function tooltipHtml(text: string): string {
  const escaped = text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
  return escaped.replace(/\n/g, '<br>');
}

export interface MarkLineLook {
  palette: ChartPalette;
  /** Label size in px; 0 hides the threshold labels (a tile has no room). */
  thresholdLabelSize: number;
  markerLabelSize: number;
  /** Line width in px, thicker on a 4K wall. */
  lineWidth: number;
}

function thresholdItems(thresholds: Thresholds, look: MarkLineLook): MarkLineItem[] {
  const sign = thresholds.direction === 'above' ? '≥' : '≤';
  const label = (word: string, value: number) => ({
    show: look.thresholdLabelSize > 0,
    position: 'insideEndTop' as const,
    fontSize: look.thresholdLabelSize,
    formatter: `${word} ${sign} ${formatNumber(value)}`,
  });
  return [
    {
      name: `warning ${sign} ${formatNumber(thresholds.warning)}`,
      yAxis: thresholds.warning,
      lineStyle: { color: look.palette.warning, type: 'dashed', width: look.lineWidth },
      label: { ...label('warning', thresholds.warning), color: look.palette.warning },
    },
    {
      name: `critical ${sign} ${formatNumber(thresholds.critical)}`,
      yAxis: thresholds.critical,
      lineStyle: { color: look.palette.critical, type: 'solid', width: look.lineWidth },
      label: { ...label('critical', thresholds.critical), color: look.palette.critical },
    },
  ];
}

function markerItems(
  markers: ChartMarker[],
  window: { start: number; end: number },
  look: MarkLineLook,
): MarkLineItem[] {
  const middle = (window.start + window.end) / 2;
  return markers.map((marker) => {
    const color = marker.kind === 'action' ? look.palette.action : look.palette.marker;
    return {
      name: marker.detail,
      xAxis: marker.at,
      lineStyle: {
        color,
        type: marker.kind === 'action' ? 'dotted' : 'solid',
        width: look.lineWidth,
      },
      label: {
        show: look.markerLabelSize > 0,
        // Level text above the line, on whichever side has room.
        position: 'end',
        align: marker.at > middle ? 'right' : 'left',
        formatter: marker.label,
        fontSize: look.markerLabelSize,
        fontWeight: 'bold',
        color,
        backgroundColor: look.palette.tooltipBackground,
        padding: [1, 3],
      },
    };
  });
}

export function markLines(
  thresholds: Thresholds | undefined,
  markers: ChartMarker[],
  window: { start: number; end: number },
  look: MarkLineLook,
): MarkLineComponentOption {
  return {
    symbol: 'none',
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (params) => tooltipHtml(String((params as { name?: string }).name ?? '')),
    },
    data: [
      ...(thresholds ? thresholdItems(thresholds, look) : []),
      ...markerItems(markers, window, look),
    ],
  };
}
