import { describe, expect, it } from 'vitest';
import { DeployStore } from '../../../../main/core/deploy-store';
import type { EndpointDeployments } from '../../../../shared/console-api';

const snapshot = (endpointId: string, resourceVersion: number, version = '1.0.0') =>
  ({
    endpointId,
    resourceVersion,
    services: [
      {
        id: 'billing',
        name: 'Billing API',
        environments: [
          {
            id: 'production',
            version,
            previousVersions: [],
            status: 'healthy',
            updatedAt: 0,
          },
        ],
      },
    ],
  }) satisfies EndpointDeployments;

describe('DeployStore', () => {
  it('stores the first snapshot of an endpoint and returns it', () => {
    const store = new DeployStore();
    const first = snapshot('ep1', 1);
    expect(store.apply(first)).toBe(first);
    expect(store.all()).toEqual([first]);
  });

  it('replaces the stored snapshot with a newer resourceVersion', () => {
    const store = new DeployStore();
    store.apply(snapshot('ep1', 1, '1.0.0'));
    const newer = snapshot('ep1', 2, '2.0.0');
    expect(store.apply(newer)).toBe(newer);
    expect(store.all()).toEqual([newer]);
  });

  it('ignores an older resourceVersion', () => {
    const store = new DeployStore();
    const current = snapshot('ep1', 5, '5.0.0');
    store.apply(current);
    expect(store.apply(snapshot('ep1', 4, '4.0.0'))).toBeUndefined();
    expect(store.all()).toEqual([current]);
  });

  it('ignores an equal resourceVersion even with different content', () => {
    const store = new DeployStore();
    const current = snapshot('ep1', 5, '5.0.0');
    store.apply(current);
    expect(store.apply(snapshot('ep1', 5, 'other'))).toBeUndefined();
    expect(store.all()).toEqual([current]);
  });

  it('tracks endpoints independently', () => {
    const store = new DeployStore();
    store.apply(snapshot('ep1', 10));
    const other = snapshot('ep2', 1);
    expect(store.apply(other)).toBe(other);
    expect(store.all()).toHaveLength(2);
  });

  it('reset() forgets an endpoint, so a restarted endpoint counting from zero is accepted', () => {
    const store = new DeployStore();
    store.apply(snapshot('ep1', 10));
    store.apply(snapshot('ep2', 3));
    store.reset('ep1');
    expect(store.all().map((d) => d.endpointId)).toEqual(['ep2']);
    const restarted = snapshot('ep1', 0, '9.9.9');
    expect(store.apply(restarted)).toBe(restarted);
    expect(store.all()).toContainEqual(restarted);
  });
});
