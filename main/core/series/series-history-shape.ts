// How much of a series' history is kept, and how finely. An hour at 1 s for
// 20,000 series is 1.1 GB of doubles, so history is tiered as Netdata, RRD
// and Thanos downsampling tier it: the newest samples raw, older ones as the
// lowest and highest sample of each fixed bucket, so a spike survives its
// decimation. See docs/performance.md (B6) for the measured sizes.

export interface HistoryShape {
  /** Newest samples kept exactly, time and value. */
  rawSamples: number;
  /** Width of an older bucket in ms (at most 65,535); buckets start at multiples of it since the epoch. */
  bucketMs: number;
  /** Older buckets kept behind the raw samples; 0 keeps only the raw ones. */
  buckets: number;
}

/** Five minutes at 1 Hz kept exactly, a wall tile's whole chart (ten measured 480 MB RSS in B6). */
export const RAW_SAMPLES = 300;
/** Older samples: the lowest and the highest of each 30 s (the renderer's own older tier is 36 s). */
export const BUCKET_MS = 30_000;
/** Bucket offsets are stored in 16 bits, one value of which marks an empty bucket. */
export const MAX_BUCKET_MS = 0xffff;

/**
 * The shape that covers `capacity` seconds of a 1 Hz series (3,600: an hour):
 * the newest RAW_SAMPLES of them raw, the rest in BUCKET_MS buckets, plus one
 * for the bucket the raw samples' edge cuts. A capacity up to RAW_SAMPLES is
 * kept raw whole.
 */
export function historyShape(capacity: number): HistoryShape {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`series capacity must be a positive integer, got ${capacity}`);
  }
  const rawSamples = Math.min(capacity, RAW_SAMPLES);
  const rest = capacity - rawSamples;
  const buckets = rest === 0 ? 0 : Math.ceil((rest * 1000) / BUCKET_MS) + 1;
  return { rawSamples, bucketMs: BUCKET_MS, buckets };
}

export function checkShape(shape: HistoryShape): HistoryShape {
  const { rawSamples, bucketMs, buckets } = shape;
  const whole = (n: number, least: number) => Number.isInteger(n) && n >= least;
  if (
    !whole(rawSamples, 1) ||
    !whole(buckets, 0) ||
    !whole(bucketMs, 1) ||
    bucketMs > MAX_BUCKET_MS
  ) {
    throw new RangeError(`invalid history shape ${JSON.stringify(shape)}`);
  }
  return shape;
}
