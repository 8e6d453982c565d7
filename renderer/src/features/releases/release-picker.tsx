// The choice of release when more than one service rolls out in rings.
import { useId } from 'react';
import { trackLabel, type ReleaseTrack } from './release-track';

interface ReleasePickerProps {
  tracks: ReleaseTrack[];
  chosen: string;
  onChoose(id: string): void;
}

export function ReleasePicker({ tracks, chosen, onChoose }: ReleasePickerProps) {
  const id = useId();
  return (
    <div className="release-picker">
      <label htmlFor={id}>Release</label>
      <select
        id={id}
        data-testid="release-picker"
        value={chosen}
        onChange={(event) => onChoose(event.target.value)}
      >
        {tracks.map((track) => (
          <option key={track.id} value={track.id}>
            {trackLabel(track)}
          </option>
        ))}
      </select>
    </div>
  );
}
