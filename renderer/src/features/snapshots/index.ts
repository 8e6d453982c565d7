// The snapshots feature as other features and the app see it: nothing else of it is imported from outside.
export { SnapshotDownloadLink } from './snapshot-download-link';
export { startSnapshotDrop } from './snapshot-drop';
export { SnapshotExportControl } from './snapshot-export-control';
export { SnapshotOpenControl } from './snapshot-open-control';
export { SnapshotOpenError } from './snapshot-open-error';
export { startPendingSnapshots } from './snapshot-pending';
