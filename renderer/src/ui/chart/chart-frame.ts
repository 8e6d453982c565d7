// Everything a chart spec draws from, read fresh for each draw.
import type { ConsoleSeries, Points } from '../../../../shared/api/series';
import type { ChartMarker } from './chart-markers';
import type { ChartPalette } from './chart-palette';

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
