// Why a snapshot did not open (picked, dropped or asked for by the main
// process), in the host's words, until dismissed. The file's name is shown
// as text: nothing from a file is ever rendered as HTML.
import { useConsoleStore } from '../../store/console-store';
import { Notice } from '../../ui/notice';

export function SnapshotOpenError() {
  const error = useConsoleStore((store) => store.snapshotOpenError);
  const dismiss = useConsoleStore((store) => store.dismissSnapshotOpenError);
  if (!error) return null;
  return <Notice text={error} testId="snapshot-open-error" onDismiss={dismiss} />;
}
