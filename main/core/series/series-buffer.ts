// One series' history in bounded memory, tiered (series-history-shape.ts):
// the newest samples exactly, older ones as the lowest and highest sample of
// each bucket, so the line drawn from them keeps every spike. At 1 Hz with
// the console's default shape that is 5 minutes raw and the rest of the hour
// in 30 s buckets, 5.2 kB instead of 56 kB a series. Whatever reads history
// beyond 5 minutes (the renderer's first 15 minutes, a snapshot's hour, a
// departed series) gets that part decimated, and meanSince over it averages
// the extremes; release gates (30 s) and wall tiles (5 min) read raw only.
import type { Points } from '../../../shared/api/series';
import { SeriesBucketTier } from './series-bucket-tier';
import { checkShape, historyShape, type HistoryShape } from './series-history-shape';
import { SeriesRawTier } from './series-raw-tier';

export class SeriesBuffer {
  readonly shape: HistoryShape;
  private readonly raw: SeriesRawTier;
  /** Made when the first sample leaves the raw tier. */
  private older: SeriesBucketTier | undefined;

  /** `capacity`: seconds of a 1 Hz series to cover (see historyShape), or an explicit shape. */
  constructor(capacity: number | HistoryShape) {
    this.shape = typeof capacity === 'number' ? historyShape(capacity) : checkShape(capacity);
    this.raw = new SeriesRawTier(this.shape.rawSamples);
  }

  /** Points held: raw samples plus one or two per older bucket. */
  get size(): number {
    return this.raw.size + (this.older?.size ?? 0);
  }

  /** Bytes of the typed arrays that hold the samples. */
  get byteLength(): number {
    return this.raw.byteLength + (this.older?.byteLength ?? 0);
  }

  /**
   * Adds a sample. Times must increase: one not after the newest is refused
   * (false), as the store drops it before it gets here.
   */
  push(time: number, value: number): boolean {
    if (this.raw.size > 0 && !(time > this.raw.newestTime)) return false;
    if (this.raw.full && this.shape.buckets > 0) {
      this.older ??= new SeriesBucketTier(this.shape.bucketMs, this.shape.buckets);
      this.older.add(this.raw.oldestTime, this.raw.oldestValue);
    }
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
}
