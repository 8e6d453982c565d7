import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ActionJournal } from '../../../../endpoints/runbook/action-journal';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wf-journal-'));
  dirs.push(dir);
  return dir;
}

describe('ActionJournal', () => {
  it('gives a new instance the same records, latest status and run included', () => {
    const dir = tempDir();
    const first = new ActionJournal(dir);
    first.append({
      type: 'submit',
      key: 'k-1',
      payload: '{}',
      reply: { accepted: true },
      subject: 'shop/production',
    });
    first.append({ type: 'status', key: 'k-1', status: { key: 'k-1', state: 'accepted' } });
    first.append({
      type: 'run',
      key: 'k-1',
      pid: 42,
      logFile: 'l',
      exitFile: 'e',
      deadline: 9,
      timeoutMs: 5,
    });
    first.append({
      type: 'status',
      key: 'k-1',
      status: { key: 'k-1', state: 'running', message: 'm' },
    });
    first.close();
    const second = new ActionJournal(dir);
    expect(second.get('k-1')).toMatchObject({
      subject: 'shop/production',
      run: { pid: 42 },
      status: { state: 'running', message: 'm' },
    });
    second.close();
  });

  it('keeps everything before a torn last line', () => {
    const dir = tempDir();
    const first = new ActionJournal(dir);
    first.append({
      type: 'submit',
      key: 'k-2',
      payload: '{}',
      reply: { accepted: false, reason: 'busy' },
    });
    first.close();
    appendFileSync(join(dir, 'journal.jsonl'), '{"type":"status","key":"k-2","sta');
    const second = new ActionJournal(dir);
    expect(second.get('k-2')?.reply).toEqual({ accepted: false, reason: 'busy' });
    second.close();
  });
});
