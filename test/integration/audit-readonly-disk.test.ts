// The audit log on a real read-only file system: a tmpfs mounted for the
// test and remounted read-only (file modes would not do: root ignores them).
// Opening reads the history; appending is a clear EROFS error with every entry
// held; once the disk is writable again they are written, in order, once.
// Mounting needs root (CAP_SYS_ADMIN); elsewhere the test says why it skips.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AUDIT_FILE, AuditLog, AuditWriteError } from '../../main/core/actions/audit-log';
import { auditEntry } from '../support/audit-entry';

const entry = auditEntry;

const mountPoint = mkdtempSync(join(tmpdir(), 'wf-audit-ro-'));

/** Mounts a small tmpfs; the reason it cannot, or undefined. */
function mountTmpfs(): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', mountPoint], {
      stdio: 'pipe',
    });
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return stderr || (error as Error).message;
  }
}

const unmountable = mountTmpfs();
if (unmountable)
  console.warn(
    `skipped: the read-only disk test needs to mount a tmpfs (root): ${unmountable.split('\n')[0]}`,
  );

const remount = (mode: 'ro' | 'rw') =>
  execFileSync('mount', ['-o', `remount,${mode}`, mountPoint], { stdio: 'pipe' });

afterAll(() => {
  if (!unmountable) execFileSync('umount', [mountPoint], { stdio: 'pipe' });
  rmSync(mountPoint, { recursive: true, force: true });
});

const keys = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { key: string }).key);

describe.skipIf(unmountable !== undefined)('audit log on a read-only disk', () => {
  it('reads its history, says EROFS with the entries held, and writes them once writable', () => {
    const folder = join(mountPoint, 'user-data');
    const before = new AuditLog(folder);
    before.append(entry('k1'));
    before.close();

    remount('ro');
    const log = new AuditLog(folder);
    expect(log.query().map((e) => e.key)).toEqual(['k1']);
    expect(() => log.append(entry('k2'))).toThrow(AuditWriteError);
    expect(() => log.append(entry('k3'))).toThrow(
      /audit log .*audit\.jsonl not writable \(EROFS\): 2 entries held in memory and retried/,
    );
    expect(log.pendingWrites).toBe(2);
    expect(log.query().map((e) => e.key)).toEqual(['k3', 'k2', 'k1']);
    // Nothing reached the disk, and nothing was torn.
    expect(keys(readFileSync(join(folder, AUDIT_FILE), 'utf8'))).toEqual(['k1']);

    remount('rw');
    log.append(entry('k4'));
    expect(log.pendingWrites).toBe(0);
    log.close();
    const written = readFileSync(join(folder, AUDIT_FILE), 'utf8');
    expect(keys(written)).toEqual(['k1', 'k2', 'k3', 'k4']);
    const seqs = written
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { seq: number }).seq);
    expect(seqs).toEqual([1, 2, 3, 4]);
  });

  it('opens where its folder cannot even be made, and says so on the first entry', () => {
    const folder = join(mountPoint, 'fresh', 'user-data');
    remount('ro');
    const log = new AuditLog(folder);
    expect(log.query()).toEqual([]);
    expect(() => log.append(entry('k1'))).toThrow(/not writable \(EROFS\): 1 entry held/);
    remount('rw');
    log.append(entry('k2'));
    log.close();
    expect(keys(readFileSync(join(folder, AUDIT_FILE), 'utf8'))).toEqual(['k1', 'k2']);
  });
});
