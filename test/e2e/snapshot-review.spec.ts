// An incident from end to end: the demo's bad billing deploy fires the errors
// alert, the operator rolls it back and the alert resolves; the wall is
// exported from the header. A second console with no endpoints at all opens
// the file through the picker, and its scrubber brings back the wall as it was
// when the alert fired. The review's notes go into an HTML report that opens
// offline with every section in it.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { expect, startBrowserMode, test } from './browser-mode';

const ERRORS = '/app.errors.rate';
const TITLE = 'Billing 2.14.0 errors';
const NOTES = 'Rolled billing back to 2.13.2.';
const REVIEW_NOTE = 'Customers saw failed payments until the rollback.';
const ANNOTATION = 'Errors cross the critical line here';

interface FileTransition {
  at: number;
  alertId: string;
  state: string;
}

/** The snapshot's own record of when the errors alert fired, read from the file itself. */
function firingFromFile(path: string): { alertId: string; at: number; from: number } {
  const doc = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as {
    meta: { window: { from: number } };
    alerts: { id: string; seriesKey: string }[];
    alertTimeline: FileTransition[];
  };
  const alert = doc.alerts.find((candidate) => candidate.seriesKey.endsWith(ERRORS));
  const firing = doc.alertTimeline.find((t) => t.alertId === alert?.id && t.state === 'firing');
  if (!alert || !firing) throw new Error('the snapshot has no firing errors alert');
  return { alertId: alert.id, at: firing.at, from: doc.meta.window.from };
}

/** A range input's value as a user dragging it would leave it (fill() refuses range inputs). */
async function scrubTo(slider: Locator, at: number): Promise<void> {
  await slider.evaluate((element, value) => {
    const input = element as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, String(value));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, at);
}

const errorsTile = (page: Page) =>
  page.locator(`[data-testid="tile"][data-series-key$="${ERRORS}"]`);

async function runIncident(page: Page): Promise<void> {
  // The alert fires a few seconds after start.
  await page.getByTestId('alerts-count').click();
  const open = page.locator(
    `[data-testid="open-alerts"] [data-testid="alert-row"][data-series-key$="${ERRORS}"]`,
  );
  await expect(open).toHaveAttribute('data-state', 'firing', { timeout: 20_000 });
  const alertId = await open.getAttribute('data-alert-id');

  await page.getByTestId('view-wall').click();
  await expect(errorsTile(page)).toHaveAttribute('data-status', 'critical');
  const card = page.locator('[data-testid="service-card"][data-service="billing"]');
  await card.getByRole('button', { name: 'Roll back' }).click();
  const confirm = card.getByRole('button', { name: 'Confirm roll back' });
  await expect(confirm).toBeVisible();
  // Production may ask for the service's name to be typed before it confirms.
  const typed = card.getByRole('textbox', { name: /^Type .+ to confirm$/ });
  if ((await typed.count()) > 0) {
    const label = await typed.evaluate(
      (input) => (input as HTMLInputElement).labels?.[0]?.textContent,
    );
    await typed.fill(/^Type (.+) to confirm$/.exec(label ?? '')?.[1] ?? '');
  }
  await confirm.click();
  await expect(card.getByTestId('service-version')).toHaveText('2.13.2', { timeout: 10_000 });

  // Recovered: the tile leaves critical, then the alert resolves after its recovery time.
  await expect(errorsTile(page)).not.toHaveAttribute('data-status', 'critical', {
    timeout: 30_000,
  });
  await page.getByTestId('alerts-count').click();
  await expect(
    page.locator(
      `[data-testid="resolved-alerts"] [data-testid="alert-row"][data-alert-id="${alertId}"]`,
    ),
  ).toHaveAttribute('data-state', 'resolved', { timeout: 40_000 });
  await page.getByTestId('view-wall').click();
}

async function exportFromHeader(page: Page): Promise<{ fileName: string; href: string }> {
  // The shortcut opens the same dialog as the button.
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByTestId('snapshot-export-dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.getByTestId('snapshot-export').click();
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('snapshot-export-window-1h')).toBeChecked();
  // A title is required: said inline, nothing exported.
  await page.getByTestId('snapshot-export-submit').click();
  await expect(dialog.getByRole('alert')).toContainText('title');
  await page.getByTestId('snapshot-export-title').fill(TITLE);
  await page.getByTestId('snapshot-export-notes').fill(NOTES);
  // The hour keeps the demo's fifteen minutes of backfill, where the alert first fired.
  await page.getByTestId('snapshot-export-window-15m').check();
  await page.getByTestId('snapshot-export-window-1h').check();
  await page.getByTestId('snapshot-export-submit').click();
  const result = page.getByTestId('snapshot-export-result');
  await expect(result).toBeVisible({ timeout: 15_000 });
  const fileName = (await result.getAttribute('data-file-name')) ?? '';
  expect(fileName).toMatch(/\.wfsnap$/);
  // Browser mode links to the file, served to this session only.
  const href = await page.getByTestId('snapshot-export-download').getAttribute('href');
  expect(href?.split('?')[0]).toBe(`/files/${encodeURIComponent(fileName)}`);
  await page.getByTestId('snapshot-export-close').click();
  return { fileName, href: href ?? '' };
}

test('an incident exported, reviewed on another console with the scrubber, and reported offline', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const children: ChildProcess[] = [];
  let reportDir: string | undefined;
  try {
    const first = await startBrowserMode();
    children.push(first.child);
    await page.goto(first.mode.url);
    await runIncident(page);
    const { fileName, href } = await exportFromHeader(page);
    const path = join(first.mode.userData, 'snapshots', fileName);
    expect(existsSync(path)).toBe(true);
    const download = await page.request.get(`${first.mode.origin}${href}`);
    expect(download.ok()).toBe(true);
    expect((await download.body()).length).toBe(statSync(path).size);
    const firing = firingFromFile(path);

    // Reviewed on the live console itself: the live floor (recovered by now)
    // does not leak into the wall while it shows the snapshot.
    await page.getByTestId('snapshot-open-input').setInputFiles(path);
    await expect(page.getByTestId('review-banner')).toBeVisible();
    await scrubTo(page.getByTestId('review-scrubber'), firing.at);
    // When the errors alert fired, its tile was alerting (warning first, then critical).
    const alerting = /^(warning|critical)$/;
    await expect(errorsTile(page)).toHaveAttribute('data-status', alerting);
    const shown = await errorsTile(page).getAttribute('data-status');
    const frozenAt = await errorsTile(page).getAttribute('data-sample-at');
    await page.waitForTimeout(2_000);
    await expect(errorsTile(page)).toHaveAttribute('data-status', shown ?? 'critical');
    await expect(errorsTile(page)).toHaveAttribute('data-sample-at', frozenAt ?? '');
    // Leaving it brings the live floor back, and it moves again.
    await page.getByTestId('review-exit').click();
    await expect(page.getByTestId('review-banner')).toHaveCount(0);
    await expect(errorsTile(page)).not.toHaveAttribute('data-status', 'critical');
    const liveAt = Number(await errorsTile(page).getAttribute('data-sample-at'));
    await expect
      .poll(async () => Number(await errorsTile(page).getAttribute('data-sample-at')))
      .toBeGreaterThan(liveAt);

    // A console with no endpoints and its own user data (and its own cookie jar).
    const second = await startBrowserMode(['--no-demo']);
    children.push(second.child);
    const context = await browser.newContext();
    const review = await context.newPage();
    const problems: string[] = [];
    review.on('pageerror', (error) => problems.push(error.message));
    await review.goto(second.mode.url);
    await expect(review.getByTestId('snapshot-open')).toBeVisible();
    await expect(review.getByTestId('tile')).toHaveCount(0);

    await review.getByTestId('snapshot-open-input').setInputFiles(path);
    const banner = review.getByTestId('review-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('role', 'status');
    await expect(review.getByTestId('review-title')).toHaveText(TITLE);
    await expect(review.getByTestId('review-file')).toHaveText(fileName);
    await expect(review.getByTestId('review-range')).toContainText(' to ');
    // The same wall, drawn from the file, read-only.
    await expect(review.getByTestId('tile')).toHaveCount(12);
    await expect(review.getByTestId('profile-marker')).toBeVisible();
    await expect(review.getByRole('button', { name: 'Roll back' })).toHaveCount(0);
    await expect(review.getByTestId('snapshot-export')).toHaveCount(0);

    // Before the alert started, it is not there at all.
    const slider = review.getByTestId('review-scrubber');
    await scrubTo(slider, firing.from);
    await expect(review.getByTestId('review-time')).toHaveAttribute('data-at', String(firing.from));
    await review.getByTestId('alerts-count').click();
    const row = review.locator(`[data-testid="alert-row"][data-alert-id="${firing.alertId}"]`);
    await expect(row).toHaveCount(0);

    // The moment it fired: the alert firing, the errors tile alerting.
    await scrubTo(slider, firing.at);
    await expect(review.getByTestId('review-time')).toHaveAttribute('data-at', String(firing.at));
    await expect(row).toHaveAttribute('data-state', 'firing');
    // As it was then: the alert fires at warning and turns critical later; the header agrees.
    await expect(row).toHaveAttribute('data-severity', /^(warning|critical)$/);
    const severity = (await row.getAttribute('data-severity')) ?? 'critical';
    await expect(review.getByTestId('alerts-count')).not.toHaveAttribute('data-count', '0');
    await review.getByTestId('view-wall').click();
    await expect(errorsTile(review)).toHaveAttribute('data-status', /^(warning|critical)$/);
    await expect(review.getByTestId('overall-status')).toHaveAttribute('data-status', severity);

    // Played at 60×, the wall moves on through the incident.
    await review.getByTestId('review-play-60').click();
    await expect(review.getByTestId('review-play-60')).toHaveAttribute('aria-pressed', 'true');
    await review.waitForTimeout(1_200);
    await review.getByTestId('review-pause').click();
    const played = Number(await review.getByTestId('review-time').getAttribute('data-at'));
    expect(played - firing.at).toBeGreaterThan(30_000);

    // Notes and an annotation at the firing moment, saved into the file.
    await scrubTo(slider, firing.at);
    await review.getByTestId('review-notes-toggle').click();
    await expect(review.getByTestId('review-notes')).toHaveValue(NOTES);
    await review.getByTestId('review-notes').fill(`${NOTES}\n${REVIEW_NOTE}`);
    await review.getByTestId('review-annotation-text').fill(ANNOTATION);
    const errorsKey = (await errorsTile(review).getAttribute('data-series-key')) ?? '';
    await review.getByTestId('review-annotation-series').selectOption(errorsKey);
    await review.getByTestId('review-annotation-add').click();
    await expect(review.getByTestId('review-annotation')).toHaveAttribute(
      'data-at',
      String(firing.at),
    );
    await review.getByTestId('review-save').click();
    await expect(review.getByTestId('review-save-state')).toHaveText(`Saved in ${fileName}`);

    // The report: fetched as a user's download would be, then opened with no network.
    await review.getByTestId('review-report').click();
    const link = review.getByTestId('review-report-download');
    await expect(link).toBeVisible({ timeout: 20_000 });
    const reportResponse = await review.request.get(
      `${second.mode.origin}${(await link.getAttribute('href')) ?? ''}`,
    );
    expect(reportResponse.ok()).toBe(true);
    reportDir = mkdtempSync(join(tmpdir(), 'wf-report-'));
    const reportPath = join(reportDir, 'report.html');
    writeFileSync(reportPath, await reportResponse.body());

    const offline = await browser.newContext();
    await offline.setOffline(true);
    const report = await offline.newPage();
    const requests: string[] = [];
    report.on('request', (request) => requests.push(request.url()));
    await report.goto(`file://${reportPath}`);
    await expect(report.locator('h1')).toHaveText(TITLE);
    await expect(report.locator('#notes')).toContainText(REVIEW_NOTE);
    expect(await report.locator('#series figure.chart svg').count()).toBe(12);
    await expect(report.locator('#alert-timeline')).toContainText('firing');
    await expect(report.locator('#alert-timeline')).toContainText('resolved');
    await expect(report.locator('#actions')).toContainText('Rolled back Billing');
    await expect(report.locator('#annotations')).toContainText(ANNOTATION);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    await offline.close();

    // Back to the live console: no endpoints, so no tiles.
    await review.getByTestId('review-exit').click();
    await expect(banner).toHaveCount(0);
    await expect(review.getByTestId('tile')).toHaveCount(0);
    await expect(review.getByTestId('snapshot-export')).toBeVisible();
    expect(problems).toEqual([]);
    await context.close();
  } finally {
    for (const child of children) child.kill('SIGTERM');
    if (reportDir) rmSync(reportDir, { recursive: true, force: true });
  }
});
