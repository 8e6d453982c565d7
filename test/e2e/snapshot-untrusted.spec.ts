// A snapshot is untrusted input. Damaged, cut-short, foreign and oversized
// files, picked or dropped, are refused with the host's reason in words and
// nothing else changes; a title written as HTML stays text, in the review's
// banner and in the report.
import AxeBuilder from '@axe-core/playwright';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  ftruncateSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, startBrowserMode, test } from './browser-mode';

const INJECTED = `<img src=x onerror="window.__pwned=1"><b>bold</b> & "quoted" <script>window.__pwned=2</script>`;

/** axe-core on one of our parts: no serious or critical violations. */
async function expectAccessible(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes[0]?.target}`);
  expect(serious, selector).toEqual([]);
}

/** Drops a file on the window as a user dragging it from the file manager would. */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.evaluate(
    ({ name, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
      const over = new DragEvent('dragover', { dataTransfer: transfer, cancelable: true });
      window.dispatchEvent(over);
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    },
    { name, data: bytes.toString('base64') },
  );
}

test('damaged, foreign and oversized files are refused in words; an HTML title stays text', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { mode, child } = await startBrowserMode(['--no-demo']);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', (dialog) => {
    problems.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const dir = mkdtempSync(join(tmpdir(), 'wf-untrusted-'));
  try {
    await page.goto(mode.url);
    const picker = page.getByTestId('snapshot-open-input');
    const error = page.getByTestId('snapshot-open-error');
    const refused = async (path: string, ...words: string[]) => {
      await picker.setInputFiles(path);
      await expect(error).toBeVisible();
      for (const word of words) await expect(error).toContainText(word);
      await expect(error).toHaveAttribute('role', 'alert');
      await expect(page.getByTestId('review-banner')).toHaveCount(0);
      await error.getByRole('button', { name: 'Dismiss' }).click();
      await expect(error).toHaveCount(0);
    };

    // Random bytes under a snapshot's name.
    const corrupt = join(dir, 'x.wfsnap');
    writeFileSync(corrupt, randomBytes(4_096));
    await refused(corrupt, 'x.wfsnap', 'not gzip data');

    // JSON of another kind, compressed like a snapshot.
    const foreign = join(dir, 'foreign.wfsnap');
    writeFileSync(foreign, gzipSync(JSON.stringify({ format: 'grafana.dashboard', panels: [] })));
    await refused(foreign, 'foreign.wfsnap', 'not of the watchfloor.snapshot format');

    // Not a .wfsnap at all: refused before anything is read.
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello');
    await refused(text, 'notes.txt', 'choose a .wfsnap file');

    // Above the 200 MB a snapshot may have (a sparse file: nothing is written to disk).
    const huge = join(dir, 'huge.wfsnap');
    const handle = openSync(huge, 'w');
    ftruncateSync(handle, 201 * 1024 * 1024);
    closeSync(handle);
    await refused(huge, 'huge.wfsnap', 'too large');

    // A real export whose title is HTML.
    await page.getByTestId('snapshot-export').click();
    await expect(page.getByTestId('snapshot-export-title')).toBeFocused();
    await expectAccessible(page, '[data-testid="snapshot-export-dialog"]');
    await page.getByTestId('snapshot-export-title').fill(INJECTED);
    await page.getByTestId('snapshot-export-submit').click();
    const result = page.getByTestId('snapshot-export-result');
    await expect(result).toBeVisible();
    const fileName = (await result.getAttribute('data-file-name')) ?? '';
    await page.getByTestId('snapshot-export-close').click();
    const exported = readFileSync(join(mode.userData, 'snapshots', fileName));

    // Cut short, as an interrupted copy would leave it.
    const truncated = join(dir, 'cut.wfsnap');
    writeFileSync(truncated, exported.subarray(0, Math.floor(exported.length / 2)));
    await refused(truncated, 'cut.wfsnap', 'cut short');

    // Dropped on the window: the same checks.
    await dropFile(page, 'dropped.wfsnap', randomBytes(512));
    await expect(error).toContainText('dropped.wfsnap');
    await expect(error).toContainText('not gzip data');
    await error.getByRole('button', { name: 'Dismiss' }).click();

    // The HTML title opens as text.
    await dropFile(page, 'intact.wfsnap', exported);
    const banner = page.getByTestId('review-banner');
    await expect(banner).toBeVisible();
    await expect(page.getByTestId('review-title')).toHaveText(INJECTED);
    await expect(banner.locator('img, b, script')).toHaveCount(0);
    await page.getByTestId('review-notes-toggle').click();
    await expect(page.getByTestId('review-notes')).toBeVisible();
    await expectAccessible(page, '[data-testid="review"]');

    // The report escapes it as well.
    await page.getByTestId('review-report').click();
    const link = page.getByTestId('review-report-download');
    await expect(link).toBeVisible();
    const report = await page.request.get(
      `${mode.origin}${(await link.getAttribute('href')) ?? ''}`,
    );
    const html = await report.text();
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;img src=x');
    const reportPath = join(dir, 'report.html');
    writeFileSync(reportPath, html);
    const offline = await page.context().browser()?.newContext();
    if (!offline) throw new Error('no browser');
    await offline.setOffline(true);
    const reportPage = await offline.newPage();
    await reportPage.goto(`file://${reportPath}`);
    await expect(reportPage.locator('h1')).toHaveText(INJECTED);
    await expect(reportPage.locator('h1 img, h1 b')).toHaveCount(0);
    await offline.close();

    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
