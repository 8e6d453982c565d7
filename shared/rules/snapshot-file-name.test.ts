import { describe, expect, it } from 'vitest';
import { snapshotFileNameSchema } from '../api/snapshot-files';
import { isSnapshotFileName } from './snapshot-file-name';

describe('snapshot file names', () => {
  it.each([
    'incident-20261204T2300Z.wfsnap',
    'report.html',
    'a.wfsnap',
    `${'a'.repeat(201)}.wfsnap`,
  ])('accepts %s', (name) => {
    expect(isSnapshotFileName(name)).toBe(true);
    expect(snapshotFileNameSchema.safeParse(name).success).toBe(true);
  });

  it.each([
    '',
    '.wfsnap',
    '.hidden.wfsnap',
    '-x.wfsnap',
    '../escape.wfsnap',
    'dir/file.wfsnap',
    'dir\\file.wfsnap',
    'notes.txt',
    'snap.wfsnap.exe',
    'with space.wfsnap',
    `${'a'.repeat(202)}.wfsnap`,
  ])('refuses %j', (name) => {
    expect(isSnapshotFileName(name)).toBe(false);
    expect(snapshotFileNameSchema.safeParse(name).success).toBe(false);
  });
});
