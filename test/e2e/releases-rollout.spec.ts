// The Releases view on the ring-rollout demo: web 5.9.0 is healthy in the
// internal ring; promoted to beta its failed-request share and p95 climb past
// their tolerance, the gates turn worse and promotion is blocked. The
// operator halts it there, then rolls every ring back to 5.8.1, and the
// audit log holds each decision with the reason typed for it.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startBrowserMode, test } from './browser-mode';

let console_: ChildProcess | undefined;

test.afterEach(() => {
  console_?.kill('SIGTERM');
  console_ = undefined;
});

test.use({ viewport: { width: 960, height: 1080 } });

interface AuditLine {
  action: string;
  state: string;
  reason?: string;
  override?: boolean;
  args: Record<string, unknown>;
  message?: string;
}

function auditLines(userData: string): AuditLine[] {
  try {
    return readFileSync(join(userData, 'audit.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AuditLine);
  } catch {
    return [];
  }
}

async function openReleases(page: Page, args: string[] = []): Promise<string> {
  const { mode, child } = await startBrowserMode(['--scenario', 'ring-rollout', ...args]);
  console_ = child;
  await page.goto(mode.url);
  await page.getByTestId('view-releases').click();
  await expect(page.getByTestId('releases-view')).toBeVisible();
  return mode.userData;
}

const ring = (page: Page, id: string) =>
  page.locator(`[data-testid="release-ring"][data-ring="${id}"]`);
const gate = (page: Page, metric: string) =>
  page.locator(`[data-testid="gate-row"][data-metric="${metric}"]`);

async function promoteToBeta(page: Page): Promise<void> {
  // Soaked: the gates have passed in internal for its minimum time.
  await expect(page.getByTestId('promote-button')).toBeEnabled({ timeout: 20_000 });
  await expect(page.getByTestId('promote-reason')).toContainText('ready to promote');
  await page.getByTestId('promote-button').click();
  const confirm = page.getByTestId('release-confirm');
  await expect(confirm).toHaveAttribute('data-kind', 'promote');
  await expect(confirm).toContainText('to Beta customers (5 % of users)');
  // Promoting widens exposure in production: the name typed, and the dialog says why.
  await expect(confirm.getByTestId('release-confirm-risk')).toHaveText(
    'Typed confirmation for “Promote”, because it widens exposure and it runs in production.',
  );
  const confirmPromote = confirm.getByRole('button', { name: 'Confirm promote' });
  await expect(confirmPromote).toBeDisabled();
  await confirm.getByTestId('release-confirm-name').fill('Web app');
  await confirmPromote.click();
  // Active, or failing already: its gates may turn worse in the first evaluations there.
  await expect(ring(page, 'beta')).toHaveAttribute('data-status', /^(active|failing)$/, {
    timeout: 10_000,
  });
  await expect(ring(page, 'internal')).toHaveAttribute('data-status', 'complete');
}

test('a release through its rings: promoted, fails in beta, halted, rolled back, audited', async ({
  page,
}) => {
  test.setTimeout(110_000);
  const userData = await openReleases(page);

  // Where it starts: 5.9.0 in internal (1 %), every other ring on the baseline.
  await expect(page.getByTestId('release-summary')).toContainText('5.9.0 in Internal staff');
  await expect(page.getByTestId('release-summary')).toContainText('baseline 5.8.1');
  await expect(page.getByTestId('release-ring')).toHaveCount(5);
  expect(
    await page
      .getByTestId('release-ring')
      .evaluateAll((rings) => rings.map((r) => (r as HTMLElement).dataset.ring)),
  ).toEqual(['internal', 'beta', 'ring-10', 'ring-50', 'all']);
  await expect(ring(page, 'internal')).toHaveAttribute('data-status', 'active');
  await expect(ring(page, 'internal')).toHaveAttribute('data-version', '5.9.0');
  await expect(ring(page, 'internal')).toContainText('1 % of users');
  await expect(ring(page, 'beta')).toHaveAttribute('data-status', 'waiting');
  await expect(ring(page, 'beta')).toHaveAttribute('data-version', '5.8.1');
  // The time in the ring counts up by itself.
  const time = ring(page, 'internal').getByTestId('release-ring-time');
  const before = await time.textContent();
  await expect(time).not.toHaveText(before ?? '', { timeout: 5_000 });
  // Healthy in internal: both gates within tolerance, charts drawn.
  await expect(gate(page, 'app.errors.ratio')).not.toHaveAttribute('data-verdict', 'worse');
  await expect(gate(page, 'app.errors.ratio')).not.toHaveAttribute('data-verdict', 'nodata');
  await expect(gate(page, 'http.server.request.duration.p95')).toBeVisible();
  await expect(page.getByTestId('release-gate-chart')).toHaveCount(2);
  await expect(page.locator('[data-testid="release-gate-chart"] canvas')).toHaveCount(2);

  await promoteToBeta(page);
  await expect(page.getByTestId('release-summary')).toContainText('5.9.0 in Beta customers');

  // In beta the failed-request share climbs past its tolerance: worse, and promotion blocked.
  const errors = gate(page, 'app.errors.ratio');
  await expect(errors).toHaveAttribute('data-verdict', 'worse', { timeout: 20_000 });
  await expect(errors.getByTestId('gate-verdict')).toHaveText(/Worse/);
  await expect(errors.getByTestId('gate-difference')).toHaveText(/^\+\d/);
  await expect(errors).toContainText('up to +50 %');
  await expect(page.getByTestId('promote-button')).toBeDisabled();
  await expect(page.getByTestId('promote-reason')).toContainText(
    /Promotion blocked: .*Failed requests .*worse than baseline/,
  );
  await expect(page.getByTestId('override-button')).toBeEnabled();

  // Halt stops the rollout: one confirm (no name typed), with a reason for the audit log.
  await page.getByTestId('halt-button').click();
  const halt = page.getByTestId('release-confirm');
  await expect(halt).toHaveAttribute('data-kind', 'halt');
  await expect(halt.getByTestId('release-confirm-risk')).toHaveText(
    'One confirm for “Halt”: it stops a rollout; nobody new gets the release.',
  );
  await expect(halt.getByTestId('release-confirm-name')).toHaveCount(0);
  const confirmHalt = halt.getByRole('button', { name: 'Confirm halt' });
  await halt.getByTestId('release-action-reason').fill('beta customers see failed requests');
  await expect(confirmHalt).toBeEnabled();
  await confirmHalt.click();
  await expect(ring(page, 'beta')).toHaveAttribute('data-status', 'halted', { timeout: 10_000 });
  await expect(page.getByTestId('release-summary')).toHaveAttribute('data-state', 'halted');
  await expect(page.getByTestId('promote-reason')).toContainText('halted in Beta customers');
  await expect(page.getByTestId('halt-button')).toBeDisabled();
  await expect(
    page.locator('[data-testid="release-action"][data-action="ring.halt"]').first(),
  ).toHaveAttribute('data-state', 'succeeded');

  // Roll back: every ring returns to 5.8.1 and the release is over.
  await page.getByTestId('rollback-button').click();
  const rollback = page.getByTestId('release-confirm');
  await expect(rollback).toHaveAttribute('data-kind', 'rollback');
  await expect(rollback).toContainText('to 5.8.1 in every ring');
  await rollback.getByTestId('release-action-reason').fill('5.9.0 fails for real customers');
  // Back to the last known-good narrows exposure: one confirm.
  await expect(rollback.getByTestId('release-confirm-name')).toHaveCount(0);
  await rollback.getByRole('button', { name: 'Confirm roll back' }).click();
  await expect(page.getByTestId('release-summary')).toHaveAttribute('data-state', 'rolled-back', {
    timeout: 15_000,
  });
  await expect(page.getByTestId('release-summary')).toContainText('every ring runs 5.8.1');
  for (const id of ['internal', 'beta', 'ring-10', 'ring-50', 'all']) {
    await expect(ring(page, id)).toHaveAttribute('data-version', '5.8.1');
  }
  await expect(page.getByTestId('promote-button')).toHaveCount(0);
  await expect(page.getByTestId('gate-row')).toHaveCount(0);
  // The decisions stay on the page, newest first.
  expect(
    await page
      .locator('[data-testid="release-action-log"] [data-testid="release-action"]')
      .evaluateAll((rows) =>
        rows.map((r) => `${(r as HTMLElement).dataset.action}:${(r as HTMLElement).dataset.state}`),
      ),
  ).toEqual(['deploy.rollback:succeeded', 'ring.halt:succeeded', 'ring.promote:succeeded']);

  // The audit log on disk: each decision, its outcome and its reason.
  await expect
    .poll(() =>
      auditLines(userData)
        .filter((l) => l.state === 'succeeded')
        .map((l) => l.action),
    )
    .toEqual(['ring.promote', 'ring.halt', 'deploy.rollback']);
  const lines = auditLines(userData);
  const promote = lines.find((l) => l.action === 'ring.promote' && l.state === 'succeeded');
  expect(promote?.args).toMatchObject({
    service: 'web',
    environment: 'production',
    version: '5.9.0',
    toRing: 'beta',
  });
  expect(promote?.override).toBeUndefined();
  const halted = lines.filter((l) => l.action === 'ring.halt');
  expect(halted.map((l) => l.state)).toContain('succeeded');
  expect(halted.every((l) => l.reason === 'beta customers see failed requests')).toBe(true);
  const rolledBack = lines.filter((l) => l.action === 'deploy.rollback');
  expect(rolledBack.every((l) => l.reason === '5.9.0 fails for real customers')).toBe(true);
  expect(rolledBack[0]?.args).toMatchObject({ toVersion: '5.8.1' });
});

test('override: promotion past failing gates needs a typed reason and is audited; notifications tell the change', async ({
  page,
}) => {
  test.setTimeout(100_000);
  // A Notification the test can read; permission granted.
  await page.addInitScript(() => {
    const shown: { title: string; body: string }[] = [];
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body ?? '' });
      }
      close(): void {}
    }
    Object.assign(window, { Notification: FakeNotification, shownNotifications: shown });
  });
  const shown = () =>
    page.evaluate(
      () => (window as unknown as { shownNotifications: { title: string }[] }).shownNotifications,
    );
  const userData = await openReleases(page);
  await expect(page.getByTestId('promote-button')).toBeEnabled({ timeout: 20_000 });
  // A page loaded with the release already ready tells nothing.
  await page.reload();
  await page.getByTestId('view-releases').click();
  await expect(page.getByTestId('promote-button')).toBeEnabled();
  await page.waitForTimeout(2_000);
  expect(await shown()).toEqual([]);

  await promoteToBeta(page);
  await expect(gate(page, 'app.errors.ratio')).toHaveAttribute('data-verdict', 'worse', {
    timeout: 20_000,
  });
  await expect
    .poll(async () => (await shown()).map((n) => n.title))
    .toContain('Gate failed: Failed requests in Beta customers');

  // Override: once beta has soaked (the endpoint refuses sooner), and with ten characters of reason.
  await expect(page.getByTestId('override-button')).toBeEnabled({ timeout: 10_000 });
  await page.getByTestId('override-button').click();
  const override = page.getByTestId('release-confirm');
  await expect(override).toHaveAttribute('data-kind', 'override');
  await expect(override).toContainText('Blocked because: Failed requests');
  const go = override.getByRole('button', { name: 'Override gates and promote' });
  await override.getByTestId('override-reason').fill('too short');
  await expect(go).toBeDisabled();
  await override.getByTestId('override-reason').fill('drill: promote past the gates to ring-10');
  await expect(go).toBeDisabled();
  await override.getByTestId('release-confirm-name').fill('Web app');
  await go.click();
  // Promoted past failing gates: the release is in ring-10, and says FAILING while its gates do.
  await expect(ring(page, 'ring-10')).toHaveAttribute('data-status', /^(active|failing)$/, {
    timeout: 10_000,
  });
  await expect(ring(page, 'beta')).toHaveAttribute('data-status', 'complete');
  await expect(
    page.locator('[data-testid="release-action-log"] [data-testid="release-action"]').first(),
  ).toHaveAttribute('data-override', 'true');

  await expect
    .poll(() =>
      auditLines(userData).some(
        (l) => l.action === 'ring.promote' && l.override === true && l.state === 'succeeded',
      ),
    )
    .toBe(true);
  const overridden = auditLines(userData).filter((l) => l.override === true);
  expect(overridden.length).toBeGreaterThan(0);
  expect(overridden.every((l) => l.reason === 'drill: promote past the gates to ring-10')).toBe(
    true,
  );
  expect(overridden[0]?.args).toMatchObject({ toRing: 'ring-10' });
});

test('display profile: the release and its gates, no action controls', async ({ page }) => {
  await openReleases(page, ['--profile', 'display']);
  await expect(ring(page, 'internal')).toHaveAttribute('data-status', 'active');
  await expect(gate(page, 'app.errors.ratio')).toBeVisible();
  await expect(page.getByTestId('releases-read-only')).toBeVisible();
  for (const id of ['promote-button', 'override-button', 'halt-button', 'rollback-button']) {
    await expect(page.getByTestId(id)).toHaveCount(0);
  }
});
