// The wall fed by separately started demo endpoints: 24 tiles that fit
// 1920×1080 and 3840×2160 without scrolling, and tiles
// that go stale or link-down when their endpoint dies and recover, without a
// reload, when it comes back on the same port. Screenshots go to test-results/;
// UPDATE_DOCS_SCREENSHOTS=1 writes docs/wall-endpoints-*.png.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, startBrowserMode, test } from './browser-mode';
import { docScreenshot } from './doc-screenshot';

interface DemoProcess {
  url: string;
  port: number;
  child: ChildProcess;
}

const started: ChildProcess[] = [];

/** `npm run demo-endpoint` as its own process; resolves with the address it prints. */
async function startDemoEndpoint(port = 0, seed = 1): Promise<DemoProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'endpoints/demo/demo-cli.ts',
      '--port',
      String(port),
      '--seed',
      String(seed),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  started.push(child);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo endpoint silent: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /demo endpoint: (ws:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`demo endpoint exited ${code}: ${output}`)));
  });
  return { url, port: Number(new URL(url).port), child };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

test.afterEach(async () => {
  await Promise.all(started.splice(0).map(stop));
});

async function startWallOfTwo() {
  const first = await startDemoEndpoint(0, 3);
  const second = await startDemoEndpoint(0, 5);
  const { mode, child } = await startBrowserMode([
    '--endpoint',
    first.url,
    '--endpoint',
    second.url,
  ]);
  started.push(child);
  return { first, second, mode };
}

async function expectWallFits(page: Page) {
  const fit = await page.evaluate(() => {
    const tiles = [...document.querySelectorAll('[data-testid="tile"]')];
    return {
      scroll: document.documentElement.scrollHeight - innerHeight,
      bodyScroll: document.body.scrollHeight - innerHeight,
      lowest: Math.max(...tiles.map((tile) => tile.getBoundingClientRect().bottom)),
      rightmost: Math.max(...tiles.map((tile) => tile.getBoundingClientRect().right)),
      height: innerHeight,
      width: innerWidth,
    };
  });
  expect(fit.scroll).toBeLessThanOrEqual(0);
  expect(fit.bodyScroll).toBeLessThanOrEqual(0);
  expect(fit.lowest).toBeLessThanOrEqual(fit.height);
  expect(fit.rightmost).toBeLessThanOrEqual(fit.width);
}

async function valueFontSizes(page: Page): Promise<number[]> {
  return page
    .getByTestId('tile-value')
    .evaluateAll((values) => values.map((value) => parseFloat(getComputedStyle(value).fontSize)));
}

test('24 tiles fit 1920×1080 and 3840×2160 without scrolling', async ({ page }) => {
  const { mode } = await startWallOfTwo();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(mode.url);
  const tiles = page.getByTestId('tile');
  await expect(tiles).toHaveCount(24, { timeout: 15_000 });
  await expect(page.locator('[data-testid="tile"][data-status="nodata"]')).toHaveCount(0);
  // Let the charts draw a few live frames.
  await page.waitForTimeout(2_000);
  await expectWallFits(page);
  for (const size of await valueFontSizes(page)) expect(size).toBeGreaterThanOrEqual(48);
  await page.screenshot({ path: docScreenshot('wall-endpoints-1080p.png') });

  await page.setViewportSize({ width: 3840, height: 2160 });
  await page.waitForTimeout(1_500);
  await expectWallFits(page);
  for (const size of await valueFontSizes(page)) expect(size).toBeGreaterThanOrEqual(96);
  await page.screenshot({ path: docScreenshot('wall-endpoints-4k.png') });
});

test('a dead endpoint’s tiles go stale or link-down within 10 s and recover on restart', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const { first, mode } = await startWallOfTwo();
  await page.goto(mode.url);
  await expect(page.getByTestId('tile')).toHaveCount(24, { timeout: 15_000 });
  const badge = page.locator(`[data-testid="endpoint-badge"][data-url^="${first.url}"]`);
  await expect(badge).toHaveAttribute('data-link-state', 'open');
  const endpointId = await badge.getAttribute('data-endpoint-id');
  expect(endpointId).toBeTruthy();
  const mine = page.locator(`[data-testid="tile"][data-endpoint-id="${endpointId}"]`);
  const others = page.locator(`[data-testid="tile"]:not([data-endpoint-id="${endpointId}"])`);
  await expect(mine).toHaveCount(12);
  const down = page.locator(
    `[data-testid="tile"][data-endpoint-id="${endpointId}"]:is([data-status="stale"], [data-link-down="true"])`,
  );

  await stop(first.child);
  // A generous bound on the event, not a timing claim (that is the bench's).
  await expect(down).toHaveCount(12, { timeout: 20_000 });
  // The last value stays, marked as such; the other endpoint's tiles stay live.
  await expect(mine.first().getByTestId('tile-last-value')).toBeVisible();
  await expect(mine.first().getByTestId('tile-value')).not.toHaveText('–');
  await expect(others.and(page.locator('[data-link-down="true"]'))).toHaveCount(0);
  await page.screenshot({ path: 'test-results/wall-endpoint-down.png' });

  await startDemoEndpoint(first.port, 3);
  // Connected again: open, or degraded while it reports the replayed samples it dropped.
  await expect(badge).toHaveAttribute('data-state', 'connected', { timeout: 25_000 });
  await expect(down).toHaveCount(0, { timeout: 10_000 });
  await expect(mine.first().getByTestId('tile-last-value')).toHaveCount(0);
});

test('a critical alert that fires while the wall watches raises one notification; a reload raises none', async ({
  page,
}) => {
  // Record notifications instead of showing them; permission as if granted on a click.
  await page.addInitScript(() => {
    const shown: { title: string; onclick: (() => void) | null }[] = [];
    class RecordedNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      onclick: (() => void) | null = null;
      constructor(readonly title: string) {
        shown.push(this);
      }
      close() {}
    }
    Object.assign(window, { Notification: RecordedNotification, shownNotifications: shown });
  });
  // An address with no endpoint behind it yet: the alerts fire after the page is up.
  const probe = await startDemoEndpoint();
  await stop(probe.child);
  const { mode, child } = await startBrowserMode(['--endpoint', probe.url]);
  started.push(child);
  await page.goto(mode.url);
  await expect(page.getByTestId('wall')).toBeVisible();
  const titles = () =>
    page.evaluate(() =>
      (window as unknown as { shownNotifications: { title: string }[] }).shownNotifications.map(
        (notification) => notification.title,
      ),
    );
  expect(await titles()).toEqual([]);

  await startDemoEndpoint(probe.port);
  await expect.poll(titles, { timeout: 25_000 }).toContain('CRITICAL: Errors in production');
  await page.waitForTimeout(2_000);
  const raised = await titles();
  expect(raised.filter((title) => title === 'CRITICAL: Errors in production')).toHaveLength(1);
  expect(raised.every((title) => title.startsWith('CRITICAL: '))).toBe(true);

  // Clicking it opens that series' detail.
  await page.evaluate(() => {
    const shown = (
      window as unknown as { shownNotifications: { title: string; onclick: (() => void) | null }[] }
    ).shownNotifications;
    shown
      .find((notification) => notification.title === 'CRITICAL: Errors in production')
      ?.onclick?.();
  });
  await expect(page.getByTestId('detail-view')).toHaveAttribute(
    'data-series-key',
    /\/app\.errors\.rate$/,
  );

  await page.reload();
  await expect(page.getByTestId('tile')).toHaveCount(12);
  await page.waitForTimeout(2_000);
  expect(await titles()).toEqual([]);
});
