// The deployment timeline a reviewer reads: deploys, rollbacks and ring
// moves, in order, however the history's entries were written.
import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, type SnapshotHistory } from '../api/snapshot';
import type { EndpointDeployments } from '../api/console-state';
import type { Ring } from '../protocol';
import { deployChanges } from './snapshot-deploy-changes';

const env = (version: string, previous: string[], status = 'healthy' as const, rings?: Ring[]) => ({
  id: 'production',
  version,
  previousVersions: previous,
  status,
  updatedAt: 0,
  ...(rings ? { rings } : {}),
});
const state = (environment: ReturnType<typeof env>): EndpointDeployments => ({
  endpointId: 'demo',
  resourceVersion: 1,
  services: [{ id: 'billing', name: 'Billing', environments: [environment] }],
});
const ring = (id: string, version: string): Ring => ({ id, name: id, share: 0.05, version });

describe('deployChanges', () => {
  it('names deploys and rollbacks in time order, ignoring repeats', () => {
    const history: SnapshotHistory = {
      ...EMPTY_HISTORY,
      recorded: true,
      deployments: [
        { at: 300, deployments: state(env('2.13.2', ['2.14.0', '2.13.2'])) },
        { at: 100, deployments: state(env('2.13.2', ['2.13.1'])) },
        { at: 200, deployments: state(env('2.14.0', ['2.13.2'])) },
        { at: 200, deployments: state(env('2.14.0', ['2.13.2'])) },
      ],
    };
    expect(deployChanges(history).map((c) => [c.at, c.kind, c.text])).toEqual([
      [200, 'deployed', 'Billing production: 2.13.2 → 2.14.0 (deployed)'],
      [300, 'rolled back', 'Billing production: 2.14.0 → 2.13.2 (rolled back)'],
    ]);
  });

  it('names a promotion into a ring', () => {
    const before = env('5.9.0', ['5.8.1'], 'healthy', [ring('beta', '5.8.1')]);
    const after = env('5.9.0', ['5.8.1'], 'healthy', [ring('beta', '5.9.0')]);
    const history: SnapshotHistory = {
      ...EMPTY_HISTORY,
      deployments: [
        { at: 1, deployments: state(before) },
        { at: 2, deployments: state(after) },
      ],
    };
    expect(deployChanges(history)).toMatchObject([
      { at: 2, kind: 'promoted', text: 'Billing production, ring beta: 5.8.1 → 5.9.0 (promoted)' },
    ]);
  });
});
