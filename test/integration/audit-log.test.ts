// The audit log on real disks: entries survive reopening, kill -9 mid-write
// loses nothing that was reported written, and a full disk is a clear error
// with the entries held, not a silent loss.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_FILE, AuditLog, AuditWriteError } from '../../main/core/actions/audit-log';
import { auditEntry } from '../support/audit-entry';

const entry = auditEntry;

const folders: string[] = [];
const dir = () => {
  const folder = mkdtempSync(join(tmpdir(), 'wf-audit-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('audit log', () => {
  it('appends JSONL, survives reopening, and continues the sequence', () => {
    const folder = dir();
    const log = new AuditLog(folder);
    log.append(entry('k1'));
    log.append(entry('k1', 'succeeded'));
    log.close();
    const lines = readFileSync(join(folder, AUDIT_FILE), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { state: string }).state)).toEqual([
      'pending',
      'succeeded',
    ]);
    const again = new AuditLog(folder);
    expect(again.append(entry('k2')).seq).toBe(3);
    expect(again.query({ text: 'succeeded' }).map((e) => e.seq)).toEqual([2]);
    expect(again.query({ state: 'pending' }).map((e) => e.seq)).toEqual([3, 1]);
  });

  it('loses no reported entry and tears none when the writer is killed with SIGKILL', async () => {
    const folder = dir();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/audit-writer.ts', folder, '300'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let reported = 0;
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) reported = Math.max(reported, Number(line));
    });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (reported >= 200) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const reopened = new AuditLog(folder);
    const seqs = reopened
      .query({ limit: 5_000 })
      .map((e) => e.seq)
      .sort((a, b) => a - b);
    expect(seqs.length).toBeGreaterThanOrEqual(reported);
    expect(seqs.slice(0, reported)).toEqual(Array.from({ length: reported }, (_, i) => i + 1));
    expect(reopened.append(entry('after-kill')).seq).toBe((seqs.at(-1) ?? 0) + 1);
  }, 30_000);

  it('ends a torn last line so the next entry is whole', () => {
    const folder = dir();
    const log = new AuditLog(folder);
    log.append(entry('k1'));
    log.close();
    writeFileSync(
      join(folder, AUDIT_FILE),
      `${readFileSync(join(folder, AUDIT_FILE), 'utf8')}{"seq":2,"at":"20`,
    );
    const reopened = new AuditLog(folder);
    expect(reopened.notice).toMatch(/1 unreadable line/);
    reopened.append(entry('k3'));
    reopened.close();
    const third = new AuditLog(folder);
    expect(third.query().map((e) => e.key)).toEqual(['k3', 'k1']);
  });

  it('reports a full disk clearly, keeps the entry, and writes it once the disk has room', () => {
    const folder = dir();
    const path = join(folder, AUDIT_FILE);
    symlinkSync('/dev/full', path);
    const log = new AuditLog(folder);
    expect(() => log.append(entry('k1'))).toThrow(AuditWriteError);
    expect(() => log.append(entry('k2'))).toThrow(/ENOSPC.*2 entries held in memory/);
    expect(log.pendingWrites).toBe(2);
    expect(log.query().map((e) => e.key)).toEqual(['k2', 'k1']);
    rmSync(path);
    log.append(entry('k3'));
    expect(log.pendingWrites).toBe(0);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { key: string }).key)).toEqual(['k1', 'k2', 'k3']);
  });
});
