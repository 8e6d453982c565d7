// Soak: the wall in Chromium fed 10,000 samples a second for SOAK_MINUTES
// (5 in `npm test`, 60 in `npm run soak`). After warm-up, the heap of the
// console (main side, in this process) and of the renderer must stay flat.
import { fork, type ChildProcess } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, test } from '@playwright/test';
import { bootConsole } from '../../main/core/console-boot';
import { startWebHost } from '../../main/web/web-host';

const minutes = Number(process.env.SOAK_MINUTES ?? 5);
const MB = 2 ** 20;

test(`soak: ${minutes} min at 10k samples/s, heap flat in the console and the renderer`, async ({
  page,
}) => {
  test.setTimeout((minutes + 3) * 60_000);
  const flood: ChildProcess = fork('test/support/flood-endpoint.ts', ['10000', '100'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    const url = await new Promise<string>((resolve) =>
      flood.on('message', (m) => resolve(String(m))),
    );
    const booted = await bootConsole(
      { endpoints: [url], demo: false, seed: undefined },
      { clientVersion: 'soak' },
    );
    const host = await startWebHost({
      api: booted.core,
      staticDir: 'out/renderer',
      port: 0,
      host: '127.0.0.1',
    });
    try {
      setFlagsFromString('--expose_gc');
      const gc = runInNewContext('gc') as () => void;
      const cdp = await page.context().newCDPSession(page);
      const heaps = async () => {
        gc();
        await cdp.send('HeapProfiler.collectGarbage');
        const renderer = (await cdp.send('Runtime.getHeapUsage')).usedSize;
        return { main: process.memoryUsage().heapUsed, renderer };
      };
      await page.goto(host.url);
      await expect(page.getByTestId('tile').first()).toBeVisible();
      const warmUp = Math.min(90_000, (minutes * 60_000) / 4);
      await page.waitForTimeout(warmUp);
      // A heap sample every 15 s, and the trend through all of them: one
      // before/after pair is at the mercy of when the collector last ran.
      const samples: { at: number; main: number; renderer: number }[] = [];
      const began = Date.now();
      while (Date.now() - began < minutes * 60_000 - warmUp) {
        samples.push({ at: Date.now() - began, ...(await heaps()) });
        await page.waitForTimeout(15_000);
      }
      samples.push({ at: Date.now() - began, ...(await heaps()) });
      const perTenMinutes = (pick: (s: (typeof samples)[number]) => number) =>
        (slope(samples.map((s) => [s.at, pick(s)])) * 600_000) / MB;
      const mainGrowth = perTenMinutes((s) => s.main);
      const rendererGrowth = perTenMinutes((s) => s.renderer);
      const first = samples[0] as (typeof samples)[number];
      const last = samples.at(-1) as (typeof samples)[number];
      console.log(
        `soak: ${samples.length} samples; main ${(first.main / MB).toFixed(1)} → ${(last.main / MB).toFixed(1)} MB, renderer ${(first.renderer / MB).toFixed(1)} → ${(last.renderer / MB).toFixed(1)} MB; trend per 10 min: main ${mainGrowth.toFixed(2)} MB, renderer ${rendererGrowth.toFixed(2)} MB`,
      );
      // An unbounded point store grew ~90 MB per 10 min here; the slack absorbs
      // collector timing in a short run. The strict target (1 MB per 10 min)
      // is measured over 10 minutes by `npm run bench` (B4).
      expect(mainGrowth).toBeLessThan(25);
      expect(rendererGrowth).toBeLessThan(25);
      // still live at the end
      await expect(page.getByTestId('endpoint-badge').first()).toHaveAttribute(
        'data-link-state',
        /open|degraded/,
      );
    } finally {
      await host.close();
      await booted.stop();
    }
  } finally {
    flood.kill();
  }
});

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
