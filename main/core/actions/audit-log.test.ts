// Durability the kill -9 test cannot see (the page cache survives a killed
// process): each entry is written and then fsync'd before append() returns.
import * as fs from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditEntry } from '../../../test/support/audit-entry';
import { AuditLog, AuditWriteError } from './audit-log';

const calls = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    writeSync: (...args: Parameters<typeof real.writeSync>) => {
      calls.push('write');
      return real.writeSync(...args);
    },
    fsyncSync: (fd: number) => {
      calls.push('fsync');
      real.fsyncSync(fd);
    },
  };
});

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('audit log', () => {
  it('fsyncs every entry after writing it and before append returns', () => {
    const folder = mkdtempSync(join(tmpdir(), 'wf-audit-'));
    folders.push(folder);
    const log = new AuditLog(folder);
    for (const state of ['pending', 'succeeded'] as const) {
      calls.length = 0;
      log.append(auditEntry('k1', state));
      expect(calls.at(-1)).toBe('fsync');
      expect(calls.filter((call) => call === 'fsync')).toHaveLength(1);
      expect(calls.indexOf('write')).toBeLessThan(calls.indexOf('fsync'));
    }
    log.close();
    expect(fs.readFileSync(join(folder, 'audit.jsonl'), 'utf8').split('\n')).toHaveLength(3);
  });

  it('opens where its folder cannot be made (a console still starts), and says so on the first write', () => {
    const folder = mkdtempSync(join(tmpdir(), 'wf-audit-'));
    folders.push(folder);
    const notAFolder = join(folder, 'file');
    writeFileSync(notAFolder, '');
    const log = new AuditLog(join(notAFolder, 'user-data'));
    expect(log.query()).toEqual([]);
    expect(() => log.append(auditEntry('k1'))).toThrow(AuditWriteError);
    expect(log.pendingWrites).toBe(1);
  });
});
