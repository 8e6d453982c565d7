// Opens a snapshot for review: a file the operator picked or dropped (read
// here, sent to the host as base64) or one already in the snapshots folder
// (named by the main process). The host validates it; its reasons (corrupt,
// truncated, foreign, too large) are shown as they are, and nothing else
// about the console changes when a file is refused.
import type { SnapshotOpen } from '../../../../shared/api/snapshot-files';
import { SNAPSHOT_EXTENSION, type Snapshot } from '../../../../shared/api/snapshot';
import { toSnapshotFileName } from '../../../../shared/rules/snapshot-file-name';
import { getConsoleApi } from '../../bridge/console-bridge';
import { useConsoleStore } from '../../store/console-store';

/** The host refuses more (shared/api/snapshot.ts); checked here before reading 200 MB for nothing. */
export const MAX_SNAPSHOT_BYTES = 200 * 1024 * 1024;

let latest = 0;

/**
 * The name asked for the file: its own ("Billing outage (1).wfsnap"), with
 * only characters a name may not hold replaced. The host keeps it under that
 * name or, when another file has it, a free " (2)" one. Undefined when it is not a .wfsnap.
 */
export function uploadName(name: string): string | undefined {
  if (!name.toLowerCase().endsWith(SNAPSHOT_EXTENSION)) return undefined;
  return toSnapshotFileName(name);
}

/** The file's bytes as base64, read by the browser (no Node in the renderer). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(reader.error?.message ?? 'the file could not be read'));
    reader.readAsDataURL(file);
  });
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

async function open(
  shown: string,
  fileName: string,
  request: () => Promise<SnapshotOpen>,
): Promise<void> {
  const mine = ++latest;
  const store = useConsoleStore.getState();
  store.noteSnapshotOpening(shown);
  let snapshot: Snapshot;
  try {
    snapshot = await getConsoleApi().openSnapshot(await request());
  } catch (error) {
    if (mine === latest) store.noteSnapshotOpenFailed(`Could not open ${shown}: ${message(error)}`);
    return;
  }
  // A file opened after this one wins.
  // The host says under which name it kept a received file (a taken one gets " (2)").
  const kept = (snapshot as Snapshot & { fileName?: string }).fileName ?? fileName;
  if (mine === latest) useConsoleStore.getState().enterReview(kept, snapshot);
}

export function openSnapshotFile(file: File): Promise<void> {
  const fileName = uploadName(file.name);
  const store = useConsoleStore.getState();
  if (!fileName) {
    store.noteSnapshotOpenFailed(
      `Could not open ${file.name}: not a Watchfloor snapshot (choose a ${SNAPSHOT_EXTENSION} file)`,
    );
    return Promise.resolve();
  }
  if (file.size > MAX_SNAPSHOT_BYTES) {
    const mb = Math.round(file.size / (1024 * 1024));
    store.noteSnapshotOpenFailed(
      `Could not open ${file.name}: too large (${mb} MB; a snapshot may be 200 MB at most)`,
    );
    return Promise.resolve();
  }
  return open(file.name, fileName, async () => ({
    name: fileName,
    data: await readAsBase64(file),
  }));
}

/** A file the main process put in the snapshots folder (command line, File > Open). */
export function openSnapshotNamed(fileName: string): Promise<void> {
  return open(fileName, fileName, () => Promise.resolve({ fileName }));
}
