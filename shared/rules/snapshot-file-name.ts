// The snapshot files the console reads and writes: plain names inside its
// snapshots folder, never a path, never a hidden file. Ordinary names are
// welcome ("Billing outage (1).wfsnap", "café.wfsnap"): letters and digits of
// any script, spaces and everyday punctuation; never a slash, a backslash, a
// control character or a character Windows refuses in a name (<>:"|?*).
export const SNAPSHOT_FILE_NAME =
  /^[\p{L}\p{N}][\p{L}\p{M}\p{N} ._()[\]{}\-,'&+!#@~=]{0,200}\.(wfsnap|html)$/u;

export const isSnapshotFileName = (name: string): boolean => SNAPSHOT_FILE_NAME.test(name);

const EXTENSION = /\.(wfsnap|html)$/i;

/**
 * The name a received file is kept under: its own, in NFC, with any character
 * a name may not hold replaced by "-"; `fallback` when nothing usable is left.
 */
export function toSnapshotFileName(name: string, fallback = 'snapshot'): string {
  const extension = (EXTENSION.exec(name)?.[0] ?? '.wfsnap').toLowerCase();
  const stem = name
    .normalize('NFC')
    .replace(EXTENSION, '')
    .replace(/[^\p{L}\p{M}\p{N} ._()[\]{}\-,'&+!#@~=]+/gu, '-')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[ .]+$/, '')
    .slice(0, 200);
  return `${stem || fallback}${extension}`;
}

/** "Billing outage.wfsnap" → "Billing outage (2).wfsnap", "(3)", …: the n-th free name. */
export function numberedSnapshotFileName(name: string, n: number): string {
  const extension = EXTENSION.exec(name)?.[0] ?? '';
  const stem = name.slice(0, name.length - extension.length).slice(0, 190);
  return `${stem} (${n})${extension}`;
}
