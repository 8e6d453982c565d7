// docs/snapshot-format.md must stay true: its examples are read by the real
// reader, and its Python decoder (where Python is installed) must print the
// same points.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from './snapshot-reader';

const DOC = join(import.meta.dirname, '../../../docs/snapshot-format.md');
const T = Date.UTC(2025, 0, 15, 11, 0, 0);

/** The fenced block right after `<!-- marker -->`. */
async function block(marker: string): Promise<string> {
  const text = await readFile(DOC, 'utf8');
  const match = new RegExp(`<!-- ${marker} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(text);
  if (!match?.[1]) throw new Error(`no block after <!-- ${marker} --> in the format doc`);
  return match[1];
}

describe('docs/snapshot-format.md', () => {
  it('has an example the reader opens, with the points the text states', async () => {
    const snapshot = await readSnapshot(gzipSync(await block('snapshot-example')));
    expect(snapshot.points['demo/service.availability']).toEqual({
      t: [T, T + 1000, T + 2003, T + 3000],
      v: [98.95, 98.91, 99.2, 99.95],
    });
    expect(snapshot.points['demo/http.rate']).toEqual({
      t: [T, T + 1000, T + 2000, T + 3000],
      v: [41.333333333333336, 40.666666666666664, 44, 43.5],
    });
    expect(snapshot.meta.title).toBe('Billing availability drop');
  });

  it('has a version 0 example that migrates', async () => {
    const snapshot = await readSnapshot(gzipSync(await block('snapshot-v0-example')));
    expect(snapshot.version).toBe(2);
    expect(snapshot.points).toEqual({
      'demo/cpu': { t: [1730538000000, 1730538001000], v: [40.25, 41.5] },
    });
    expect(snapshot.meta.createdAt).toBe(Date.parse('2024-11-02T09:01:00.000Z'));
  });

  it('has a Python decoder that prints the same points', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wf-snapshot-doc-'));
    try {
      await writeFile(join(dir, 'incident.wfsnap'), gzipSync(await block('snapshot-example')));
      const output = execFileSync('python3', ['-c', await block('snapshot-decoder')], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(output).toContain(
        'demo/service.availability [(1736938800000, 98.95), (1736938801000, 98.91), (1736938802003, 99.2), (1736938803000, 99.95)]',
      );
      expect(output).toContain('(1736938800000, 41.333333333333336)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
