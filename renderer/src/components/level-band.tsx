// One level of the wall (business, service or technical) as a grid of tiles.
import type { Level } from '../../../shared/protocol';
import { Tile } from './tile';

const HEADING: Record<Level, string> = {
  business: 'Business',
  service: 'Service',
  technical: 'Technical',
};

interface LevelBandProps {
  level: Level;
  seriesKeys: string[];
  columns: number;
  rows: number;
}

export function LevelBand({ level, seriesKeys, columns, rows }: LevelBandProps) {
  return (
    // Bands share the height in proportion to their tile rows.
    <section className="band" data-testid={`band-${level}`} style={{ flexGrow: rows }}>
      <div className="band__head">
        <h2 className="band__heading">{HEADING[level]}</h2>
        {seriesKeys.length === 0 && <span className="band__empty">no series at this level</span>}
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
