// Real feature flags on the Deployments view: a real Unleash on PostgreSQL →
// the Unleash bridge (started as an operator would) → browser mode → the
// renderer in Chromium. A flip through the confirmation dialog must reach
// Unleash, and the audit log must hold it.
import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { startBrowserMode, type BrowserMode } from './browser-mode';
import {
  startUnleashBridgeProcess,
  type UnleashBridgeProcess,
} from '../support/unleash-bridge-process';
import { startUnleashStack, type UnleashStack } from '../support/unleash-services';

let stack: UnleashStack | undefined;
let bridge: UnleashBridgeProcess | undefined;
let mode: BrowserMode | undefined;
let web: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  stack = await startUnleashStack();
  await stack.api('POST', '/api/admin/projects/default/features', {
    name: 'promo-banner',
    description: 'Promo banner',
  });
  await stack.api('POST', '/api/admin/projects/default/features', {
    name: 'dark-mode',
    description: 'Dark mode',
  });
  await stack.api(
    'POST',
    '/api/admin/projects/default/features/dark-mode/environments/production/on',
  );
  bridge = await startUnleashBridgeProcess(
    ['--unleash', stack.url, '--port', '0'],
    stack.adminToken,
  );
  ({ mode, child: web } = await startBrowserMode(['--no-demo', '--endpoint', bridge.url]));
});

test.afterAll(async () => {
  web?.kill('SIGTERM');
  await bridge?.stop();
  await stack?.close();
});

test('shows Unleash’s flags, flips one through the dialog into Unleash, and audits it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  if (!mode || !stack) throw new Error('the Unleash stack or browser mode did not start');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(mode.url);
  await expect(page.getByTestId('endpoint-badge').first()).toHaveAttribute(
    'data-state',
    'connected',
    { timeout: 20_000 },
  );
  await page.getByTestId('view-deployments').click();
  const cell = page.locator(
    '[data-testid="board-cell"][data-service="default"][data-environment="production"]',
  );
  const banner = cell.locator('[data-testid="board-flag"][data-flag="promo-banner"]');
  const dark = cell.locator('[data-testid="board-flag"][data-flag="dark-mode"]');
  // the real flags, as Unleash has them: dark-mode on for everyone, promo-banner off
  await expect(banner.locator('th')).toHaveText('Promo banner (promo-banner)');
  await expect(dark.locator('td[data-ring="all"]')).toHaveAttribute('data-enabled', 'on');
  await expect(banner.locator('td[data-ring="canary"]')).toHaveAttribute('data-enabled', 'off');

  // turn promo-banner on for the canary ring: production asks for the project's name typed
  await banner.locator('td[data-ring="canary"]').getByTestId('flag-toggle').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('action-change')).toContainText('off for canary → on for canary');
  const reason = 'EXP-7 banner to the canary ring';
  await dialog.getByTestId('action-typed-name').fill('Default');
  await dialog.getByTestId('action-reason').fill(reason);
  await dialog.getByTestId('action-confirm').click();
  await expect(banner.locator('td[data-ring="canary"]')).toHaveAttribute('data-enabled', 'on', {
    timeout: 15_000,
  });
  await expect(banner.locator('td[data-ring="early"]')).toHaveAttribute('data-enabled', 'off');

  // Unleash itself has it: on in production, gradual rollout at the canary's 5 %
  const env = (await stack.api(
    'GET',
    '/api/admin/projects/default/features/promo-banner/environments/production',
  )) as {
    enabled: boolean;
    strategies: Array<{ parameters: Record<string, string> }>;
  };
  expect(env.enabled).toBe(true);
  expect(env.strategies.map((s) => s.parameters.rollout)).toEqual(['5']);

  // the audit log holds the whole story with the reason
  await page.getByTestId('view-actions').click();
  await page.getByTestId('audit-filter-action').selectOption('flag.set');
  // One row per action; its steps (these rows) in the order they happened.
  const rows = page.locator('[data-testid="audit-row"][data-action="flag.set"]');
  await expect
    .poll(() => rows.evaluateAll((all) => all.map((row) => (row as HTMLElement).dataset.state)), {
      timeout: 10_000,
    })
    .toEqual(['pending', 'accepted', 'running', 'succeeded']);
  expect(await rows.getByTestId('audit-reason').allTextContents()).toEqual([
    reason,
    reason,
    reason,
    reason,
  ]);
  expect(problems).toEqual([]);
  await page.screenshot({ path: 'test-results/unleash-deployments.png' });
});
