// Runs each series' query once per interval, however many consoles watch,
// and keeps the recent points so that a console that connects gets its
// backfill from memory (one query_range per series, shared by everyone).
// It polls only while someone listens. Evaluation times are aligned to the
// series' interval, so live points and backfilled points share one grid.
import type { SampleBatch } from '../../shared/protocol';
import type { QueryData } from './prometheus-client';
import { readInstant, readRange, type Point } from './query-result';

export interface PolledSeries {
  id: string;
  query: string;
  intervalMs: number;
}

/** The two Prometheus calls the poller makes (PrometheusClient, or a stand-in in tests). */
export interface QuerySource {
  query(expr: string, timeMs: number): Promise<QueryData>;
  queryRange(expr: string, startMs: number, endMs: number, stepMs: number): Promise<QueryData>;
}

export interface PollerListener {
  /** New points, one batch per series that has one: one call per tick. */
  samples(batches: SampleBatch[]): void;
  /** A series failed (message) or recovered (undefined). */
  seriesError(series: string, message: string | undefined): void;
}

export interface QueryPollerOptions {
  series: PolledSeries[];
  source: QuerySource;
  /** How much history to keep and to backfill; 0 for none. */
  backfillMs: number;
  now?: () => number;
  /** Told about failures that no series shows (a failed backfill). */
  warn?: (message: string) => void;
}

/** Prometheus refuses range queries of more than 11,000 points per series. */
const MAX_RANGE_STEPS = 10_000;

interface SeriesState {
  spec: PolledSeries;
  points: Point[];
  /** undefined: not known yet; null: healthy; a string: the error shown. */
  error: string | null | undefined;
  inFlight: boolean;
  /** The cache holds the whole window (a backfill succeeded and polling went on since). */
  primed: boolean;
}

export class QueryPoller {
  private readonly states: SeriesState[];
  private readonly listeners = new Set<PollerListener>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly now: () => number;
  private priming: Promise<void> | undefined;
  /** Bumped whenever polling stops: answers from an older generation are dropped. */
  private generation = 0;

  constructor(private readonly options: QueryPollerOptions) {
    this.now = options.now ?? Date.now;
    this.states = options.series.map((spec) => ({
      spec,
      points: [],
      error: undefined,
      inFlight: false,
      primed: false,
    }));
  }

  get polling(): boolean {
    return this.timers.size > 0;
  }

  /** Starts polling with the first listener; stops after the last one leaves. */
  subscribe(listener: PollerListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      if (!this.listeners.delete(listener)) return;
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** The current error of every series whose state is known (message undefined: healthy). */
  errors(): Array<{ series: string; message: string | undefined }> {
    return this.states
      .filter((state) => state.error !== undefined)
      .map((state) => ({ series: state.spec.id, message: state.error ?? undefined }));
  }

  /** The recent history of every series, fetching what the cache lacks (once for everyone). */
  async backfill(): Promise<SampleBatch[]> {
    if (this.options.backfillMs > 0 && this.states.some((state) => !state.primed)) {
      if (!this.priming) {
        const priming = this.prime().finally(() => {
          if (this.priming === priming) this.priming = undefined;
        });
        this.priming = priming;
      }
      await this.priming;
    }
    return this.states
      .filter((state) => state.points.length > 0)
      .map((state) => ({ series: state.spec.id, points: state.points.slice() }));
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.generation += 1;
    this.priming = undefined;
    // Nobody watches: what we knew goes stale. The next console gets a fresh backfill.
    for (const state of this.states) {
      state.points = [];
      state.error = undefined;
      state.inFlight = false;
      state.primed = false;
    }
  }

  private start(): void {
    const groups = new Map<number, SeriesState[]>();
    for (const state of this.states) {
      const group = groups.get(state.spec.intervalMs) ?? [];
      group.push(state);
      groups.set(state.spec.intervalMs, group);
    }
    for (const [intervalMs, group] of groups) {
      // A first poll at once, so values and errors show without waiting a whole interval.
      // It asks about the current second rather than the last grid time, which may be
      // minutes ago for a long interval; the grid takes over from the next tick.
      void this.poll(group, floorTo(this.now(), 1000));
      this.schedule(group, intervalMs);
    }
  }

  private schedule(group: SeriesState[], intervalMs: number): void {
    const now = this.now();
    const next = floorTo(now, intervalMs) + intervalMs;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.schedule(group, intervalMs);
      void this.poll(group, next);
    }, next - now);
    this.timers.add(timer);
  }

  /** One tick of one interval group: every query at `time`, then one samples call. */
  private async poll(group: SeriesState[], time: number): Promise<void> {
    const generation = this.generation;
    // A series whose previous query still runs (a slow Prometheus) skips this tick.
    const due = group.filter((state) => !state.inFlight);
    for (const state of due) state.inFlight = true;
    const readings = await Promise.all(
      due.map(async (state) => {
        try {
          return readInstant(await this.options.source.query(state.spec.query, time));
        } catch (err) {
          return { problem: (err as Error).message };
        }
      }),
    );
    if (generation !== this.generation) return;
    const batches: SampleBatch[] = [];
    due.forEach((state, index) => {
      state.inFlight = false;
      const reading = readings[index];
      if (!reading) return;
      if ('point' in reading) {
        this.setError(state, null);
        if (this.append(state, reading.point)) {
          batches.push({ series: state.spec.id, points: [reading.point] });
        }
      } else {
        this.setError(state, reading.problem);
        // The cache now has a gap that Prometheus may be able to fill: the next console
        // to connect gets a fresh range query rather than the gap.
        state.primed = false;
      }
    });
    if (batches.length > 0) for (const listener of this.listeners) listener.samples(batches);
  }

  /** Range queries for every series not yet in the cache, merged with what polling brought. */
  private async prime(): Promise<void> {
    const generation = this.generation;
    const wanted = this.states.filter((state) => !state.primed);
    await Promise.all(
      wanted.map(async (state) => {
        const { intervalMs } = state.spec;
        const end = floorTo(this.now(), intervalMs);
        const steps = Math.min(Math.floor(this.options.backfillMs / intervalMs), MAX_RANGE_STEPS);
        const start = end - steps * intervalMs;
        try {
          const reading = readRange(
            await this.options.source.queryRange(state.spec.query, start, end, intervalMs),
          );
          if (generation !== this.generation) return;
          if ('problem' in reading) throw new Error(reading.problem);
          state.points = mergePoints(reading.points, state.points);
          this.trim(state);
          state.primed = true;
        } catch (err) {
          if (generation !== this.generation) return;
          // Not shown as a series error: the live query says how the series is doing.
          this.options.warn?.(`backfill of ${state.spec.id} failed: ${(err as Error).message}`);
        }
      }),
    );
  }

  /** Adds a live point to the cache; false when it is not newer than what is there. */
  private append(state: SeriesState, point: Point): boolean {
    const last = state.points.at(-1);
    if (last && last[0] >= point[0]) return false;
    state.points.push(point);
    this.trim(state);
    return true;
  }

  private trim(state: SeriesState): void {
    const keepAfter = this.now() - Math.max(this.options.backfillMs, state.spec.intervalMs);
    let drop = 0;
    while (drop < state.points.length && (state.points[drop]?.[0] ?? 0) < keepAfter) drop += 1;
    if (drop > 0) state.points.splice(0, drop);
  }

  private setError(state: SeriesState, error: string | null): void {
    if (state.error === error) return;
    state.error = error;
    for (const listener of this.listeners) listener.seriesError(state.spec.id, error ?? undefined);
  }
}

function floorTo(time: number, step: number): number {
  return Math.floor(time / step) * step;
}

/** Both runs sorted; the result sorted without repeated times (the later run wins a tie). */
function mergePoints(older: Point[], newer: Point[]): Point[] {
  const byTime = new Map<number, number>();
  for (const [time, value] of older) byTime.set(time, value);
  for (const [time, value] of newer) byTime.set(time, value);
  return [...byTime].sort((a, b) => a[0] - b[0]);
}
