// How the demo's numbers move: each series walks part of the way toward its
// target every tick, plus seeded noise, so an incident builds up over a few
// ticks and a fix shows as a recovery rather than a jump.
import type { SampleBatch } from '../../shared/protocol';
import type { DemoMetric, Targets } from './demo-catalog';
import type { Random } from './prng';

/** 15 minutes at 1 Hz: what a console receives when it connects. */
export const HISTORY_POINTS = 900;
const DEFAULT_FOLLOW = 0.2;

type Point = [number, number];

export class MetricWalk {
  private readonly values = new Map<string, number>();
  private readonly history = new Map<string, Point[]>();

  constructor(private readonly random: Random) {}

  /** Starts these series at their targets: a history that begins mid-incident. */
  startAt(metrics: readonly DemoMetric[], targets: Targets): void {
    for (const m of metrics) this.values.set(m.info.id, targetOf(m, targets));
  }

  /** One sample per metric at `now`, in catalog order (which keeps the noise replayable). */
  step(metrics: readonly DemoMetric[], targets: Targets, now: number): SampleBatch[] {
    this.forgetAllBut(metrics);
    return metrics.map((m) => {
      const value = this.next(m, targetOf(m, targets));
      const points = this.history.get(m.info.id) ?? [];
      points.push([now, value]);
      if (points.length > HISTORY_POINTS) points.shift();
      this.history.set(m.info.id, points);
      return { series: m.info.id, points: [[now, value]] };
    });
  }

  /** Copies of the kept history, for the catalog's series that have any. */
  historyOf(metrics: readonly DemoMetric[]): SampleBatch[] {
    return metrics.flatMap((m) => {
      const points = this.history.get(m.info.id) ?? [];
      return points.length
        ? [{ series: m.info.id, points: points.map((p) => [...p] as Point) }]
        : [];
    });
  }

  /** The latest value of a series, if it has one. */
  latest(series: string): number | undefined {
    return this.values.get(series);
  }

  /** A series that appears later (a ring joining a release) starts healthy and moves from there. */
  private next(m: DemoMetric, target: number): number {
    const before = this.values.get(m.info.id) ?? m.base;
    const noise = (this.random() * 2 - 1) * m.noise;
    const raw = before + (target - before) * (m.follow ?? DEFAULT_FOLLOW) + noise;
    const bounded = Math.min(m.max, Math.max(m.min, raw));
    const value = Number(bounded.toFixed(m.decimals));
    this.values.set(m.info.id, value);
    return value;
  }

  /** Series that left the catalog take their history with them: memory stays bounded. */
  private forgetAllBut(metrics: readonly DemoMetric[]): void {
    const keep = new Set(metrics.map((m) => m.info.id));
    for (const id of this.history.keys()) {
      if (keep.has(id)) continue;
      this.history.delete(id);
      this.values.delete(id);
    }
  }
}

function targetOf(m: DemoMetric, targets: Targets): number {
  return targets[m.info.id] ?? m.base;
}
