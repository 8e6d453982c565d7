// One level of the wall (business, service or technical) as a grid of tiles.
// In Arrange mode a tile dropped on the band's free space goes to its end.
import { memo, type DragEvent } from 'react';
import type { Level } from '../../../../shared/protocol';
import { useConsoleStore } from '../../store/console-store';
import { arrange } from './arrange-actions';
import { LEVEL_HEADING } from '../../ui/level-heading';
import { DRAG_TYPE, Tile } from './tile';
import type { TitleParts } from './title-parts';

interface LevelBandProps {
  level: Level;
  seriesKeys: string[];
  /** How many of the band's series the operator hid. */
  hiddenCount: number;
  columns: number;
  rows: number;
  parts: Map<string, TitleParts>;
  /** Only these of seriesKeys have tiles yet (a page mounting in slices); all without it. */
  mounted?: ReadonlySet<string> | undefined;
}

/** "2 hidden": tiles the operator hid leave a trace, and a way back in Arrange mode. */
function HiddenNote({ count }: { count: number }) {
  const arranging = useConsoleStore((store) => store.arranging);
  const canArrange = useConsoleStore((store) => store.profile === 'operator' && !store.kiosk);
  const setArranging = useConsoleStore((store) => store.setArranging);
  if (count === 0) return null;
  const text = `${count} hidden`;
  if (arranging || !canArrange)
    return (
      <span className="band__hidden" data-testid="band-hidden">
        {text}
        {arranging && <span className="band__hidden-hint"> · press Show on a tile</span>}
      </span>
    );
  return (
    <button
      type="button"
      className="band__hidden band__hidden--button"
      data-testid="band-hidden"
      title="Arrange the wall to show hidden tiles again"
      onClick={() => setArranging(true)}
    >
      {text}
      <span className="band__hidden-hint"> · show in Arrange</span>
    </button>
  );
}

export const LevelBand = memo(function LevelBand({
  level,
  seriesKeys,
  hiddenCount,
  columns,
  rows,
  parts,
  mounted,
}: LevelBandProps) {
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
        <HiddenNote count={hiddenCount} />
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
          {seriesKeys.map(
            (key) =>
              (!mounted || mounted.has(key)) && (
                <Tile key={key} seriesKey={key} parts={parts.get(key)} />
              ),
          )}
        </div>
      )}
    </section>
  );
});
