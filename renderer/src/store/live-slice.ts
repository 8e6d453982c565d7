// Endpoints, the series catalog and their recent points.
import type {
  ConsoleDelta,
  ConsoleSeries,
  ConsoleState,
  EndpointStatus,
  Points,
} from '../../../shared/console-api';
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

/** Only the fields the delta touches, so untouched selectors keep their values. */
export function mergeLive(live: LiveSlice, delta: ConsoleDelta): Partial<LiveSlice> {
  const next: Partial<LiveSlice> = {};
  if (delta.endpoints?.length) {
    next.endpoints = replaceById(live.endpoints, delta.endpoints, (endpoint) => endpoint.id);
  }
  if (delta.series?.length) next.series = { ...live.series, ...seriesByKey(delta.series) };
  if (delta.points) next.points = appendAllPoints(live.points, delta.points);
  return next;
}

function seriesByKey(list: ConsoleSeries[]): Record<string, ConsoleSeries> {
  return Object.fromEntries(list.map((series) => [series.key, series]));
}

function appendAllPoints(
  current: Record<string, Points>,
  incoming: Record<string, Points>,
): Record<string, Points> {
  const next = { ...current };
  for (const [key, points] of Object.entries(incoming))
    next[key] = appendPoints(current[key], points);
  return next;
}
