// The export form: a title (required), notes, and how far back the snapshot
// reaches. A modal <dialog>: focus stays in it, Escape closes it. On success
// it names the file and, in browser mode, links to it; failures stay inline.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SnapshotFileInfo } from '../../../../shared/api/snapshot-files';
import { SNAPSHOT_LIMITS } from '../../../../shared/api/snapshot';
import { getConsoleApi } from '../../bridge/console-bridge';
import { useHostCall } from '../../ui/host-call';
import { SnapshotDownloadLink } from './snapshot-download-link';

const MINUTE = 60_000;
export const EXPORT_WINDOWS = [
  { id: '15m', label: '15 min', ms: 15 * MINUTE },
  { id: '1h', label: '1 h', ms: 60 * MINUTE },
  { id: '6h', label: '6 h', ms: 360 * MINUTE },
] as const;
const DEFAULT_WINDOW_MS = 60 * MINUTE;

export function SnapshotExportDialog({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState('');
  const [windowMs, setWindowMs] = useState<number>(DEFAULT_WINDOW_MS);
  const [titleProblem, setTitleProblem] = useState<string>();
  const [file, setFile] = useState<SnapshotFileInfo>();
  const call = useHostCall('Could not export the snapshot');
  const ids = { heading: useId(), title: useId(), problem: useId(), notes: useId() };

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = title.trim();
    if (!wanted) return setTitleProblem('Give the snapshot a title');
    setTitleProblem(undefined);
    setFile(undefined);
    const request = { title: wanted, windowMs, ...(notes.trim() ? { notes } : {}) };
    const result = await call.run(() => getConsoleApi().exportSnapshot(request));
    if (result) setFile(result.value);
  };

  return (
    <dialog
      ref={dialog}
      className="snapshot-dialog"
      aria-labelledby={ids.heading}
      data-testid="snapshot-export-dialog"
      onClose={onClose}
    >
      <form className="snapshot-dialog__form" noValidate onSubmit={(event) => void submit(event)}>
        <h2 className="snapshot-dialog__heading" id={ids.heading}>
          Export snapshot
        </h2>
        <p className="field__hint">
          Everything the wall holds over the chosen window, in one file that opens without the
          endpoints.
        </p>
        <div className="field">
          <label htmlFor={ids.title}>Title</label>
          <input
            id={ids.title}
            type="text"
            value={title}
            maxLength={SNAPSHOT_LIMITS.titleChars}
            autoFocus
            aria-required="true"
            aria-invalid={titleProblem ? true : undefined}
            aria-describedby={titleProblem ? ids.problem : undefined}
            data-testid="snapshot-export-title"
            onChange={(event) => setTitle(event.target.value)}
          />
          {titleProblem && (
            <p className="field__problem" id={ids.problem} role="alert">
              {titleProblem}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.notes}>
            Notes <span className="field__optional">(optional)</span>
          </label>
          <textarea
            id={ids.notes}
            className="snapshot-dialog__notes"
            rows={4}
            value={notes}
            maxLength={SNAPSHOT_LIMITS.notesChars}
            data-testid="snapshot-export-notes"
            onChange={(event) => setNotes(event.target.value)}
          />
        </div>
        <fieldset className="snapshot-dialog__window">
          <legend>Window</legend>
          {EXPORT_WINDOWS.map((option) => (
            <label key={option.id} className="field__check">
              <input
                type="radio"
                name="snapshot-window"
                value={option.ms}
                checked={windowMs === option.ms}
                data-testid={`snapshot-export-window-${option.id}`}
                onChange={() => setWindowMs(option.ms)}
              />
              last {option.label}
            </label>
          ))}
        </fieldset>
        {call.error && (
          <p className="form-error" role="alert" data-testid="snapshot-export-error">
            {call.error}
          </p>
        )}
        {file && <SnapshotDownloadLink file={file} what="Snapshot" testId="snapshot-export" />}
        <div className="snapshot-dialog__buttons">
          <button
            type="submit"
            className="button button--primary"
            disabled={call.busy}
            data-testid="snapshot-export-submit"
          >
            {call.busy ? 'Exporting…' : 'Export'}
          </button>
          <button
            type="button"
            className="button"
            data-testid="snapshot-export-close"
            onClick={() => dialog.current?.close()}
          >
            {file ? 'Close' : 'Cancel'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
