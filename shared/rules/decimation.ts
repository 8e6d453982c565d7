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
  const end = Math.min(t.length, v.length);
  const start = Math.max(0, from);
  const pair = (i: number): Pair => [t[i] as number, v[i] as number];
  if (end - start <= Math.max(maxPoints, 0)) {
    const all: Pair[] = [];
    for (let i = start; i < end; i += 1) all.push(pair(i));
    return all;
  }
  // First and last stand alone; the inner points share the rest, two per bucket.
  const innerFrom = start + 1;
  const inner = end - 1 - innerFrom;
  const buckets = Math.max(1, Math.min(inner, Math.floor((maxPoints - 2) / 2)));
  const out: Pair[] = [pair(start)];
  for (let b = 0; b < buckets; b += 1) {
    const first = innerFrom + Math.floor((b * inner) / buckets);
    const stop = innerFrom + Math.floor(((b + 1) * inner) / buckets);
    if (first >= stop) continue;
    const [low, high] = extremes(v, first, stop);
    out.push(pair(Math.min(low, high)));
    if (low !== high) out.push(pair(Math.max(low, high)));
  }
  out.push(pair(end - 1));
  return out;
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
