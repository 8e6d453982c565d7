// Each demo scenario end to end: the alert shows on the wall, the tile's
// suggested procedure goes through its confirmation (typing the service's
// name where production or every user is at stake), the endpoint applies it
// (the board shows the new state), the metric recovers on the wall, and the
// audit log holds the whole story with the operator's reason.
import type { ChildProcess } from 'node:child_process';
import { userInfo } from 'node:os';
import type { Locator, Page } from '@playwright/test';
import { expect, startBrowserMode, test } from './browser-mode';

let console_: ChildProcess | undefined;

test.afterEach(() => {
  console_?.kill('SIGTERM');
  console_ = undefined;
});

/** Alerts fire within seconds; a fix shows as a recovery of ~10-20 s (walk, then recoveryMs). */
const ALERT_MS = 45_000;
const RECOVERY_MS = 45_000;

async function open(page: Page, scenario: string): Promise<void> {
  const { mode, child } = await startBrowserMode(['--scenario', scenario]);
  console_ = child;
  await page.goto(mode.url);
  await expect(page.getByTestId('tile-value').first()).not.toHaveText('–');
}

const tileOf = (page: Page, seriesId: string): Locator =>
  page.locator(`[data-testid="tile"][data-series-key$="/${seriesId}"]`);

const cellOf = (page: Page, service: string, environment: string): Locator =>
  page.locator(
    `[data-testid="board-cell"][data-service="${service}"][data-environment="${environment}"]`,
  );

interface Confirmation {
  /** The service's name, when the dialog must ask for it typed; absent when a click will do. */
  typedName?: string;
  reason: string;
  /** What the preview must say will change. */
  change: string | RegExp;
}

/** Goes through the open confirmation dialog: checks its preview, types the name, gives a reason. */
async function confirmDialog(page: Page, { typedName, reason, change }: Confirmation) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('action-change')).toContainText(change);
  const confirm = dialog.getByTestId('action-confirm');
  if (typedName) {
    await expect(confirm).toBeDisabled();
    await dialog.getByTestId('action-typed-name').fill(typedName.toLowerCase());
    await expect(confirm).toBeDisabled();
    await dialog.getByTestId('action-typed-name').fill(typedName);
  } else {
    await expect(dialog.getByTestId('action-typed-name')).toHaveCount(0);
  }
  await dialog.getByTestId('action-reason').fill(reason);
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(dialog).toHaveCount(0);
}

/** The tile alerts, offers its procedure with the alert's context, and takes it through the dialog. */
async function takeProcedure(page: Page, tile: Locator, title: string, confirmation: Confirmation) {
  await expect(tile.getByTestId('tile-status')).toHaveText(/CRITICAL|WARNING/, {
    timeout: ALERT_MS,
  });
  const suggestion = tile.getByTestId('tile-procedure').filter({ hasText: title });
  await expect(suggestion).toBeVisible({ timeout: ALERT_MS });
  await expect(tile.getByTestId('tile-procedure-context')).toContainText(
    /(critical|warning) since/,
  );
  await suggestion.click();
  await expect(page.getByRole('dialog')).toContainText(`Suggested by the procedure “${title}”`);
  await confirmDialog(page, confirmation);
}

/** The latest action on a board cell reaches `state`; the failure message quotes its status line. */
async function expectOutcome(cell: Locator, state: string) {
  const status = cell.getByTestId('action-status');
  const final = /^(succeeded|failed|rejected|unknown|cancelled)$/;
  await expect
    .poll(
      async () => {
        const now = await status.first().getAttribute('data-state');
        return final.test(now ?? '') ? `${now}: ${await status.first().innerText()}` : 'in flight';
      },
      { timeout: 15_000 },
    )
    .toMatch(new RegExp(`^${state}: `));
}

/** Back to normal on the wall: the tile is OK and says the loop closed in time. */
async function expectRecovered(page: Page, tile: Locator) {
  await page.getByTestId('view-wall').click();
  await expect(tile.getByTestId('action-status')).toHaveAttribute('data-state', 'succeeded', {
    timeout: 15_000,
  });
  await expect(tile.getByTestId('tile-status')).toHaveText('OK', { timeout: RECOVERY_MS });
  await expect(tile.getByTestId('tile-recovery')).toHaveText(/^recovered in \d+ s/, {
    timeout: RECOVERY_MS,
  });
}

/** A datetime-local value for an instant, in this machine's zone (the browser's). */
function localMinute(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * The audit log shows the action as one row, by the operator the settings name
 * (by default the OS user), with its pending, accepted, running and succeeded
 * steps folded under it, each with the reason.
 */
async function expectAuditStory(page: Page, action: string, reason: string) {
  await page.getByRole('button', { name: 'Audit', exact: true }).click();
  await expect(page.getByTestId('actions-view')).toBeVisible();
  await page.getByTestId('audit-filter-action').selectOption(action);
  const actions = page.locator(`[data-testid="audit-action"][data-action="${action}"]`);
  await expect(actions.first()).toHaveAttribute('data-state', 'succeeded');
  await expect(actions).toHaveCount(1);
  await expect(actions).toHaveAttribute('data-operator', userInfo().username);
  await expect(actions.getByTestId('audit-action-reason')).toHaveText(reason);
  // Folded: the steps are there, hidden, until the operator asks for them.
  const rows = actions.getByTestId('audit-row');
  await expect(rows.first()).toBeHidden();
  await actions.getByTestId('audit-steps-toggle').click();
  await expect(actions.getByTestId('audit-steps-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(rows.first()).toBeVisible();
  await expect
    .poll(() => rows.evaluateAll((all) => all.map((row) => (row as HTMLElement).dataset.state)))
    .toEqual(['pending', 'accepted', 'running', 'succeeded']);
  const reasons = await rows.getByTestId('audit-reason').allTextContents();
  expect(reasons).toEqual([reason, reason, reason, reason]);
  // Today's steps read as clock times; another day's would carry the date.
  await expect(rows.first().locator('time')).toHaveText(/^\d\d:\d\d:\d\d$/);
  // The debounced search finds the story by its reason, and only it.
  await page.getByTestId('audit-filter-action').selectOption('');
  await page.getByTestId('audit-search').fill(reason.slice(0, 12));
  await expect(page.getByTestId('audit-action')).toHaveCount(1);
  await expect(page.getByTestId('audit-count')).toContainText('1 action (4 entries)');
  // A time range: one ending before today finds none of it, one from an hour ago all of it.
  await page.getByTestId('audit-filter-to').fill('2020-01-01T00:00');
  await expect(page.getByTestId('audit-action')).toHaveCount(0);
  await page.getByTestId('audit-filter-clear-time').click();
  await page.getByTestId('audit-filter-from').fill(localMinute(Date.now() - 3_600_000));
  await expect(page.getByTestId('audit-action')).toHaveCount(1);
  await page.getByTestId('audit-filter-clear-time').click();
  await page.getByTestId('audit-filter-state').selectOption('succeeded');
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await page.getByTestId('audit-filter-state').selectOption('');
  await page.getByTestId('audit-search').fill('');
}

test('bad-deploy: roll billing back from the errors tile, typed name, recovered', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await open(page, 'bad-deploy');
  const tile = tileOf(page, 'app.errors.rate');
  const reason = 'INC-101 billing 2.14.0 fails invoices';
  await takeProcedure(page, tile, 'Roll back billing to 2.13.2', {
    reason,
    change: '2.14.0 → 2.13.2',
  });
  await expect(tile.getByTestId('action-status')).toBeVisible();

  await page.getByTestId('view-deployments').click();
  const cell = cellOf(page, 'billing', 'production');
  await expect(cell.getByTestId('board-version')).toHaveText('2.13.2', { timeout: 10_000 });
  await expect(cell.getByTestId('board-previous-versions')).toContainText('2.13.1, 2.12.0');
  await expect(cell.getByTestId('board-events')).toContainText('Rolled back 2.14.0 → 2.13.2');
  await expect(cell.getByTestId('board-events')).not.toContainText('deploy.rolledback');
  await expect(cell.getByTestId('action-trail')).toHaveText(
    'pending → accepted → running → succeeded',
  );

  await expectRecovered(page, tile);
  await expectAuditStory(page, 'deploy.rollback', reason);
});

test('load-spike: add 8 web servers from the utilization tile, typed name, recovered', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await open(page, 'load-spike');
  const tile = tileOf(page, 'service.utilization');
  const reason = 'INC-102 campaign traffic 2.4x';
  await takeProcedure(page, tile, 'Add 8 web servers', {
    reason,
    change: '8 servers → 16 servers',
  });

  await page.getByTestId('view-deployments').click();
  const cell = cellOf(page, 'web', 'production');
  await expect(cell.getByTestId('board-capacity-servers')).toHaveText('16', { timeout: 10_000 });
  await expect(cell.getByTestId('board-events')).toContainText('Scaled servers +8');

  await expectRecovered(page, tile);
  await expectAuditStory(page, 'capacity.scale', reason);
});

test('bad-flag: turn new-invoice-editor off for beta from the errors tile, recovered', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await open(page, 'bad-flag');
  const tile = tileOf(page, 'app.errors.rate');
  const reason = 'INC-103 invoice editor breaks beta';
  await takeProcedure(page, tile, 'Turn new-invoice-editor off for beta', {
    reason,
    change: 'on for beta → off for beta',
  });

  await page.getByTestId('view-deployments').click();
  const flag = cellOf(page, 'billing', 'production').locator(
    '[data-testid="board-flag"][data-flag="new-invoice-editor"]',
  );
  await expect(flag.locator('td[data-ring="beta"]')).toHaveAttribute('data-enabled', 'off', {
    timeout: 10_000,
  });

  await expectRecovered(page, tile);
  await expectAuditStory(page, 'flag.set', reason);
});

test('failing-build: retry billing’s staging build from the failing-tests tile, no typing', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await open(page, 'failing-build');
  // Staging is not production and CI reaches no user: a click confirms it.
  const tile = tileOf(page, 'ci.tests.failed');
  const reason = 'INC-104 flaky PDF renderer tests';
  await page.getByTestId('view-deployments').click();
  const cell = cellOf(page, 'billing', 'staging');
  await expect(cell.getByTestId('board-build')).toHaveAttribute('data-status', 'failed');
  await expect(cell.getByTestId('board-failing-tests').locator('li')).toHaveCount(3);
  await page.getByTestId('view-wall').click();
  await takeProcedure(page, tile, "Retry billing's staging build b-4821", {
    reason,
    change: 'build b-4821 of 2.14.0 failed, 3 failing tests → a new run of 2.14.0',
  });

  await page.getByTestId('view-deployments').click();
  await expect(cell.getByTestId('board-build')).toHaveAttribute('data-status', 'passed', {
    timeout: 10_000,
  });
  await expect(cell.getByTestId('board-failing-tests')).toHaveCount(0);

  await expectRecovered(page, tile);
  await expectAuditStory(page, 'build.retry', reason);
});

test('ring-rollout: promote 5.9.0 to beta from the board, then roll web back everywhere', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await open(page, 'ring-rollout');
  await page.getByTestId('view-deployments').click();
  const cell = cellOf(page, 'web', 'production');
  const ring = (id: string) => cell.locator(`[data-testid="board-ring"][data-ring="${id}"]`);
  await expect(ring('internal')).toHaveAttribute('data-version', '5.9.0');
  await expect(ring('beta')).toHaveAttribute('data-version', '5.8.1');

  await ring('internal').getByTestId('ring-promote').click();
  const promoteReason = 'Internal staff fine for 10 min';
  await confirmDialog(page, {
    typedName: 'Web app',
    reason: promoteReason,
    change: /internal.*→.*beta/,
  });
  // The outcome first, in words: a refusal fails here with the endpoint's or the core's reason.
  await expectOutcome(cell, 'succeeded');
  await expect(ring('beta')).toHaveAttribute('data-version', '5.9.0', { timeout: 10_000 });
  await expect(ring('beta')).toHaveAttribute('data-status', 'active');

  // Real customers in beta see failures: the errors tile goes critical and suggests the rollback.
  await page.getByTestId('view-wall').click();
  const tile = tileOf(page, 'app.errors.rate');
  const reason = 'INC-105 5.9.0 fails beta customers';
  await takeProcedure(page, tile, 'Roll back web to 5.8.1 in every ring', {
    reason,
    change: '5.9.0 → 5.8.1',
  });

  await page.getByTestId('view-deployments').click();
  await expect(cell.getByTestId('board-version')).toHaveText('5.8.1', { timeout: 10_000 });
  for (const id of ['internal', 'beta', 'ring-10', 'ring-50', 'all']) {
    await expect(ring(id)).toHaveAttribute('data-version', '5.8.1');
  }

  await expectRecovered(page, tile);
  await expectAuditStory(page, 'ring.promote', promoteReason);
  await page.getByTestId('audit-filter-action').selectOption('deploy.rollback');
  await expect(
    page.locator(
      '[data-testid="audit-row"][data-action="deploy.rollback"][data-state="succeeded"]',
    ),
  ).toHaveCount(1);
});
