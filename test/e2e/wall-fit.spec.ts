// The wall tells the truth at every size: at 1366×768, 1920×1080 and
// 3840×2160, over the ring-rollout scenario and a hundred series, no value or
// unit is clipped, no two tiles read the same, the header stays one line per
// row and no view in the nav is cut. Arranging changes only the arrangement:
// hiding a tile keeps the high-contrast theme and leaves "1 hidden" behind.
// Screenshots go to test-results/; UPDATE_DOCS_SCREENSHOTS=1 writes docs/wall-*.png.
import { fork, type ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, startBrowserMode, test } from './browser-mode';
import { docScreenshot } from './doc-screenshot';

const SIZES = [
  { width: 1366, height: 768, shot: 'wall-1366.png' },
  { width: 1920, height: 1080, shot: 'wall-1080p.png' },
  { width: 3840, height: 2160, shot: 'wall-4k.png' },
] as const;

const started: ChildProcess[] = [];

test.afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

async function openConsole(page: Page, args: string[]): Promise<void> {
  const { mode, child } = await startBrowserMode(args);
  started.push(child);
  await page.goto(mode.url);
  await expect(page.getByTestId('tile-value').first()).not.toHaveText('–', { timeout: 15_000 });
}

/** test/support/pulse-endpoint.ts: `count` sine-wave series at 1 Hz. */
async function startPulse(count: number): Promise<string> {
  const child = fork('test/support/pulse-endpoint.ts', ['1', String(count)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  started.push(child);
  return new Promise((resolve, reject) => {
    child.once('message', (url) => resolve(String(url)));
    child.once('exit', (code) => reject(new Error(`pulse endpoint exited ${code}`)));
  });
}

interface WallReading {
  /** Value, unit or figure elements whose content is wider than their box. */
  clipped: string[];
  /** Every visible tile's title as shown: name, chip and endpoint label. */
  titles: string[];
  /** Header rows taller than their tallest item (something wrapped). */
  wrappedRows: string[];
  /** Nav items cut by their box or by the window. */
  cutNav: string[];
}

function readWall(page: Page): Promise<WallReading> {
  return page.evaluate(() => {
    // Fractional widths: a text 0.4 px wider than its box is already cut.
    const contentWidth = (element: Element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return range.getBoundingClientRect().width;
    };
    const cut = (element: Element) =>
      element.scrollWidth > element.clientWidth ||
      contentWidth(element) > element.getBoundingClientRect().width + 0.5;
    const clipped: string[] = [];
    const titles: string[] = [];
    for (const tile of document.querySelectorAll('[data-testid="tile"]')) {
      const where = tile.getAttribute('data-series-key') ?? '?';
      const figure = tile.querySelector('.tile__figure');
      for (const part of ['tile-value', 'tile-unit']) {
        const element = tile.querySelector(`[data-testid="${part}"]`);
        if (element && cut(element)) clipped.push(`${where} ${part} "${element.textContent}"`);
      }
      if (figure && figure.scrollWidth > figure.clientWidth)
        clipped.push(`${where} figure "${figure.textContent}"`);
      const title = tile.querySelector('[data-testid="tile-title"]');
      if (!title) continue;
      for (const part of title.children)
        if (cut(part)) clipped.push(`${where} title part "${part.textContent}"`);
      titles.push((title as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
    }
    const wrappedRows = [...document.querySelectorAll('.wall-header__row')].flatMap((row) => {
      const items = [...row.children].map((child) => child.getBoundingClientRect());
      const tallest = Math.max(...items.map((box) => box.height));
      const height = row.getBoundingClientRect().height;
      return height > tallest + 1 ? [`${row.className}: ${height} > ${tallest}`] : [];
    });
    const nav = document.querySelector('nav[aria-label="Views"]')?.getBoundingClientRect();
    const cutNav = [...document.querySelectorAll('nav[aria-label="Views"] button')].flatMap(
      (button) => {
        const box = button.getBoundingClientRect();
        const outside = !nav || box.right > nav.right + 0.5 || box.right > innerWidth;
        return cut(button) || outside ? [button.textContent ?? '?'] : [];
      },
    );
    return { clipped, titles, wrappedRows, cutNav };
  });
}

async function expectTruthfulWall(page: Page, where: string): Promise<void> {
  const wall = await readWall(page);
  expect(wall.clipped, `${where}: clipped values, units or titles`).toEqual([]);
  const twins = wall.titles.filter((title, index) => wall.titles.indexOf(title) !== index);
  expect(twins, `${where}: titles shown twice`).toEqual([]);
  expect(wall.wrappedRows, `${where}: header rows that wrap`).toEqual([]);
  expect(wall.cutNav, `${where}: cut nav items`).toEqual([]);
}

test('ring-rollout at 1366, 1080p and 4K: values, units, titles and the header all fit', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openConsole(page, ['--scenario', 'ring-rollout']);
  await expect(page.getByTestId('tile-chip').first()).toBeVisible();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(1_500);
    await expectTruthfulWall(page, `${size.width}×${size.height}`);
    await page.screenshot({ path: docScreenshot(size.shot) });
    // A few new samples later (new digits, same shapes): still nothing cut.
    await page.waitForTimeout(2_000);
    await expectTruthfulWall(page, `${size.width}×${size.height}, later`);
  }
});

test('a hundred series at 1366, 1080p and 4K: nothing cut, no two titles alike', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const url = await startPulse(100);
  await openConsole(page, ['--endpoint', url]);
  await expect(page.getByTestId('tile')).toHaveCount(100, { timeout: 15_000 });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(1_500);
    await expectTruthfulWall(page, `100 series, ${size.width}×${size.height}`);
  }
});

test('bad-deploy at 1366: a critical header with its details still keeps one line', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openConsole(page, ['--scenario', 'bad-deploy']);
  await expect(page.getByTestId('overall-status')).toHaveAttribute('data-status', 'critical', {
    timeout: 45_000,
  });
  await expectTruthfulWall(page, 'bad-deploy, 1366×768');
});

test('hiding a tile keeps high contrast and leaves "1 hidden" on its band', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openConsole(page, ['--scenario', 'ring-rollout']);
  const html = page.locator('html');
  await page.getByTestId('theme-toggle').click();
  await expect(html).toHaveAttribute('data-theme', 'high-contrast');

  await page.getByTestId('arrange-toggle').click();
  const business = page.getByTestId('band-business');
  await business.getByTestId('tile-hide').first().click();
  await expect(business.getByTestId('band-hidden')).toHaveText(/^1 hidden/);
  await page.getByTestId('arrange-toggle').click();
  // Long enough for the host's settings delta to arrive and be applied.
  await page.waitForTimeout(1_500);
  await expect(html).toHaveAttribute('data-theme', 'high-contrast');
  await expect(business.getByTestId('band-hidden')).toHaveText(/^1 hidden/);

  // What the host kept: a reload shows the same theme and the same note.
  await page.reload();
  await expect(page.getByTestId('tile-value').first()).not.toHaveText('–');
  await expect(html).toHaveAttribute('data-theme', 'high-contrast');
  await expect(business.getByTestId('band-hidden')).toHaveText(/^1 hidden/);

  // The note leads back to Arrange mode, where the hidden tile can be shown again.
  await business.getByTestId('band-hidden').click();
  await expect(page.getByTestId('arrange-toggle')).toHaveAttribute('aria-pressed', 'true');
  await business.locator('[data-hidden="true"]').getByTestId('tile-hide').click();
  await expect(business.getByTestId('band-hidden')).toHaveCount(0);
  await expect(html).toHaveAttribute('data-theme', 'high-contrast');
});
