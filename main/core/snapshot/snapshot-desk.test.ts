// Receiving snapshots never destroys one: a file is validated before anything
// is written, a taken name gets " (2)", ordinary names are kept as they are,
// and a report that fails says why.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../../../test/support/temp-dir';
import type { SnapshotSource } from '../../../shared/api/snapshot';
import { SnapshotDesk } from './snapshot-desk';
import { writeSnapshot } from './snapshot-writer';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

function source(title: string, threshold = 99): SnapshotSource {
  return {
    appVersion: 'test',
    operator: () => 'ana',
    now: () => NOW,
    state: () => ({
      endpoints: [],
      series: [
        {
          key: 'demo/avail',
          endpointId: 'demo',
          id: 'avail',
          title,
          level: 'service',
          unit: '%',
          kind: 'gauge',
          intervalMs: 1000,
          thresholds: { warning: threshold, critical: -threshold, direction: 'above' },
        },
      ],
      deployments: [],
      actions: [],
      events: [],
      alerts: [],
      alertTimeline: [],
    }),
    points: () => ({ t: [NOW - 2_000, NOW - 1_000], v: [5e-324, 0] }),
    audit: () => [],
  };
}

let dir: string;
let elsewhere: string;
beforeEach(() => {
  dir = makeTempDir('wf-desk-');
  elsewhere = makeTempDir('wf-received-');
});
afterEach(removeTempDirs);

const bytesOf = async (title: string) => writeSnapshot(source(title), { title });

describe('SnapshotDesk receiving files', () => {
  it('keeps an ordinary name as it is', async () => {
    const desk = new SnapshotDesk(dir, source('live'));
    for (const name of ['Billing outage (1).wfsnap', 'café.wfsnap']) {
      const path = join(elsewhere, name);
      await writeFile(path, await bytesOf(name));
      expect(await desk.import(path)).toBe(name);
    }
    expect((await readdir(dir)).sort()).toEqual(['Billing outage (1).wfsnap', 'café.wfsnap']);
  });

  it('validates before writing: a file that is not a snapshot leaves the folder untouched', async () => {
    const desk = new SnapshotDesk(dir, source('live'));
    const good = await bytesOf('good');
    await writeFile(join(dir, 'incident.wfsnap'), good);
    const bad = join(elsewhere, 'incident.wfsnap');
    await writeFile(bad, 'not a snapshot at all');
    await expect(desk.import(bad)).rejects.toMatchObject({ reason: 'not-gzip' });
    expect(await readFile(join(dir, 'incident.wfsnap'))).toEqual(good);
    expect(await readdir(dir)).toEqual(['incident.wfsnap']);
  });

  it('never replaces another file: a taken name gets " (2)", the same file is reused', async () => {
    const desk = new SnapshotDesk(dir, source('live'));
    const mine = await bytesOf('mine');
    await writeFile(join(dir, 'incident.wfsnap'), mine);
    const theirs = await bytesOf('theirs');
    const path = join(elsewhere, 'incident.wfsnap');
    await writeFile(path, theirs);
    expect(await desk.import(path)).toBe('incident (2).wfsnap');
    expect(await desk.import(path)).toBe('incident (2).wfsnap');
    const opened = await desk.open({
      name: 'incident.wfsnap',
      data: (await bytesOf('third')).toString('base64'),
    });
    expect(opened.fileName).toBe('incident (3).wfsnap');
    expect(opened.meta.title).toBe('third');
    expect(await readFile(join(dir, 'incident.wfsnap'))).toEqual(mine);
  });

  it('reports on any finite double, and a failure carries its reason', async () => {
    const desk = new SnapshotDesk(dir, source('extreme', 1e308));
    const file = await desk.export({ title: 'extreme' });
    const report = await desk.report(file.fileName);
    const html = await readFile(report.path, 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toContain('could not be drawn');
    await expect(desk.report('missing.wfsnap')).rejects.toThrow(/ENOENT|no such file/);
  });
});
