// 100 live line charts fed by one deterministic in-page stream: each chart
// gets one sample a second (phases spread over the second, as on the wall),
// in a 300-point window. ?lib=echarts draws them with ECharts (the console's
// modular build and tile settings: no animation, no symbols, LTTB sampling),
// ?lib=uplot with uPlot (a reference point only), ?lib=none runs the stream
// alone (the baseline both share). Exposes window.__chartCompare.
import { LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const CHARTS = 100;
const WINDOW = 300;
const PERIOD_MS = 1000;
/** A fixed time base: the data is the same on every run, only the pacing follows the clock. */
const T0 = Date.UTC(2025, 0, 1);
const LINE = '#4fa3ff';
const LABEL = '#8b98a9';
const SPLIT = '#263241';

type Lib = 'echarts' | 'uplot' | 'none';
const requested = new URLSearchParams(location.search).get('lib');
const lib: Lib = requested === 'uplot' || requested === 'none' ? requested : 'echarts';

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

echarts.use([LineChart, GridComponent, CanvasRenderer]);

function echartsChart(element: HTMLElement): Drawn {
  const chart = echarts.init(element, undefined, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    grid: { left: 32, right: 6, top: 6, bottom: 6 },
    xAxis: { type: 'time', show: false },
    yAxis: {
      type: 'value',
      scale: true,
      splitNumber: 2,
      axisLabel: { color: LABEL, fontSize: 10 },
      splitLine: { lineStyle: { color: SPLIT } },
    },
    series: [
      {
        type: 'line',
        showSymbol: false,
        sampling: 'lttb',
        lineStyle: { color: LINE, width: 1.5 },
        data: [],
      },
    ],
  });
  return {
    // As the console does: fresh [t, v] pairs and the window's bounds, merged in.
    draw(t, v) {
      const pairs = t.map((time, i) => [time, v[i] as number]);
      chart.setOption({
        xAxis: { min: t[0], max: t.at(-1) },
        series: [{ data: pairs }],
      });
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
  return {
    draw(t, v) {
      plot.setData([t.slice(), v.slice()]);
    },
  };
}

const grid = document.getElementById('grid') as HTMLElement;
const streams: Stream[] = [];
const charts: (Drawn | undefined)[] = [];
for (let i = 0; i < CHARTS; i += 1) {
  const element = document.createElement('div');
  element.className = 'chart';
  grid.append(element);
  const stream: Stream = { t: [], v: [], n: -WINDOW, value: 50, random: prng(i + 1) };
  for (let k = 0; k < WINDOW; k += 1) nextSample(stream);
  streams.push(stream);
  charts.push(
    lib === 'echarts' ? echartsChart(element) : lib === 'uplot' ? uplotChart(element) : undefined,
  );
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
