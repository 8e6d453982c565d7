// uPlot drawing the picture the console's tile draws, so the CMP ratio compares
// like with like: the line at the tile's width, its area fill, the warning
// (dashed) and critical (solid) threshold lines, a y range that holds both
// limits (axisRange, as the tile), and the tile's label size. The plain
// ?lib=uplot page draws the line and its axis only.
import uPlot from 'uplot';
import type { Thresholds } from '../../shared/protocol';
import { axisRange } from '../../renderer/src/ui/chart/axis-range';
import type { ChartPalette } from '../../renderer/src/ui/chart/chart-palette';
import { chartLineWidth, tileLabelSize } from '../../renderer/src/ui/chart/chart-sizes';

export interface UplotTileLook {
  palette: ChartPalette;
  thresholds: Thresholds;
}

/** Draws one horizontal threshold line across the plot area, in canvas pixels. */
function thresholdLine(plot: uPlot, value: number, color: string, dash: number[]): void {
  const { ctx, bbox } = plot;
  const y = Math.round(plot.valToPos(value, 'y', true)) + 0.5;
  if (y < bbox.top || y > bbox.top + bbox.height) return;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = chartLineWidth() * devicePixelRatio;
  ctx.setLineDash(dash.map((step) => step * devicePixelRatio));
  ctx.beginPath();
  ctx.moveTo(bbox.left, y);
  ctx.lineTo(bbox.left + bbox.width, y);
  ctx.stroke();
  ctx.restore();
}

export function uplotTileChart(element: HTMLElement, look: UplotTileLook): uPlot {
  const { palette, thresholds } = look;
  const width = chartLineWidth();
  return new uPlot(
    {
      width: element.clientWidth,
      height: element.clientHeight,
      ms: 1,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: true },
        y: {
          range: (_plot, min, max) => {
            const range = axisRange({ min, max }, thresholds);
            return [range.min, range.max];
          },
        },
      },
      axes: [
        { show: false },
        {
          size: 36,
          stroke: palette.label,
          font: `${tileLabelSize()}px sans-serif`,
          grid: { stroke: palette.split, width: 1 },
          ticks: { show: false },
        },
      ],
      series: [{}, { stroke: palette.line, width, fill: palette.area, points: { show: false } }],
      hooks: {
        draw: [
          (plot) => {
            thresholdLine(plot, thresholds.warning, palette.warning, [4 * width, 4 * width]);
            thresholdLine(plot, thresholds.critical, palette.critical, []);
          },
        ],
      },
    },
    [[], []],
    element,
  );
}
