// A tile's controls in Arrange mode: hide or show it, move it earlier or
// later in its band, or into another band. Dragging does the same by hand.
import { useId } from 'react';
import { LEVELS, type Level } from '../../../../shared/protocol';
import { arrange } from './arrange-actions';
import { LEVEL_HEADING } from '../../ui/level-heading';

interface TileArrangeControlsProps {
  seriesKey: string;
  title: string;
  level: Level;
  hidden: boolean;
}

export function TileArrangeControls({ seriesKey, title, level, hidden }: TileArrangeControlsProps) {
  const bandId = useId();
  return (
    <div className="tile__arrange" role="group" aria-label={`Arrange ${title}`}>
      <button
        type="button"
        className="button button--small"
        aria-pressed={hidden}
        data-testid="tile-hide"
        onClick={() => arrange.toggleHidden(seriesKey)}
      >
        {hidden ? 'Show' : 'Hide'}
      </button>
      <button
        type="button"
        className="button button--small"
        aria-label={`Move ${title} earlier`}
        title="Earlier"
        data-testid="tile-move-earlier"
        onClick={() => arrange.move(seriesKey, -1)}
      >
        ◀
      </button>
      <button
        type="button"
        className="button button--small"
        aria-label={`Move ${title} later`}
        title="Later"
        data-testid="tile-move-later"
        onClick={() => arrange.move(seriesKey, 1)}
      >
        ▶
      </button>
      <span className="tile__arrange-band">
        <label htmlFor={bandId}>Band</label>
        <select
          id={bandId}
          value={level}
          data-testid="tile-band"
          onChange={(event) => arrange.toBand(seriesKey, event.target.value as Level)}
        >
          {LEVELS.map((option) => (
            <option key={option} value={option}>
              {LEVEL_HEADING[option]}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}
