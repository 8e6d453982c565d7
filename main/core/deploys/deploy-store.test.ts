import { describe, expect, it } from 'vitest';
import { DeployStore } from './deploy-store';
import type { ServiceState } from '../../../shared/protocol';

const service = (id: string, version = '1.0.0'): ServiceState => ({
  id,
  name: `${id} service`,
  environments: [
    {
      id: 'production',
      version,
      previousVersions: [],
      status: 'healthy',
      updatedAt: 0,
    },
  ],
});

const versionsOf = (store: DeployStore, endpointId: string) =>
  store
    .all()
    .find((d) => d.endpointId === endpointId)
    ?.services.map((s) => [s.id, s.environments[0]?.version]);

describe('DeployStore.snapshot', () => {
  it('stores the first snapshot of an endpoint and returns it', () => {
    const store = new DeployStore();
    const services = [service('billing')];
    const first = store.snapshot('ep1', 1, services);
    expect(first).toEqual({ endpointId: 'ep1', resourceVersion: 1, services });
    expect(store.all()).toEqual([first]);
    expect(store.versionOf('ep1')).toBe(1);
  });

  it('replaces everything held for the endpoint: services missing from it are gone', () => {
    const store = new DeployStore();
    store.snapshot('ep1', 1, [service('billing'), service('web')]);
    const next = store.snapshot('ep1', 2, [service('web', '2.0.0')]);
    expect(store.all()).toEqual([next]);
    expect(versionsOf(store, 'ep1')).toEqual([['web', '2.0.0']]);
    expect(store.versionOf('ep1')).toBe(2);
  });

  it('tracks endpoints independently', () => {
    const store = new DeployStore();
    store.snapshot('ep1', 10, [service('billing')]);
    const other = store.snapshot('ep2', 1, [service('web')]);
    expect(store.all()).toHaveLength(2);
    expect(store.all()).toContainEqual(other);
    expect(store.versionOf('ep1')).toBe(10);
    expect(store.versionOf('ep2')).toBe(1);
  });
});

describe('DeployStore.change', () => {
  it('upserts a changed service in place, keeping its position', () => {
    const store = new DeployStore();
    store.snapshot('ep1', 5, [service('a'), service('b'), service('c')]);
    const next = store.change('ep1', { resourceVersion: 6, service: service('b', '2.0.0') });
    expect(next?.resourceVersion).toBe(6);
    expect(next?.services.map((s) => [s.id, s.environments[0]?.version])).toEqual([
      ['a', '1.0.0'],
      ['b', '2.0.0'],
      ['c', '1.0.0'],
    ]);
    expect(store.all()).toEqual([next]);
    expect(store.versionOf('ep1')).toBe(6);
  });

  it('keeps the position of the first and of the last service too', () => {
    const store = new DeployStore();
    store.snapshot('ep1', 5, [service('a'), service('b'), service('c')]);
    store.change('ep1', { resourceVersion: 6, service: service('a', '2.0.0') });
    store.change('ep1', { resourceVersion: 7, service: service('c', '3.0.0') });
    expect(versionsOf(store, 'ep1')).toEqual([
      ['a', '2.0.0'],
      ['b', '1.0.0'],
      ['c', '3.0.0'],
    ]);
  });

  it('appends a new service at the end', () => {
    const store = new DeployStore();
    store.snapshot('ep1', 5, [service('a'), service('b')]);
    store.change('ep1', { resourceVersion: 6, service: service('new') });
    expect(versionsOf(store, 'ep1')?.map(([id]) => id)).toEqual(['a', 'b', 'new']);
  });

  it('`removed` deletes the service', () => {
    const store = new DeployStore();
    store.snapshot('ep1', 5, [service('a'), service('b'), service('c')]);
    const next = store.change('ep1', { resourceVersion: 6, removed: 'b' });
    expect(next?.services.map((s) => s.id)).toEqual(['a', 'c']);
    expect(store.versionOf('ep1')).toBe(6);
  });

  it('removing a service it does not hold still advances the version', () => {
    const store = new DeployStore();
    store.snapshot('ep1', 5, [service('a')]);
    expect(store.change('ep1', { resourceVersion: 6, removed: 'zzz' })?.services).toHaveLength(1);
    expect(store.versionOf('ep1')).toBe(6);
  });

  it.each([
    ['an older', 4],
    ['an equal', 5],
  ])('ignores %s resourceVersion and returns undefined', (_, version) => {
    const store = new DeployStore();
    const current = store.snapshot('ep1', 5, [service('a'), service('b')]);
    expect(store.change('ep1', { resourceVersion: version, service: service('a', '9.9.9') })).toBe(
      undefined,
    );
    expect(store.change('ep1', { resourceVersion: version, removed: 'b' })).toBeUndefined();
    expect(store.all()).toEqual([current]);
    expect(store.versionOf('ep1')).toBe(5);
  });

  it('does not mutate the state it returned before', () => {
    const store = new DeployStore();
    const before = store.snapshot('ep1', 5, [service('a'), service('b')]);
    store.change('ep1', { resourceVersion: 6, service: service('a', '2.0.0') });
    store.change('ep1', { resourceVersion: 7, removed: 'b' });
    expect(before.resourceVersion).toBe(5);
    expect(before.services.map((s) => [s.id, s.environments[0]?.version])).toEqual([
      ['a', '1.0.0'],
      ['b', '1.0.0'],
    ]);
  });

  it('a change for an endpoint without a snapshot starts from an empty list', () => {
    const store = new DeployStore();
    const next = store.change('ep1', { resourceVersion: 3, service: service('a') });
    expect(next).toEqual({ endpointId: 'ep1', resourceVersion: 3, services: [service('a')] });
    expect(store.versionOf('ep1')).toBe(3);
  });

  it('changes of one endpoint leave the others alone', () => {
    const store = new DeployStore();
    store.snapshot('ep1', 5, [service('a')]);
    const other = store.snapshot('ep2', 100, [service('a')]);
    store.change('ep1', { resourceVersion: 6, removed: 'a' });
    expect(store.all()).toContainEqual(other);
    expect(store.versionOf('ep2')).toBe(100);
  });
});

describe('DeployStore.versionOf and forget', () => {
  it('versionOf is undefined for an endpoint never seen', () => {
    expect(new DeployStore().versionOf('ep1')).toBeUndefined();
  });

  it('forget() drops an endpoint, so a restarted endpoint counting from a lower version is accepted', () => {
    const store = new DeployStore();
    store.snapshot('ep1', 10, [service('a')]);
    store.snapshot('ep2', 3, [service('b')]);
    store.forget('ep1');
    expect(store.all().map((d) => d.endpointId)).toEqual(['ep2']);
    expect(store.versionOf('ep1')).toBeUndefined();
    expect(store.change('ep1', { resourceVersion: 2, service: service('x') })).toBeDefined();
    expect(versionsOf(store, 'ep1')).toEqual([['x', '1.0.0']]);
  });
});

describe('DeployStore.environment', () => {
  it('finds one environment as last reported, and nothing for what it does not hold', () => {
    const store = new DeployStore();
    store.snapshot('ep1', 1, [service('billing', '2.14.0')]);
    expect(store.environment('ep1', 'billing', 'production')?.version).toBe('2.14.0');
    store.change('ep1', { resourceVersion: 2, service: service('billing', '2.13.2') });
    expect(store.environment('ep1', 'billing', 'production')?.version).toBe('2.13.2');
    expect(store.environment('ep1', 'billing', 'staging')).toBeUndefined();
    expect(store.environment('ep1', 'web', 'production')).toBeUndefined();
    expect(store.environment('ep2', 'billing', 'production')).toBeUndefined();
  });
});
