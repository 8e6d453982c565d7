// Which of the wall's series alert now, re-read on the shared 1 s tick, as a
// map that keeps its identity while the set of alerting series stays the same
// (so a page is not re-cut every second).
import { useMemo } from 'react';
import { useConsoleStore } from '../../store/console-store';
import { readSeries } from '../../store/series-reading';
import { useNow } from '../../ui/now-ticker';
import { alertRank } from './wall-pages';

export function useAlerting(keys: string[]): ReadonlyMap<string, number> {
  const now = useNow();
  const signature = useMemo(() => {
    const { series, points } = useConsoleStore.getState();
    const found: string[] = [];
    for (const key of keys) {
      const entry = series[key];
      const rank = entry && alertRank(readSeries(entry, points[key], now).status);
      if (rank !== undefined) found.push(`${key}\u0000${rank}`);
    }
    return found.join('\u0001');
  }, [keys, now]);
  return useMemo(
    () =>
      new Map(
        signature
          .split('\u0001')
          .filter(Boolean)
          .map((item) => {
            const [key = '', rank = '0'] = item.split('\u0000');
            return [key, Number(rank)] as const;
          }),
      ),
    [signature],
  );
}
