// The wall's overall status: the worst series status plus links that are down.
import type { SeriesStatus } from '../../../shared/series-status';
import type { ConsoleStore } from './console-store';
import { readSeries } from './series-reading';

export interface WallSummary {
  status: 'ok' | 'warning' | 'critical' | 'stale';
  counts: Record<SeriesStatus, number>;
  linksDown: number;
}

export function summarizeWall(store: ConsoleStore, now: number): WallSummary {
  const counts: Record<SeriesStatus, number> = {
    ok: 0,
    warning: 0,
    critical: 0,
    stale: 0,
    nodata: 0,
  };
  for (const series of Object.values(store.series)) {
    counts[readSeries(series, store.points[series.key], now).status] += 1;
  }
  const linksDown =
    store.endpoints.filter((endpoint) => endpoint.state !== 'connected').length +
    (store.connection === 'lost' ? 1 : 0);
  return { status: worstOf(counts, linksDown), counts, linksDown };
}

function worstOf(counts: Record<SeriesStatus, number>, linksDown: number): WallSummary['status'] {
  if (counts.critical > 0) return 'critical';
  if (counts.warning > 0) return 'warning';
  // Blind spots are not "ok": stale data or a dead link must be looked at.
  if (counts.stale > 0 || linksDown > 0) return 'stale';
  return 'ok';
}
