// The header's "Export snapshot" button, and its shortcut Ctrl+Shift+E
// (Cmd+Shift+E on a Mac), both opening the export dialog.
import { useEffect, useRef, useState } from 'react';
import { SnapshotExportDialog } from './snapshot-export-dialog';

const isExportShortcut = (event: KeyboardEvent): boolean =>
  (event.ctrlKey || event.metaKey) &&
  event.shiftKey &&
  !event.altKey &&
  event.key.toLowerCase() === 'e';

export function SnapshotExportControl() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isExportShortcut(event) || event.defaultPrevented) return;
      event.preventDefault();
      setOpen(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button header-button"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+Shift+E Meta+Shift+E"
        title="Export a snapshot of the wall (Ctrl+Shift+E)"
        data-testid="snapshot-export"
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">⤓ </span>Export snapshot
      </button>
      {open && (
        <SnapshotExportDialog
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}
