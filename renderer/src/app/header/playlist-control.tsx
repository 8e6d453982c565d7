// The playlist: rotate the chosen views every N seconds. A header button
// opens a small form; saving persists it with the settings.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Playlist } from '../../../../shared/api/settings';
import { useConsoleStore } from '../../store/console-store';
import { CONSOLE_VIEWS, isConsoleView, type ConsoleView } from '../../store/view-slice';
import { saveSettings } from '../../ui/settings-save';
import { VIEW_LABEL } from '../../ui/view-switcher';

const MIN_S = 5;
const MAX_S = 3_600;

export function PlaylistControl() {
  const playlist = useConsoleStore((store) => store.settings.playlist);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="playlist">
      <button
        ref={button}
        type="button"
        className="button header-button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="playlist-toggle"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{playlist.enabled ? '▶ ' : '❚❚ '}</span>
        Playlist {playlist.enabled ? `on, ${playlist.intervalS} s` : 'off'}
      </button>
      {open && <PlaylistForm id={panelId} playlist={playlist} onClose={close} />}
    </div>
  );
}

interface PlaylistFormProps {
  id: string;
  playlist: Playlist;
  onClose(): void;
}

function PlaylistForm({ id, playlist, onClose }: PlaylistFormProps) {
  const [enabled, setEnabled] = useState(playlist.enabled);
  const [views, setViews] = useState<ConsoleView[]>(playlist.views.filter(isConsoleView));
  const [seconds, setSeconds] = useState(String(playlist.intervalS));
  const [problem, setProblem] = useState<string>();
  const first = useRef<HTMLInputElement>(null);
  const intervalId = useId();

  useEffect(() => first.current?.focus(), []);

  const toggleView = (view: ConsoleView) =>
    setViews((current) =>
      current.includes(view)
        ? current.filter((item) => item !== view)
        : CONSOLE_VIEWS.filter((item) => item === view || current.includes(item)),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = Number(seconds);
    if (!Number.isInteger(wanted) || wanted < MIN_S || wanted > MAX_S) {
      return setProblem(`Choose a whole number of seconds from ${MIN_S} to ${MAX_S}`);
    }
    if (views.length === 0) return setProblem('Choose at least one view');
    setProblem(undefined);
    const saved = await saveSettings(
      { playlist: { enabled, views, intervalS: wanted } },
      'the playlist',
    );
    if (saved) onClose();
  };

  return (
    <form
      id={id}
      className="playlist__panel"
      aria-label="Playlist"
      data-testid="playlist-form"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <label className="field__check">
        <input
          ref={first}
          type="checkbox"
          checked={enabled}
          data-testid="playlist-enabled"
          onChange={(event) => setEnabled(event.target.checked)}
        />
        Rotate views
      </label>
      <fieldset className="playlist__views">
        <legend>Views to show</legend>
        {CONSOLE_VIEWS.map((view) => (
          <label key={view} className="field__check">
            <input
              type="checkbox"
              checked={views.includes(view)}
              onChange={() => toggleView(view)}
            />
            {VIEW_LABEL[view]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={intervalId}>Seconds per view</label>
        <input
          id={intervalId}
          type="number"
          min={MIN_S}
          max={MAX_S}
          step={1}
          value={seconds}
          data-testid="playlist-interval"
          onChange={(event) => setSeconds(event.target.value)}
        />
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="playlist__buttons">
        <button type="submit" className="button button--primary">
          Save
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
