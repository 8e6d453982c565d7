// Which of the wall's series alert now, re-read on the shared 1 s tick, as a
// map that keeps its identity while the set of alerting series stays the same
// (so a page is not re-cut, nor the wall re-rendered, every second).
import { useMemo, useRef } from 'react';
import { useConsoleStore } from '../../store/console-store';
import { readSeries } from '../../store/series-reading';
import { useClocked } from '../../ui/now-ticker';
import { alertRank } from './wall-pages';

/** "key NUL rank" per alerting series, SOH between: equal strings, same alerts. */
function alertSignature(keys: string[], now: number): string {
  const { series, points } = useConsoleStore.getState();
  const found: string[] = [];
  for (const key of keys) {
    const entry = series[key];
    const rank = entry && alertRank(readSeries(entry, points[key], now).status);
    if (rank !== undefined) found.push(`${key}\u0000${rank}`);
  }
  return found.join('\u0001');
}

export function useAlerting(keys: string[]): ReadonlyMap<string, number> {
  // Read once per tick (and per set of keys), not on every render of the wall.
  const read = useRef<{ keys: string[]; now: number; signature: string } | undefined>(undefined);
  // The wall re-renders on a tick only when the set of alerting series changes.
  const signature = useClocked((now) => {
    const last = read.current;
    if (last?.keys === keys && last.now === now) return last.signature;
    read.current = { keys, now, signature: alertSignature(keys, now) };
    return read.current.signature;
  });
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
