// The operator's arranging moves, as new layouts: hide or show a tile, move it
// within its band, into another band, or before another tile (drag and drop).
// Each returns the whole layout, which is what updateSettings persists.
import type { ConsoleSeries } from '../../../../shared/api/series';
import type { Level } from '../../../../shared/protocol';
import type { WallLayout } from '../../../../shared/api/settings';
import { arrangeBands, bandOf } from './wall-arrangement';

type Catalog = Record<string, ConsoleSeries>;

export function toggleHidden(layout: WallLayout, key: string): WallLayout {
  const hidden = layout.hidden.includes(key)
    ? layout.hidden.filter((item) => item !== key)
    : [...layout.hidden, key];
  return { ...layout, hidden };
}

/** Moves a tile `step` places within its band (−1: earlier, +1: later). */
export function moveWithinBand(
  layout: WallLayout,
  catalog: Catalog,
  key: string,
  step: number,
): WallLayout {
  const series = catalog[key];
  if (!series) return layout;
  const level = bandOf(series, layout);
  const keys = arrangeBands(catalog, layout)[level];
  const from = keys.indexOf(key);
  const to = Math.min(keys.length - 1, Math.max(0, from + step));
  if (from < 0 || from === to) return layout;
  keys.splice(from, 1);
  keys.splice(to, 0, key);
  return { ...layout, order: { ...layout.order, [level]: keys } };
}

/** Puts a tile in another band, before `beforeKey` or else at its end. */
export function moveToBand(
  layout: WallLayout,
  catalog: Catalog,
  key: string,
  level: Level,
  beforeKey?: string,
): WallLayout {
  const series = catalog[key];
  if (!series) return layout;
  const band = { ...layout.band };
  // A series back in its catalog level needs no entry.
  if (level === series.level) delete band[key];
  else band[key] = level;
  const bands = arrangeBands(catalog, layout);
  const from = bandOf(series, layout);
  const target = bands[level].filter((item) => item !== key);
  const at = beforeKey === undefined ? -1 : target.indexOf(beforeKey);
  target.splice(at < 0 ? target.length : at, 0, key);
  const order = { ...layout.order, [level]: target };
  if (from !== level) order[from] = bands[from].filter((item) => item !== key);
  return { ...layout, band, order };
}

/** Drag and drop: the dragged tile goes just before the one it was dropped on. */
export function moveBefore(
  layout: WallLayout,
  catalog: Catalog,
  key: string,
  targetKey: string,
): WallLayout {
  const target = catalog[targetKey];
  if (!target || key === targetKey) return layout;
  return moveToBand(layout, catalog, key, bandOf(target, layout), targetKey);
}
