// A tile's latest sample and status, re-read on the shared 1 s tick rather
// than on every delta: at most one re-render per second per tile, and STALE
// appears on time even when no data arrives.
import type { ConsoleSeries } from '../../../shared/api/series';
import { useConsoleStore } from '../store/console-store';
import { readSeries, type SeriesReading } from '../store/series-reading';
import { useNow } from './now-ticker';

export interface LiveReading extends SeriesReading {
  now: number;
}

/** Ages and STALE on the console's clock, as the alerts read them (endpoint time corrected for skew). */
export function useLiveReading(series: ConsoleSeries): LiveReading {
  const now = useNow();
  const { points, endpoints } = useConsoleStore.getState();
  const skewMs = endpoints.find((e) => e.id === series.endpointId)?.clockSkewMs ?? 0;
  return { now, ...readSeries(series, points[series.key], now, skewMs) };
}
