// Decimation for report charts: a chart a few hundred pixels wide cannot show
// 3,600 points, and an SVG path of all of them would weigh ~50 KB per chart.
// Min and max per pixel column keep every spike an operator would look for.
import type { Points } from '../../../../shared/api/series';

export function minMaxPerBucket(points: Points, buckets: number): [number, number][] {
  const { t, v } = points;
  const n = t.length;
  if (n <= buckets * 2) return t.map((time, i) => [time, v[i] as number]);
  const out: [number, number][] = [];
  const size = n / buckets;
  for (let b = 0; b < buckets; b += 1) {
    const start = Math.floor(b * size);
    const end = Math.min(n, Math.floor((b + 1) * size));
    if (start >= end) continue;
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i += 1) {
      if ((v[i] as number) < (v[lo] as number)) lo = i;
      if ((v[i] as number) > (v[hi] as number)) hi = i;
    }
    // In time order, so the line does not double back.
    for (const i of lo <= hi ? [lo, hi] : [hi, lo]) {
      if (out.at(-1)?.[0] !== t[i]) out.push([t[i] as number, v[i] as number]);
    }
  }
  return out;
}
