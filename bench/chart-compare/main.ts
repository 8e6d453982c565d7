// 100 live line charts fed by one deterministic in-page stream: each chart
// gets one sample a second (phases spread over the second, as on the wall),
// in a 300-point window. ?lib=echarts draws them as the console's wall does:
// its ECharts build (renderer/src/ui/chart/chart-engine.ts), its tile spec
// (tile-chart-option.ts) and its drawer (chart-drawer.ts), each with two
// threshold lines. ?lib=echarts-before draws the tile spec as it was before
// performance round 2 (tile-chart-before.ts, every option merged on every
// draw), so before and after come from one run. ?lib=uplot-tile draws with
// uPlot the picture the tile draws (uplot-tile.ts: area, threshold lines, the
// tile's y range and sizes), the like-for-like reference; ?lib=uplot the line
// and its axis only, as round 1 compared. ?lib=none runs the stream alone (the
// baseline all share). ?lib=echarts-shared is an experiment: the same tiles,
// all in one ECharts instance (shared-wall.ts); knobs=zr another: data draws
// move the paths directly (zr-path.ts). Exposes window.__chartCompare.
import type { ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ConsoleSeries } from '../../shared/api/series';
import { tileChartSpec } from '../../renderer/src/features/wall/tile-chart-option';
import { ChartDrawer, type LiveChartSpec } from '../../renderer/src/ui/chart/chart-drawer';
import { SLEEP_AFTER_STILL_FRAMES } from '../../renderer/src/ui/chart/chart-engine';
import { echarts } from '../../renderer/src/ui/chart/echarts-parts';
import type { ChartFrame } from '../../renderer/src/ui/chart/chart-frame';
import { readChartPalette } from '../../renderer/src/ui/chart/chart-palette';
import { sharedWall } from './shared-wall';
import { tileChartSpecBefore } from './tile-chart-before';
import { uplotTileChart } from './uplot-tile';
import { zrPathDraw } from './zr-path';

const CHARTS = 100;
const WINDOW = 300;
const PERIOD_MS = 1000;
/** A fixed time base: the data is the same on every run, only the pacing follows the clock. */
const T0 = Date.UTC(2025, 0, 1);
const LINE = '#4fa3ff';
const LABEL = '#8b98a9';
const SPLIT = '#263241';
const THRESHOLDS = { direction: 'above', warning: 80, critical: 95 } as const;

const LIBS = [
  'echarts',
  'echarts-before',
  'echarts-shared',
  'uplot',
  'uplot-tile',
  'none',
] as const;
type Lib = (typeof LIBS)[number];
const requested = new URLSearchParams(location.search).get('lib');
const lib: Lib = LIBS.find((name) => name === requested) ?? 'echarts';

interface Drawn {
  draw(t: number[], v: number[]): void;
}

/** Park–Miller, one stream per chart. */
function prng(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16_807) % 2_147_483_647) / 2_147_483_647;
}

interface Stream {
  t: number[];
  v: number[];
  n: number;
  value: number;
  random: () => number;
}

function nextSample(stream: Stream): void {
  stream.n += 1;
  stream.value = Math.max(0, stream.value + (stream.random() - 0.5) * 6);
  stream.t.push(T0 + stream.n * PERIOD_MS);
  stream.v.push(Math.round(stream.value * 100) / 100);
  if (stream.t.length > WINDOW) {
    stream.t.shift();
    stream.v.shift();
  }
}

const palette = { ...readChartPalette(), line: LINE, label: LABEL, split: SPLIT };

function frameOf(element: HTMLElement, index: number, t: number[], v: number[]): ChartFrame {
  const series = {
    key: `bench/s${index}`,
    title: `Series ${index}`,
    thresholds: THRESHOLDS,
  } as ConsoleSeries;
  const now = t.at(-1) ?? T0;
  return {
    series,
    points: { t, v },
    markers: [],
    palette,
    now,
    width: element.clientWidth,
    height: element.clientHeight,
  };
}

/**
 * Experiments, never the default: ?knobs=value,nosampling,noarea,dirty,silent,pairs,svg
 * changes the console's tile option on this page only, to see what each costs.
 */
const knobs = new Set(
  (new URLSearchParams(location.search).get('knobs') ?? '').split(',').filter(Boolean),
);
/** knobs=pairs: the data as [t, v] pairs, as the console drew it before 872b38f. */
function asPairs<T extends { series: Record<string, unknown>[] }>(option: T): T {
  if (!knobs.has('pairs')) return option;
  const series = option.series.map((entry) => {
    const flat = entry.data as Float64Array;
    const pairs = Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]);
    return { ...entry, data: pairs };
  });
  return { ...option, series };
}
// knobs=svg: ECharts' SVG renderer (the console registers only the canvas one).
if (knobs.has('svg')) echarts.use([SVGRenderer]);
const tried: LiveChartSpec = {
  ...tileChartSpec,
  data: (frame) => asPairs(tileChartSpec.data(frame)),
  full(frame) {
    const option = asPairs(tileChartSpec.full(frame));
    const series = option.series.map((entry) => ({
      ...entry,
      ...(knobs.has('nosampling') ? { sampling: undefined } : {}),
      ...(knobs.has('noarea') ? { areaStyle: undefined } : {}),
      ...(knobs.has('silent') ? { silent: true } : {}),
    }));
    const xAxis = knobs.has('value')
      ? { ...(option.xAxis as object), type: 'value' }
      : option.xAxis;
    return { ...option, xAxis, series };
  },
};

/** The console's tile chart: one instance, a whole option once, then the drawer's merges. */
function consoleChart(element: HTMLElement, index: number): Drawn {
  const chart: ECharts = echarts.init(element, undefined, {
    renderer: knobs.has('svg') ? 'svg' : 'canvas',
    useDirtyRect: knobs.has('dirty'),
  });
  // As chart-engine.ts makes the console's charts.
  chart.getZr().setSleepAfterStill(SLEEP_AFTER_STILL_FRAMES);
  const drawer = new ChartDrawer(chart, knobs.size > 0 ? tried : tileChartSpec);
  let started = false;
  return {
    draw(t, v) {
      const frame = frameOf(element, index, t, v);
      const end = frame.now;
      if (started && knobs.has('zr') && zrPathDraw(chart, t, v, end - 5 * 60_000, end)) return;
      if (started) return drawer.data(frame);
      started = true;
      drawer.full(frame);
    },
  };
}

/** The same tile before: the moving part of the option, markLine and all, on every draw. */
function consoleChartBefore(element: HTMLElement, index: number): Drawn {
  const chart: ECharts = echarts.init(element, undefined, { renderer: 'canvas' });
  let started = false;
  return {
    draw(t, v) {
      const frame = frameOf(element, index, t, v);
      if (started) return chart.setOption(tileChartSpecBefore.data(frame));
      started = true;
      chart.setOption(tileChartSpecBefore.full(frame), { notMerge: true });
    },
  };
}

function uplotChart(element: HTMLElement): Drawn {
  const plot = new uPlot(
    {
      width: element.clientWidth,
      height: element.clientHeight,
      ms: 1,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: true } },
      axes: [
        { show: false },
        {
          size: 32,
          stroke: LABEL,
          font: '10px sans-serif',
          grid: { stroke: SPLIT, width: 1 },
          ticks: { show: false },
        },
      ],
      series: [{}, { stroke: LINE, width: 1.5, points: { show: false } }],
    },
    [[], []],
    element,
  );
  return settingData(plot);
}

/** uPlot drawing the tile's picture: the like-for-like reference. */
function uplotTile(element: HTMLElement): Drawn {
  return settingData(uplotTileChart(element, { palette, thresholds: THRESHOLDS }));
}

/** A uPlot draw: its own copy of the window (the stream shifts the arrays in place). */
function settingData(plot: uPlot): Drawn {
  return { draw: (t, v) => plot.setData([t.slice(), v.slice()]) };
}

const grid = document.getElementById('grid') as HTMLElement;
const shared =
  lib === 'echarts-shared'
    ? sharedWall(grid, knobs.has('dirty'), knobs.has('gap500') ? 500 : 0)
    : undefined;

/** Experiment: every chart in one ECharts instance (shared-wall.ts). */
function sharedChart(element: HTMLElement, index: number): Drawn {
  const chart = shared?.chart(index, element);
  return { draw: (t, v) => chart?.draw(frameOf(element, index, t, v)) };
}
const streams: Stream[] = [];
const charts: (Drawn | undefined)[] = [];
for (let i = 0; i < CHARTS; i += 1) {
  const element = document.createElement('div');
  element.className = 'chart';
  grid.append(element);
  const stream: Stream = { t: [], v: [], n: -WINDOW, value: 50, random: prng(i + 1) };
  for (let k = 0; k < WINDOW; k += 1) nextSample(stream);
  streams.push(stream);
  const make = {
    echarts: consoleChart,
    'echarts-before': consoleChartBefore,
    'echarts-shared': sharedChart,
    uplot: uplotChart,
    'uplot-tile': uplotTile,
    none: () => undefined,
  }[lib];
  charts.push(make(element, i));
  charts[i]?.draw(stream.t, stream.v);
}

const state = { lib, ready: true, updates: 0 };
(window as unknown as { __chartCompare: typeof state }).__chartCompare = state;

const began = performance.now();
const due = streams.map((_, i) => began + (i / CHARTS) * PERIOD_MS);
window.setInterval(() => {
  const now = performance.now();
  for (let i = 0; i < CHARTS; i += 1) {
    if ((due[i] as number) > now) continue;
    due[i] = (due[i] as number) + PERIOD_MS;
    const stream = streams[i] as Stream;
    nextSample(stream);
    charts[i]?.draw(stream.t, stream.v);
    state.updates += 1;
  }
}, 5);
