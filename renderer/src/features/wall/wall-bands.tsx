// The three bands, in level order, sized together so the wall never scrolls.
// Which tiles each band holds, and in which order, comes from the layout.
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LEVELS } from '../../../../shared/protocol';
import { useConsoleStore } from '../../store/console-store';
import { selectBandKeys } from './wall-arrangement';
import { useElementSize } from '../../ui/element-size';
import { LevelBand } from './level-band';
import { fitTileGrid } from './tile-grid-layout';
import { titleParts } from './title-parts';

/** Matches --gap in tiles.css at 1080p; only steers the column choice. */
const GAP_PX = 8;

export function WallBands() {
  const ref = useRef<HTMLDivElement>(null);
  const size = useElementSize(ref);
  const business = useConsoleStore(useShallow(selectBandKeys('business')));
  const service = useConsoleStore(useShallow(selectBandKeys('service')));
  const technical = useConsoleStore(useShallow(selectBandKeys('technical')));
  const keys = { business, service, technical };
  // Over every series (hidden ones too): the catalog changes rarely, samples never touch it.
  const series = useConsoleStore((store) => store.series);
  const parts = useMemo(() => titleParts(Object.values(series)), [series]);
  const layout = fitTileGrid(
    LEVELS.map((level) => keys[level].length),
    size.width,
    size.height,
    GAP_PX,
  );
  return (
    <div className="bands" ref={ref}>
      {LEVELS.map((level, index) => (
        <LevelBand
          key={level}
          level={level}
          seriesKeys={keys[level]}
          columns={layout.columns}
          rows={layout.rows[index] ?? 0}
          parts={parts}
        />
      ))}
    </div>
  );
}
