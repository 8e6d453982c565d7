// A failing ring is loud at once: in ring-rollout, once 5.9.0 is promoted to
// beta and a gate turns worse beyond its tolerance, the beta ring card says
// FAILING (not ACTIVE) and a critical alert fires within one evaluation
// period (the gates are evaluated every second), naming the gate and values.
import type { ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, startBrowserMode, test } from './browser-mode';

let console_: ChildProcess | undefined;

test.afterEach(() => {
  console_?.kill('SIGTERM');
  console_ = undefined;
});

test.use({ viewport: { width: 1366, height: 900 } });

const ring = (page: Page, id: string) =>
  page.locator(`[data-testid="release-ring"][data-ring="${id}"]`);

test('beta turns worse: the ring card says FAILING and a critical alert fires at once', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { mode, child } = await startBrowserMode(['--scenario', 'ring-rollout']);
  console_ = child;
  await page.goto(mode.url);
  // The wall's card tells the stable version and where 5.9.0 runs, not "5.9.0".
  const card = page.locator('[data-testid="service-card"][data-service="web"]').first();
  await expect(card.getByTestId('service-versions')).toHaveText('5.8.1 · 5.9.0 on 1 % (internal)');
  await page.getByTestId('view-releases').click();

  await expect(page.getByTestId('promote-button')).toBeEnabled({ timeout: 20_000 });
  await page.getByTestId('promote-button').click();
  const confirm = page.getByTestId('release-confirm');
  await confirm.getByTestId('release-confirm-name').fill('Web app');
  await confirm.getByRole('button', { name: 'Confirm promote' }).click();
  // 5.9.0 reaches beta; it may turn worse in its very first evaluations there.
  await expect(ring(page, 'beta')).toHaveAttribute('data-version', '5.9.0', { timeout: 10_000 });

  // The first evaluation that finds a gate worse makes the ring failing.
  const worse = page.locator('[data-testid="gate-row"][data-verdict="worse"]').first();
  await expect(worse).toBeVisible({ timeout: 30_000 });
  await expect(ring(page, 'beta')).toHaveAttribute('data-status', 'failing', { timeout: 1_500 });
  await expect(ring(page, 'beta')).toContainText('Failing');
  await expect(ring(page, 'beta')).not.toContainText('Active');
  await page.getByTestId('view-wall').click();
  await expect(card.getByTestId('service-versions')).toHaveText('5.8.1 · 5.9.0 on 5 % (beta)');

  // And a critical alert, naming the ring, the gate and how far it is off.
  await page.getByTestId('view-alerts').click();
  const alert = page.locator(
    '[data-testid="alert-row"][data-severity="critical"][data-state="firing"]',
    { hasText: 'failing in Beta customers' },
  );
  await expect(alert).toBeVisible({ timeout: 1_500 });
  await expect(alert).toContainText(
    /Web app 5\.9\.0 failing in Beta customers: .+ worse than baseline \(\+\d+% vs tolerance \d+%\)/,
  );
});

test('after a roll back, a patch goes to the first ring only, with one confirm; all rings only when chosen and typed', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { mode, child } = await startBrowserMode(['--scenario', 'ring-rollout']);
  console_ = child;
  await page.goto(mode.url);
  await page.getByTestId('view-releases').click();

  // Roll back to the baseline, the last known-good: one confirm.
  await page.getByTestId('rollback-button').click();
  const rollback = page.getByTestId('release-confirm');
  await expect(rollback.getByTestId('release-confirm-name')).toHaveCount(0);
  await rollback.getByRole('button', { name: 'Confirm roll back' }).click();
  await expect(page.getByTestId('release-summary')).toHaveAttribute('data-state', 'rolled-back', {
    timeout: 15_000,
  });

  await page.getByTestId('view-deployments').click();
  const cell = page.locator(
    '[data-testid="board-cell"][data-service="web"][data-environment="production"]',
  );
  const boardRing = (id: string) => cell.locator(`[data-testid="board-ring"][data-ring="${id}"]`);
  await expect(boardRing('beta')).toHaveAttribute('data-version', '5.8.1');
  await cell.locator('[data-testid="action-open"][data-action="patch.apply"]').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Patch version').fill('5.8.2');
  await expect(dialog.getByTestId('action-affects')).toHaveText(
    'internal first (1% of users); the other rings get it ring by ring, as it is promoted',
  );
  await expect(dialog.getByTestId('action-risk')).toHaveText(
    'One confirm for “Apply patch”: it goes ring by ring, first ring first; check the preview above.',
  );
  await expect(dialog.getByTestId('action-typed-name')).toHaveCount(0);
  // "All rings now" is there, off; ticked, it reaches everyone and asks for the name typed.
  const allRings = dialog.getByTestId('action-field-all-rings');
  await expect(allRings).not.toBeChecked();
  await allRings.check();
  await expect(dialog.getByTestId('action-affects')).toHaveText(
    'every ring at once (internal, beta, ring-10, ring-50, all): every user (100%)',
  );
  await expect(dialog.getByTestId('action-typed-name')).toBeVisible();
  await expect(dialog.getByTestId('action-confirm')).toBeDisabled();
  await allRings.uncheck();
  await expect(dialog.getByTestId('action-typed-name')).toHaveCount(0);
  await dialog.getByTestId('action-confirm').click();

  await expect(boardRing('internal')).toHaveAttribute('data-version', '5.8.2', {
    timeout: 15_000,
  });
  for (const id of ['beta', 'ring-10', 'ring-50', 'all']) {
    await expect(boardRing(id)).toHaveAttribute('data-version', '5.8.1');
  }

  // The next patch goes everywhere, because the operator chose so and typed the name.
  await cell.locator('[data-testid="action-open"][data-action="patch.apply"]').click();
  await dialog.getByLabel('Patch version').fill('5.8.3');
  await dialog.getByTestId('action-field-all-rings').check();
  await expect(dialog.getByTestId('action-risk')).toHaveText(
    'Typed confirmation for “Apply patch”, because it widens exposure and it runs in production and it reaches every user.',
  );
  await dialog.getByTestId('action-typed-name').fill('Web app');
  await dialog.getByTestId('action-confirm').click();
  for (const id of ['internal', 'beta', 'ring-10', 'ring-50', 'all']) {
    await expect(boardRing(id)).toHaveAttribute('data-version', '5.8.3', { timeout: 15_000 });
  }
});

test('flags: one column per ring, a switch that says what a click does, and a bulk action', async ({
  page,
}) => {
  const { mode, child } = await startBrowserMode(['--scenario', 'bad-flag']);
  console_ = child;
  await page.goto(mode.url);
  await page.getByTestId('view-deployments').click();
  const cell = page.locator(
    '[data-testid="board-cell"][data-service="billing"][data-environment="production"]',
  );
  const table = cell.getByTestId('board-flags');
  // One column per ring, and none besides that also means everyone.
  expect(
    await table
      .getByTestId('flag-ring-column')
      .evaluateAll((columns) => columns.map((c) => c.textContent)),
  ).toEqual(['beta · 5 %', 'all · 100 %']);
  await expect(table.locator('td[data-ring="*"]')).toHaveCount(0);
  await expect(table.getByRole('columnheader', { name: 'Everyone' })).toHaveCount(0);

  const editor = table.locator('[data-testid="board-flag"][data-flag="new-invoice-editor"]');
  const all = editor.locator('td[data-ring="all"]').getByTestId('flag-toggle');
  await expect(all).toHaveAttribute('role', 'switch');
  await expect(all).toHaveAttribute('aria-checked', 'false');
  await expect(editor.locator('td[data-ring="beta"]').getByTestId('flag-toggle')).toHaveAttribute(
    'aria-checked',
    'true',
  );
  // On focus it says what a click will do, before anything changes.
  await all.focus();
  const hint = editor.locator('td[data-ring="all"]').getByTestId('flag-hint');
  await expect(hint).toBeVisible();
  await expect(hint).toHaveText('Turn on for all (100 % of users)');
  await all.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('action-change')).toHaveText('off for all → on for all');
  await expect(dialog.getByTestId('action-risk')).toHaveAttribute('data-confirmation', 'typed');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor.locator('td[data-ring="all"]')).toHaveAttribute('data-enabled', 'off');

  // The bulk action: every ring at once, through the same confirmation.
  await editor.getByTestId('flag-all-rings').click();
  await expect(dialog.getByTestId('action-change')).toContainText('off for everyone');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});
