// The deployment timeline a reviewer reads: deploys, rollbacks and ring
// moves, in order, however the history's entries were written.
import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, type SnapshotHistory } from '../api/snapshot';
import type { EndpointDeployments } from '../api/console-state';
import type { EnvironmentState, Ring } from '../protocol';
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

const history = (...states: EndpointDeployments[]): SnapshotHistory => ({
  ...EMPTY_HISTORY,
  recorded: true,
  deployments: states.map((deployments, index) => ({ at: (index + 1) * 100, deployments })),
});
const texts = (changes: ReturnType<typeof deployChanges>) =>
  changes.map((c) => `${c.kind}: ${c.text}`);
const rolling = (rings: Ring[]) => state(env('5.9.0', ['5.8.1'], 'healthy', rings));
/** The billing production environment in any status, not only healthy. */
const inStatus = (
  environment: ReturnType<typeof env>,
  status: EnvironmentState['status'],
): EndpointDeployments => ({
  ...state(environment),
  services: [{ id: 'billing', name: 'Billing', environments: [{ ...environment, status }] }],
});

describe('deployChanges, ring by ring', () => {
  const beta = (version: string, status?: Ring['status']): Ring => ({
    ...ring('beta', version),
    ...(status ? { status } : {}),
  });

  it('says nothing of a ring that neither moved nor changed status', () => {
    expect(
      deployChanges(
        history(rolling([beta('5.9.0', 'active')]), rolling([beta('5.9.0', 'active')])),
      ),
    ).toEqual([]);
  });

  it('names a ring halted, and a ring whose status was cleared as active', () => {
    const changes = deployChanges(
      history(
        rolling([beta('5.9.0', 'active')]),
        rolling([beta('5.9.0', 'halted')]),
        rolling([beta('5.9.0')]),
      ),
    );
    expect(texts(changes)).toEqual([
      'ring changed: Billing production, ring beta: 5.9.0 halted (ring changed)',
      'ring changed: Billing production, ring beta: 5.9.0 active (ring changed)',
    ]);
  });

  it('calls a ring sent back to an earlier version a ring change, not a promotion', () => {
    const changes = deployChanges(history(rolling([beta('5.9.0')]), rolling([beta('5.8.1')])));
    expect(texts(changes)).toEqual([
      'ring changed: Billing production, ring beta: 5.9.0 → 5.8.1 (ring changed)',
    ]);
  });
});

describe('deployChanges, environments', () => {
  it('names a status change of the same version, and only the deploy when the version moved too', () => {
    const changes = deployChanges(
      history(
        state(env('2.14.0', ['2.13.2'])),
        inStatus(env('2.14.0', ['2.13.2']), 'degraded'),
        inStatus(env('2.15.0', ['2.14.0']), 'deploying'),
      ),
    );
    expect(changes.map((c) => [c.at, c.kind, c.service, c.environment, c.text])).toEqual([
      [200, 'status', 'billing', 'production', 'Billing production 2.14.0: healthy → degraded'],
      [300, 'deployed', 'billing', 'production', 'Billing production: 2.14.0 → 2.15.0 (deployed)'],
    ]);
  });

  it('tells the services of one endpoint apart', () => {
    const two = (billing: string): EndpointDeployments => ({
      endpointId: 'demo',
      resourceVersion: 1,
      services: [
        { id: 'billing', name: 'Billing', environments: [env(billing, ['2.13.2'])] },
        { id: 'web', name: 'Web', environments: [env('5.8.1', ['5.8.0'])] },
      ],
    });
    expect(
      deployChanges(history(two('2.14.0'), two('2.14.1'))).map((c) => [c.service, c.text]),
    ).toEqual([['billing', 'Billing production: 2.14.0 → 2.14.1 (deployed)']]);
  });

  it('takes, of two states recorded at the same instant, the later one in the file last', () => {
    const sameInstant: SnapshotHistory = {
      ...EMPTY_HISTORY,
      deployments: [
        { at: 100, deployments: state(env('2.13.2', ['2.13.1'])) },
        { at: 200, deployments: state(env('2.14.0', ['2.13.2'])) },
        { at: 200, deployments: state(env('2.14.1', ['2.14.0'])) },
      ],
    };
    expect(texts(deployChanges(sameInstant))).toEqual([
      'deployed: Billing production: 2.13.2 → 2.14.0 (deployed)',
      'deployed: Billing production: 2.14.0 → 2.14.1 (deployed)',
    ]);
  });
});
