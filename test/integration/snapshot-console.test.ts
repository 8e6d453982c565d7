// Snapshots through the ConsoleApi and the browser host: export from a live
// console, download with the token, open for review, annotate, report.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootConsole, type BootedConsole } from '../../main/core/console-boot';
import { startWebHost, type WebHost } from '../../main/web/web-host';
import { fileKeyOf } from '../../main/web/session-credential';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { snapshotDownloadPath } from '../../shared/api/snapshot-files';

let booted: BootedConsole;
let host: WebHost;

beforeAll(async () => {
  const userData = makeTempDir('wf-snap-');
  const staticDir = makeTempDir('wf-static-');
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  booted = await bootConsole(
    { endpoints: [], demo: true, seed: 3 },
    { clientVersion: 'test', userData },
  );
  host = await startWebHost({
    api: booted.core,
    staticDir,
    port: 0,
    host: '127.0.0.1',
    files: (name) => booted.core.snapshotPath(name),
  });
  await waitFor('demo history', async () =>
    Object.values((await booted.core.getState()).points).some((p) => p.t.length > 100),
  );
});

afterAll(async () => {
  try {
    await host?.close();
    await booted?.stop();
  } finally {
    removeTempDirs();
  }
});

describe('snapshots through the console', () => {
  it('exports, serves with the token only, reopens, annotates and reports', async () => {
    const file = await booted.core.exportSnapshot({
      title: 'Billing <b>errors</b>',
      notes: 'first look',
    });
    expect(file.fileName).toMatch(/^\d{8}T\d{6}Z-billing-b-errors-b\.wfsnap$/);
    const origin = new URL(host.url).origin;
    expect((await fetch(`${origin}${snapshotDownloadPath(file.fileName)}`)).status).toBe(401);
    const download = await fetch(
      `${origin}${snapshotDownloadPath(file.fileName)}?key=${fileKeyOf(host.token)}`,
    );
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBe(file.size);

    const snapshot = await booted.core.openSnapshot({ fileName: file.fileName });
    expect(snapshot.meta.title).toBe('Billing <b>errors</b>');
    expect(snapshot.series.length).toBeGreaterThanOrEqual(12);
    const key = snapshot.series[0]?.key as string;
    expect(snapshot.points[key]?.t.length).toBeGreaterThan(100);

    await booted.core.annotateSnapshot({
      fileName: file.fileName,
      notes: 'rolled back at 10:02',
      annotations: [
        { id: 'a1', at: snapshot.meta.window.to, text: 'rollback', author: 'ana', seriesKey: key },
      ],
    });
    const again = await booted.core.openSnapshot({ fileName: file.fileName });
    expect(again.meta.notes).toBe('rolled back at 10:02');
    expect(again.annotations.map((a) => a.text)).toEqual(['rollback']);

    const report = await booted.core.exportReport({ fileName: file.fileName });
    const html = await (
      await fetch(`${origin}${snapshotDownloadPath(report.fileName)}?key=${fileKeyOf(host.token)}`)
    ).text();
    expect(html).toContain('Billing &lt;b&gt;errors&lt;/b&gt;');
    expect(html).not.toContain('<b>errors</b>');
  });

  it('refuses names that leave the snapshots folder', async () => {
    await expect(
      booted.core.openSnapshot({ fileName: '../settings.json' as never }),
    ).rejects.toThrow(/not a snapshot file name/);
    const origin = new URL(host.url).origin;
    expect(
      (await fetch(`${origin}/files/..%2Fsettings.json?key=${fileKeyOf(host.token)}`)).status,
    ).toBe(404);
  });

  it('opens a snapshot handed over as bytes, and says clearly when they are not one', async () => {
    const file = await booted.core.exportSnapshot({ title: 'bytes' });
    const { readFileSync } = await import('node:fs');
    const data = readFileSync(booted.core.snapshotPath(file.fileName) as string).toString('base64');
    const snapshot = await booted.core.openSnapshot({ name: 'copy.wfsnap', data });
    expect(snapshot.meta.title).toBe('bytes');
    await expect(
      booted.core.openSnapshot({
        name: 'junk.wfsnap',
        data: Buffer.from('not gzip').toString('base64'),
      }),
    ).rejects.toThrow(/gzip/i);
  });
});
