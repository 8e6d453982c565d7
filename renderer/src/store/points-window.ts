// Bounded per-series point buffers, up to six hours each for the detail
// view's longest range, in a fixed memory budget: recent points (the last 15
// minutes, as far as half the budget holds them) stay at full resolution;
// older ones are decimated whenever a buffer fills up, to the lowest and the
// highest of each 36-second bucket, so spikes survive. The host sends 15 min
// on load (getState); the rest accumulates live.
//
// Appends and decimation work in place (amortised, never a copy of hours per
// delta); each change still yields a new Points object, so store subscribers
// see it. Charts copy what they draw and never keep these arrays.
import type { Points } from '../../../shared/api/series';
import { minMaxDecimateFlat } from '../../../shared/rules/decimation';

/** Keep at most this much history per series, measured back from its latest sample. */
export const KEEP_MS = 6 * 3_600_000;
/** At most this many points per series (about 38 kB), whatever its rate. */
export const KEEP_POINTS = 2_400;
/** Recent points are not decimated, up to half the budget. */
export const FULL_RESOLUTION_MS = 15 * 60_000;
/** Older points: two per bucket, so six hours take the other half of the budget. */
const BUCKET_MS = KEEP_MS / (KEEP_POINTS / 4);

export interface Sample {
  t: number;
  v: number;
}

export const EMPTY_POINTS: Points = Object.freeze({
  t: Object.freeze([]) as unknown as number[],
  v: Object.freeze([]) as unknown as number[],
});

export function latestSample(points: Points | undefined): Sample | undefined {
  const t = points?.t.at(-1);
  const v = points?.v.at(-1);
  return t === undefined || v === undefined ? undefined : { t, v };
}

/** Appends in time order; samples not newer than the latest (a replay after reload) are dropped. */
export function appendPoints(current: Points | undefined, incoming: Points): Points {
  const lastT = current?.t.at(-1) ?? -Infinity;
  const count = Math.min(incoming.t.length, incoming.v.length);
  let from = 0;
  while (from < count && (incoming.t[from] ?? -Infinity) <= lastT) from += 1;
  if (from >= count) return current ?? EMPTY_POINTS;
  const owned = current && current.t.length > 0 && current.t.length === current.v.length;
  const t = owned ? current.t : [];
  const v = owned ? current.v : [];
  for (let i = from; i < count; i += 1) {
    t.push(incoming.t[i] as number);
    v.push(incoming.v[i] as number);
  }
  return trimPoints({ t, v });
}

/** Drops what is older than KEEP_MS and decimates until the budget holds. */
export function trimPoints(points: Points): Points {
  let { t, v } = points;
  if (t.length !== v.length) {
    const count = Math.min(t.length, v.length);
    t = t.slice(0, count);
    v = v.slice(0, count);
  }
  const newest = t.at(-1);
  if (newest === undefined) return EMPTY_POINTS;
  const expired = firstIndexAtOrAfter(t, newest - KEEP_MS);
  if (expired > 0) {
    t.splice(0, expired);
    v.splice(0, expired);
  }
  if (t.length > KEEP_POINTS) decimateOlder(t, v);
  // A bucket straddling the recent part's edge can leave one or two over.
  if (t.length > KEEP_POINTS) {
    t.splice(0, t.length - KEEP_POINTS);
    v.splice(0, v.length - KEEP_POINTS);
  }
  return { t, v };
}

/**
 * Decimates, in place, the points before the full-resolution part: each
 * bucket of BUCKET_MS keeps its lowest and its highest point, in time order.
 * Already decimated buckets stay as they are.
 */
function decimateOlder(t: number[], v: number[]): void {
  const count = t.length;
  const newest = t[count - 1] as number;
  const recentFrom = Math.max(
    firstIndexAtOrAfter(t, newest - FULL_RESOLUTION_MS),
    count - KEEP_POINTS / 2,
  );
  let write = 0;
  const keep = (index: number) => {
    t[write] = t[index] as number;
    v[write] = v[index] as number;
    write += 1;
  };
  let read = 0;
  while (read < recentFrom) {
    const bucket = Math.floor((t[read] as number) / BUCKET_MS);
    let low = read;
    let high = read;
    let end = read + 1;
    for (; end < recentFrom && Math.floor((t[end] as number) / BUCKET_MS) === bucket; end += 1) {
      if ((v[end] as number) < (v[low] as number)) low = end;
      if ((v[end] as number) > (v[high] as number)) high = end;
    }
    keep(Math.min(low, high));
    if (low !== high) keep(Math.max(low, high));
    read = end;
  }
  for (; read < count; read += 1) keep(read);
  t.length = write;
  v.length = write;
}

/** [t, v] pairs at or after `start`, for a chart: a copy, trimmed to what it shows. */
export function pairsSince(points: Points | undefined, start: number): [number, number][] {
  if (!points) return [];
  const pairs: [number, number][] = [];
  for (let i = firstIndexAtOrAfter(points.t, start); i < points.t.length; i += 1) {
    const t = points.t[i];
    const v = points.v[i];
    if (t !== undefined && v !== undefined) pairs.push([t, v]);
  }
  return pairs;
}

/**
 * The points at or after `start` as a flat [t0, v0, t1, v1…] array, at most
 * `maxPoints` of them: a chart cannot show more than two points per pixel, so
 * longer runs keep the lowest and highest point of each bucket (spikes
 * survive; ECharts' LTTB sampling then works on what is left). Typed, because
 * ECharts takes a typed array without cloning it (minMaxDecimateFlat).
 */
export function chartData(
  points: Points | undefined,
  start: number,
  maxPoints: number,
): Float64Array {
  if (!points) return new Float64Array(0);
  return minMaxDecimateFlat(points, maxPoints, firstIndexAtOrAfter(points.t, start));
}

export function firstIndexAtOrAfter(times: number[], limit: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((times[mid] ?? Infinity) < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
