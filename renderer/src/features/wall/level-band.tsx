// One level of the wall (business, service or technical) as a grid of tiles.
// In Arrange mode a tile dropped on the band's free space goes to its end.
import type { DragEvent } from 'react';
import type { Level } from '../../../../shared/protocol';
import { useConsoleStore } from '../../store/console-store';
import { arrange } from './arrange-actions';
import { LEVEL_HEADING } from '../../ui/level-heading';
import { DRAG_TYPE, Tile } from './tile';

interface LevelBandProps {
  level: Level;
  seriesKeys: string[];
  columns: number;
  rows: number;
}

export function LevelBand({ level, seriesKeys, columns, rows }: LevelBandProps) {
  const arranging = useConsoleStore((store) => store.arranging);
  const drop = arranging
    ? {
        onDragOver: (event: DragEvent) => {
          if (event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
        },
        onDrop: (event: DragEvent) => {
          const dragged = event.dataTransfer.getData(DRAG_TYPE);
          if (!dragged) return;
          event.preventDefault();
          arrange.toBand(dragged, level);
        },
      }
    : {};
  return (
    // Bands share the height in proportion to their tile rows.
    <section
      className="band"
      data-testid={`band-${level}`}
      aria-labelledby={`band-heading-${level}`}
      style={{ flexGrow: rows }}
      {...drop}
    >
      <div className="band__head">
        <h2 className="band__heading" id={`band-heading-${level}`}>
          {LEVEL_HEADING[level]}
        </h2>
        {seriesKeys.length === 0 && (
          <span className="band__empty">
            {arranging ? 'drop a tile here' : 'no series at this level'}
          </span>
        )}
      </div>
      {seriesKeys.length > 0 && (
        <div
          className="band__grid"
          style={{
            gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
          }}
        >
          {seriesKeys.map((key) => (
            <Tile key={key} seriesKey={key} />
          ))}
        </div>
      )}
    </section>
  );
}
