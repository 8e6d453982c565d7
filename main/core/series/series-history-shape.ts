// How much of a series' history is kept, and how finely. An hour at 1 s for
// 20,000 series is 1.1 GB of doubles, so history is tiered as Netdata, RRD
// and Thanos downsampling tier it: the newest samples raw, older ones as the
// lowest and highest sample of each fixed bucket, so a spike survives its
// decimation. How many stay raw follows a memory budget shared by every
// series (series-raw-budget.ts): the whole capacity when few series are held,
// down to RAW_SAMPLES at scale. See docs/performance.md (B6) for the sizes.

export interface HistoryShape {
  /** Most samples kept exactly, time and value: the raw limit when memory allows. */
  rawSamples: number;
  /** Fewest samples kept exactly when memory is short; the buckets cover the rest. */
  minRawSamples: number;
  /** Width of an older bucket in ms (at most 65,535); buckets start at multiples of it since the epoch. */
  bucketMs: number;
  /** Older buckets behind the raw samples, enough for the span behind minRawSamples; 0 keeps only raw ones. */
  buckets: number;
}

/** Five minutes at 1 Hz kept exactly at least, a wall tile's whole chart (ten measured 480 MB RSS in B6). */
export const RAW_SAMPLES = 300;
/** Older samples: the lowest and the highest of each 30 s (the renderer's own older tier is 36 s). */
export const BUCKET_MS = 30_000;
/** Bucket offsets are stored in 16 bits, one value of which marks an empty bucket. */
export const MAX_BUCKET_MS = 0xffff;

/**
 * The shape that covers `capacity` seconds of a 1 Hz series (3,600: an hour):
 * all of them raw when memory allows, at least the newest RAW_SAMPLES, and
 * buckets of BUCKET_MS for the rest at its longest (capacity − RAW_SAMPLES),
 * plus one for the bucket the raw samples' edge cuts. A capacity up to
 * RAW_SAMPLES is always kept raw whole.
 */
export function historyShape(capacity: number): HistoryShape {
  checkCapacity(capacity);
  const minRawSamples = Math.min(capacity, RAW_SAMPLES);
  const rest = capacity - minRawSamples;
  const buckets = rest === 0 ? 0 : Math.ceil((rest * 1000) / BUCKET_MS) + 1;
  return { rawSamples: capacity, minRawSamples, bucketMs: BUCKET_MS, buckets };
}

/** `capacity` samples, all kept exactly whatever the budget (benches, tools). */
export function exactShape(capacity: number): HistoryShape {
  checkCapacity(capacity);
  return { rawSamples: capacity, minRawSamples: capacity, bucketMs: BUCKET_MS, buckets: 0 };
}

export function checkShape(shape: HistoryShape): HistoryShape {
  const { rawSamples, minRawSamples, bucketMs, buckets } = shape;
  const whole = (n: number, least: number) => Number.isInteger(n) && n >= least;
  if (
    !whole(minRawSamples, 1) ||
    !whole(rawSamples, minRawSamples) ||
    !whole(buckets, 0) ||
    !whole(bucketMs, 1) ||
    bucketMs > MAX_BUCKET_MS
  ) {
    throw new RangeError(`invalid history shape ${JSON.stringify(shape)}`);
  }
  return shape;
}

function checkCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`series capacity must be a positive integer, got ${capacity}`);
  }
}
