// Release gates as a release owner relies on them: a worse ring blocks
// promotion with the reason, a healthy ring must still soak, and promotion
// opens once every gate has passed for the ring's minimum soak time.
import { describe, expect, it } from 'vitest';
import { ReleaseGates, describeFailure, judge } from './release-gates';
import type { ConsoleSeries } from '../../../shared/api/series';
import type { EndpointDeployments } from '../../../shared/api/console-state';

const T0 = 1_800_000_000_000;
const ring = (id: string, share: number, version: string, extra: object = {}) => ({
  id,
  name: id,
  share,
  version,
  ...extra,
});

const deployments = (betaVersion: string, betaExtra: object = {}): EndpointDeployments[] => [
  {
    endpointId: 'demo',
    resourceVersion: 1,
    services: [
      {
        id: 'web',
        name: 'Web app',
        environments: [
          {
            id: 'production',
            version: '5.8.1',
            previousVersions: [],
            status: 'healthy',
            updatedAt: T0,
            rings: [
              ring('internal', 0.01, betaVersion, { status: 'complete' }),
              ring('beta', 0.05, betaVersion, {
                since: T0,
                minSoakMs: 60_000,
                status: 'active',
                ...betaExtra,
              }),
              ring('all', 1, '5.8.1'),
            ],
          },
        ],
      },
    ],
  },
];

const series = (id: string, attributes: Record<string, string>): ConsoleSeries => ({
  key: `demo/${id}`,
  endpointId: 'demo',
  id,
  title: 'Failed requests',
  level: 'technical',
  unit: '%',
  kind: 'gauge',
  intervalMs: 1000,
  service: 'web',
  attributes,
  thresholds: { warning: 1, critical: 2, direction: 'above', tolerance: 0.5 },
});

const catalog = [
  series('err{ring=beta,version=5.9.0}', {
    metric: 'app.errors.ratio',
    ring: 'beta',
    version: '5.9.0',
  }),
  series('err{version=5.8.1}', { metric: 'app.errors.ratio', version: '5.8.1', baseline: 'true' }),
];

const means = (release: number, baseline: number) => (key: string) =>
  key.includes('ring=beta') ? release : key.includes('version=5.8.1') ? baseline : undefined;

describe('ReleaseGates', () => {
  it('blocks promotion with the reason when the ring is worse than the baseline', () => {
    const [status] = new ReleaseGates().evaluate(
      deployments('5.9.0'),
      catalog,
      means(3.2, 0.3),
      T0 + 120_000,
    );
    expect(status).toMatchObject({
      service: 'web',
      version: '5.9.0',
      baselineVersion: '5.8.1',
      ring: { id: 'beta' },
      nextRing: { id: 'all' },
    });
    expect(status?.gates[0]).toMatchObject({
      verdict: 'worse',
      releaseValue: 3.2,
      baselineValue: 0.3,
    });
    expect(status?.promote).toEqual({
      allowed: false,
      reason: 'Failed requests worse than baseline (+967% vs tolerance 50%)',
    });
  });

  it('makes a healthy ring soak for its minimum time, then allows promotion', () => {
    const gates = new ReleaseGates();
    const first = gates.evaluate(deployments('5.9.0'), catalog, means(0.31, 0.3), T0 + 10_000)[0];
    expect(first?.gates[0]?.verdict).toBe('same');
    expect(first?.promote).toMatchObject({
      allowed: false,
      reason: 'soaking in beta: 60 s left',
      readyAt: T0 + 70_000,
    });
    const later = gates.evaluate(deployments('5.9.0'), catalog, means(0.31, 0.3), T0 + 70_000)[0];
    expect(later?.promote).toEqual({ allowed: true, readyAt: T0 + 70_000 });
  });

  it('restarts the soak when a gate fails in between', () => {
    const gates = new ReleaseGates();
    gates.evaluate(deployments('5.9.0'), catalog, means(0.3, 0.3), T0 + 10_000);
    gates.evaluate(deployments('5.9.0'), catalog, means(5, 0.3), T0 + 40_000);
    const after = gates.evaluate(deployments('5.9.0'), catalog, means(0.3, 0.3), T0 + 80_000)[0];
    expect(after?.promote).toMatchObject({ allowed: false, readyAt: T0 + 140_000 });
  });

  it('counts a new version in the ring as passing from its own first evaluation', () => {
    const gates = new ReleaseGates();
    gates.evaluate(deployments('5.9.0'), catalog, means(0.3, 0.3), T0 + 10_000);
    const next = series('err{ring=beta,version=5.9.1}', {
      metric: 'app.errors.ratio',
      ring: 'beta',
      version: '5.9.1',
    });
    const [status] = gates.evaluate(
      deployments('5.9.1', { since: T0 + 50_000 }),
      [...catalog, next],
      means(0.3, 0.3),
      T0 + 90_000,
    );
    expect(status?.version).toBe('5.9.1');
    expect(status?.gates.map((g) => [g.releaseKey, g.passingSince])).toEqual([
      ['demo/err{ring=beta,version=5.9.1}', T0 + 90_000],
    ]);
  });

  it('refuses promotion from a halted ring, and when there is no data to compare', () => {
    const halted = new ReleaseGates().evaluate(
      deployments('5.9.0', { status: 'halted' }),
      catalog,
      means(0.3, 0.3),
      T0 + 120_000,
    )[0];
    expect(halted?.promote).toEqual({ allowed: false, reason: 'the rollout is halted in beta' });
    const blind = new ReleaseGates().evaluate(
      deployments('5.9.0'),
      catalog,
      () => undefined,
      T0 + 120_000,
    )[0];
    expect(blind?.promote.reason).toBe('Failed requests: no data to compare');
  });

  it('has no release when every ring runs the same version', () => {
    expect(new ReleaseGates().evaluate(deployments('5.8.1'), catalog, means(0.3, 0.3), T0)).toEqual(
      [],
    );
  });

  it('judges by direction: lower is worse for a below-direction gate', () => {
    expect(judge(0.6, 0.5, 'above')).toBe('worse');
    expect(judge(-0.6, 0.5, 'above')).toBe('better');
    expect(judge(-0.6, 0.5, 'below')).toBe('worse');
    expect(judge(0.2, 0.5, 'below')).toBe('same');
    expect(judge(undefined, 0.5, 'above')).toBe('nodata');
  });

  it('judges a difference of exactly the tolerance, either way, the same', () => {
    expect(judge(0.5, 0.5, 'above')).toBe('same');
    expect(judge(-0.5, 0.5, 'above')).toBe('same');
    expect(judge(0.5, 0.5, 'below')).toBe('same');
  });

  it('describes a failure with the sign of its difference, and none for a rounded zero', () => {
    const failed = (difference: number, tolerance: number) => ({
      metric: 'conversions',
      title: 'Checkouts',
      unit: '%',
      releaseKey: 'demo/checkouts',
      difference,
      tolerance,
      direction: 'below' as const,
      verdict: 'worse' as const,
    });
    expect(describeFailure(failed(-0.6, 0.5))).toBe(
      'Checkouts worse than baseline (-60% vs tolerance 50%)',
    );
    expect(describeFailure(failed(-0.004, 0))).toBe(
      'Checkouts worse than baseline (0% vs tolerance 0%)',
    );
  });

  it('marks the ring failing as soon as a gate is worse beyond tolerance, counting evaluations', () => {
    const gates = new ReleaseGates();
    const fine = gates.evaluate(deployments('5.9.0'), catalog, means(0.4, 0.3), T0 + 1_000)[0];
    expect(fine?.gates[0]?.verdict).toBe('same');
    expect(fine?.failing).toBeUndefined();
    const first = gates.evaluate(deployments('5.9.0'), catalog, means(0.6, 0.3), T0 + 2_000)[0];
    expect(first?.failing).toEqual({
      gates: ['Failed requests worse than baseline (+100% vs tolerance 50%)'],
      since: T0 + 2_000,
      evaluations: 1,
    });
    const second = gates.evaluate(deployments('5.9.0'), catalog, means(0.7, 0.3), T0 + 3_000)[0];
    expect(second?.failing).toMatchObject({ since: T0 + 2_000, evaluations: 2 });
    // Back within tolerance: no longer failing, and a new failure counts from one.
    gates.evaluate(deployments('5.9.0'), catalog, means(0.3, 0.3), T0 + 4_000);
    const again = gates.evaluate(deployments('5.9.0'), catalog, means(0.9, 0.3), T0 + 5_000)[0];
    expect(again?.failing).toMatchObject({ since: T0 + 5_000, evaluations: 1 });
  });
});
