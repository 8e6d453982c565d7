import { describe, expect, it } from 'vitest';
import { fitTileGrid } from './tile-grid-layout';

// The demo's wall: 4 business, 3 service and 5 technical tiles.
const DEMO_BANDS = [4, 3, 5];

describe('fitTileGrid', () => {
  it('lays the demo wall on a 1080p screen out as one row per band', () => {
    expect(fitTileGrid(DEMO_BANDS, 1920, 1000, 8)).toEqual({ columns: 5, rows: [1, 1, 1] });
  });

  it('keeps the same shape on a 4K screen: the tiles grow, the wall does not scroll', () => {
    expect(fitTileGrid(DEMO_BANDS, 3840, 2100, 16)).toEqual({ columns: 5, rows: [1, 1, 1] });
  });

  it('wraps a band onto more rows in a narrow window, with a place for every tile', () => {
    const layout = fitTileGrid(DEMO_BANDS, 800, 1000, 8);
    expect(layout).toEqual({ columns: 3, rows: [2, 1, 2] });
    DEMO_BANDS.forEach((count, band) => {
      expect((layout.rows[band] ?? 0) * layout.columns).toBeGreaterThanOrEqual(count);
    });
  });

  it('spreads one long band over several rows rather than one strip of slivers', () => {
    expect(fitTileGrid([24, 0, 0], 1920, 1000, 8)).toEqual({ columns: 6, rows: [4, 0, 0] });
  });

  it('never uses more columns than the largest band has tiles', () => {
    expect(fitTileGrid([2, 1, 2], 3840, 1000, 8).columns).toBe(2);
  });

  it('gives an empty wall one column and no rows', () => {
    expect(fitTileGrid([0, 0, 0], 1920, 1000, 8)).toEqual({ columns: 1, rows: [0, 0, 0] });
  });
});
