// What a series reads now: its latest sample and status at a given instant.
// A series the endpoint reports an error for (a failing query, say) reads
// `error` whatever its last value: that value can no longer be trusted.
import type { ConsoleSeries, Points } from '../../../shared/api/series';
import { seriesStatus, type SeriesStatus } from '../../../shared/rules/series-status';
import { latestSample, type Sample } from './points-window';

export type ReadingStatus = SeriesStatus | 'error';

export interface SeriesReading {
  sample: Sample | undefined;
  status: ReadingStatus;
}

export function readSeries(
  series: ConsoleSeries,
  points: Points | undefined,
  now: number,
): SeriesReading {
  const sample = latestSample(points);
  if (series.error !== undefined) return { sample, status: 'error' };
  const status = seriesStatus(sample?.t, sample?.v, series.intervalMs, now, series.thresholds);
  return { sample, status };
}
