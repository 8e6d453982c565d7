// The audit file on a disk that misbehaves: folders missing or refused, short
// and failing writes, torn or empty files left by an earlier run.
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditEntry } from '../../../test/support/audit-entry';
import { AuditLog, AuditWriteError } from './audit-log';

/** Faults the next writes and mkdirs meet; reset after each test. */
const disk = vi.hoisted(() => ({
  /** Most bytes one write() takes (a short write past it). */
  writeChunk: Number.POSITIVE_INFINITY,
  writeError: undefined as Error | undefined,
  /** Runs before each mkdir, with the folder it is about to make. */
  beforeMkdir: undefined as ((dir: string) => void) | undefined,
}));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    writeSync: (fd: number, data: Buffer, offset = 0, length = data.length - offset) => {
      if (disk.writeError) throw disk.writeError;
      // Node refuses a range past the buffer whatever the disk takes; keep that check.
      if (offset + length > data.length) return real.writeSync(fd, data, offset, length);
      return real.writeSync(fd, data, offset, Math.min(length, disk.writeChunk));
    },
    mkdirSync: (dir: string) => {
      disk.beforeMkdir?.(dir);
      return real.mkdirSync(dir);
    },
  };
});

const folders: string[] = [];
afterEach(() => {
  disk.writeChunk = Number.POSITIVE_INFINITY;
  disk.writeError = undefined;
  disk.beforeMkdir = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function newFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'wf-audit-file-'));
  folders.push(folder);
  return folder;
}

const errno = (code: string, message: string) => Object.assign(new Error(message), { code });
const line = (entry: unknown) => `${JSON.stringify(entry)}\n`;
const fileOf = (folder: string) => readFileSync(join(folder, 'audit.jsonl'), 'utf8');

/** The AuditWriteError `run` throws. */
function writeErrorOf(run: () => unknown): AuditWriteError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(AuditWriteError);
    return err as AuditWriteError;
  }
  throw new Error('expected an AuditWriteError');
}

describe('audit log folder', () => {
  it('makes every missing folder on the way on the first write', () => {
    const folder = join(newFolder(), 'a', 'b', 'user-data');
    const log = new AuditLog(folder);
    const entry = log.append(auditEntry('k1'));
    log.close();
    expect(fileOf(folder)).toBe(line(entry));
  });

  it('names the real cause when the disk refuses the folder, and keeps the cause', () => {
    const parent = newFolder();
    const folder = join(parent, 'user-data');
    const refused = errno('EROFS', 'EROFS: read-only file system');
    disk.beforeMkdir = () => {
      throw refused;
    };
    const log = new AuditLog(folder);
    const err = writeErrorOf(() => log.append(auditEntry('k1')));
    expect(err.message).toBe(
      `audit log ${join(folder, 'audit.jsonl')} not writable (EROFS): 1 entry held in memory and retried`,
    );
    expect(err.cause).toBe(refused);
  });

  it('goes on when another process makes the folder between the check and the mkdir', () => {
    const folder = join(newFolder(), 'user-data');
    disk.beforeMkdir = (dir) => {
      if (dir !== folder) return;
      disk.beforeMkdir = undefined; // the other process's own mkdir meets no race
      fs.mkdirSync(dir);
    };
    const log = new AuditLog(folder);
    const entry = log.append(auditEntry('k1'));
    log.close();
    expect(log.pendingWrites).toBe(0);
    expect(fileOf(folder)).toBe(line(entry));
  });
});

describe('audit log writes', () => {
  it('finishes a line the disk takes a few bytes at a time', () => {
    const folder = newFolder();
    disk.writeChunk = 7;
    const log = new AuditLog(folder);
    const first = log.append(auditEntry('k1'));
    const second = log.append(auditEntry('k1', 'succeeded'));
    log.close();
    expect(fileOf(folder)).toBe(line(first) + line(second));
  });

  it('reports an error without a code by its message, counts what it holds, and writes it later', () => {
    const folder = newFolder();
    const log = new AuditLog(folder);
    disk.writeError = new Error('disk gone');
    const path = join(folder, 'audit.jsonl');
    expect(writeErrorOf(() => log.append(auditEntry('k1'))).message).toBe(
      `audit log ${path} not writable (disk gone): 1 entry held in memory and retried`,
    );
    disk.writeError = errno('ENOSPC', 'ENOSPC: no space left on device');
    expect(writeErrorOf(() => log.append(auditEntry('k2'))).message).toBe(
      `audit log ${path} not writable (ENOSPC): 2 entries held in memory and retried`,
    );
    disk.writeError = undefined;
    log.append(auditEntry('k3'));
    log.close();
    expect(log.pendingWrites).toBe(0);
    expect(
      fileOf(folder)
        .split('\n')
        .map((text) => (text ? JSON.parse(text).key : '')),
    ).toEqual(['k1', 'k2', 'k3', '']);
  });
});

describe('audit log reopened', () => {
  it('reads a whole file back without a notice and appends right after it', () => {
    const folder = newFolder();
    const first = new AuditLog(folder);
    const written = [first.append(auditEntry('k1')), first.append(auditEntry('k2'))];
    first.close();
    const log = new AuditLog(folder);
    expect(log.notice).toBeUndefined();
    expect(log.query()).toEqual([...written].reverse());
    const next = log.append(auditEntry('k3'));
    log.close();
    expect(fileOf(folder)).toBe(written.map(line).join('') + line(next));
  });

  it('starts an empty file with the first entry, not a blank line', () => {
    const folder = newFolder();
    writeFileSync(join(folder, 'audit.jsonl'), '');
    const log = new AuditLog(folder);
    expect(log.notice).toBeUndefined();
    const entry = log.append(auditEntry('k1'));
    log.close();
    expect(fileOf(folder)).toBe(line(entry));
  });

  it('skips a torn last line, says so, and ends it once before appending', () => {
    const folder = newFolder();
    const kept = { ...auditEntry('k1'), seq: 1 };
    const torn = '{"seq":2,"at":"2026-';
    writeFileSync(join(folder, 'audit.jsonl'), line(kept) + torn);
    const log = new AuditLog(folder);
    expect(log.notice).toBe(
      'The audit log had 1 unreadable line(s) (a torn write?); they were skipped, the rest is intact.',
    );
    expect(log.query().map((entry) => entry.key)).toEqual(['k1']);
    const appended = [log.append(auditEntry('k2')), log.append(auditEntry('k3'))];
    log.close();
    expect(fileOf(folder)).toBe(`${line(kept)}${torn}\n${appended.map(line).join('')}`);
  });
});
