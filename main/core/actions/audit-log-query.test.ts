// What the Audit view can ask of the log: filters by action, state and time
// window (bounds inclusive), a result limit, and the in-memory window.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEntry } from '../../../test/support/audit-entry';
import { AuditLog } from './audit-log';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function newFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'wf-audit-query-'));
  folders.push(folder);
  return folder;
}

/** A log holding keys k1..kn, one second apart from 12:00:01 on. */
function logOf(count: number, keepInMemory?: number): AuditLog {
  const log = new AuditLog(newFolder(), keepInMemory);
  for (let i = 1; i <= count; i += 1) log.append({ ...auditEntry(`k${i}`), at: second(i) });
  return log;
}

const second = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, n)).toISOString();
const keys = (log: AuditLog, query?: Parameters<AuditLog['query']>[0]) =>
  log.query(query).map((entry) => entry.key);

describe('audit log query', () => {
  it('filters by action', () => {
    const log = new AuditLog(newFolder());
    log.append(auditEntry('rollback'));
    log.append({ ...auditEntry('arm'), action: 'autohalt.arm', args: {} });
    expect(keys(log, { action: 'autohalt.arm' })).toEqual(['arm']);
    expect(keys(log, { action: 'deploy.rollback' })).toEqual(['rollback']);
    log.close();
  });

  it('filters by state', () => {
    const log = new AuditLog(newFolder());
    log.append(auditEntry('k1', 'pending'));
    log.append(auditEntry('k1', 'succeeded'));
    expect(log.query({ state: 'succeeded' }).map((entry) => entry.state)).toEqual(['succeeded']);
    log.close();
  });

  it('keeps entries from `since` on, the bound included', () => {
    const log = logOf(4);
    expect(keys(log, { since: Date.parse(second(3)) })).toEqual(['k4', 'k3']);
    log.close();
  });

  it('keeps entries up to `until`, the bound included', () => {
    const log = logOf(4);
    expect(keys(log, { until: Date.parse(second(2)) })).toEqual(['k2', 'k1']);
    expect(keys(log, { since: Date.parse(second(2)), until: Date.parse(second(3)) })).toEqual([
      'k3',
      'k2',
    ]);
    log.close();
  });

  it('returns at most `limit` entries, newest first', () => {
    const log = logOf(5);
    expect(keys(log, { limit: 2 })).toEqual(['k5', 'k4']);
    expect(keys(log)).toEqual(['k5', 'k4', 'k3', 'k2', 'k1']);
    log.close();
  });

  it('keeps exactly the newest keepInMemory entries it appended', () => {
    const log = logOf(4, 3);
    expect(keys(log)).toEqual(['k4', 'k3', 'k2']);
    log.close();
  });

  it('reads back only the newest keepInMemory entries of an existing file', () => {
    const folder = newFolder();
    const lines = [1, 2, 3, 4].map((seq) => JSON.stringify({ ...auditEntry(`k${seq}`), seq }));
    writeFileSync(join(folder, 'audit.jsonl'), `${lines.join('\n')}\n`);
    const log = new AuditLog(folder, 2);
    expect(keys(log)).toEqual(['k4', 'k3']);
    // Numbering goes on from the file's last entry, not from what memory kept.
    expect(log.append(auditEntry('k5')).seq).toBe(5);
    log.close();
  });
});
