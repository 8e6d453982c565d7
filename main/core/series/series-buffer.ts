// One series' history in bounded memory, tiered (series-history-shape.ts):
// the newest samples exactly, older ones as the lowest and highest sample of
// each bucket, so the line drawn from them keeps every spike. How many stay
// exact is the raw limit, which the store sets from its memory budget
// (series-raw-budget.ts): with the default shape and up to 1,864 series,
// the whole hour (36 kB a series at 1 Hz) and no bucket is ever made; at
// 20,000 series 5.6 minutes raw and the rest in 30 s buckets (5.6 kB).
// Whatever reads history beyond the raw span (the renderer's first 15
// minutes, a snapshot's hour, a departed series) gets that part decimated,
// and meanSince over it averages the extremes; release gates (30 s) and wall
// tiles (5 min) always read raw.
import type { Points } from '../../../shared/api/series';
import { SeriesBucketTier } from './series-bucket-tier';
import { checkShape, historyShape, type HistoryShape } from './series-history-shape';
import { SeriesRawTier } from './series-raw-tier';

export class SeriesBuffer {
  readonly shape: HistoryShape;
  private readonly raw: SeriesRawTier;
  /** Made when the first sample leaves the raw tier for it. */
  private older: SeriesBucketTier | undefined;

  /**
   * `capacity`: seconds of a 1 Hz series to cover (see historyShape), or an
   * explicit shape; `rawLimit` as setRawLimit takes it, by default the most
   * the shape allows.
   */
  constructor(capacity: number | HistoryShape, rawLimit = Number.POSITIVE_INFINITY) {
    this.shape = typeof capacity === 'number' ? historyShape(capacity) : checkShape(capacity);
    this.raw = new SeriesRawTier(this.clamp(rawLimit));
  }

  /** Points held: raw samples plus one or two per older bucket. */
  get size(): number {
    return this.raw.size + (this.older?.size ?? 0);
  }

  /** Bytes of the typed arrays that hold the samples. */
  get byteLength(): number {
    return this.raw.byteLength + (this.older?.byteLength ?? 0);
  }

  /** The newest samples kept exactly at most. */
  get rawLimit(): number {
    return this.raw.limit;
  }

  /**
   * Keeps at most `limit` samples exactly, clamped to the shape's bounds.
   * Lowered, the oldest raw samples beyond it move into the buckets at once
   * (their extremes kept) and the raw arrays shrink; raised, the raw arrays
   * grow again as samples come, and what is already decimated stays so.
   */
  setRawLimit(limit: number): void {
    const next = this.clamp(limit);
    while (this.raw.size > next) this.demoteOldest(next);
    this.raw.limit = next;
  }

  /**
   * Adds a sample. Times must increase: one not after the newest is refused
   * (false), as the store drops it before it gets here.
   */
  push(time: number, value: number): boolean {
    if (this.raw.size > 0 && !(time > this.raw.newestTime)) return false;
    if (this.raw.full) this.demoteOldest(this.raw.limit);
    this.raw.push(time, value);
    return true;
  }

  last(): { t: number; v: number } | undefined {
    if (this.raw.size === 0) return undefined;
    return { t: this.raw.newestTime, v: this.raw.newestValue };
  }

  /**
   * Points with time >= since, oldest first: each older bucket's lowest and
   * highest in time order, then the raw samples.
   */
  pointsSince(since: number): Points {
    const t: number[] = [];
    const v: number[] = [];
    this.older?.appendSince(since, t, v);
    this.raw.appendSince(since, t, v);
    return { t, v };
  }

  private clamp(limit: number): number {
    return Math.min(this.shape.rawSamples, Math.max(this.shape.minRawSamples, limit));
  }

  /**
   * Takes the oldest raw sample out, into the buckets while the raw tier
   * (at `limit`) covers less than the shape's whole span; beyond it, the
   * sample and every bucket are older than the span and go.
   */
  private demoteOldest(limit: number): void {
    if (limit < this.shape.rawSamples && this.shape.buckets > 0) {
      this.older ??= new SeriesBucketTier(this.shape.bucketMs, this.shape.buckets);
      this.older.add(this.raw.oldestTime, this.raw.oldestValue);
    } else {
      this.older = undefined;
    }
    this.raw.dropOldest();
  }
}
