// Bounded per-series point buffers: the wall never holds more than it can show.
import type { Points } from '../../../shared/console-api';

/** Keep at most this much history per series, measured back from its latest sample. */
export const KEEP_MS = 15 * 60_000;
export const KEEP_POINTS = 900;

export interface Sample {
  t: number;
  v: number;
}

export const EMPTY_POINTS: Points = { t: [], v: [] };

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
  const t = (current?.t ?? []).concat(incoming.t.slice(from, count));
  const v = (current?.v ?? []).concat(incoming.v.slice(from, count));
  return trimPoints({ t, v });
}

export function trimPoints(points: Points): Points {
  const count = Math.min(points.t.length, points.v.length);
  const newest = points.t[count - 1];
  if (newest === undefined) return EMPTY_POINTS;
  let from = Math.max(0, count - KEEP_POINTS);
  while (from < count && (points.t[from] ?? newest) < newest - KEEP_MS) from += 1;
  if (from === 0 && count === points.t.length && count === points.v.length) return points;
  return { t: points.t.slice(from, count), v: points.v.slice(from, count) };
}

/** [t, v] pairs of the last `spanMs` before the latest sample, for a chart. */
export function recentPairs(points: Points | undefined, spanMs: number): [number, number][] {
  const newest = points?.t.at(-1);
  if (!points || newest === undefined) return [];
  const start = firstIndexAtOrAfter(points.t, newest - spanMs);
  const pairs: [number, number][] = [];
  for (let i = start; i < points.t.length; i += 1) {
    const t = points.t[i];
    const v = points.v[i];
    if (t !== undefined && v !== undefined) pairs.push([t, v]);
  }
  return pairs;
}

function firstIndexAtOrAfter(times: number[], limit: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((times[mid] ?? Infinity) < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
