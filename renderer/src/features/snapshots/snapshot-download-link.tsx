// Where a written file is: in browser mode a download link (the host serves
// the snapshots folder to this session only); in the desktop app the file is
// in the snapshots folder, and its name is what the operator needs.
import type { SnapshotFileInfo } from '../../../../shared/api/snapshot-files';
import { fileLink } from '../../bridge/console-bridge';

interface SnapshotDownloadLinkProps {
  file: SnapshotFileInfo;
  /** "Snapshot", "Report": what the file is, for the words around its name. */
  what: string;
  testId: string;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function SnapshotDownloadLink({ file, what, testId }: SnapshotDownloadLinkProps) {
  const link = fileLink(file.fileName);
  return (
    <p className="snapshot-file" data-testid={`${testId}-result`} data-file-name={file.fileName}>
      {what} saved as <span className="snapshot-file__name">{file.fileName}</span> (
      {formatSize(file.size)}){link ? '. ' : ' in the snapshots folder.'}
      {link && (
        <a
          className="snapshot-file__link"
          href={link}
          download={file.fileName}
          data-testid={`${testId}-download`}
        >
          Download {file.fileName}
        </a>
      )}
    </p>
  );
}
