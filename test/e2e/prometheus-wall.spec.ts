// This machine on the wall: real node-exporter → real Prometheus → the bridge
// (started as an operator would) → browser mode → the renderer in Chromium.
import type { ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserMode } from './browser-mode';
import { startBridgeProcess, type BridgeProcess } from '../support/prometheus-bridge-process';
import { startPrometheusStack, type PrometheusStack } from '../support/prometheus-services';

let stack: PrometheusStack | undefined;
let bridge: BridgeProcess | undefined;
let mode: BrowserMode | undefined;
let web: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  stack = await startPrometheusStack();
  bridge = await startBridgeProcess(['--prometheus', stack.url, '--port', '0']);
  ({ mode, child: web } = await startBrowserMode(['--no-demo', '--endpoint', bridge.url]));
});

test.afterAll(async () => {
  web?.kill('SIGTERM');
  await bridge?.stop();
  await stack?.close();
});

/** The tile of the series titled exactly this (the shown name may be shortened or chipped). */
function tile(page: Page, title: string) {
  const full = page.locator(`[data-testid="tile-title"][title^=${JSON.stringify(`${title} (`)}]`);
  return page.getByTestId('tile').filter({ has: full });
}

test("puts this machine's node-exporter metrics on the wall", async ({ page }) => {
  if (!mode) throw new Error('browser mode did not start');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(mode.url);
  await expect(page.getByTestId('endpoint-badge').first()).toHaveAttribute(
    'data-state',
    'connected',
    { timeout: 20_000 },
  );
  const cpu = tile(page, 'CPU utilization');
  await expect(cpu).toHaveCount(1);
  // a real number from this machine (irate needs two scrapes: allow a few seconds)
  await expect(cpu.getByTestId('tile-value')).toHaveText(/^\d{1,3}(\.\d+)?$/, { timeout: 20_000 });
  await expect(cpu.getByTestId('tile-unit')).toHaveText('%');
  const cpuValue = Number(await cpu.getByTestId('tile-value').textContent());
  expect(cpuValue).toBeGreaterThanOrEqual(0);
  expect(cpuValue).toBeLessThanOrEqual(100);
  await expect(cpu.getByTestId('tile-error')).toHaveCount(0);
  for (const title of ['Memory utilization', 'Disk utilization (fullest)', 'TCP connections']) {
    await expect(tile(page, title).getByTestId('tile-value'), title).toHaveText(
      /^[\d,]+(\.\d+)?$/,
      {
        timeout: 20_000,
      },
    );
  }
  // the tile draws its line on a canvas
  await expect(cpu.locator('[data-testid="tile-chart"] canvas')).toHaveCount(1);
  expect(problems).toEqual([]);
  await page.screenshot({ path: 'test-results/prometheus-wall.png' });
});
