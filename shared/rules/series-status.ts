// How a latest value reads against its thresholds, and when it is stale.
// Shared so the wall and the alert engine agree on what "critical" and
// "stale" mean, on one clock: the console's.
import type { Thresholds } from '../protocol';

export const SERIES_STATUSES = ['ok', 'warning', 'critical', 'stale', 'nodata'] as const;
export type SeriesStatus = (typeof SERIES_STATUSES)[number];

/** A series is stale when it has not updated for this many of its intervals. */
export const STALE_INTERVALS = 3;
/** ...and never sooner than this: under a flood a chart redraws every 500 ms, and a fast series must not flicker. */
export const MIN_STALE_MS = 2_000;

export const staleAfterMs = (intervalMs: number): number =>
  Math.max(STALE_INTERVALS * intervalMs, MIN_STALE_MS);

/**
 * An endpoint's sample time on the console's clock. `skewMs` is the link's
 * measured clockSkewMs (endpoint clock minus console clock at hello), so an
 * endpoint whose clock runs ahead never looks fresher than it is, nor one
 * behind staler: tile ages, STALE and alerts all read this one clock.
 */
export const consoleTime = (endpointTime: number, skewMs = 0): number => endpointTime - skewMs;

export type ThresholdCondition = 'ok' | 'warning' | 'critical';

export function thresholdStatus(value: number, thresholds?: Thresholds): ThresholdCondition {
  if (!thresholds) return 'ok';
  // No closures here: this runs for every sample on the ingest path.
  const sign = thresholds.direction === 'above' ? 1 : -1;
  if (sign * value >= sign * thresholds.critical) return 'critical';
  if (sign * value >= sign * thresholds.warning) return 'warning';
  return 'ok';
}

export function seriesStatus(
  lastTime: number | undefined,
  lastValue: number | undefined,
  intervalMs: number,
  now: number,
  thresholds?: Thresholds,
  skewMs = 0,
): SeriesStatus {
  if (lastTime === undefined || lastValue === undefined) return 'nodata';
  if (now - consoleTime(lastTime, skewMs) > staleAfterMs(intervalMs)) return 'stale';
  return thresholdStatus(lastValue, thresholds);
}
