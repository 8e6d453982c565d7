// The snapshot files the console reads and writes: plain names inside its
// snapshots folder, never a path, never a hidden file.
export const SNAPSHOT_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.(wfsnap|html)$/;

export const isSnapshotFileName = (name: string): boolean => SNAPSHOT_FILE_NAME.test(name);
