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
      const before = await heaps();
      await page.waitForTimeout(minutes * 60_000 - warmUp);
      const after = await heaps();
      const scale = 600_000 / (minutes * 60_000 - warmUp);
      const mainGrowth = ((after.main - before.main) * scale) / MB;
      const rendererGrowth = ((after.renderer - before.renderer) * scale) / MB;
      console.log(
        `soak: main ${(before.main / MB).toFixed(1)} → ${(after.main / MB).toFixed(1)} MB, renderer ${(before.renderer / MB).toFixed(1)} → ${(after.renderer / MB).toFixed(1)} MB (per 10 min: ${mainGrowth.toFixed(2)} / ${rendererGrowth.toFixed(2)} MB)`,
      );
      // A leak at this rate grows tens of MB per 10 min (an unbounded point store
      // measured 90); the slack absorbs GC timing in a short run. The strict
      // target (1 MB per 10 min) is measured over 10 minutes by `npm run bench` (B4).
      expect(mainGrowth).toBeLessThan(10);
      expect(rendererGrowth).toBeLessThan(10);
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
