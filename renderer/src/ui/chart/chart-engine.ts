// The chart engine, loaded on demand: ECharts sits in a chunk of its own
// (echarts-parts.ts), so evaluating the console's script does not evaluate it
// too. A chart made before the chunk is in stays an empty area (no values at
// all, never made-up ones): its options are kept, and once the engine is in
// its instance is made and drawn in the shared draw queue, so a page of
// charts waiting for it does not start in one long task either. A chunk that
// fails to load is tried again, ever more slowly, and each waiting chart says
// so in its own area meanwhile: an empty wall must not pass for a quiet one.
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

/** Retries of a failed load wait this long, doubling up to RETRY_MAX_MS. */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/**
 * Frames a chart's render loop keeps running after its last change. zrender's
 * default is 10: every draw of a wall's hundred charts kept its loop waking
 * for ten more frames (2,000 animation-frame callbacks a second on a flooded
 * wall). The console's charts do not animate, and a change (a draw, a hover)
 * wakes the loop again, so one still frame is enough.
 */
export const SLEEP_AFTER_STILL_FRAMES = 1;
/** Merges a waiting chart keeps as they came; beyond, the oldest two are folded into one. */
const MAX_MERGES = 4;
export const CHART_FAILED_TEXT = 'Charts could not load — retrying';

let engine: Engine | undefined;
let loading: Promise<Engine> | undefined;
let failures = 0;
let retry: ReturnType<typeof setTimeout> | undefined;
let failed = false;
const failedListeners = new Set<(failed: boolean) => void>();
/** Charts made before the engine was in: each starts when it is. */
const waiting = new Set<DeferredChart>();

function noteFailed(next: boolean): void {
  if (failed === next) return;
  failed = next;
  for (const listener of failedListeners) listener(next);
}

/** Calls `listener` with whether the engine's chunk failed to load, now and on each change. */
export function chartEngineFailed(listener: (failed: boolean) => void): () => void {
  failedListeners.add(listener);
  listener(failed);
  return () => failedListeners.delete(listener);
}

function engineIn(module: { echarts: Engine }): Engine {
  const loaded = (engine = module.echarts);
  failures = 0;
  noteFailed(false);
  for (const chart of waiting) chart.engineIn(loaded);
  waiting.clear();
  return loaded;
}

function loadFailed(error: unknown): never {
  loading = undefined;
  failures += 1;
  noteFailed(true);
  console.error('Watchfloor: the chart engine did not load', error);
  retry ??= setTimeout(
    () => {
      retry = undefined;
      loadChartEngine().catch(() => {});
    },
    Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (failures - 1)),
  );
  throw error;
}

/** The engine, loading its chunk the first time (again after a failed load). */
export function loadChartEngine(): Promise<Engine> {
  loading ??= import('./echarts-parts').then(engineIn, loadFailed);
  return loading;
}

// Folding two merges into one as ECharts merges them: a component's entries
// (series, axes…) by index (the console's options keep their order), inside
// an entry objects deeply, and arrays (data) and values replaced.
const COMPONENTS = new Set(['series', 'xAxis', 'yAxis', 'grid', 'tooltip', 'legend', 'dataZoom']);
type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function mergeDeep(earlier: unknown, later: unknown): unknown {
  if (!isPlain(earlier) || !isPlain(later)) return later;
  const merged: Plain = { ...earlier };
  for (const [key, value] of Object.entries(later)) merged[key] = mergeDeep(earlier[key], value);
  return merged;
}

function mergeEntries(earlier: unknown, later: unknown): unknown[] {
  const before = asList(earlier);
  const after = asList(later);
  return Array.from({ length: Math.max(before.length, after.length) }, (_, index) =>
    after[index] == null ? before[index] : mergeDeep(before[index], after[index]),
  );
}

/** One merge that does what setting `earlier`, then `later`, does. */
export function foldMerges(
  earlier: EChartsCoreOption,
  later: EChartsCoreOption,
): EChartsCoreOption {
  const folded: EChartsCoreOption = { ...earlier };
  for (const [key, value] of Object.entries(later)) {
    folded[key] = COMPONENTS.has(key)
      ? mergeEntries(earlier[key], value)
      : mergeDeep(earlier[key], value);
  }
  return folded;
}

class DeferredChart implements Chart {
  private chart: ECharts | undefined;
  /** Set before the instance exists: the last whole option, and the merges after it. */
  private whole: EChartsCoreOption | undefined;
  private merges: EChartsCoreOption[] = [];
  private disposed = false;
  private cancelStart = () => {};
  private offFailed = () => {};
  private notice: HTMLElement | undefined;

  constructor(private readonly element: HTMLElement) {}

  start(loaded: Engine): void {
    if (this.disposed || this.chart) return;
    this.stopWaiting();
    this.chart = loaded.init(this.element, undefined, { renderer: 'canvas' });
    this.chart.getZr().setSleepAfterStill(SLEEP_AFTER_STILL_FRAMES);
    if (this.whole) this.chart.setOption(this.whole, { notMerge: true });
    for (const merge of this.merges) this.chart.setOption(merge);
    this.whole = undefined;
    this.merges = [];
  }

  waitForEngine(): void {
    waiting.add(this);
    this.offFailed = chartEngineFailed((now) => this.showFailure(now));
    // A retry already scheduled loads it; otherwise this chart asks.
    if (!loading && retry === undefined) loadChartEngine().catch(() => {});
  }

  engineIn(loaded: Engine): void {
    if (!this.disposed) this.cancelStart = requestDraw(() => this.start(loaded));
  }

  setOption(...args: Parameters<Chart['setOption']>): void {
    if (this.chart) return this.chart.setOption(...args);
    const [option, settings] = args;
    if (settings?.notMerge) {
      this.whole = option;
      this.merges = [];
      return;
    }
    this.merges.push(option);
    // A long wait (the chunk failing) must not keep every merge made meanwhile.
    if (this.merges.length > MAX_MERGES) {
      const [first, second, ...rest] = this.merges as [EChartsCoreOption, EChartsCoreOption];
      this.merges = [foldMerges(first, second), ...rest];
    }
  }

  resize(): void {
    this.chart?.resize();
  }

  dispose(): void {
    this.disposed = true;
    this.whole = undefined;
    this.merges = [];
    this.stopWaiting();
    this.cancelStart();
    this.chart?.dispose();
  }

  private stopWaiting(): void {
    waiting.delete(this);
    this.offFailed();
    this.showFailure(false);
  }

  /** A line of text in the chart's own area while the engine cannot be loaded. */
  private showFailure(shown: boolean): void {
    if (!shown) {
      this.notice?.remove();
      this.notice = undefined;
      return;
    }
    if (this.notice) return;
    this.notice = this.element.ownerDocument.createElement('p');
    this.notice.className = 'chart-engine-failed';
    this.notice.textContent = CHART_FAILED_TEXT;
    this.element.append(this.notice);
  }
}

/** A chart in `element`: drawn at once when the engine is in, else as soon as it is. */
export function createChart(element: HTMLElement): Chart {
  const chart = new DeferredChart(element);
  if (engine) chart.start(engine);
  else chart.waitForEngine();
  return chart;
}
