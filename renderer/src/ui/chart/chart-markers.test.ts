import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleEvent, EndpointDeployments } from '../../../../shared/api/console-state';
import type { ConsoleSeries } from '../../../../shared/api/series';
import type { ConsoleStore } from '../../store/console-store';
import { clusterMarkers, markersOf } from './chart-markers';
import { forgetStateMarkers } from './state-markers';

const T0 = Date.parse('2026-01-01T10:00:00Z');
const series = { endpointId: 'demo', service: 'billing' } as ConsoleSeries;

const event = (type: string, at: number, data: Record<string, unknown>): ConsoleEvent =>
  ({
    endpointId: 'demo',
    type,
    time: new Date(at).toISOString(),
    subject: 'billing/production',
    data,
  }) as ConsoleEvent;

const deployments = (version: string, updatedAt: number, previous: string[]) =>
  [
    {
      endpointId: 'demo',
      resourceVersion: 1,
      services: [
        {
          id: 'billing',
          name: 'Billing API',
          environments: [
            { id: 'production', version, previousVersions: previous, status: 'healthy', updatedAt },
          ],
        },
      ],
    },
  ] as unknown as EndpointDeployments[];

const store = (events: ConsoleEvent[], deploys: EndpointDeployments[]) =>
  ({ events, actions: {}, deployments: deploys }) as unknown as ConsoleStore;

afterEach(forgetStateMarkers);

describe('chart markers', () => {
  it('name a rollback as a person would, with its versions', () => {
    const markers = markersOf(
      store([event('deploy.rolledback', T0, { from: '2.14.0', to: '2.13.2' })], []),
      series,
    );
    expect(markers.map((m) => m.label)).toEqual(['Rolled back 2.14.0 → 2.13.2']);
    expect(markers[0]?.detail).toMatch(/billing production: Rolled back 2\.14\.0 → 2\.13\.2$/);
    expect(markers[0]?.detail).not.toContain('deploy.rolledback');
  });

  it('name ring promotions and flag flips in words, not keys', () => {
    const markers = markersOf(
      store(
        [
          event('ring.promoted', T0, { version: '5.9.0', toRing: 'beta' }),
          event('flag.changed', T0 + 1, { flag: 'new-editor', enabled: false, ring: 'beta' }),
        ],
        [],
      ),
      series,
    );
    expect(markers.map((m) => m.label)).toEqual([
      'Promoted 5.9.0 to ring beta',
      'Flag new-editor turned off for ring beta',
    ]);
  });

  it('mark a deploy known only from state, and keep it after the rollback replaces that state', () => {
    const deployedAt = T0 - 12 * 60_000;
    const before = markersOf(store([], deployments('2.14.0', deployedAt, ['2.13.2'])), series);
    expect(before).toMatchObject([{ at: deployedAt, label: 'Deployed 2.14.0 (was 2.13.2)' }]);

    const rolledBack = event('deploy.rolledback', T0, { from: '2.14.0', to: '2.13.2' });
    const after = markersOf(store([rolledBack], deployments('2.13.2', T0 + 500, [])), series);
    expect(after.map((m) => m.label)).toEqual([
      'Deployed 2.14.0 (was 2.13.2)',
      'Rolled back 2.14.0 → 2.13.2',
    ]);
  });

  it('label a cluster by its latest change and say how many came before', () => {
    const markers = markersOf(
      store(
        [
          event('deploy.started', T0, { from: '2.14.0', to: '2.13.2', reason: 'rollback' }),
          event('deploy.rolledback', T0 + 1_000, { from: '2.14.0', to: '2.13.2' }),
        ],
        [],
      ),
      series,
    );
    const [cluster] = clusterMarkers(markers, T0 - 1, T0 + 2_000, 5_000);
    expect(cluster?.label).toBe('Rolled back 2.14.0 → 2.13.2 (+1 earlier)');
    expect(cluster?.detail).toContain('Rolling back 2.14.0 → 2.13.2');
  });
});
