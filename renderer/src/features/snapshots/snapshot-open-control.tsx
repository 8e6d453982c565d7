// The header's "Open snapshot" button: a file picker for .wfsnap files. The
// file is read here and handed to the host, which validates it.
import { useRef, type ChangeEvent } from 'react';
import { SNAPSHOT_EXTENSION } from '../../../../shared/api/snapshot';
import { useConsoleStore } from '../../store/console-store';
import { openSnapshotFile } from './snapshot-opener';

export function SnapshotOpenControl() {
  const input = useRef<HTMLInputElement>(null);
  const opening = useConsoleStore((store) => store.snapshotOpening);

  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again opens it again.
    event.target.value = '';
    if (file) void openSnapshotFile(file);
  };

  return (
    <>
      <button
        type="button"
        className="button header-button"
        title={`Open an incident snapshot (${SNAPSHOT_EXTENSION}) for review; or drop one on the window`}
        disabled={opening !== undefined}
        data-testid="snapshot-open"
        onClick={() => input.current?.click()}
      >
        <span aria-hidden="true">⤒ </span>
        {opening === undefined ? 'Open snapshot' : 'Opening…'}
      </button>
      <input
        ref={input}
        type="file"
        accept={SNAPSHOT_EXTENSION}
        hidden
        tabIndex={-1}
        aria-label="Snapshot file"
        data-testid="snapshot-open-input"
        onChange={chosen}
      />
    </>
  );
}
