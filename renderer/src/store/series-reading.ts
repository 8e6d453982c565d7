// What a series reads now: its latest sample and status at a given instant.
import type { ConsoleSeries, Points } from '../../../shared/console-api';
import { seriesStatus, type SeriesStatus } from '../../../shared/series-status';
import { latestSample, type Sample } from './points-window';

export interface SeriesReading {
  sample: Sample | undefined;
  status: SeriesStatus;
}

export function readSeries(
  series: ConsoleSeries,
  points: Points | undefined,
  now: number,
): SeriesReading {
  const sample = latestSample(points);
  const status = seriesStatus(sample?.t, sample?.v, series.intervalMs, now, series.thresholds);
  return { sample, status };
}
