// A wall with more series than fit in readable tiles (up to 5,000 at the
// endpoint's series cap) is shown a page at a time: alerting series first
// (critical, then warning, then errors), then the operator's layout order,
// and a search over titles that narrows the pages. A wall that fits is shown
// whole, in the operator's order, exactly as before.
import { LEVELS, type Level } from '../../../../shared/protocol';
import type { ReadingStatus } from '../../store/series-reading';
import type { BandKeys } from './wall-arrangement';

/** The most tiles a wall shows at once (the density the wall is laid out for at 1080p). */
export const PAGE_TILES = 100;

/** Tiles a page mounts per frame: mounting a page of 100 at once was one 300 ms task. */
export const MOUNT_SLICE = 25;

const ALERT_RANK: Partial<Record<ReadingStatus, number>> = { critical: 0, warning: 1, error: 2 };
const NOT_ALERTING = 3;

/** Where an alerting series goes in the line; undefined for the rest. */
export const alertRank = (status: ReadingStatus): number | undefined => ALERT_RANK[status];

export interface WallPageQuery {
  /** Alert rank by series key (alertRank), for the alerting ones only. */
  alerting: ReadonlyMap<string, number>;
  /** Words to find in a series' title, key or endpoint; empty for all. */
  search: string;
  /** Lower-case text searched per key. */
  haystack: (key: string) => string;
  /** Zero-based; clamped to the pages there are. */
  page: number;
  pageSize?: number;
}

export interface WallPage {
  /** What this page shows, per band, in the wall's order. */
  bands: BandKeys;
  paged: boolean;
  page: number;
  pages: number;
  /** Series that match the search (all of them without one). */
  matches: number;
  /** Index in the matches of the page's first tile. */
  first: number;
  /** Alerting series among the matches. */
  alerting: number;
}

const emptyBands = (): BandKeys => ({ business: [], service: [], technical: [] });

function matching(bands: BandKeys, query: WallPageQuery): { key: string; level: Level }[] {
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  const found: { key: string; level: Level }[] = [];
  for (const level of LEVELS) {
    for (const key of bands[level]) {
      const text = words.length ? query.haystack(key) : '';
      if (words.every((word) => text.includes(word))) found.push({ key, level });
    }
  }
  return found;
}

export function pageWall(bands: BandKeys, query: WallPageQuery): WallPage {
  const size = query.pageSize ?? PAGE_TILES;
  const total = LEVELS.reduce((sum, level) => sum + bands[level].length, 0);
  const searching = query.search.trim() !== '';
  if (total <= size && !searching) {
    return { bands, paged: false, page: 0, pages: 1, matches: total, first: 0, alerting: 0 };
  }
  const found = matching(bands, query);
  const rank = (key: string) => query.alerting.get(key) ?? NOT_ALERTING;
  // Stable: equal ranks keep the layout's order.
  const ordered = found
    .map((entry, index) => ({ ...entry, index, rank: rank(entry.key) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  const pages = Math.max(1, Math.ceil(ordered.length / size));
  const page = Math.min(Math.max(0, Math.floor(query.page)), pages - 1);
  const shown = emptyBands();
  for (const entry of ordered.slice(page * size, (page + 1) * size)) {
    shown[entry.level].push(entry.key);
  }
  const alerting = ordered.filter((entry) => entry.rank < NOT_ALERTING).length;
  return {
    bands: shown,
    paged: true,
    page,
    pages,
    matches: ordered.length,
    first: page * size,
    alerting,
  };
}

/**
 * The page's tiles to have mounted after one more frame: those mounted
 * already that are still on the page, then up to `slice` more in the page's
 * order. The same set when it holds the whole page already.
 */
export function mountMore(
  page: readonly string[],
  mounted: ReadonlySet<string>,
  slice = MOUNT_SLICE,
): ReadonlySet<string> {
  if (mounted.size === page.length && page.every((key) => mounted.has(key))) return mounted;
  const next = new Set(page.filter((key) => mounted.has(key)));
  const limit = Math.min(page.length, next.size + slice);
  for (const key of page) {
    if (next.size >= limit) break;
    next.add(key);
  }
  return next;
}
