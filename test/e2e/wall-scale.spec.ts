// More series than a wall can show readably (the endpoint's cap is 5,000): the
// wall shows a page of 100 tiles that fits without scrolling, says where the
// page sits, finds a series by its title and turns the page. Only the page's
// tiles exist, so the page stays responsive whatever the catalog holds.
import { fork, type ChildProcess } from 'node:child_process';
import { expect, startBrowserMode, test } from './browser-mode';

const started: ChildProcess[] = [];

test.afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

/** test/support/pulse-endpoint.ts: `count` sine-wave series ("Pulse 0"…) at 1 Hz. */
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

test('a wall of 250 series is paged, searchable and fits 1920×1080', async ({ page }) => {
  test.setTimeout(60_000);
  const url = await startPulse(250);
  const { mode, child } = await startBrowserMode(['--endpoint', url]);
  started.push(child);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(mode.url);
  const tiles = page.getByTestId('tile');
  const count = page.getByTestId('wall-pager-count');
  await expect(tiles).toHaveCount(100, { timeout: 15_000 });
  await expect(count).toHaveText('1–100 of 250 series');
  await expect(page.getByTestId('wall-page')).toHaveText('Page 1 of 3');
  await expect(page.locator('[data-testid="tile-chart"] canvas')).toHaveCount(100);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollHeight - document.documentElement.clientHeight,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const lastTile = await tiles.last().boundingBox();
  expect((lastTile?.y ?? Infinity) + (lastTile?.height ?? 0)).toBeLessThanOrEqual(1080);

  await page.getByTestId('wall-page-next').click();
  await expect(count).toHaveText('101–200 of 250 series');
  await page.getByTestId('wall-page-next').click();
  await expect(tiles).toHaveCount(50);
  await expect(page.getByTestId('wall-page-next')).toBeDisabled();

  await page.getByTestId('wall-search').fill('pulse 137');
  await expect(tiles).toHaveCount(1);
  await expect(tiles.first()).toHaveAttribute('data-series-key', /s137$/);
  await expect(count).toHaveText('1–1 of 1 series found');

  await page.getByTestId('wall-search').fill('');
  await expect(count).toHaveText('1–100 of 250 series');
});
