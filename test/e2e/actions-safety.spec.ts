// The safety of one-click actions: a production roll back to the last
// known-good from the wall's card is one confirm that says why (it narrows
// exposure), a roll back further back asks for the name typed, Escape backs out with focus
// returned, one intent runs once however often confirm is clicked, actions an
// endpoint does not offer are disabled with the reason shown, and the display
// profile draws no action control anywhere.
import type { ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, startBrowserMode, test } from './browser-mode';

let console_: ChildProcess | undefined;

test.afterEach(() => {
  console_?.kill('SIGTERM');
  console_ = undefined;
});

async function open(page: Page, args: string[]): Promise<void> {
  const { mode, child } = await startBrowserMode(args);
  console_ = child;
  await page.goto(mode.url);
  await expect(page.getByTestId('tile-value').first()).not.toHaveText('–');
}

const billingCard = (page: Page) =>
  page.locator('[data-testid="service-card"][data-service="billing"]');

test('wall card: one confirm to the last known-good, Escape backs out, a double click on confirm submits once', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await open(page, ['--scenario', 'bad-deploy']);
  const card = billingCard(page);
  const rollBack = card.getByRole('button', { name: 'Roll back' });

  // Escape closes the dialog and gives the focus back to the button that opened it.
  await rollBack.click();
  const dialog = page.getByRole('dialog', { name: 'Roll back a deployment' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog.getByTestId('action-reason')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(rollBack).toBeFocused();
  await expect(page.getByTestId('wall')).toBeVisible();

  // What it will do, before it runs. Further back than the last known-good
  // widens exposure: the name typed.
  await rollBack.click();
  await expect(card).toContainText('2.14.0 → 2.13.2');
  await expect(dialog.getByTestId('action-target')).toContainText('Billing API');
  await expect(dialog.getByTestId('action-environment')).toContainText('production');
  await expect(dialog.getByTestId('action-affects')).toContainText('every user (100%)');
  const confirm = card.getByRole('button', { name: 'Confirm roll back' });
  const versions = dialog.getByLabel('Roll back to');
  await versions.selectOption('2.13.1');
  await expect(dialog.getByTestId('action-risk')).toHaveAttribute('data-confirmation', 'typed');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type Billing API to confirm').fill('Billing');
  await expect(confirm).toBeDisabled();
  await expect(dialog.getByTestId('action-holdup')).toHaveText(
    'Type Billing API exactly to enable',
  );
  await versions.selectOption('2.13.2');
  // Back to the last known-good narrows it: one confirm, and the dialog says why.
  await expect(dialog.getByTestId('action-risk')).toHaveText(
    'One confirm for “Roll back”: it narrows exposure; check the preview above.',
  );
  await expect(dialog.getByTestId('action-typed-name')).toHaveCount(0);
  await dialog.getByLabel(/Reason/).fill('double click check');
  await confirm.dblclick();

  await expect(card.getByTestId('service-version')).toHaveText('2.13.2', { timeout: 10_000 });
  await expect(card.getByTestId('action-status')).toHaveAttribute('data-state', 'succeeded');
  await expect(card.getByTestId('action-status')).toContainText('Rollback 2.14.0 → 2.13.2');

  // One intent, one key: one pending line, and one story in the audit log.
  await page.getByTestId('view-actions').click();
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(4);
  const keys = await rows.evaluateAll((all) => all.map((row) => (row as HTMLElement).dataset.key));
  expect(new Set(keys).size).toBe(1);
  await page.getByTestId('audit-filter-state').selectOption('pending');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('double click check');
});

test('actions the endpoint does not offer are disabled, with the reason shown', async ({
  page,
}) => {
  await open(page, ['--scenario', 'bad-flag']);
  const card = billingCard(page);
  await expect(card.getByRole('button', { name: 'Roll back' })).toBeDisabled();
  await expect(card.getByTestId('action-blocker')).toContainText('does not offer');

  await page.getByTestId('view-deployments').click();
  const cell = page.locator(
    '[data-testid="board-cell"][data-service="billing"][data-environment="production"]',
  );
  const patch = cell.locator('[data-testid="action-open"][data-action="patch.apply"]');
  await expect(patch).toBeDisabled();
  await expect(patch.locator('xpath=..').getByTestId('action-blocker')).toContainText(
    'does not offer “Apply patch” (patch.apply)',
  );
  // flag.set is offered: its switches open the confirmation, which says who is affected.
  await cell
    .locator('[data-flag="new-invoice-editor"] td[data-ring="beta"]')
    .getByTestId('flag-toggle')
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('action-change')).toHaveText('on for beta → off for beta');
  await expect(dialog.getByTestId('action-affects')).toHaveText(
    'Beta customers (beta, 5% of users)',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});

test('display profile: no action controls on the wall, the board or the tiles', async ({
  page,
}) => {
  await open(page, ['--profile', 'display', '--scenario', 'bad-deploy']);
  const errors = page.locator('[data-testid="tile"][data-series-key$="/app.errors.rate"]');
  await expect(errors.getByTestId('tile-status')).toHaveText('CRITICAL', { timeout: 20_000 });
  await expect(page.getByTestId('alerts-count')).toContainText(/[1-9] active/);
  await expect(page.getByTestId('tile-procedure')).toHaveCount(0);
  await expect(page.locator('.action-launcher')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Roll back/ })).toHaveCount(0);

  await page.getByTestId('view-deployments').click();
  const board = page.getByTestId('deployments-view');
  await expect(board.getByTestId('board-cell').first()).toBeVisible();
  await expect(board.getByTestId('board-version').first()).toHaveText('2.14.0');
  await expect(board.getByRole('button')).toHaveCount(0);

  await page.getByTestId('view-actions').click();
  await expect(page.getByTestId('actions-view')).toBeVisible();
  await expect(page.getByTestId('audit-count')).toContainText('0 entries');
});
