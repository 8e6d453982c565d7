// The report as a browser prints it at 1280 px: no word broken inside a table
// cell (headers above all: "Severi ty"), units as the wall writes them, no raw
// JSON, and a deployment timeline. Rendered from the v1 fixture, migrated, and
// from a snapshot with a history and wide tables.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readSnapshot } from '../../main/core/snapshot/snapshot-reader';
import { renderReport } from '../../main/core/snapshot/report/report-html';
import type { Snapshot } from '../../shared/api/snapshot';

const T = Date.UTC(2025, 0, 15, 21, 20, 0);

function withHistory(snapshot: Snapshot): Snapshot {
  const env = (version: string, previousVersions: string[], status: 'healthy' | 'degraded') => ({
    endpointId: 'demo',
    resourceVersion: 1,
    services: [
      {
        id: 'billing',
        name: 'Billing API',
        environments: [{ id: 'production', version, previousVersions, status, updatedAt: T }],
      },
    ],
  });
  return {
    ...snapshot,
    series: snapshot.series.map((s) => ({ ...s, unit: '{signup}/min' })),
    actions: [
      {
        endpointId: 'demo',
        key: 'rollback-1',
        action: 'deploy.rollback',
        args: { service: 'billing', environment: 'production', toVersion: '2.13.2' },
        state: 'succeeded',
        operator: 'ana',
        reason: 'availability below 99 %',
        submittedAt: T + 20 * 60_000,
        updatedAt: T + 21 * 60_000,
      },
    ],
    // Long unbroken keys and titles squeeze the other columns, as a real catalog's do.
    alerts: snapshot.alerts.map((alert) => ({
      ...alert,
      title: 'Availability of the billing API for paying customers in every region',
      seriesKey: `demo/${'service.availability.billing.production.'.repeat(4)}p99`,
      severity: 'warning',
      acknowledged: { by: 'ana.long-operator-name@example.com', at: T + 60_000 },
    })),
    history: {
      ...snapshot.history,
      recorded: true,
      deployments: [
        { at: T, deployments: env('2.13.2', ['2.13.1'], 'healthy') },
        { at: T + 8 * 60_000, deployments: env('2.14.0', ['2.13.2'], 'degraded') },
        { at: T + 21 * 60_000, deployments: env('2.13.2', ['2.14.0'], 'healthy') },
      ],
    },
  };
}

test('the report prints at 1280 px with whole words, units and a deployment timeline', async ({
  page,
}) => {
  const v1 = await readSnapshot(readFileSync('test/fixtures/snapshot-v1.wfsnap'));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: 'print' });
  for (const snapshot of [v1, withHistory(v1)]) {
    const html = renderReport(snapshot);
    await page.setContent(html);
    // Every word of every cell on one line: a word split by wrapping has two boxes.
    const broken = await page.evaluate(() => {
      const out: string[] = [];
      for (const cell of document.querySelectorAll('th, td')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          // A word: letters and digits. A key longer than any column may break (and only it).
          for (const token of text.matchAll(/\S+/g)) {
            if (token[0].length > 40) continue;
            for (const match of token[0].matchAll(/[\p{L}\p{N}]+/gu)) {
              const start = token.index + match.index;
              const range = document.createRange();
              range.setStart(node, start);
              range.setEnd(node, start + match[0].length);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              if (lines.size > 1) out.push(`${cell.tagName}: ${match[0]}`);
            }
          }
        }
      }
      return out;
    });
    expect(broken).toEqual([]);
    await expect(page.locator('#deployment-timeline')).toBeVisible();
    expect(html).not.toMatch(/\{&quot;|&quot;:/);
  }
  // The history's report: units in words, the rollback as a sentence, the timeline in order.
  await expect(page.locator('figcaption .unit').first()).toHaveText('signups/min');
  await expect(page.locator('#actions')).toContainText(
    'Rolled back Billing API in production from 2.14.0 to 2.13.2: succeeded, by ana, reason: availability below 99 %.',
  );
  const timeline = page.locator('#deployment-timeline tbody tr');
  await expect(timeline.nth(0)).toContainText('2.13.2 → 2.14.0 (deployed)');
  await expect(timeline.nth(1)).toContainText('Rolled back Billing API');
  await expect(timeline.nth(2)).toContainText('2.14.0 → 2.13.2 (rolled back)');
});
