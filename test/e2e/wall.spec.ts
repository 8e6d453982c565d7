// The wall in real Chromium through browser mode, fed by the embedded demo.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test } from './browser-mode';

const LEVELS = [
  ['band-business', 'Business'],
  ['band-service', 'Service'],
  ['band-technical', 'Technical'],
] as const;

test.describe('the NOC wall in browser mode', () => {
  test('wall screenshot at 1920×1080', async ({ page, browserMode }) => {
    await page.goto(browserMode.url);
    await expect(page.getByTestId('tile-value').first()).not.toHaveText('');
    await page.waitForTimeout(1_500);
    const path = process.env.WALL_SCREENSHOT ?? 'test-results/wall.png';
    mkdirSync(dirname(path), { recursive: true });
    await page.screenshot({ path });
    // the wall fits the screen: nothing to scroll
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('shows three bands whose values change, without console or CSP errors', async ({
    page,
    browserMode,
  }) => {
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(browserMode.url);
    for (const [testId, heading] of LEVELS) {
      const band = page.getByTestId(testId);
      await expect(band.getByRole('heading', { name: heading })).toBeVisible();
      expect(await band.getByTestId('tile').count()).toBeGreaterThanOrEqual(2);
    }
    await expect(page.getByTestId('endpoint-badge').first()).toHaveAttribute(
      'data-state',
      'connected',
    );
    const values = page.getByTestId('tile-value');
    await expect(values.first()).not.toHaveText('');
    const first = await values.allTextContents();
    // Live values move: wait (bounded) for more than three to change, no fixed window.
    await expect
      .poll(
        async () => {
          const now = await values.allTextContents();
          return first.filter((v, i) => v !== now[i]).length;
        },
        { message: `values before ${first.join(' | ')}`, timeout: 15_000 },
      )
      .toBeGreaterThan(3);
    // every tile draws its chart on a canvas
    expect(await page.locator('[data-testid="tile-chart"] canvas').count()).toBe(
      await values.count(),
    );
    expect(problems).toEqual([]);
  });

  test('rolls back the faulty billing release in one confirmed click', async ({
    page,
    browserMode,
  }) => {
    await page.goto(browserMode.url);
    const card = page.locator('[data-testid="service-card"][data-service="billing"]');
    await expect(card.getByTestId('service-version')).toHaveText('2.14.0');
    await card.getByRole('button', { name: 'Roll back' }).click();
    await expect(card).toContainText('2.14.0 → 2.13.2');
    // a rollback to the last known-good narrows exposure: one confirm, no typed name
    await expect(page.getByLabel(/^Type .+ to confirm$/)).toHaveCount(0);
    await card.getByRole('button', { name: 'Confirm roll back' }).click();
    await expect(card.getByTestId('service-version')).toHaveText('2.13.2', { timeout: 5_000 });
    await expect(card.getByTestId('action-status')).toHaveAttribute('data-state', 'succeeded');
    await expect(card.getByTestId('action-status')).toContainText('succeeded');
  });
});
