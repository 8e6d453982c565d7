// A tile's tooltip (threshold and marker words) exists only while the pointer is
// over its chart: an idle wall keeps no tooltip view to re-render on every draw
// (issue 22, B2), and hovering still shows the words.
import type { Page } from '@playwright/test';
import { expect, test } from './browser-mode';

/** ECharts' tooltip boxes inside the wall's tiles: visible ones and all of them. */
const tooltips = (page: Page) =>
  page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('[data-testid="tile"] div')].filter(
      (d) => d.style.zIndex === '9999999',
    );
    const shown = boxes.filter(
      (d) => d.style.display !== 'none' && getComputedStyle(d).opacity !== '0',
    );
    return { all: boxes.length, shown: shown.map((d) => d.textContent?.trim() ?? '') };
  });

/** The shared console's wall at a laptop's size, once its tiles have values. */
async function openWall(page: Page, url: string): Promise<void> {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(url);
  await expect(page.getByTestId('tile-value').first()).not.toHaveText('');
}

/** Sweeps down the first tiles' charts until a threshold line's tooltip shows. */
async function hoverUntilTooltip(page: Page): Promise<string> {
  for (const canvas of (await page.locator('[data-testid="tile"] canvas').all()).slice(0, 8)) {
    const box = await canvas.boundingBox();
    if (!box) continue;
    for (let y = box.y + 1; y < box.y + box.height - 1; y += 1) {
      await page.mouse.move(box.x + box.width * 0.5, y);
      const text = (await tooltips(page)).shown.find((t) => t !== '');
      if (text) return text;
    }
  }
  return '';
}

test('a tile shows its tooltip on hover only, and keeps none after the pointer leaves', async ({
  page,
  browserMode,
}) => {
  await openWall(page, browserMode.url);
  await expect(page.locator('[data-testid="tile"] canvas').first()).toBeVisible();
  await page.mouse.move(2, 2);
  expect((await tooltips(page)).all).toBe(0);

  expect(await hoverUntilTooltip(page)).toMatch(/warning|critical/);

  await page.mouse.move(2, 2);
  await expect.poll(async () => (await tooltips(page)).all).toBe(0);
});

test('the detail chart’s tooltip reads the time and the value under the pointer', async ({
  page,
  browserMode,
}) => {
  await openWall(page, browserMode.url);
  await page
    .locator('[data-testid="tile"][data-series-key$="/http.server.request.duration.p95"]')
    .click();
  const chart = page.getByTestId('detail-view').getByTestId('detail-chart');
  await expect(chart.locator('canvas')).toHaveCount(1);
  const box = await chart.boundingBox();
  if (!box) throw new Error('the detail chart has no box');
  // The data arrive as a flat typed array (points-window.ts chartData): the
  // tooltip must still get each point's [t, v].
  await expect
    .poll(async () => {
      await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.5);
      await page.mouse.move(box.x + box.width * 0.8 + 1, box.y + box.height * 0.5);
      return chart.evaluate((element) =>
        [...element.querySelectorAll<HTMLElement>('div')]
          .filter((d) => d.style.zIndex === '9999999' && d.style.display !== 'none')
          .map((d) => d.textContent ?? '')
          .join(' '),
      );
    })
    .toMatch(/\d{2}:\d{2}:\d{2}.*Response time p95: [\d.,]+ ?\S*/);
});
