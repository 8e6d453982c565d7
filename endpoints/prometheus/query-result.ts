// What a Prometheus answer means for one Watchfloor series: a point, a run of
// points, or a problem to show on the series' tile. A series is one number, so
// a query must come back as exactly one series; anything else is explained.
import type { QueryData } from './prometheus-client';

export type Point = [number, number];

export type InstantReading = { point: Point } | { problem: string };
export type RangeReading = { points: Point[] } | { problem: string };

export const NO_DATA =
  'the query returned no data (an empty result: the metric is absent, or its labels match nothing)';

/** The one point an instant query gave, or why there is none. */
export function readInstant(data: QueryData): InstantReading {
  switch (data.resultType) {
    case 'scalar':
      return pointOf(data.result);
    case 'vector': {
      const [first, ...rest] = data.result;
      if (!first) return { problem: NO_DATA };
      if (rest.length > 0) return { problem: tooMany(data.result.map((r) => r.metric)) };
      return pointOf(first.value);
    }
    case 'matrix':
      return {
        problem:
          'the query returned a range vector; a series needs one value per moment (write rate(x[5m]), not x[5m])',
      };
    case 'string':
      return { problem: 'the query returned a string, not a number' };
  }
}

/** The points of a range query (non-finite values are gaps), or why they cannot be used. */
export function readRange(data: QueryData): RangeReading {
  if (data.resultType !== 'matrix') {
    return { problem: `a range query returned a ${data.resultType}, not a matrix` };
  }
  const [first, ...rest] = data.result;
  if (!first) return { points: [] };
  if (rest.length > 0) {
    // Series that come and go over the window (a restarted target) are one per
    // moment; merge them as long as no two disagree about the same moment.
    return mergeSeries(data.result.map((r) => ({ metric: r.metric, values: r.values })));
  }
  return { points: finitePoints(first.values) };
}

function mergeSeries(
  series: Array<{ metric: Record<string, string>; values: Array<[number, string]> }>,
): RangeReading {
  const byTime = new Map<number, number>();
  for (const { values } of series) {
    for (const [time, value] of finitePoints(values)) {
      if (byTime.has(time)) return { problem: tooMany(series.map((s) => s.metric)) };
      byTime.set(time, value);
    }
  }
  return { points: [...byTime].sort((a, b) => a[0] - b[0]) };
}

function finitePoints(values: Array<[number, string]>): Point[] {
  const points: Point[] = [];
  for (const [time, text] of values) {
    const value = Number(text);
    if (Number.isFinite(value)) points.push([Math.round(time * 1000), value]);
  }
  return points;
}

function pointOf([time, text]: [number, string]): InstantReading {
  const value = Number(text);
  if (!Number.isFinite(value)) {
    return { problem: `the query's value is ${text}, not a finite number (a division by zero?)` };
  }
  return { point: [Math.round(time * 1000), value] };
}

function tooMany(metrics: Array<Record<string, string>>): string {
  const shown = metrics.slice(0, 3).map(labels).join(', ');
  const more = metrics.length > 3 ? ', ...' : '';
  return `the query returned ${metrics.length} series (${shown}${more}); a tile shows one: aggregate it, e.g. sum(...), avg(...) or max(...)`;
}

function labels(metric: Record<string, string>): string {
  const { __name__: name = '', ...rest } = metric;
  const pairs = Object.entries(rest).map(([k, v]) => `${k}="${v}"`);
  return `${name}{${pairs.join(',')}}`;
}
