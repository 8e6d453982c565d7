// Min/max decimation for charts: a chart cannot show more than a point or two
// per pixel column, so a long run of points is cut into buckets that keep
// their lowest and highest point, in time order (spikes survive, the line
// never doubles back). The first and last points always stay, so the drawn
// line spans the same time as the data.
import type { Points } from '../api/series';

export type Pair = [number, number];

/**
 * At most `maxPoints` [t, v] pairs (at least 4 when decimating) of the points
 * from index `from` on; every point when they fit.
 */
export function minMaxDecimate(points: Points, maxPoints: number, from = 0): Pair[] {
  const { t, v } = points;
  const out: Pair[] = [];
  eachKept(points, maxPoints, from, (i) => out.push([t[i] as number, v[i] as number]));
  return out;
}

/**
 * The same points as one flat Float64Array (t0, v0, t1, v1…), the form a
 * chart takes without a copy: ECharts deep-clones array data on every
 * setOption and keeps the clone (a small array per point), but takes a typed
 * array as it is.
 */
export function minMaxDecimateFlat(points: Points, maxPoints: number, from = 0): Float64Array {
  const { t, v } = points;
  const start = Math.max(0, from);
  const available = Math.min(t.length, v.length) - start;
  const out = new Float64Array(2 * Math.max(0, Math.min(available, Math.max(maxPoints, 4))));
  let at = 0;
  eachKept(points, maxPoints, from, (i) => {
    out[at] = t[i] as number;
    out[at + 1] = v[i] as number;
    at += 2;
  });
  // A flat bucket keeps one point, not two: a view of what was written.
  return at === out.length ? out : out.subarray(0, at);
}

/** Calls `keep` with the index of each point the decimation keeps, in time order. */
function eachKept(
  points: Points,
  maxPoints: number,
  from: number,
  keep: (i: number) => void,
): void {
  const { t, v } = points;
  const end = Math.min(t.length, v.length);
  const start = Math.max(0, from);
  if (end - start <= Math.max(maxPoints, 0)) {
    for (let i = start; i < end; i += 1) keep(i);
    return;
  }
  // First and last stand alone; the inner points share the rest, two per bucket.
  const innerFrom = start + 1;
  const inner = end - 1 - innerFrom;
  const buckets = Math.max(1, Math.min(inner, Math.floor((maxPoints - 2) / 2)));
  keep(start);
  for (let b = 0; b < buckets; b += 1) {
    const first = innerFrom + Math.floor((b * inner) / buckets);
    const stop = innerFrom + Math.floor(((b + 1) * inner) / buckets);
    if (first >= stop) continue;
    const [low, high] = extremes(v, first, stop);
    keep(Math.min(low, high));
    if (low !== high) keep(Math.max(low, high));
  }
  keep(end - 1);
}

/** Indexes of the lowest and highest value in [first, stop); the earliest on a tie. */
function extremes(v: ArrayLike<number>, first: number, stop: number): [number, number] {
  let low = first;
  let high = first;
  for (let i = first + 1; i < stop; i += 1) {
    if ((v[i] as number) < (v[low] as number)) low = i;
    if ((v[i] as number) > (v[high] as number)) high = i;
  }
  return [low, high];
}
