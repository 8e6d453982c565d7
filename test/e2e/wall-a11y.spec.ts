// axe-core on the wall, a series' detail, the alerts view and the
// high-contrast theme: no serious or critical violations anywhere.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-mode';

async function expectNoSeriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  const summary = serious.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  expect(summary, `${where}: ${summary.join('\n')}`).toEqual([]);
}

test.describe('accessibility', () => {
  test('the wall, a detail view and the alerts view', async ({ page, browserMode }) => {
    await page.goto(browserMode.url);
    await expect(page.getByTestId('tile-value').first()).not.toHaveText('–');
    await page.waitForTimeout(1_000);
    await expectNoSeriousViolations(page, 'wall');

    // A tile is a keyboard-focusable button: Enter opens its detail.
    const tile = page.locator('[data-testid="tile"][data-series-key$="/app.errors.rate"]');
    await tile.getByRole('button', { name: 'Errors in production' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('detail-view')).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Errors in production', level: 2 }),
    ).toBeFocused();
    await page.getByTestId('range-1h').click();
    await expect(page.getByTestId('range-1h')).toHaveAttribute('aria-pressed', 'true');
    await page.waitForTimeout(500);
    await expectNoSeriousViolations(page, 'detail view');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('wall')).toBeVisible();
    await expect(tile.getByRole('button', { name: 'Errors in production' })).toBeFocused();

    await page.getByTestId('alerts-count').click();
    await expect(page.getByTestId('alerts-view')).toBeVisible();
    await expectNoSeriousViolations(page, 'alerts view');
  });

  test('the high-contrast theme', async ({ page, browserMode }) => {
    await page.goto(browserMode.url);
    await expect(page.getByTestId('tile-value').first()).not.toHaveText('–');
    await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'high-contrast');
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', 'true');
    await page.waitForTimeout(1_000);
    try {
      await expectNoSeriousViolations(page, 'high-contrast wall');
      await page.locator('[data-testid="tile"]').first().click();
      await expect(page.getByTestId('detail-view')).toBeVisible();
      await expectNoSeriousViolations(page, 'high-contrast detail');
      await page.keyboard.press('Escape');
    } finally {
      // The worker's console is shared with other tests: back to the default theme.
      await page.getByTestId('theme-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    }
  });
});
