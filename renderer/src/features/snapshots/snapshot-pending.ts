// A snapshot the main process asks the page to open (command line, File >
// Open, a second launch): opened from the snapshots folder as soon as the
// store hears of it, and the request cleared so a reload does not repeat it.
import { useConsoleStore } from '../../store/console-store';
import { openSnapshotNamed } from './snapshot-opener';

export function startPendingSnapshots(): () => void {
  return useConsoleStore.subscribe(
    (store) => store.pendingSnapshot,
    (fileName) => {
      if (!fileName) return;
      useConsoleStore.getState().clearPendingSnapshot();
      void openSnapshotNamed(fileName);
    },
    { fireImmediately: true },
  );
}
