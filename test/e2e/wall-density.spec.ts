// A hundred series on one wall: every tile keeps a readable value, its status
// and a sparkline with room to show a trend, at 1920×1080 and 3840×2160,
// without scrolling. (Before the short-tile layout the chart row collapsed to
// 0 px at this density: the charts were there and drew nothing visible.)
// The screenshot goes to test-results/; UPDATE_DOCS_SCREENSHOTS=1 writes docs/wall-100-1080p.png.
import { fork, type ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, startBrowserMode, test } from './browser-mode';
import { docScreenshot } from './doc-screenshot';

const started: ChildProcess[] = [];

test.afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

/** test/support/pulse-endpoint.ts: `count` sine-wave series at 1 Hz. */
async function startPulse(count: number): Promise<string> {
  const child = fork('test/support/pulse-endpoint.ts', ['1', String(count)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  started.push(child);
  return new Promise((resolve, reject) => {
    child.once('message', (url) => resolve(String(url)));
    child.once('exit', (code) => reject(new Error(`pulse endpoint exited ${code}`)));
  });
}

interface TileBox {
  tile: DOMRect;
  chart: DOMRect;
  value: DOMRect;
  status: DOMRect;
  valuePx: number;
}

async function tileBoxes(page: Page): Promise<TileBox[]> {
  return page.getByTestId('tile').evaluateAll((tiles) =>
    tiles.map((tile) => {
      const box = (selector: string) => {
        const found = tile.querySelector(selector);
        if (!found) throw new Error(`tile without ${selector}`);
        return found.getBoundingClientRect().toJSON() as DOMRect;
      };
      const value = tile.querySelector('[data-testid="tile-value"]');
      return {
        tile: tile.getBoundingClientRect().toJSON() as DOMRect,
        chart: box('[data-testid="tile-chart"] canvas'),
        value: box('[data-testid="tile-value"]'),
        status: box('.status-badge'),
        valuePx: value ? parseFloat(getComputedStyle(value).fontSize) : 0,
      };
    }),
  );
}

const inside = (inner: DOMRect, outer: DOMRect) =>
  inner.top >= outer.top - 0.5 &&
  inner.bottom <= outer.bottom + 0.5 &&
  inner.left >= outer.left - 0.5 &&
  inner.right <= outer.right + 0.5;

async function expectDenseWall(page: Page, minChartPx: number, minValuePx: number) {
  const scroll = await page.evaluate(
    () => document.documentElement.scrollHeight - innerHeight + document.body.scrollHeight,
  );
  expect(scroll - (await page.evaluate(() => document.body.scrollHeight))).toBeLessThanOrEqual(0);
  const boxes = await tileBoxes(page);
  expect(boxes).toHaveLength(100);
  for (const [index, box] of boxes.entries()) {
    const where = `tile ${index}`;
    expect(box.tile.bottom, where).toBeLessThanOrEqual(page.viewportSize()!.height);
    expect(box.chart.height, `${where}: chart height`).toBeGreaterThanOrEqual(minChartPx);
    expect(box.valuePx, `${where}: value size`).toBeGreaterThanOrEqual(minValuePx);
    expect(inside(box.value, box.tile), `${where}: value inside`).toBe(true);
    expect(inside(box.status, box.tile), `${where}: status inside`).toBe(true);
  }
}

test('100 tiles fit 1920×1080 and 3840×2160, each with a value, a status and a visible chart', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const url = await startPulse(100);
  const { mode, child } = await startBrowserMode(['--endpoint', url]);
  started.push(child);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(mode.url);
  await expect(page.getByTestId('tile')).toHaveCount(100, { timeout: 15_000 });
  await expect(page.locator('[data-testid="tile"][data-status="nodata"]')).toHaveCount(0, {
    timeout: 10_000,
  });
  await page.waitForTimeout(2_000);
  await page.screenshot({ path: docScreenshot('wall-100-1080p.png') });
  await expectDenseWall(page, 24, 24);

  await page.setViewportSize({ width: 3840, height: 2160 });
  await page.waitForTimeout(1_500);
  await expectDenseWall(page, 48, 48);
});
