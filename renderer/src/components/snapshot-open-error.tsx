// Why a snapshot did not open (picked, dropped or asked for by the main
// process), in the host's words, until dismissed. The file's name is shown
// as text: nothing from a file is ever rendered as HTML.
import { useConsoleStore } from '../store/console-store';

export function SnapshotOpenError() {
  const error = useConsoleStore((store) => store.snapshotOpenError);
  const dismiss = useConsoleStore((store) => store.dismissSnapshotOpenError);
  if (!error) return null;
  return (
    <div className="notice" role="alert" data-testid="snapshot-open-error">
      <span className="notice__icon" aria-hidden="true">
        ⚠
      </span>
      <p className="notice__text">{error}</p>
      <button type="button" className="button notice__dismiss" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
