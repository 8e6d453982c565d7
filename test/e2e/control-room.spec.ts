// A control room of two consoles on one demo endpoint (bad-deploy): ana, on
// console A, rolls billing back with a reason. Console B (bo's) shows the
// action within 2 s with ana's name and reason, taken elsewhere, running then
// succeeded, then the recovery watch; it no longer offers the rollback; bo,
// opening the rollback while ana's runs, is told before confirming; and B's
// audit view lists the action once, with the reason.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './browser-mode';
import { closeRoom, openConsole, startDemoEndpoint } from './control-room';

test.afterEach(closeRoom);

/** Long enough for a second operator to look while it runs: running at 1.6 s, done at 8 s. */
const ACTION_MS = 8_000;
const ALERT_MS = 45_000;
const REASON = 'INC-42 errors since billing 2.14.0';

const errorsTile = (page: Page): Locator =>
  page.locator('[data-testid="tile"][data-series-key$="/app.errors.rate"]');

const ROLLBACK = 'Roll back billing to 2.13.2';

test('two consoles: every console sees every action, who took it, why, and whether it worked', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const endpoint = await startDemoEndpoint(['--seed', '3', '--action-ms', String(ACTION_MS)]);
  const a = await openConsole(browser, endpoint, 'ana');
  const b = await openConsole(browser, endpoint, 'bo');
  const tileA = errorsTile(a);
  const tileB = errorsTile(b);
  for (const tile of [tileA, tileB]) {
    await expect(tile.getByTestId('tile-procedure').filter({ hasText: ROLLBACK })).toBeVisible({
      timeout: ALERT_MS,
    });
  }

  // ana rolls billing back from A's tile, with a reason.
  await tileA.getByTestId('tile-procedure').filter({ hasText: ROLLBACK }).click();
  const dialogA = a.getByRole('dialog');
  await expect(dialogA.getByTestId('action-typed-name')).toHaveCount(0);
  await dialogA.getByTestId('action-reason').fill(REASON);
  await dialogA.getByTestId('action-confirm').click();
  await expect(dialogA).toHaveCount(0);
  const statusA = tileA.getByTestId('action-status');
  await expect(statusA).toHaveAttribute('data-key', /.+/);
  const key = (await statusA.getAttribute('data-key')) as string;

  // Within 2 s B shows it: ana's name and reason, taken elsewhere, and no rollback offered.
  const statusB = tileB.locator(`[data-testid="action-status"][data-key="${key}"]`);
  await expect(statusB).toHaveAttribute('data-operator', 'ana', { timeout: 2_000 });
  await expect(statusB).toHaveAttribute('data-elsewhere', 'true');
  await expect(statusB.getByTestId('action-status-reason')).toContainText(REASON);
  await expect(tileB.getByTestId('tile-procedure')).toHaveCount(0);
  await expect(statusB).toHaveAttribute('data-state', 'running', { timeout: 4_000 });
  await expect(tileB.getByTestId('tile-taken')).toContainText(
    /^ana is rolling back Billing API production: running for \d+ s/,
  );
  await expect(b.getByTestId('deploys-in-flight')).toHaveAttribute('title', /\(ana\)/);

  // bo opens the same rollback from B's service card while ana's runs: told before confirming.
  const card = b.locator('[data-testid="service-card"][data-service="billing"]');
  await card.getByRole('button', { name: 'Roll back' }).click();
  const dialogB = b.getByRole('dialog');
  await expect(dialogB.getByTestId('action-in-flight')).toContainText(
    /ana is rolling back Billing API production: running for \d+ s \(taken elsewhere\)/,
  );
  await expect(dialogB.getByTestId('action-confirm')).toBeDisabled();
  await expect(dialogB.getByTestId('action-holdup')).toContainText('ana is rolling back');
  await dialogB.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialogB).toHaveCount(0);

  // Then succeeded, and B watches the recovery; still nothing offered.
  await expect(statusB).toHaveAttribute('data-state', 'succeeded', { timeout: ACTION_MS + 2_000 });
  await expect(tileB.getByTestId('tile-recovery')).toHaveAttribute('data-kind', 'watching');
  await expect(tileB.getByTestId('tile-taken')).toContainText(
    /^rolled back by ana \d+ s ago, watching recovery/,
  );
  await expect(tileB.getByTestId('tile-procedure')).toHaveCount(0);

  // B's audit log lists the outcome once, with ana's reason, marked as taken elsewhere;
  // bo never submitted it, so no line of B's own (pending) exists for the key.
  await b.getByTestId('view-actions').click();
  const rows = b.locator(`[data-testid="audit-row"][data-key="${key}"]`);
  const outcome = rows.and(b.locator('[data-state="succeeded"]'));
  await expect(outcome).toHaveCount(1);
  await expect(outcome).toHaveAttribute('data-operator', 'ana');
  await expect(outcome).toHaveAttribute('data-elsewhere', 'true');
  await expect(outcome.getByTestId('audit-reason')).toHaveText(REASON);
  await expect(rows.and(b.locator('[data-state="pending"]'))).toHaveCount(0);
  const states = await rows.evaluateAll((all) =>
    all.map((row) => (row as HTMLElement).dataset.state),
  );
  expect(new Set(states).size).toBe(states.length);
});
