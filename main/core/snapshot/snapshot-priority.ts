// When a limit forces a choice of series, what matters in an incident goes
// first: series that alert or gate a release, then the ones on the wall now,
// then series that left their catalog. The rest is left out, and the file
// says so (`omitted`).
import type { SnapshotOmitted, SnapshotSourceState } from '../../../shared/api/snapshot';
import type { ConsoleSeries } from '../../../shared/api/series';

/** Keys written into `omitted.series`; the count says how many there were in all. */
const LISTED_OMISSIONS = 1_000;

/** Rank of each series key: 0 alerting or gating, 1 on the wall now, 2 departed. */
export function seriesRanks(state: SnapshotSourceState): Map<string, number> {
  const departed = new Set(state.history?.departed.map((entry) => entry.key));
  const urgent = new Set<string>(state.alerts.map((alert) => alert.seriesKey));
  const releases = [
    ...(state.releases ?? []),
    ...(state.history?.releases.flatMap((entry) => entry.releases) ?? []),
  ];
  for (const release of releases) {
    for (const gate of release.gates) {
      urgent.add(gate.releaseKey);
      if (gate.baselineKey) urgent.add(gate.baselineKey);
    }
  }
  return new Map(
    state.series.map((s) => [s.key, urgent.has(s.key) ? 0 : departed.has(s.key) ? 2 : 1]),
  );
}

/** The series kept under `limit`, in their own order, and what was left out. */
export function chooseSeries(
  series: ConsoleSeries[],
  ranks: Map<string, number>,
  limit: number,
): { series: ConsoleSeries[]; left: string[] } {
  if (series.length <= limit) return { series, left: [] };
  const ranked = series
    .map((s, index) => ({ key: s.key, index, rank: ranks.get(s.key) ?? 2 }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  const kept = new Set(ranked.slice(0, limit).map((r) => r.key));
  return {
    series: series.filter((s) => kept.has(s.key)),
    left: ranked.slice(limit).map((r) => r.key),
  };
}

export function omission(left: string[], reason: string): SnapshotOmitted {
  return { seriesCount: left.length, series: left.slice(0, LISTED_OMISSIONS), reason };
}
