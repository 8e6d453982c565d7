// Chooses one column count for all bands so every tile fits on screen at the
// largest size its shape allows: the wall must never scroll.

/** Width over height a tile reads best at (title, big value, a short chart). */
const TILE_ASPECT = 1.3;
/** Share of the bands' height taken by each band's heading. */
const HEADING_SHARE = 0.045;

export interface TileGridLayout {
  columns: number;
  /** Tile rows per band, in band order; bands share the height in this ratio. */
  rows: number[];
}

export function fitTileGrid(
  counts: number[],
  width: number,
  height: number,
  gap: number,
): TileGridLayout {
  let best: TileGridLayout = { columns: 1, rows: rowsFor(counts, 1) };
  let bestSize = -1;
  for (let columns = 1; columns <= Math.max(1, ...counts); columns += 1) {
    const rows = rowsFor(counts, columns);
    const size = tileSize(rows, columns, width, height, gap);
    if (size > bestSize) {
      best = { columns, rows };
      bestSize = size;
    }
  }
  return best;
}

function rowsFor(counts: number[], columns: number): number[] {
  return counts.map((count) => Math.ceil(count / columns));
}

/** The tile's width once constrained by both the row height and the column width. */
function tileSize(
  rows: number[],
  columns: number,
  width: number,
  height: number,
  gap: number,
): number {
  const totalRows = Math.max(
    1,
    rows.reduce((sum, count) => sum + count, 0),
  );
  const usable = height * (1 - HEADING_SHARE * rows.length) - gap * (totalRows + rows.length);
  const tileWidth = (width - gap * (columns - 1)) / columns;
  const tileHeight = usable / totalRows;
  return Math.min(tileWidth, tileHeight * TILE_ASPECT);
}
