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

export function useLiveReading(series: ConsoleSeries): LiveReading {
  const now = useNow();
  const points = useConsoleStore.getState().points[series.key];
  return { now, ...readSeries(series, points, now) };
}
