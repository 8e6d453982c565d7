// Review tells the truth: a snapshot records how deployments and releases
// changed, and a console with no endpoints shows each instant as it was.
// bad-deploy: during the incident billing ran 2.14.0 (degraded), after the
// rollback 2.13.2. ring-rollout: when 5.9.0 failed in beta, Releases shows it
// there with the WORSE verdict and its gate charts, and the beta series are on
// the wall, though the halt took them out of the catalog before the export.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { expect, startBrowserMode, test } from './browser-mode';

interface Environment {
  id: string;
  version: string;
  status: string;
}
interface FileDoc {
  version: number;
  meta: { window: { from: number; to: number } };
  series: { key: string }[];
  alerts: { id: string; seriesKey: string }[];
  alertTimeline: { at: number; alertId: string; state: string }[];
  history: {
    recorded: boolean;
    deployments: {
      at: number;
      deployments: { services: { id: string; environments: Environment[] }[] };
    }[];
    releases: {
      at: number;
      releases: { ring: { id: string }; version: string; gates: { verdict: string }[] }[];
    }[];
    departed: { at: number; key: string }[];
  };
}

const readDoc = (path: string): FileDoc =>
  JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as FileDoc;

const children: ChildProcess[] = [];
test.afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

async function scrubTo(slider: Locator, at: number): Promise<void> {
  await slider.evaluate((element, value) => {
    const input = element as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, String(value));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, at);
}

async function exportSnapshot(page: Page, userData: string, title: string): Promise<string> {
  await page.getByTestId('snapshot-export').click();
  await page.getByTestId('snapshot-export-title').fill(title);
  await page.getByTestId('snapshot-export-submit').click();
  const result = page.getByTestId('snapshot-export-result');
  await expect(result).toBeVisible({ timeout: 15_000 });
  const fileName = (await result.getAttribute('data-file-name')) ?? '';
  await page.getByTestId('snapshot-export-close').click();
  return join(userData, 'snapshots', fileName);
}

/** A console with no endpoints at all, with the file open in review. */
async function reviewOnEmptyConsole(page: Page, path: string): Promise<Locator> {
  const { mode, child } = await startBrowserMode(['--no-demo']);
  children.push(child);
  await page.goto(mode.url);
  await expect(page.getByTestId('snapshot-open')).toBeVisible();
  await page.getByTestId('snapshot-open-input').setInputFiles(path);
  await expect(page.getByTestId('review-banner')).toBeVisible();
  await expect(page.getByTestId('review-no-history')).toHaveCount(0);
  return page.getByTestId('review-scrubber');
}

async function rollBackBilling(page: Page): Promise<void> {
  const card = page.locator('[data-testid="service-card"][data-service="billing"]');
  await card.getByRole('button', { name: 'Roll back' }).click();
  const typed = card.getByRole('textbox', { name: /^Type .+ to confirm$/ });
  if ((await typed.count()) > 0) {
    const label = await typed.evaluate(
      (input) => (input as HTMLInputElement).labels?.[0]?.textContent,
    );
    await typed.fill(/^Type (.+) to confirm$/.exec(label ?? '')?.[1] ?? '');
  }
  await card.getByRole('button', { name: 'Confirm roll back' }).click();
  await expect(card.getByTestId('service-version')).toHaveText('2.13.2', { timeout: 10_000 });
}

const billingIn = (doc: FileDoc, version: string) =>
  doc.history.deployments.filter(({ deployments }) =>
    deployments.services.some(
      (s) => s.id === 'billing' && s.environments.some((e) => e.version === version),
    ),
  );

test('bad-deploy: review shows 2.14.0 during the incident and 2.13.2 after the rollback', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { mode, child } = await startBrowserMode();
  children.push(child);
  await page.goto(mode.url);
  const errorsTile = page.locator('[data-testid="tile"][data-series-key$="/app.errors.rate"]');
  await expect(errorsTile).toHaveAttribute('data-status', 'critical', { timeout: 30_000 });
  await rollBackBilling(page);
  const path = await exportSnapshot(page, mode.userData, 'Billing 2.14.0 incident');

  const doc = readDoc(path);
  expect(doc.version).toBe(2);
  expect(doc.history.recorded).toBe(true);
  const errorsAlert = doc.alerts.find((a) => a.seriesKey.endsWith('/app.errors.rate'));
  const firing = doc.alertTimeline.find(
    (t) => t.alertId === errorsAlert?.id && t.state === 'firing',
  );
  const rolledBack = billingIn(doc, '2.13.2').at(-1);
  expect(firing).toBeDefined();
  expect(rolledBack).toBeDefined();
  expect(billingIn(doc, '2.14.0').length).toBeGreaterThan(0);

  const review = await browser.newPage();
  const slider = await reviewOnEmptyConsole(review, path);
  const card = review.locator('[data-testid="service-card"][data-service="billing"]');
  const tile = review.locator('[data-testid="tile"][data-series-key$="/app.errors.rate"]');

  // During the incident: the release that caused it, degraded.
  await scrubTo(slider, firing?.at ?? 0);
  await expect(card.getByTestId('service-version')).toHaveText('2.14.0');
  await expect(card).toHaveAttribute('data-health', /degraded|critical|failed/);
  await expect(card).toContainText(/degraded/i);
  // the moment the errors alert fired: its tile is alerting (warning first, then critical)
  await expect(tile).toHaveAttribute('data-status', /warning|critical/);
  await expect(tile).toContainText('2.14.0');
  await review.getByTestId('view-deployments').click();
  const cell = review.locator('[data-testid="board-cell"][data-service="billing"]');
  await expect(cell.getByTestId('board-version')).toHaveText('2.14.0');

  // Past the rollback: the fix.
  await scrubTo(slider, (rolledBack?.at ?? 0) + 1_000);
  await expect(cell.getByTestId('board-version')).toHaveText('2.13.2');
  await review.getByTestId('view-wall').click();
  await expect(card.getByTestId('service-version')).toHaveText('2.13.2');

  // "Jump to" offers the rollback and the alert's transitions.
  const jump = review.getByTestId('review-jump');
  await expect(jump.locator('option', { hasText: '2.14.0 → 2.13.2 (rolled back)' })).toHaveCount(1);
  await expect(jump.locator('option', { hasText: /firing/ }).first()).toBeAttached();
  await review.close();
});

test('ring-rollout: review at the failing instant shows 5.9.0 in beta, WORSE, with its series', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { mode, child } = await startBrowserMode(['--scenario', 'ring-rollout']);
  children.push(child);
  await page.goto(mode.url);
  await page.getByTestId('view-releases').click();
  await expect(page.getByTestId('promote-button')).toBeEnabled({ timeout: 20_000 });
  await page.getByTestId('promote-button').click();
  // promoting widens exposure in production: the service's name, typed
  await page.getByTestId('release-confirm').getByTestId('release-confirm-name').fill('Web app');
  await page
    .getByTestId('release-confirm')
    .getByRole('button', { name: 'Confirm promote' })
    .click();
  const errors = page.locator('[data-testid="gate-row"][data-metric="app.errors.ratio"]');
  await expect(errors).toHaveAttribute('data-verdict', 'worse', { timeout: 25_000 });
  await page.getByTestId('halt-button').click();
  const halt = page.getByTestId('release-confirm');
  await halt.getByTestId('release-action-reason').fill('beta customers see failed requests');
  await expect(halt.getByTestId('release-confirm-name')).toHaveCount(0);
  await halt.getByRole('button', { name: 'Confirm halt' }).click();
  const beta = page.locator('[data-testid="release-ring"][data-ring="beta"]');
  await expect(beta).toHaveAttribute('data-status', 'halted', { timeout: 10_000 });
  const path = await exportSnapshot(page, mode.userData, 'web 5.9.0 fails in beta');

  const doc = readDoc(path);
  const failing = doc.history.releases.find(({ releases }) =>
    releases.some((r) => r.ring.id === 'beta' && r.gates.some((g) => g.verdict === 'worse')),
  );
  expect(failing).toBeDefined();
  const betaKeys = doc.series.map((s) => s.key).filter((key) => /beta/.test(key));
  expect(betaKeys.length).toBeGreaterThan(0);

  const review = await browser.newPage();
  const slider = await reviewOnEmptyConsole(review, path);
  await scrubTo(slider, failing?.at ?? 0);
  await review.getByTestId('view-releases').click();
  await expect(review.getByTestId('release-summary')).toContainText('5.9.0 in Beta customers');
  const reviewedBeta = review.locator('[data-testid="release-ring"][data-ring="beta"]');
  await expect(reviewedBeta).toHaveAttribute('data-version', '5.9.0');
  const reviewedGate = review.locator('[data-testid="gate-row"][data-metric="app.errors.ratio"]');
  await expect(reviewedGate).toHaveAttribute('data-verdict', 'worse');
  await expect(reviewedGate.getByTestId('gate-verdict')).toHaveText(/Worse/);
  await expect(review.getByTestId('release-gate-chart')).toHaveCount(2);

  await review.getByTestId('view-wall').click();
  for (const key of betaKeys) {
    await expect(review.locator(`[data-testid="tile"][data-series-key="${key}"]`)).toHaveCount(1);
  }
  await review.close();
});
