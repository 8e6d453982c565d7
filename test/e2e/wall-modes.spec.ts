// The control-room modes and the operator's own arrangement: kiosk, the
// read-only display profile, arranging the wall, the playlist, and a series'
// detail with its deploy and action markers. Each test runs its own console,
// since each changes settings or state the shared one must not carry.
import type { ChildProcess } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { expect, startBrowserMode, test } from './browser-mode';

let console_: ChildProcess | undefined;

test.afterEach(() => {
  console_?.kill('SIGTERM');
  console_ = undefined;
});

async function open(page: Page, args: string[] = []): Promise<void> {
  const { mode, child } = await startBrowserMode(args);
  console_ = child;
  await page.goto(mode.url);
  await expect(page.getByTestId('tile-value').first()).not.toHaveText('–');
}

const titlesIn = (band: Locator) => band.getByTestId('tile-name').allTextContents();

test('kiosk: no chrome and no controls, the wall and its status only', async ({ page }) => {
  await open(page, ['--kiosk']);
  await expect(page.getByTestId('tile')).toHaveCount(12);
  await expect(page.getByTestId('overall-status')).toBeVisible();
  await expect(page.getByTestId('wall-clock')).toBeVisible();
  await expect(page.getByTestId('alerts-count')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Views' })).toHaveCount(0);
  for (const id of ['arrange-toggle', 'playlist-toggle', 'theme-toggle']) {
    await expect(page.getByTestId(id)).toHaveCount(0);
  }
  await expect(page.getByRole('button', { name: 'Roll back' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /active alert/ })).toHaveCount(0);
});

test('display profile: read-only, no action controls anywhere', async ({ page }) => {
  await open(page, ['--profile', 'display']);
  await expect(page.getByTestId('profile-marker')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Roll back' })).toHaveCount(0);
  await expect(page.getByTestId('arrange-toggle')).toHaveCount(0);
  await page.locator('[data-testid="tile"][data-series-key$="/app.errors.rate"]').click();
  await expect(page.getByTestId('detail-view')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Roll back' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByTestId('alerts-count').click();
  await expect(page.getByTestId('alert-row').first()).toBeVisible();
  await expect(page.getByTestId('alert-acknowledge')).toHaveCount(0);
});

test('arrange: hide, reorder, move between bands and drag; persisted across a reload', async ({
  page,
}) => {
  await open(page);
  const business = page.getByTestId('band-business');
  const technical = page.getByTestId('band-technical');
  expect(await titlesIn(business)).toEqual([
    'Signups',
    'Current users',
    'Invoices sent',
    'Entries created',
  ]);
  await page.getByTestId('arrange-toggle').click();
  const tileOf = (title: string) =>
    page
      .getByTestId('tile')
      .filter({ has: page.getByTestId('tile-name').getByText(title, { exact: true }) });

  await tileOf('Current users').getByTestId('tile-hide').click();
  await expect(tileOf('Current users')).toHaveAttribute('data-hidden', 'true');
  await tileOf('Signups').getByRole('button', { name: 'Move Signups later' }).click();
  await tileOf('Connections').getByLabel('Band').selectOption('business');
  await expect(business.getByText('Connections', { exact: true })).toBeVisible();
  await tileOf('Entries created').dragTo(tileOf('Current users'));
  expect(await titlesIn(business)).toEqual([
    'Entries created',
    'Current users',
    'Signups',
    'Invoices sent',
    'Connections',
  ]);
  await page.getByTestId('arrange-toggle').click();

  const expected = ['Entries created', 'Signups', 'Invoices sent', 'Connections'];
  await expect.poll(() => titlesIn(business)).toEqual(expected);
  expect(await titlesIn(technical)).not.toContain('Connections');

  await page.reload();
  await expect(page.getByTestId('tile').first()).toBeVisible();
  await expect.poll(() => titlesIn(business)).toEqual(expected);
  await expect(page.getByTestId('tile')).toHaveCount(11);
});

test('playlist: rotates the chosen views every N seconds; persisted', async ({ page }) => {
  await open(page);
  await page.getByTestId('playlist-toggle').click();
  const form = page.getByTestId('playlist-form');
  await form.getByTestId('playlist-enabled').check();
  await form.getByLabel('Alerts').check();
  await form.getByTestId('playlist-interval').fill('5');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('playlist-toggle')).toHaveText(/Playlist on, 5 s/);
  await expect(page.getByTestId('alerts-view')).toBeVisible({ timeout: 7_000 });
  await expect(page.getByTestId('wall')).toBeVisible({ timeout: 7_000 });

  await page.reload();
  await expect(page.getByTestId('playlist-toggle')).toHaveText(/Playlist on, 5 s/);
  // Switch it off again from the same control.
  await page.getByTestId('playlist-toggle').click();
  await page.getByTestId('playlist-enabled').uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('playlist-toggle')).toHaveText(/Playlist off/);
});

test('detail: ranges, deployments, actions and rollback markers of the series’ service', async ({
  page,
}) => {
  await open(page);
  const card = page.locator('[data-testid="service-card"][data-service="billing"]');
  await card.getByRole('button', { name: 'Roll back' }).click();
  // a rollback to the last known-good narrows exposure: one confirm, no typed name
  await expect(page.getByLabel(/^Type .+ to confirm$/)).toHaveCount(0);
  await card.getByRole('button', { name: 'Confirm roll back' }).click();
  await expect(card.getByTestId('service-version')).toHaveText('2.13.2', { timeout: 5_000 });

  await page
    .locator('[data-testid="tile"][data-series-key$="/http.server.request.duration.p95"]')
    .click();
  const detail = page.getByTestId('detail-view');
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('heading', { name: 'Response time p95' })).toBeVisible();
  for (const range of ['5m', '15m', '1h', '6h']) {
    await detail.getByTestId(`range-${range}`).click();
    await expect(detail.getByTestId(`range-${range}`)).toHaveAttribute('aria-pressed', 'true');
  }
  // Six hours asked, fifteen minutes held: the view says why.
  await expect(detail.getByTestId('detail-history-note')).toContainText('15 min');
  await expect(detail.getByTestId('detail-chart').locator('canvas')).toHaveCount(1);
  await expect(detail.getByTestId('service-card')).toContainText('2.13.2');
  await expect(detail.getByTestId('detail-actions')).toContainText('Rollback 2.14.0 → 2.13.2');
  await expect(detail.getByTestId('detail-events')).toContainText('Rolled back 2.14.0 → 2.13.2');
  await page.getByTestId('detail-back').click();
  await expect(page.getByTestId('wall')).toBeVisible();
});
