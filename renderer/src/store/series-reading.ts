// What a series reads now: its latest sample and status at a given instant.
// A series the endpoint reports an error for (a failing query, say) reads
// `error` whatever its last value: that value can no longer be trusted.
import type { ConsoleSeries, Points } from '../../../shared/api/series';
import { consoleTime, seriesStatus, type SeriesStatus } from '../../../shared/rules/series-status';
import { latestSample, type Sample } from './points-window';

export type ReadingStatus = SeriesStatus | 'error';

export interface SeriesReading {
  sample: Sample | undefined;
  /** The sample's time on the console's clock (the endpoint's corrected for skew). */
  at: number | undefined;
  status: ReadingStatus;
}

export function readSeries(
  series: ConsoleSeries,
  points: Points | undefined,
  now: number,
  skewMs = 0,
): SeriesReading {
  const sample = latestSample(points);
  const at = sample && consoleTime(sample.t, skewMs);
  if (series.error !== undefined) return { sample, at, status: 'error' };
  const { intervalMs, thresholds } = series;
  const status = seriesStatus(sample?.t, sample?.v, intervalMs, now, thresholds, skewMs);
  return { sample, at, status };
}
