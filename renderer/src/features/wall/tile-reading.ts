// A tile's latest sample and status, re-read on the shared 1 s tick rather
// than on every delta, so STALE appears on time even when no data arrives.
// The tile re-renders only when the sample or the status changes; its age,
// which moves every second, is a component of its own (TileAge).
import type { ConsoleSeries } from '../../../../shared/api/series';
import { useConsoleStore } from '../../store/console-store';
import { readSeries, type SeriesReading } from '../../store/series-reading';
import { formatAge } from '../../ui/value-format';
import { useClocked } from '../../ui/now-ticker';

const sameReading = (a: SeriesReading, b: SeriesReading): boolean =>
  a.status === b.status &&
  a.at === b.at &&
  a.sample?.t === b.sample?.t &&
  a.sample?.v === b.sample?.v;

/** Ages and STALE on the console's clock, as the alerts read them (endpoint time corrected for skew). */
export function useTileReading(series: ConsoleSeries): SeriesReading {
  return useClocked(
    (now) => {
      const { points, endpoints } = useConsoleStore.getState();
      const skewMs = endpoints.find((e) => e.id === series.endpointId)?.clockSkewMs ?? 0;
      return readSeries(series, points[series.key], now, skewMs);
    },
    { same: sameReading },
  );
}

/**
 * "3 s ago" for a sample taken at `at` (console time), re-rendered only when
 * the words change. Late: the tile renders a new sample (and its `at`) first.
 */
export function useAgeWords(at: number | undefined): string {
  return useClocked((now) => (at === undefined ? 'no samples yet' : formatAge(now - at)), {
    late: true,
  });
}
