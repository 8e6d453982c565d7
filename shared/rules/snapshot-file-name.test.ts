import { describe, expect, it } from 'vitest';
import { snapshotFileNameSchema } from '../api/snapshot-files';
import {
  isSnapshotFileName,
  numberedSnapshotFileName,
  toSnapshotFileName,
} from './snapshot-file-name';

describe('snapshot file names', () => {
  it.each([
    'incident-20261204T2300Z.wfsnap',
    'report.html',
    'a.wfsnap',
    `${'a'.repeat(201)}.wfsnap`,
    'Billing outage (1).wfsnap',
    'café.wfsnap',
    'with space.wfsnap',
    'Ausfall 2025-01-15 — Köln.wfsnap'.replace('—', '-'),
    '障害報告.wfsnap',
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
    ' leading-space.wfsnap',
    '(1).wfsnap',
    'a:b.wfsnap',
    'a|b.wfsnap',
    'a\u0000b.wfsnap',
    'line\nbreak.wfsnap',
    'a?.wfsnap',
    `${'a'.repeat(202)}.wfsnap`,
  ])('refuses %j', (name) => {
    expect(isSnapshotFileName(name)).toBe(false);
    expect(snapshotFileNameSchema.safeParse(name).success).toBe(false);
  });

  it('keeps an ordinary received name, and makes any other one safe', () => {
    expect(toSnapshotFileName('Billing outage (1).wfsnap')).toBe('Billing outage (1).wfsnap');
    expect(toSnapshotFileName('cafe\u0301.WFSNAP')).toBe('café.wfsnap');
    expect(toSnapshotFileName('../../etc/passwd.wfsnap')).toBe('etc-passwd.wfsnap');
    expect(toSnapshotFileName('.wfsnap')).toBe('snapshot.wfsnap');
    expect(isSnapshotFileName(toSnapshotFileName('a:b|c?.wfsnap'))).toBe(true);
  });

  it('numbers a name that is taken', () => {
    expect(numberedSnapshotFileName('Billing outage.wfsnap', 2)).toBe('Billing outage (2).wfsnap');
    expect(isSnapshotFileName(numberedSnapshotFileName(`${'a'.repeat(201)}.wfsnap`, 12))).toBe(
      true,
    );
  });
});

describe('received names, edges', () => {
  it('gives a name without an extension the snapshot one', () => {
    expect(toSnapshotFileName('Billing outage')).toBe('Billing outage.wfsnap');
    expect(numberedSnapshotFileName('Billing outage', 2)).toBe('Billing outage (2)');
  });

  it('replaces a run of refused characters with one dash', () => {
    expect(toSnapshotFileName('a<>:b.wfsnap')).toBe('a-b.wfsnap');
  });

  it('drops every trailing dot and space before the extension', () => {
    expect(toSnapshotFileName('notes. ..wfsnap')).toBe('notes.wfsnap');
  });

  it('cuts a long name to 200 characters, still a valid name', () => {
    const kept = toSnapshotFileName(`${'a'.repeat(300)}.wfsnap`);
    expect(kept).toBe(`${'a'.repeat(200)}.wfsnap`);
    expect(isSnapshotFileName(kept)).toBe(true);
  });
});
