// Which series the wall shows in which band and order, from the catalog and
// the operator's layout: a band's listed keys first in their listed order,
// then the rest in catalog order. Hidden series are kept for arranging.
import type { ConsoleSeries } from '../../../../shared/api/series';
import { LEVELS, type Level } from '../../../../shared/protocol';
import type { WallLayout } from '../../../../shared/api/settings';
import type { ConsoleStore } from '../../store/console-store';

export type BandKeys = Record<Level, string[]>;

export function bandOf(series: ConsoleSeries, layout: WallLayout): Level {
  return layout.band[series.key] ?? series.level;
}

/** Every series per band in the operator's order, hidden ones included. */
export function arrangeBands(series: Record<string, ConsoleSeries>, layout: WallLayout): BandKeys {
  const bands: BandKeys = { business: [], service: [], technical: [] };
  for (const entry of Object.values(series)) bands[bandOf(entry, layout)].push(entry.key);
  for (const level of LEVELS) {
    const listed = layout.order[level] ?? [];
    const rank = new Map(listed.map((key, index) => [key, index]));
    const inCatalog = new Map(bands[level].map((key, index) => [key, index]));
    bands[level].sort(
      (a, b) =>
        (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) ||
        (inCatalog.get(a) ?? 0) - (inCatalog.get(b) ?? 0),
    );
  }
  return bands;
}

/** One band's keys, for `useShallow`: hidden ones only while arranging. */
export const selectBandKeys =
  (level: Level) =>
  (store: ConsoleStore): string[] => {
    const { layout } = store.settings;
    const keys = arrangeBands(store.series, layout)[level];
    if (store.arranging) return keys;
    const hidden = new Set(layout.hidden);
    return keys.filter((key) => !hidden.has(key));
  };

/** How many of a band's series the operator hid. */
export const selectHiddenCount =
  (level: Level) =>
  (store: ConsoleStore): number => {
    const { layout } = store.settings;
    if (layout.hidden.length === 0) return 0;
    const hidden = new Set(layout.hidden);
    return arrangeBands(store.series, layout)[level].filter((key) => hidden.has(key)).length;
  };
