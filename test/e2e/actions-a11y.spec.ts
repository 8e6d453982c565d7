// axe-core on the actions UI: the deployments board (rings, flags, builds),
// an open confirmation dialog (Escape returns the focus), and the audit log.
import AxeBuilder from '@axe-core/playwright';
import type { ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, startBrowserMode, test } from './browser-mode';

let console_: ChildProcess | undefined;

test.afterEach(() => {
  console_?.kill('SIGTERM');
  console_ = undefined;
});

async function expectNoSeriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
  expect(serious, `${where}: ${serious.join('\n')}`).toEqual([]);
}

for (const scenario of ['bad-flag', 'ring-rollout', 'failing-build']) {
  test(`${scenario}: the board, its confirmation dialog and the audit log`, async ({ page }) => {
    const { mode, child } = await startBrowserMode(['--scenario', scenario]);
    console_ = child;
    await page.goto(mode.url);
    await page.getByTestId('view-deployments').click();
    await expect(page.getByTestId('board-cell').first()).toBeVisible();
    await expectNoSeriousViolations(page, `${scenario} board`);

    const opener = page
      .locator(
        '[data-testid="action-open"]:enabled, [data-testid="flag-toggle"]:enabled, [data-testid="ring-promote"]:enabled',
      )
      .first();
    await opener.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousViolations(page, `${scenario} dialog`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(opener).toBeFocused();

    await page.getByTestId('view-actions').click();
    await expect(page.getByTestId('actions-view')).toBeVisible();
    await expectNoSeriousViolations(page, `${scenario} actions view`);
  });
}
