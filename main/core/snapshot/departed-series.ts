// Series that left their endpoint's catalog (a ring's series once the ring
// is halted or rolled back): the series store forgets them at once, but an
// incident snapshot must still show what they said while they were there.
// Kept for the longest window a snapshot takes, bounded by count and points.
import type { ConsoleSeries, Points } from '../../../shared/api/series';

export const DEPARTED_LIMITS = { series: 500, points: 1_000_000, keepMs: 3_600_000 };

interface Departed {
  series: ConsoleSeries;
  points: Points;
  at: number;
}

export class DepartedSeries {
  private readonly kept = new Map<string, Departed>();
  private points = 0;

  constructor(private readonly limits = DEPARTED_LIMITS) {}

  /** A series left the catalog at `at`, with the points it had. */
  keep(at: number, series: ConsoleSeries, points: Points): void {
    this.drop(series.key);
    this.kept.set(series.key, { series, points, at });
    this.points += points.t.length;
    this.expire(at);
  }

  /** The series that left at or after `from`, in the order they left. */
  since(from: number): ConsoleSeries[] {
    return [...this.kept.values()].filter((d) => d.at >= from).map((d) => d.series);
  }

  /** A departed series' points with t ≥ from, or empty when it is not kept. */
  pointsOf(key: string, from: number): Points {
    const departed = this.kept.get(key);
    if (!departed) return { t: [], v: [] };
    const { t, v } = departed.points;
    const start = t.findIndex((time) => time >= from);
    return start < 0 ? { t: [], v: [] } : { t: t.slice(start), v: v.slice(start) };
  }

  private expire(now: number): void {
    for (const [key, departed] of this.kept) {
      const over =
        this.kept.size > this.limits.series ||
        this.points > this.limits.points ||
        departed.at < now - this.limits.keepMs;
      if (!over) break;
      this.drop(key);
    }
  }

  private drop(key: string): void {
    const departed = this.kept.get(key);
    if (!departed) return;
    this.points -= departed.points.t.length;
    this.kept.delete(key);
  }
}
