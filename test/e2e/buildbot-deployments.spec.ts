// Real CI on the deployments board: a real Buildbot master and worker build a
// commit that breaks two tests → the bridge (started as an operator would) →
// browser mode → the renderer in Chromium. The build card shows the failure
// by test name; "Retry build" goes through the dialog to a real rebuild; the
// audit log holds the whole story.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startBrowserMode, type BrowserMode } from './browser-mode';
import {
  startBuildbotBridgeProcess,
  type BuildbotBridgeProcess,
} from '../support/buildbot-bridge-process';
import {
  BROKEN_TESTS,
  BUILDERS,
  startBuildbotStack,
  type BuildbotStack,
} from '../support/buildbot-services';

let stack: BuildbotStack | undefined;
let bridge: BuildbotBridgeProcess | undefined;
let mode: BrowserMode | undefined;
let web: ChildProcess | undefined;
let dir: string | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  stack = await startBuildbotStack();
  const revision = await stack.breakTests();
  await stack.waitForBuild(BUILDERS.billing, revision);
  dir = mkdtempSync(join(tmpdir(), 'wf-buildbot-e2e-'));
  const config = join(dir, 'bridge.json');
  writeFileSync(
    config,
    JSON.stringify({
      builders: [
        { builder: BUILDERS.billing, service: 'billing', environment: 'staging', tier: 'staging' },
      ],
    }),
  );
  bridge = await startBuildbotBridgeProcess([
    '--buildbot',
    stack.url,
    '--config',
    config,
    '--port',
    '0',
  ]);
  ({ mode, child: web } = await startBrowserMode(['--no-demo', '--endpoint', bridge.url]));
});

test.afterAll(async () => {
  web?.kill('SIGTERM');
  await bridge?.stop();
  await stack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the build card shows the failing tests; a retry through the dialog is rebuilt and audited', async ({
  page,
}) => {
  test.setTimeout(90_000);
  if (!mode) throw new Error('browser mode did not start');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(mode.url);
  await page.getByTestId('view-deployments').click();
  const cell = page.locator(
    '[data-testid="board-cell"][data-service="billing"][data-environment="staging"]',
  );
  const build = cell.getByTestId('board-build');
  await expect(build).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });
  const first = (await build.locator('.board-build__id').textContent()) ?? '';
  expect(first).toMatch(/^billing-tests #\d+$/);
  await expect(cell.getByTestId('board-failing-tests').locator('li')).toHaveText(BROKEN_TESTS);

  // Staging reaches no user: a click confirms, with a reason for the audit log.
  const reason = 'CI-7 retry the broken billing suite';
  await cell.getByRole('button', { name: `Retry build ${first} of billing staging` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('action-typed-name')).toHaveCount(0);
  await dialog.getByTestId('action-reason').fill(reason);
  await dialog.getByTestId('action-confirm').click();
  await expect(dialog).toHaveCount(0);

  // Buildbot runs the rebuild: the card moves on to the next build, which fails the same tests.
  const next = `billing-tests #${Number(first.split('#')[1]) + 1}`;
  await expect(build.locator('.board-build__id')).toHaveText(next, { timeout: 30_000 });
  await expect(build).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  await expect(cell.getByTestId('board-failing-tests').locator('li')).toHaveText(BROKEN_TESTS);

  await page.getByTestId('view-actions').click();
  await page.getByTestId('audit-filter-action').selectOption('build.retry');
  // One row per action; its steps (these rows) in the order they happened.
  const rows = page.locator('[data-testid="audit-row"][data-action="build.retry"]');
  await expect
    .poll(() => rows.evaluateAll((all) => all.map((row) => (row as HTMLElement).dataset.state)), {
      timeout: 30_000,
    })
    .toEqual(['pending', 'accepted', 'running', 'failed']);
  expect(await rows.getByTestId('audit-reason').allTextContents()).toEqual([
    reason,
    reason,
    reason,
    reason,
  ]);
  await expect(rows.last()).toContainText(next);
  expect(problems).toEqual([]);
  await page.screenshot({ path: 'test-results/buildbot-deployments.png' });
});
