// A .wfsnap dropped anywhere on the window opens for review. Only drags that
// carry files are taken: arranging tiles drags series keys, not files. Any
// dropped file is kept from the browser's default (navigating to it).
import { openSnapshotFile } from './snapshot-opener';

const carriesFiles = (event: DragEvent): boolean =>
  event.dataTransfer?.types.includes('Files') ?? false;

export function startSnapshotDrop(target: Window = window): () => void {
  const over = (event: DragEvent) => {
    if (!carriesFiles(event) || !event.dataTransfer) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const drop = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) void openSnapshotFile(file);
  };
  target.addEventListener('dragover', over);
  target.addEventListener('drop', drop);
  return () => {
    target.removeEventListener('dragover', over);
    target.removeEventListener('drop', drop);
  };
}
