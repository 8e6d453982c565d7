// A real incident end to end, no simulator: the shop service deployed by real
// Ansible playbooks, measured by real Prometheus, fed to the console by the
// runbook bridge (deployments, actions and the Prometheus series), watched in
// Chromium through browser mode. A bad release goes out through the console,
// the error-rate tile alerts, its suggested rollback runs the real playbook
// (progress on the tile), the errors fall back and the alert resolves, the
// audit log holds the story; then the shop scales from 2 to 3 instances and
// Prometheus finds the third through file_sd.
import type { ChildProcess } from 'node:child_process';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startShopRig, type ShopRig } from '../../endpoints/runbook/rig/shop-rig';
import { startBrowserMode, type BrowserMode } from './browser-mode';
import {
  startRunbookBridgeProcess,
  type RunbookBridgeProcess,
} from '../support/runbook-bridge-process';

let rig: ShopRig | undefined;
let bridge: RunbookBridgeProcess | undefined;
let mode: BrowserMode | undefined;
let web: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rig = await startShopRig({ rps: 40 });
  bridge = await startRunbookBridgeProcess(['--config', rig.configFile, '--port', '0']);
  ({ mode, child: web } = await startBrowserMode(['--no-demo', '--endpoint', bridge.url]));
});

test.afterAll(async () => {
  web?.kill('SIGTERM');
  await bridge?.stop();
  await rig?.stop();
});

const tileOf = (page: Page, seriesId: string): Locator =>
  page.locator(`[data-testid="tile"][data-series-key$="/${seriesId}"]`);

const shopCell = (page: Page): Locator =>
  page.locator('[data-testid="board-cell"][data-service="shop"][data-environment="production"]');

/** Confirms the open dialog, typing the service's name where the risk policy asks for it. */
async function confirm(page: Page, change: string | RegExp, reason: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('action-change')).toContainText(change);
  const risk = await dialog.getByTestId('action-risk').getAttribute('data-confirmation');
  if (risk === 'typed') await dialog.getByTestId('action-typed-name').fill('Shop');
  else await expect(dialog.getByTestId('action-typed-name')).toHaveCount(0);
  await dialog.getByTestId('action-reason').fill(reason);
  await dialog.getByTestId('action-confirm').click();
  await expect(dialog).toHaveCount(0);
}

/** Prometheus' own count of shop targets that answered their last scrape. */
async function targetsUp(url: string): Promise<number> {
  const query = encodeURIComponent('count(up{job="shop"} == 1)');
  const body = (await (await fetch(`${url}/api/v1/query?query=${query}`)).json()) as {
    data: { result: Array<{ value: [number, string] }> };
  };
  return Number(body.data.result[0]?.value[1] ?? 0);
}

test('a bad release alerts, the suggested rollback runs the playbook, the shop recovers and scales', async ({
  page,
}) => {
  test.setTimeout(240_000);
  if (!mode || !rig) throw new Error('the rig did not start');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(mode.url);
  await expect(page.getByTestId('endpoint-badge').first()).toHaveAttribute(
    'data-state',
    'connected',
    {
      timeout: 20_000,
    },
  );
  const errors = tileOf(page, 'shop.http.server.error_rate');
  await expect(errors.getByTestId('tile-status')).toHaveText('OK', { timeout: 30_000 });

  // 1. The faulty 1.0.1 goes out through the console: the real deploy playbook.
  await page.getByTestId('view-deployments').click();
  const cell = shopCell(page);
  await expect(cell.getByTestId('board-version')).toHaveText('1.0.0');
  await cell.locator('[data-testid="action-open"][data-action="patch.apply"]').click();
  await expect(page.getByRole('dialog').getByTestId('action-field-version')).toHaveValue('1.0.1');
  await confirm(page, '1.0.1', 'CHG-7 ship checkout 1.0.1');
  await expect(cell.getByTestId('board-version')).toHaveText('1.0.1', { timeout: 60_000 });
  await expect(cell.getByTestId('board-previous-versions')).toContainText('1.0.0');

  // 2. Real Prometheus sees the errors; the tile crosses its threshold and alerts.
  await page.getByTestId('view-wall').click();
  await expect(errors.getByTestId('tile-status')).toHaveText(/CRITICAL|WARNING/, {
    timeout: 60_000,
  });
  const rollback = errors.getByTestId('tile-procedure').filter({ hasText: 'Roll the shop back' });
  await expect(rollback).toBeVisible({ timeout: 30_000 });
  await expect(errors.getByTestId('tile-procedure-context')).toContainText('on shop 1.0.1');

  // 3. The suggested rollback runs the real rollback playbook, its output shown as progress.
  await rollback.click();
  await confirm(page, '1.0.1 → 1.0.0', 'INC-9 checkout fails since 1.0.1');
  const status = errors.getByTestId('action-status');
  await expect(status).toHaveAttribute('data-state', 'running', { timeout: 15_000 });
  await expect(status).toContainText('TASK [', { timeout: 30_000 });
  await expect(status).toHaveAttribute('data-state', 'succeeded', { timeout: 90_000 });

  // 4. The error rate falls back under the threshold and the alert resolves.
  await expect(errors.getByTestId('tile-status')).toHaveText('OK', { timeout: 60_000 });
  await expect(errors.getByTestId('tile-recovery')).toHaveText(/^recovered in \d+ s/, {
    timeout: 30_000,
  });
  const errorRate = Number(
    (await errors.getByTestId('tile-value').textContent())?.replace(/[^\d.]/g, ''),
  );
  expect(errorRate).toBeLessThan(5);

  // 5. The audit log holds the story, with the playbooks' outcome.
  await page.getByTestId('view-actions').click();
  await page.getByTestId('audit-filter-action').selectOption('deploy.rollback');
  // Steps in the order they happened: the last is the outcome.
  const rows = page.locator('[data-testid="audit-row"][data-action="deploy.rollback"]');
  await expect(rows.last()).toHaveAttribute('data-state', 'succeeded');
  const states = await rows.evaluateAll((all) =>
    all.map((row) => (row as HTMLElement).dataset.state),
  );
  expect(states[0]).toBe('pending');
  expect(states).toEqual(expect.arrayContaining(['pending', 'accepted', 'running', 'succeeded']));
  await expect(rows.last().locator('.audit-row__message')).toContainText('done (exit 0)');
  await expect(rows.last().locator('.audit-row__message')).toContainText('PLAY RECAP');
  await expect(rows.last().getByTestId('audit-reason')).toHaveText(
    'INC-9 checkout fails since 1.0.1',
  );
  await page.getByTestId('audit-filter-action').selectOption('patch.apply');
  await expect(
    page.locator('[data-testid="audit-row"][data-action="patch.apply"]').last(),
  ).toHaveAttribute('data-state', 'succeeded');

  // 6. Scale from 2 to 3 instances: the scale playbook, file_sd, Prometheus, the wall.
  await page.getByTestId('view-deployments').click();
  await expect(cell.getByTestId('board-capacity-servers')).toHaveText('2');
  await cell.locator('[data-testid="action-open"][data-action="capacity.scale"]').click();
  await confirm(page, '2 servers → 3 servers', 'CHG-8 more room for the sale');
  await expect(cell.getByTestId('board-capacity-servers')).toHaveText('3', { timeout: 60_000 });
  await expect.poll(() => targetsUp(rig?.prometheusUrl ?? ''), { timeout: 30_000 }).toBe(3);
  await page.getByTestId('view-wall').click();
  await expect(tileOf(page, 'shop.instances.up').getByTestId('tile-value')).toHaveText('3', {
    timeout: 30_000,
  });
  expect(problems).toEqual([]);
  await page.screenshot({ path: 'test-results/runbook-incident.png' });
});
