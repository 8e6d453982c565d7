// An alert's whole life on the embedded demo, whose billing release 2.14.0 is
// faulty: from twelve minutes ago, errors in production are critical. The core
// holds the alert pending for its for-duration before it fires, the operator
// acknowledges it, rolls billing back, and the alert resolves only once the
// errors have stayed within bounds for the recovery duration.
import type { Locator } from '@playwright/test';
import { expect, startBrowserMode, test } from './browser-mode';

/** The demo's app.errors.rate: 1 s interval, no forMs/recoveryMs, so 2 and 3 intervals. */
const FOR_MS = 2_000;
const RECOVERY_MS = 3_000;
const WARNING = 5;

interface Transition {
  state: string;
  at: number;
}

const transitionsOf = (timeline: Locator): Promise<Transition[]> =>
  timeline.evaluateAll((entries) =>
    entries.map((entry) => ({
      state: (entry as HTMLElement).dataset.state ?? '',
      at: Number((entry as HTMLElement).dataset.at),
    })),
  );

test('errors alert: pending, firing after its for-duration, acknowledged, resolved after recovery', async ({
  page,
}) => {
  test.setTimeout(60_000);
  // Its own console: this test rolls billing back, which the shared one must not see.
  const { mode, child } = await startBrowserMode();
  try {
    await page.goto(mode.url);
    await page.getByTestId('alerts-count').click();
    await expect(page.getByTestId('alerts-view')).toBeVisible();

    const row = page.locator(
      '[data-testid="open-alerts"] [data-testid="alert-row"][data-series-key$="/app.errors.rate"]',
    );
    await expect(row).toHaveAttribute('data-state', 'firing');
    await expect(row).toHaveAttribute('data-severity', 'critical');
    await expect(row).toContainText('Errors in production');
    await expect(row).toContainText('CRITICAL');
    const alertId = await row.getAttribute('data-alert-id');
    expect(alertId).toBeTruthy();
    const since = Number(await row.getAttribute('data-since'));
    const firedAt = Number(await row.getAttribute('data-fired-at'));
    expect(firedAt - since).toBeGreaterThanOrEqual(FOR_MS);

    // The timeline has it pending first, firing only after the for-duration.
    const timeline = page.locator(
      `[data-testid="alert-timeline"] [data-testid="alert-transition"][data-alert-id="${alertId}"]`,
    );
    const before = await transitionsOf(timeline);
    const pending = before.find((entry) => entry.state === 'pending');
    const firing = before.find((entry) => entry.state === 'firing');
    expect(pending, JSON.stringify(before)).toBeDefined();
    expect(firing, JSON.stringify(before)).toBeDefined();
    expect((firing?.at ?? 0) - (pending?.at ?? 0)).toBeGreaterThanOrEqual(FOR_MS);
    await expect(timeline.filter({ hasText: 'Errors in production' }).first()).toBeVisible();

    // Acknowledging records who and when (the core fills both in).
    await row.getByRole('button', { name: 'Acknowledge Errors in production' }).click();
    await expect(row.getByTestId('alert-ack')).toHaveText(
      /Acknowledged by \S+ at (\w+ \d+, )?\d\d:\d\d:\d\d/,
    );
    await expect(row.getByRole('button', { name: /Acknowledge/ })).toHaveCount(0);

    // Roll billing back from its card on the wall.
    await page.getByTestId('view-wall').click();
    const card = page.locator('[data-testid="service-card"][data-service="billing"]');
    await card.getByRole('button', { name: 'Roll back' }).click();
    // A typed confirmation only where the risk rules still ask for one.
    const typed = page.getByLabel('Type Billing API to confirm');
    if (await typed.count()) await typed.fill('Billing API');
    await card.getByRole('button', { name: 'Confirm roll back' }).click();
    await expect(card.getByTestId('service-version')).toHaveText('2.13.2', { timeout: 5_000 });

    // Resolved only once the errors stayed below the warning line for the recovery duration.
    await page.getByTestId('alerts-count').click();
    const resolved = page.locator(
      `[data-testid="resolved-alerts"] [data-testid="alert-row"][data-alert-id="${alertId}"]`,
    );
    await expect(resolved).toHaveAttribute('data-state', 'resolved', { timeout: 35_000 });
    await expect(row).toHaveCount(0);
    const resolvedAt = Number(await resolved.getAttribute('data-resolved-at'));
    const after = await transitionsOf(timeline);
    expect(after.find((entry) => entry.state === 'resolved')?.at).toBe(resolvedAt);

    // The last breach, from the series' own samples in its detail view.
    await resolved.getByRole('button', { name: 'Errors in production' }).click();
    await expect(page.getByTestId('detail-view')).toBeVisible();
    await page.getByTestId('series-samples').locator('summary').click();
    await expect(page.getByTestId('sample-row')).toHaveCount(60);
    const samples = await page.getByTestId('sample-row').evaluateAll((rows) =>
      rows.map((r) => ({
        t: Number((r as HTMLElement).dataset.t),
        v: Number((r as HTMLElement).dataset.v),
      })),
    );
    const breaches = samples.filter((s) => s.t <= resolvedAt && s.v >= WARNING).map((s) => s.t);
    expect(breaches.length, JSON.stringify(samples)).toBeGreaterThan(0);
    const lastBreach = Math.max(...breaches);
    expect(resolvedAt - lastBreach).toBeGreaterThanOrEqual(RECOVERY_MS);
    // Nothing breached between the last breach and the resolution.
    expect(
      samples.filter((s) => s.t > lastBreach && s.t <= resolvedAt).every((s) => s.v < WARNING),
    ).toBe(true);

    // The detail's alert history shows it too; Escape goes back to the alerts view.
    await expect(
      page.locator(`[data-testid="detail-alerts"] [data-alert-id="${alertId}"]`),
    ).toHaveAttribute('data-state', 'resolved');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('alerts-view')).toBeVisible();
  } finally {
    child.kill('SIGTERM');
  }
});
