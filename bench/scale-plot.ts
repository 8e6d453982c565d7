// B6's plot as an SVG, drawn in Node by ECharts' server-side renderer: CPU,
// RSS after the warm-up and RSS with an hour of history, each against the
// total number of series, one line per endpoint count, the least-squares
// line dashed and the target dotted.
import { LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
} from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

export interface PlotCell {
  endpoints: number;
  totalSeries: number;
  cpuPercent: number;
  rssFreshMb: number;
  /** RSS with every ring buffer full; undefined when the buffers were not filled. */
  rssHourMb: number | undefined;
}

export interface Fit {
  slope: number;
  intercept: number;
}

interface Panel {
  title: string;
  unit: string;
  pick: (cell: PlotCell) => number | undefined;
  fit: Fit | undefined;
  target: number;
}

const WIDTH = 1320;
const HEIGHT = 460;
const COLORS = ['#2f6fde', '#d98a00', '#1a9a5a', '#8a4fc7'];

/** x values spread evenly on the log axis, for drawing a straight-line fit there. */
function logSpaced(from: number, to: number, count = 24): number[] {
  const step = Math.log(to / from) / (count - 1);
  return Array.from({ length: count }, (_, i) => from * Math.exp(step * i));
}

function panelSeries(panel: Panel, index: number, cells: PlotCell[], endpointCounts: number[]) {
  const lines = endpointCounts.map((endpoints, k) => ({
    type: 'line' as const,
    name: `${endpoints} endpoint${endpoints === 1 ? '' : 's'}`,
    xAxisIndex: index,
    yAxisIndex: index,
    color: COLORS[k % COLORS.length],
    symbolSize: 7,
    data: cells
      .filter((c) => c.endpoints === endpoints && panel.pick(c) !== undefined)
      .sort((a, b) => a.totalSeries - b.totalSeries)
      .map((c) => [c.totalSeries, panel.pick(c)]),
    ...(k === 0 ? { markLine: targetLine(panel.target, panel.unit) } : {}),
  }));
  const xs = cells.map((c) => c.totalSeries);
  const fit = panel.fit;
  if (!fit || xs.length === 0) return lines;
  const fitted = {
    type: 'line' as const,
    name: 'least squares',
    xAxisIndex: index,
    yAxisIndex: index,
    color: '#888',
    symbol: 'none',
    lineStyle: { type: 'dashed' as const, width: 1 },
    data: logSpaced(Math.min(...xs), Math.max(...xs)).map((x) => [
      x,
      fit.intercept + fit.slope * x,
    ]),
  };
  return [...lines, fitted];
}

function targetLine(target: number, unit: string) {
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { color: '#d03030', type: 'dotted' as const },
    label: { formatter: `target ${target} ${unit} at 20,000`, position: 'insideStartTop' as const },
    data: [{ yAxis: target }],
  };
}

export function scalePlotSvg(
  cells: PlotCell[],
  fits: { cpu?: Fit; rssFresh?: Fit; rssHour?: Fit },
  subtitle: string,
): string {
  const panels: Panel[] = [
    {
      title: 'CPU, % of one core',
      unit: '%',
      pick: (c) => c.cpuPercent,
      fit: fits.cpu,
      target: 25,
    },
    {
      title: 'RSS after warm-up, MB',
      unit: 'MB',
      pick: (c) => c.rssFreshMb,
      fit: fits.rssFresh,
      target: 400,
    },
    {
      title: 'RSS with 1 h of history, MB',
      unit: 'MB',
      pick: (c) => c.rssHourMb,
      fit: fits.rssHour,
      target: 400,
    },
  ];
  const endpointCounts = [...new Set(cells.map((c) => c.endpoints))].sort((a, b) => a - b);
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  const gridWidth = 100 / panels.length;
  chart.setOption({
    animation: false,
    backgroundColor: '#fff',
    textStyle: { fontFamily: 'sans-serif' },
    title: [
      {
        text: 'B6: the console core against total series (1 Hz each)',
        subtext: subtitle,
        left: 12,
      },
      ...panels.map((p, i) => ({
        text: p.title,
        top: 72,
        left: `${i * gridWidth + gridWidth / 2}%`,
        textAlign: 'center' as const,
        textStyle: { fontSize: 13 },
      })),
    ],
    legend: { top: 14, right: 16 },
    grid: panels.map((_, i) => ({
      left: `${i * gridWidth + 5}%`,
      width: `${gridWidth - 8}%`,
      top: 110,
      bottom: 60,
    })),
    xAxis: panels.map((_, i) => ({
      type: 'log' as const,
      gridIndex: i,
      name: 'total series (log)',
      nameLocation: 'middle' as const,
      nameGap: 28,
    })),
    yAxis: panels.map((p, i) => ({ type: 'value' as const, gridIndex: i, name: p.unit })),
    series: panels.flatMap((p, i) => panelSeries(p, i, cells, endpointCounts)),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
