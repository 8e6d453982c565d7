// Endpoints, the series catalog and their recent points.
import type { ConsoleDelta, ConsoleState } from '../../../shared/api/console-state';
import type { ConsoleSeries, Points } from '../../../shared/api/series';
import type { EndpointStatus } from '../../../shared/api/links';
import type { ConsoleSliceCreator } from './console-store';
import { appendPoints, trimPoints } from './points-window';
import { replaceById } from './replace-by-id';

export interface LiveSlice {
  endpoints: EndpointStatus[];
  /** Keyed by series key, in catalog order. */
  series: Record<string, ConsoleSeries>;
  /** Keyed by series key; each bounded by points-window. */
  points: Record<string, Points>;
}

export const createLiveSlice: ConsoleSliceCreator<LiveSlice> = () => ({
  endpoints: [],
  series: {},
  points: {},
});

export function liveFromState(state: ConsoleState): LiveSlice {
  const points: Record<string, Points> = {};
  for (const [key, value] of Object.entries(state.points)) points[key] = trimPoints(value);
  return { endpoints: state.endpoints, series: seriesByKey(state.series), points };
}

/**
 * Only the fields the delta touches, so untouched selectors keep their values.
 * Removals go first: an endpoint edited in place is removed and re-added in
 * one delta, and must come out of it present.
 */
export function mergeLive(live: LiveSlice, delta: ConsoleDelta): Partial<LiveSlice> {
  const next: Partial<LiveSlice> = {};
  const goneEndpoints = new Set(delta.endpointsRemoved);
  const goneSeries = removedSeriesKeys(live, goneEndpoints, delta.seriesRemoved);
  let endpoints = live.endpoints;
  if (goneEndpoints.size) endpoints = endpoints.filter((item) => !goneEndpoints.has(item.id));
  if (delta.endpoints?.length) endpoints = replaceById(endpoints, delta.endpoints, (e) => e.id);
  if (endpoints !== live.endpoints) next.endpoints = endpoints;

  if (goneSeries.size || delta.series?.length) {
    next.series = { ...withoutKeys(live.series, goneSeries), ...seriesByKey(delta.series ?? []) };
  }
  if (goneSeries.size || delta.points) {
    next.points = appendAllPoints(withoutKeys(live.points, goneSeries), delta.points ?? {});
  }
  return next;
}

/** The keys the delta names, plus every series of a removed endpoint. */
function removedSeriesKeys(
  live: LiveSlice,
  goneEndpoints: Set<string>,
  seriesRemoved: string[] = [],
): Set<string> {
  const keys = new Set(seriesRemoved.filter((key) => key in live.series || key in live.points));
  if (goneEndpoints.size === 0) return keys;
  for (const series of Object.values(live.series)) {
    if (goneEndpoints.has(series.endpointId)) keys.add(series.key);
  }
  return keys;
}

function withoutKeys<T>(record: Record<string, T>, keys: Set<string>): Record<string, T> {
  if (keys.size === 0) return record;
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.has(key)));
}

function seriesByKey(list: ConsoleSeries[]): Record<string, ConsoleSeries> {
  return Object.fromEntries(list.map((series) => [series.key, series]));
}

/**
 * In place, as appendPoints works on the arrays: copying the whole record for
 * every delta was the largest cost at the series cap (5,000 keys, twenty
 * deltas a second). Subscribers select one series' points, which is a new
 * object on every append; none holds on to the record itself.
 */
function appendAllPoints(
  current: Record<string, Points>,
  incoming: Record<string, Points>,
): Record<string, Points> {
  for (const [key, points] of Object.entries(incoming))
    current[key] = appendPoints(current[key], points);
  return current;
}
