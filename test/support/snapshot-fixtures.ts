// Shared by the snapshot reader's tests: the smallest console worth a file, and
// the SnapshotError a read ends in.
import type { SnapshotSource } from '../../shared/api/snapshot';
import { SnapshotError } from '../../main/core/snapshot/snapshot-error';

export const SNAPSHOT_NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

/** One endpoint, one CPU series with three points, nothing else. */
export const tinySnapshotSource: SnapshotSource = {
  state: () => ({
    endpoints: [{ id: 'demo', url: 'ws://127.0.0.1:1', name: 'Demo', state: 'open' }],
    series: [
      {
        key: 'demo/cpu',
        endpointId: 'demo',
        id: 'cpu',
        title: 'CPU',
        level: 'technical',
        unit: '%',
        kind: 'gauge',
        intervalMs: 1000,
      },
    ],
    deployments: [],
    actions: [],
    events: [],
    alerts: [],
    alertTimeline: [],
  }),
  points: () => ({
    t: [SNAPSHOT_NOW - 2000, SNAPSHOT_NOW - 1000, SNAPSHOT_NOW],
    v: [1.5, 2.5, 3.5],
  }),
  audit: () => [],
  appVersion: 'test',
  operator: () => 'tester',
  now: () => SNAPSHOT_NOW,
};

/** The SnapshotError `run` rejects with; anything else (or success) fails the test. */
export async function snapshotFailure(run: Promise<unknown>): Promise<SnapshotError> {
  try {
    await run;
  } catch (err) {
    if (err instanceof SnapshotError) return err;
    throw err;
  }
  throw new Error('accepted');
}
