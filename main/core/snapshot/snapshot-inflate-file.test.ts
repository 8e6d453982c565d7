// Loading a snapshot from disk: a file above the limit is refused from its
// size alone (never read into memory), a file that grew after stat() is
// refused too, and the handle is closed whatever happens.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCompressed } from './snapshot-inflate';
import { snapshotFailure as failure } from '../../../test/support/snapshot-fixtures';

interface FakeFile {
  size: number;
  contents: Buffer;
  isFile: boolean;
}

const disk = vi.hoisted(() => ({
  file: { size: 0, contents: Buffer.alloc(0), isFile: true } as FakeFile,
  reads: 0,
  closes: 0,
}));

vi.mock('node:fs/promises', () => ({
  open: () =>
    Promise.resolve({
      stat: () => Promise.resolve({ size: disk.file.size, isFile: () => disk.file.isFile }),
      readFile: () => {
        disk.reads += 1;
        return Promise.resolve(disk.file.contents);
      },
      close: () => {
        disk.closes += 1;
        return Promise.resolve();
      },
    }),
}));

function onDisk(contents: Buffer, size = contents.length, isFile = true): void {
  disk.file = { size, contents, isFile };
}

beforeEach(() => {
  disk.reads = 0;
  disk.closes = 0;
});

describe('loadCompressed from a path', () => {
  it('reads a file of exactly the limit, and closes it', async () => {
    onDisk(Buffer.alloc(100, 1));
    expect((await loadCompressed('/snap.wfsnap', 100)).length).toBe(100);
    expect(disk.closes).toBe(1);
  });

  it('refuses a file above the limit without reading it, and closes it', async () => {
    onDisk(Buffer.alloc(0), 101);
    const err = await failure(loadCompressed('/big.wfsnap', 100));
    expect(err.reason).toBe('too-large');
    expect(err.message).toBe('the file is 101 bytes, above the 100 bytes a snapshot may have');
    expect(disk.reads).toBe(0);
    expect(disk.closes).toBe(1);
  });

  it('refuses a file that grew past the limit after stat()', async () => {
    onDisk(Buffer.alloc(150), 90);
    const err = await failure(loadCompressed('/growing.wfsnap', 100));
    expect(err.message).toBe('the file is 150 bytes, above the 100 bytes a snapshot may have');
    expect(disk.closes).toBe(1);
  });

  it('refuses what is not a regular file', async () => {
    onDisk(Buffer.alloc(0), 0, false);
    const err = await failure(loadCompressed('/dev/thing', 100));
    expect(err.reason).toBe('foreign');
    expect(err.message).toBe('/dev/thing is not a regular file');
    expect(disk.closes).toBe(1);
  });
});
