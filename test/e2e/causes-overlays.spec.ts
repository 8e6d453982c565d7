// Nothing sits on the plot: on an alerting bad-deploy wall, a tile's procedure
// (its context line and its one-click fix) has a row of its own below the
// chart, at a laptop's size and a control room's.
import { expect, startBrowserMode, test } from './browser-mode';

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`procedures sit beside the plot, not on it, at ${size.width}×${size.height}`, async ({
    page,
  }) => {
    const { mode, child } = await startBrowserMode();
    try {
      await page.setViewportSize(size);
      await page.goto(mode.url);
      const offering = page.locator('[data-testid="tile"]:has([data-testid="tile-procedures"])');
      await expect(offering.first()).toBeVisible({ timeout: 15_000 });
      const count = await offering.count();
      for (let i = 0; i < count; i += 1) {
        const tile = offering.nth(i);
        const chart = await tile.getByTestId('tile-chart').boundingBox();
        const procedure = await tile.getByTestId('tile-procedures').boundingBox();
        expect(chart && procedure).toBeTruthy();
        if (!chart || !procedure) continue;
        // Rows of their own: the procedure starts where the plot ends (1 px of rounding).
        expect(procedure.y).toBeGreaterThanOrEqual(chart.y + chart.height - 1);
        expect(chart.height).toBeGreaterThan(10);
      }
    } finally {
      child.kill('SIGTERM');
    }
  });
}
