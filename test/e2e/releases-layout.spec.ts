// The Releases view on a laptop: at 1366×768, and in a 960 px window beside
// a terminal, nothing scrolls sideways, with a confirmation open too; the
// narrow window stacks the gates above the controls.
import AxeBuilder from '@axe-core/playwright';
import type { ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, startBrowserMode, test } from './browser-mode';

let console_: ChildProcess | undefined;

test.afterEach(() => {
  console_?.kill('SIGTERM');
  console_ = undefined;
});

/** Widths by which anything overflows sideways: the page, the view, or any element in it. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const view = document.querySelector<HTMLElement>('[data-testid="releases-view"]');
    const page = document.scrollingElement ?? document.documentElement;
    const widest = view
      ? Math.max(
          ...[...view.querySelectorAll<HTMLElement>('*')].map(
            (element) => element.getBoundingClientRect().right,
          ),
        )
      : Infinity;
    return {
      page: page.scrollWidth - page.clientWidth,
      view: view ? view.scrollWidth - view.clientWidth : Infinity,
      beyondWindow: Math.max(0, widest - window.innerWidth),
    };
  });

async function openReleases(page: Page): Promise<void> {
  const { mode, child } = await startBrowserMode(['--scenario', 'ring-rollout']);
  console_ = child;
  await page.goto(mode.url);
  await page.getByTestId('view-releases').click();
  await expect(page.getByTestId('gate-row')).toHaveCount(2);
  await expect(page.locator('[data-testid="release-gate-chart"] canvas')).toHaveCount(2);
}

/** axe-core on the view alone: the header belongs to its own tests. */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('[data-testid="releases-view"]').analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} at ${violation.nodes[0]?.target.join(' ')}`,
    );
  expect(serious, where).toEqual([]);
}

const noOverflow = { page: 0, view: 0, beyondWindow: 0 };

test('1366×768: no horizontal scroll, with a confirmation open', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openReleases(page);
  expect(await sidewaysOverflow(page)).toEqual(noOverflow);
  await page.getByTestId('halt-button').click();
  await expect(page.getByTestId('release-confirm')).toBeVisible();
  expect(await sidewaysOverflow(page)).toEqual(noOverflow);
  await expectNoSeriousViolations(page, 'releases view with a confirmation open');
  // Wide enough for two columns: the controls beside the gates.
  const gates = await page.getByTestId('gate-row').first().boundingBox();
  const controls = await page.getByTestId('halt-button').boundingBox();
  expect(controls?.x ?? 0).toBeGreaterThan((gates?.x ?? 0) + (gates?.width ?? 0) - 1);
});

test('960×1080 beside a terminal: stacked, no horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 1080 });
  await openReleases(page);
  expect(await sidewaysOverflow(page)).toEqual(noOverflow);
  await page.getByTestId('halt-button').click();
  await expect(page.getByTestId('release-confirm-risk')).toBeVisible();
  expect(await sidewaysOverflow(page)).toEqual(noOverflow);
  const table = await page.locator('.release-gate-table').boundingBox();
  const controls = await page.getByTestId('halt-button').boundingBox();
  expect(controls?.y ?? 0).toBeGreaterThan((table?.y ?? 0) + (table?.height ?? 0));
});
