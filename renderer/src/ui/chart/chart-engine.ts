// The chart engine, loaded on demand: ECharts sits in a chunk of its own
// (echarts-parts.ts), so evaluating the console's script does not evaluate it
// too. A chart made before the chunk is in stays an empty area (no values at
// all, never made-up ones): its options are kept, and once the engine is in
// its instance is made and drawn in the shared draw queue, so a page of
// charts waiting for it does not start in one long task either.
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { requestDraw } from './chart-draw-queue';
import type { echarts as EngineModule } from './echarts-parts';

type Engine = typeof EngineModule;
type SetOptionSettings = { notMerge?: boolean };

/** What the console does with a chart. */
export interface Chart {
  setOption(option: EChartsCoreOption, settings?: SetOptionSettings): void;
  resize(): void;
  dispose(): void;
}

let engine: Engine | undefined;
let loading: Promise<Engine> | undefined;

/** The engine, loading its chunk the first time (again after a failed load). */
export function loadChartEngine(): Promise<Engine> {
  loading ??= import('./echarts-parts').then(
    (module) => (engine = module.echarts),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

class DeferredChart implements Chart {
  private chart: ECharts | undefined;
  /** Options set before the instance exists, in order; a whole option drops those before it. */
  private pending: Parameters<Chart['setOption']>[] = [];
  private disposed = false;
  private cancelStart = () => {};

  constructor(private readonly element: HTMLElement) {}

  start(loaded: Engine): void {
    if (this.disposed || this.chart) return;
    this.chart = loaded.init(this.element, undefined, { renderer: 'canvas' });
    for (const args of this.pending.splice(0)) this.chart.setOption(...args);
  }

  waitForEngine(): void {
    loadChartEngine().then(
      (loaded) => {
        if (!this.disposed) this.cancelStart = requestDraw(() => this.start(loaded));
      },
      (error: unknown) => console.error('Watchfloor: the chart engine did not load', error),
    );
  }

  setOption(...args: Parameters<Chart['setOption']>): void {
    if (this.chart) return this.chart.setOption(...args);
    if (args[1]?.notMerge) this.pending = [];
    this.pending.push(args);
  }

  resize(): void {
    this.chart?.resize();
  }

  dispose(): void {
    this.disposed = true;
    this.pending = [];
    this.cancelStart();
    this.chart?.dispose();
  }
}

/** A chart in `element`: drawn at once when the engine is in, else as soon as it is. */
export function createChart(element: HTMLElement): Chart {
  const chart = new DeferredChart(element);
  if (engine) chart.start(engine);
  else chart.waitForEngine();
  return chart;
}
