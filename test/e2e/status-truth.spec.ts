// The header and the cards tell the truth at a glance: a console that sees
// nothing never reads OK and offers the next step; in bad-deploy the verdict,
// the alert count and the Billing card tell the same story; and a link that
// reconnects cleanly never reads degraded.
import { startDemoEndpoint } from '../../endpoints/demo/demo-server';
import { expect, startBrowserMode, test } from './browser-mode';

test('a console with no endpoints never reads OK, and offers to add one', async ({ page }) => {
  const { mode, child } = await startBrowserMode(['--no-demo']);
  try {
    await page.goto(mode.url);
    const verdict = page.getByTestId('overall-status');
    await expect(verdict).toHaveAttribute('data-status', 'nodata');
    await expect(verdict).toContainText('NO DATA');
    // Watched over a few ticks of the shared clock: it never turns to OK.
    const seen = new Set<string>();
    for (let tick = 0; tick < 6; tick += 1) {
      seen.add((await verdict.getAttribute('data-status')) ?? '');
      await expect(verdict).not.toContainText('OK');
      await page.waitForTimeout(500);
    }
    expect([...seen]).toEqual(['nodata']);
    await verdict.getByRole('button', { name: 'Add an endpoint' }).click();
    await expect(page.getByTestId('view-connections')).toHaveAttribute('aria-pressed', 'true');
  } finally {
    child.kill('SIGTERM');
  }
});

test('bad-deploy: the verdict, the alert count and the Billing card agree', async ({
  page,
  browserMode,
}) => {
  await page.goto(browserMode.url);
  const count = page.getByTestId('alerts-count');
  await expect(count).not.toHaveAttribute('data-critical', '0', { timeout: 20_000 });
  const verdict = page.getByTestId('overall-status');
  const card = page.locator('[data-testid="service-card"][data-service="billing"]');
  // Read all three in one frame of the page, so a tick between reads cannot split them.
  const read = () =>
    page.evaluate(() => {
      const by = (selector: string) => document.querySelector<HTMLElement>(selector);
      const billing = by('[data-testid="service-card"][data-service="billing"]');
      return {
        critical: Number(by('[data-testid="alerts-count"]')?.dataset.critical),
        verdict: by('[data-testid="overall-status"]')?.dataset.status,
        details: by('[data-testid="overall-status"]')?.getAttribute('title') ?? '',
        health: billing?.dataset.health,
        reason: billing?.querySelector('[data-testid="deploy-status-reason"]')?.textContent ?? '',
      };
    });
  for (let tick = 0; tick < 4; tick += 1) {
    const now = await read();
    expect(now.critical).toBeGreaterThan(0);
    expect(now.verdict).toBe('critical');
    expect(now.details).toContain(`${now.critical} critical`);
    expect(now.health).toBe('degraded');
    expect(now.reason).toMatch(/^: \d+ critical alerts?$/);
    await page.waitForTimeout(700);
  }
  await expect(card.getByTestId('deploy-status')).not.toContainText('healthy');
  await expect(verdict).not.toContainText('ALL OK');
});

test('a link that reconnects cleanly never reads degraded', async ({ page }) => {
  test.setTimeout(60_000);
  let demo = await startDemoEndpoint({ heartbeatMs: 1_000 });
  const port = demo.port;
  const { mode, child } = await startBrowserMode(['--no-demo', '--endpoint', demo.url]);
  try {
    await page.goto(mode.url);
    const badge = page.getByTestId('endpoint-badge');
    await expect(badge).toHaveAttribute('data-link-state', 'open', { timeout: 15_000 });
    // The endpoint restarts: refused attempts while it is away, then a clean connection.
    await demo.close();
    await expect(badge).toHaveAttribute('data-state', 'disconnected', { timeout: 10_000 });
    demo = await startDemoEndpoint({ port, heartbeatMs: 1_000 });
    await expect(badge).toHaveAttribute('data-link-state', 'open', { timeout: 20_000 });
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { linkStates: string[] }).linkStates = seen;
      const note = () => {
        const state = document.querySelector<HTMLElement>('[data-testid="endpoint-badge"]')?.dataset
          .linkState;
        if (state) seen.push(state);
      };
      new MutationObserver(note).observe(document.body, {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-link-state'],
      });
    });
    // Long enough for several of the link's once-a-second state checks.
    await page.waitForTimeout(5_000);
    const seen = await page.evaluate(
      () => (window as unknown as { linkStates: string[] }).linkStates,
    );
    expect(seen).not.toContain('degraded');
    await expect(badge).toHaveAttribute('data-link-state', 'open');
  } finally {
    child.kill('SIGTERM');
    await demo.close();
  }
});
