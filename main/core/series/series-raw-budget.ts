// How many samples each series keeps exactly: the raw tiers of all series
// together share one memory budget, as Prometheus's head block and Netdata's
// tier 0 are sized by memory rather than by series. A console with few series
// keeps its whole capacity (an hour) exact; one with many keeps less raw,
// never below RAW_SAMPLES, and min/max buckets for the rest.
import { RAW_SAMPLES } from './series-history-shape';
import { RAW_BYTES_PER_SAMPLE } from './series-raw-tier';

/**
 * 64 MiB of raw samples: an hour exact for up to 1,864 series at 1 Hz, 22
 * minutes for 5,000, 5.6 minutes for 20,000 (335 samples; with their buckets,
 * 106 MB of history). 96 MiB (an hour for 2,796, 8.4 minutes at 20,000) cost
 * 32-45 MB more RSS at 20 × 1,000, against a 400 MB target already on the
 * line: docs/performance.md (B6).
 */
export const RAW_BUDGET_BYTES = 64 * 2 ** 20;

/**
 * Raw samples per series when `series` share `budgetBytes`: the budget's
 * share, floored, clamped between RAW_SAMPLES (or the capacity, if smaller)
 * and the capacity.
 */
export function rawSamplesFor(
  series: number,
  capacity: number,
  budgetBytes = RAW_BUDGET_BYTES,
): number {
  const share = Math.floor(budgetBytes / (Math.max(series, 1) * RAW_BYTES_PER_SAMPLE));
  return Math.min(capacity, Math.max(Math.min(capacity, RAW_SAMPLES), share));
}
