// Automatic halt in a control room: two consoles on one ring-rollout endpoint,
// both with the automatic halt armed for web 5.9.0 (ana's and bo's). Ana
// promotes it to beta, where it turns worse; within the armed two failing
// evaluations the consoles halt it by themselves. Both send the same
// idempotency key, so exactly one halt runs at the endpoint; both consoles
// show the ring halted, the halt, who armed it and why; the arming is audited.
import type { Page } from '@playwright/test';
import { expect, test } from './browser-mode';
import { closeRoom, openConsole, startDemoEndpoint } from './control-room';

test.afterEach(closeRoom);

const VIEWPORT = { width: 1366, height: 900 };
const CAUSE = /automatic halt: Beta customers worse for 2 evaluations: .+worse than baseline/;

async function arm(page: Page, operator: string) {
  await page.getByTestId('view-releases').click();
  const panel = page.getByTestId('auto-halt');
  await expect(panel).toHaveAttribute('data-armed', 'false');
  await panel.getByTestId('auto-halt-after').fill('2');
  await panel.getByTestId('auto-halt-arm').click();
  await expect(panel).toHaveAttribute('data-armed', 'true');
  await expect(panel.getByTestId('auto-halt-state')).toContainText(`Armed by ${operator} at`);
  await expect(panel.getByTestId('auto-halt-state')).toContainText('after 2 evaluations worse');
}

async function promoteToBeta(page: Page) {
  await expect(page.getByTestId('promote-button')).toBeEnabled({ timeout: 20_000 });
  await page.getByTestId('promote-button').click();
  const confirm = page.getByTestId('release-confirm');
  await confirm.getByTestId('release-confirm-name').fill('Web app');
  await confirm.getByRole('button', { name: 'Confirm promote' }).click();
}

/** The halt as a console shows it: beta halted, and the decision with its cause. */
async function expectHalted(page: Page) {
  const beta = page.locator('[data-testid="release-ring"][data-ring="beta"]');
  await expect(beta).toHaveAttribute('data-status', 'halted', { timeout: 45_000 });
  const halt = page.locator('[data-testid="release-action"][data-action="ring.halt"]');
  await expect(halt).toHaveCount(1);
  await expect(halt).toHaveAttribute('data-state', 'succeeded', { timeout: 10_000 });
  await expect(halt).toContainText('by automatic halt (armed by');
  await expect(halt).toContainText(CAUSE);
}

test('armed on two consoles, a failing ring is halted once, and both say why', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const endpoint = await startDemoEndpoint(['--scenario', 'ring-rollout', '--seed', '5']);
  const a = await openConsole(browser, endpoint, 'ana', VIEWPORT);
  const b = await openConsole(browser, endpoint, 'bo', VIEWPORT);
  await arm(a, 'ana');
  await arm(b, 'bo');

  await promoteToBeta(a);
  await expectHalted(a);
  await expectHalted(b);
  await a.screenshot({ path: 'test-results/release-auto-halt-1366.png', fullPage: true });
  for (const [name, size] of [
    ['1080p', { width: 1920, height: 1080 }],
    ['4k', { width: 3840, height: 2160 }],
  ] as const) {
    await b.setViewportSize(size);
    await b.screenshot({ path: `test-results/release-auto-halt-${name}.png`, fullPage: true });
  }
  // The console that sent first says what it did; the other saw the ring halted first or sent the same key.
  const fired = [a, b].map((page) => page.getByTestId('auto-halt-fired'));
  await expect
    .poll(async () => (await fired[0]!.count()) + (await fired[1]!.count()))
    .toBeGreaterThanOrEqual(1);

  // Exactly one halt ran at the endpoint: one ring.halted event, on both consoles, and no second.
  for (const page of [a, b]) {
    await page.getByTestId('view-deployments').click();
    const halted = page
      .locator(
        '[data-testid="board-cell"][data-service="web"][data-environment="production"] [data-testid="board-events"] li',
      )
      .and(page.locator('[data-type="ring.halted"]'));
    await expect(halted).toHaveCount(1);
  }
  await a.waitForTimeout(3_000);
  await expect(a.locator('[data-testid="board-events"] li[data-type="ring.halted"]')).toHaveCount(
    1,
  );

  // The arming is in ana's audit log, by ana; the halt by the automatic halt she armed.
  await a.getByRole('button', { name: 'Audit', exact: true }).click();
  await a.getByTestId('audit-filter-action').selectOption('autohalt.arm');
  const armed = a.locator('[data-testid="audit-action"][data-action="autohalt.arm"]');
  await expect(armed).toHaveCount(1);
  await expect(armed).toHaveAttribute('data-operator', 'ana');
  await expect(armed).toContainText('5.9.0: halt after 2 evaluations worse');
});
