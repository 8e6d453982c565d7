// Causes before effects, in words: in bad-deploy the 2.14.0 deploy is marked on
// the Availability chart before its first alert, and the detail view lists the
// deploy and the operator's rollback as sentences, not event keys; so does
// the deployments board's history.
import { expect, startBrowserMode, test } from './browser-mode';

test('bad-deploy: the 2.14.0 deploy precedes the first alert, and deploy and rollback read as sentences', async ({
  page,
}) => {
  test.setTimeout(60_000);
  // Its own console: this test rolls billing back, which the shared one must not see.
  const { mode, child } = await startBrowserMode();
  try {
    await page.goto(mode.url);
    const card = page.locator('[data-testid="service-card"][data-service="billing"]');
    await card.getByRole('button', { name: 'Roll back' }).click();
    // A typed confirmation only where the risk rules still ask for one.
    const typed = page.getByLabel('Type Billing API to confirm');
    if (await typed.count()) await typed.fill('Billing API');
    await card.getByRole('button', { name: 'Confirm roll back' }).click();
    await expect(card.getByTestId('service-version')).toHaveText('2.13.2', { timeout: 5_000 });

    await page
      .locator('[data-testid="tile"][data-series-key$="/service.availability"]')
      .first()
      .click();
    const detail = page.getByTestId('detail-view');
    await expect(detail.getByRole('heading', { name: /Availability/ })).toBeVisible();
    await detail.getByTestId('range-15m').click();

    const changes = detail.getByTestId('detail-change');
    const deploy = changes.filter({ hasText: 'Deployed 2.14.0 (was 2.13.2)' });
    await expect(deploy).toHaveCount(1);
    await expect(changes.filter({ hasText: 'Rolled back 2.14.0 → 2.13.2' })).toHaveCount(1);
    await expect(detail.getByTestId('detail-events')).not.toContainText('deploy.');
    await expect(detail.getByTestId('detail-events')).not.toContainText('reason');

    const deployedAt = Number(await deploy.getAttribute('data-at'));
    const transitions = detail.getByTestId('alert-transition');
    await expect(transitions.first()).toBeVisible();
    const alertTimes = await transitions.evaluateAll((rows) =>
      rows.map((row) => Number((row as HTMLElement).dataset.at)),
    );
    expect(deployedAt).toBeGreaterThan(Date.now() - 15 * 60_000);
    expect(Math.min(...alertTimes)).toBeGreaterThan(deployedAt);

    // The deployments board's history says the same, in the same words.
    await page.getByTestId('detail-back').click();
    await page.getByTestId('view-deployments').click();
    const history = page.getByTestId('board-events').filter({ hasText: 'Rolled back' });
    await expect(history).toContainText('billing production: Rolled back 2.14.0 → 2.13.2');
    await expect(history).not.toContainText('deploy.');
  } finally {
    child.kill('SIGTERM');
  }
});
