// The three bands, in level order, sized together so the wall never scrolls.
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectSeriesKeysOfLevel } from '../store/console-selectors';
import { useConsoleStore } from '../store/console-store';
import { useElementSize } from './element-size';
import { LevelBand } from './level-band';
import { fitTileGrid } from './tile-grid-layout';

/** Matches --gap in wall.css at 1080p; only steers the column choice. */
const GAP_PX = 8;

export function WallBands() {
  const ref = useRef<HTMLDivElement>(null);
  const size = useElementSize(ref);
  const business = useConsoleStore(useShallow(selectSeriesKeysOfLevel('business')));
  const service = useConsoleStore(useShallow(selectSeriesKeysOfLevel('service')));
  const technical = useConsoleStore(useShallow(selectSeriesKeysOfLevel('technical')));
  const counts = [business.length, service.length, technical.length];
  const layout = fitTileGrid(counts, size.width, size.height, GAP_PX);
  const rowsOf = (index: number) => layout.rows[index] ?? 0;
  return (
    <div className="bands" ref={ref}>
      <LevelBand level="business" seriesKeys={business} columns={layout.columns} rows={rowsOf(0)} />
      <LevelBand level="service" seriesKeys={service} columns={layout.columns} rows={rowsOf(1)} />
      <LevelBand
        level="technical"
        seriesKeys={technical}
        columns={layout.columns}
        rows={rowsOf(2)}
      />
    </div>
  );
}
