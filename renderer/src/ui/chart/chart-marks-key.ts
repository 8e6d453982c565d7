// A key for the lines drawn over a chart: equal keys, equal lines. Label sizes
// and colours are not in it: they change only with a whole redraw.
import type { Thresholds } from '../../../../shared/protocol';
import type { ChartMarker } from './chart-markers';

export function chartMarksKey(
  thresholds: Thresholds | undefined,
  markers: ChartMarker[],
  window: { start: number; end: number },
): string {
  const middle = (window.start + window.end) / 2;
  const limits = thresholds
    ? `${thresholds.direction}:${thresholds.warning}:${thresholds.critical}`
    : '-';
  // A marker's label sits on the side of the line with room: which side is part of the look.
  const lines = markers.map((m) => `${m.at}|${m.kind}|${m.at > middle}|${m.label}|${m.detail}`);
  return `${limits}\n${lines.join('\n')}`;
}
