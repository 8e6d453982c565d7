// The wall's overall status: the worst series status plus links that are down
// or degraded. Anything the wall cannot fully see is a blind spot, never "ok".
import type { ConsoleStore } from '../../store/console-store';
import { isLinkLive } from '../../../../shared/rules/link-liveness';
import { readSeries, type ReadingStatus } from '../../store/series-reading';

export interface WallSummary {
  status: 'ok' | 'warning' | 'critical' | 'stale';
  counts: Record<ReadingStatus, number>;
  linksDown: number;
  linksDegraded: number;
}

export function summarizeWall(store: ConsoleStore, now: number): WallSummary {
  const counts: Record<ReadingStatus, number> = {
    ok: 0,
    warning: 0,
    critical: 0,
    stale: 0,
    nodata: 0,
    error: 0,
  };
  for (const series of Object.values(store.series)) {
    counts[readSeries(series, store.points[series.key], now).status] += 1;
  }
  const linksDown =
    store.endpoints.filter((endpoint) => !isLinkLive(endpoint.state)).length +
    (store.connection === 'lost' ? 1 : 0);
  const linksDegraded = store.endpoints.filter((endpoint) => endpoint.state === 'degraded').length;
  return {
    status: worstOf(counts, linksDown + linksDegraded),
    counts,
    linksDown,
    linksDegraded,
  };
}

function worstOf(
  counts: Record<ReadingStatus, number>,
  linkProblems: number,
): WallSummary['status'] {
  if (counts.critical > 0) return 'critical';
  if (counts.warning > 0) return 'warning';
  // Blind spots are not "ok": stale or missing data, failing queries, a bad link, or a
  // wall with nothing on it must be looked at.
  const watched = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const blind = counts.stale + counts.nodata + counts.error + linkProblems;
  if (blind > 0 || watched === 0) return 'stale';
  return 'ok';
}
