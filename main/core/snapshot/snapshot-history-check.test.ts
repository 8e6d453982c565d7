// The head check gives one zod parse's verdict, and hands the event loop back
// while it walks a long history.
import { setImmediate as immediate } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '../../../shared/api/snapshot';
import { snapshotHeadSchema } from '../../../shared/api/snapshot';
import { checkHead } from './snapshot-history-check';
import { TimeSlicer } from './snapshot-slicer';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

function head(links: number): Record<string, unknown> {
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    meta: {
      title: 'check',
      notes: '',
      createdAt: NOW,
      createdBy: 'test',
      appVersion: 'test',
      window: { from: NOW - 3_600_000, to: NOW },
    },
    endpoints: [],
    series: [],
    deployments: [],
    events: [],
    actions: [],
    alerts: [],
    alertTimeline: [],
    audit: [],
    annotations: [],
    history: {
      ...EMPTY_HISTORY,
      recorded: true,
      links: Array.from({ length: links }, (_, i) => ({
        at: NOW - i,
        endpointId: `region-${i % 4}`,
        state: i % 2 ? 'open' : 'reconnecting',
        extra: 'dropped, as zod drops it',
      })),
      departed: [{ at: NOW, key: 'region-0/gone' }],
    },
  };
}

describe('checkHead', () => {
  it('reads a valid head as one schema parse does', async () => {
    const doc = head(50);
    const checked = await checkHead(doc);
    const parsed = snapshotHeadSchema.parse(doc);
    expect(checked).toEqual({ success: true, data: parsed });
    if (checked.success) expect(Object.keys(checked.data)).toEqual(Object.keys(parsed));
  });

  it('names the bad history entry by its path', async () => {
    const doc = head(50);
    const links = (doc.history as { links: Record<string, unknown>[] }).links;
    links[37] = { ...links[37], state: 'sideways' };
    const checked = await checkHead(doc);
    expect(checked.success).toBe(false);
    if (!checked.success)
      expect(checked.issues[0]?.path).toEqual(['history', 'links', 37, 'state']);
  });

  it('refuses a history longer than the limit, and a head without one', async () => {
    const long = head(0);
    (long.history as { departed: unknown[] }).departed = Array(100_001).fill({
      at: NOW,
      key: 'a/b',
    });
    const tooLong = await checkHead(long);
    expect(tooLong.success || tooLong.issues[0]?.path).toEqual(['history', 'departed']);
    const none = await checkHead({ ...head(0), history: undefined });
    expect(none.success || none.issues[0]?.path).toEqual(['history']);
  });

  it('lets other work run while it checks a long history', async () => {
    let ticks = 0;
    let checking = true;
    const ticker = (async () => {
      while (checking) {
        await immediate();
        ticks += 1;
      }
    })();
    const checked = await checkHead(head(5_000), new TimeSlicer(0));
    const during = ticks;
    checking = false;
    await ticker;
    expect(checked.success).toBe(true);
    expect(during).toBeGreaterThan(100);
  });
});
