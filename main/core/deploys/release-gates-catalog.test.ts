// Which catalog series become a release's gates and baselines, what each gate
// reports, and that passing and failing are tracked per release, not shared.
import { describe, expect, it } from 'vitest';
import { GATE_WINDOW_MS, ReleaseGates } from './release-gates';
import type { ConsoleSeries } from '../../../shared/api/series';
import type { EndpointDeployments } from '../../../shared/api/console-state';
import type { EnvironmentState } from '../../../shared/protocol';

const T0 = 1_800_000_000_000;

/** An environment whose internal and beta rings run `release`; everyone runs 5.8.1. */
const environment = (id: string, release = '5.9.0'): EnvironmentState => ({
  id,
  version: '5.8.1',
  previousVersions: [],
  status: 'healthy',
  updatedAt: T0,
  rings: [
    { id: 'internal', name: 'Internal', share: 0.01, version: release, status: 'complete' },
    { id: 'beta', name: 'Beta', share: 0.05, version: release, since: T0, status: 'active' },
    { id: 'all', name: 'Everyone', share: 1, version: '5.8.1' },
  ],
});

const deployments = (...environments: EnvironmentState[]): EndpointDeployments[] => [
  {
    endpointId: 'demo',
    resourceVersion: 1,
    services: [{ id: 'web', name: 'Web app', environments }],
  },
];

interface SeriesSpec {
  attributes: Record<string, string>;
  endpointId?: string;
  service?: string;
  tolerance?: number;
  direction?: 'above' | 'below';
  title?: string;
}

function series(id: string, spec: SeriesSpec): ConsoleSeries {
  const { endpointId = 'demo', service = 'web', tolerance, direction = 'above' } = spec;
  return {
    key: `${endpointId}/${id}`,
    endpointId,
    id,
    title: spec.title ?? 'Failed requests',
    level: 'technical',
    unit: '%',
    kind: 'gauge',
    intervalMs: 1000,
    service,
    attributes: spec.attributes,
    thresholds: {
      warning: 1,
      critical: 2,
      direction,
      ...(tolerance === undefined ? {} : { tolerance }),
    },
  };
}

const gate = (metric: string, ring = 'beta', version = '5.9.0', extra: Partial<SeriesSpec> = {}) =>
  series(`${metric}{ring=${ring},version=${version}}`, {
    attributes: { metric, ring, version },
    tolerance: 0.5,
    ...extra,
  });
const baseline = (metric: string, version = '5.8.1') =>
  series(`${metric}{version=${version}}`, {
    attributes: { metric, version, baseline: 'true' },
    tolerance: 0.5,
  });

/** Means by series key; a key not listed has no data. */
const meansOf =
  (values: Record<string, number>) =>
  (key: string): number | undefined =>
    values[key];

describe('release gate catalog', () => {
  it('makes gates only of its own service series, in the ring and version it reached, with a tolerance', () => {
    const own = gate('errors');
    const catalog = [
      own,
      baseline('errors'),
      gate('errors', 'beta', '5.9.0', { service: 'api' }),
      gate('errors', 'beta', '5.9.0', { endpointId: 'other' }),
      gate('errors', 'internal'),
      gate('errors', 'beta', '5.8.9'),
      // Split by ring and version, but no gate: it has no tolerance.
      series('rps{ring=beta,version=5.9.0}', {
        attributes: { metric: 'rps', ring: 'beta', version: '5.9.0' },
      }),
    ];
    const [status] = new ReleaseGates().evaluate(
      deployments(environment('production')),
      catalog,
      () => 1,
      T0,
    );
    expect(status?.gates.map((g) => g.releaseKey)).toEqual([own.key]);
  });

  it("compares a gate with its own metric's baseline at the version everyone runs", () => {
    const release = gate('errors');
    const catalog = [baseline('latency'), baseline('errors', '5.8.0'), baseline('errors'), release];
    const means = meansOf({
      [release.key]: 2,
      [baseline('latency').key]: 300,
      [baseline('errors', '5.8.0').key]: 9,
      [baseline('errors').key]: 1.6,
    });
    const [status] = new ReleaseGates().evaluate(
      deployments(environment('production')),
      catalog,
      means,
      T0 + 5_000,
    );
    expect(status?.gates).toStrictEqual([
      {
        metric: 'errors',
        title: 'Failed requests',
        unit: '%',
        releaseKey: release.key,
        baselineKey: baseline('errors').key,
        releaseValue: 2,
        baselineValue: 1.6,
        difference: (2 - 1.6) / 1.6,
        tolerance: 0.5,
        direction: 'above',
        verdict: 'same',
        passingSince: T0 + 5_000,
      },
    ]);
  });

  it('reports a gate with nothing to compare without any value, baseline or passing time', () => {
    const release = gate('errors');
    const [status] = new ReleaseGates().evaluate(
      deployments(environment('production')),
      [release],
      () => undefined,
      T0,
    );
    expect(status?.gates).toStrictEqual([
      {
        metric: 'errors',
        title: 'Failed requests',
        unit: '%',
        releaseKey: release.key,
        tolerance: 0.5,
        direction: 'above',
        verdict: 'nodata',
      },
    ]);
  });

  it('averages release and baseline over the window that ends now', () => {
    const release = gate('errors');
    const asked: [string, number][] = [];
    new ReleaseGates().evaluate(
      deployments(environment('production')),
      [release, baseline('errors')],
      (key, since) => {
        asked.push([key, since]);
        return 1;
      },
      T0 + 90_000,
    );
    expect(asked).toEqual([
      [release.key, T0 + 90_000 - GATE_WINDOW_MS],
      [baseline('errors').key, T0 + 90_000 - GATE_WINDOW_MS],
    ]);
  });

  it('lists every failing gate in the reason promotion is refused', () => {
    const errors = gate('errors');
    const latency = gate('latency', 'beta', '5.9.0', { title: 'Response time' });
    const [status] = new ReleaseGates().evaluate(
      deployments(environment('production')),
      [errors, latency, baseline('errors')],
      meansOf({ [errors.key]: 2, [baseline('errors').key]: 1, [latency.key]: 120 }),
      T0,
    );
    expect(status?.promote).toEqual({
      allowed: false,
      reason:
        'Failed requests worse than baseline (+100% vs tolerance 50%); Response time: no data to compare',
    });
  });
});

describe('release gate tracking', () => {
  const healthy = meansOf({ [gate('errors').key]: 1, [baseline('errors').key]: 1 });
  const failing = meansOf({ [gate('errors').key]: 3, [baseline('errors').key]: 1 });
  const catalog = [gate('errors'), baseline('errors')];

  it('times passing per environment: a release reaching production starts its own', () => {
    const gates = new ReleaseGates();
    const allOld = {
      ...environment('production'),
      rings: environment('production', '5.8.1').rings,
    };
    gates.evaluate(deployments(environment('staging'), allOld), catalog, healthy, T0 + 1_000);
    const [staging, production] = gates.evaluate(
      deployments(environment('staging'), environment('production')),
      catalog,
      healthy,
      T0 + 9_000,
    );
    expect(staging?.gates[0]?.passingSince).toBe(T0 + 1_000);
    expect(production?.gates[0]?.passingSince).toBe(T0 + 9_000);
  });

  it('counts failing evaluations per environment', () => {
    const gates = new ReleaseGates();
    const statuses = gates.evaluate(
      deployments(environment('staging'), environment('production')),
      catalog,
      failing,
      T0,
    );
    expect(statuses.map((status) => [status.environment, status.failing?.evaluations])).toEqual([
      ['staging', 1],
      ['production', 1],
    ]);
  });

  it('times a gate without a metric attribute by its own series', () => {
    const noMetric = (name: string) =>
      series(`${name}{ring=beta,version=5.9.0}`, {
        attributes: { ring: 'beta', version: '5.9.0' },
        tolerance: 0.5,
      });
    const base = series('base{version=5.8.1}', {
      attributes: { version: '5.8.1', baseline: 'true' },
    });
    const gates = new ReleaseGates();
    const env = deployments(environment('production'));
    gates.evaluate(env, [noMetric('a'), base], () => 1, T0 + 1_000);
    const [status] = gates.evaluate(env, [noMetric('a'), noMetric('b'), base], () => 1, T0 + 9_000);
    expect(status?.gates.map((g) => [g.metric, g.passingSince])).toEqual([
      [noMetric('a').id, T0 + 1_000],
      [noMetric('b').id, T0 + 9_000],
    ]);
  });
});
