import { describe, expect, it } from 'vitest';
import type { ReleaseGate, ReleaseStatus } from '../../../../shared/api/releases';
import { releaseNotices } from './release-notifications';

const beta = {
  id: 'beta',
  name: 'Beta customers',
  share: 0.05,
  version: '5.9.0',
  status: 'active' as const,
};
const everyone = { id: 'all', name: 'Everyone', share: 1, version: '5.8.1' };
const gate = (verdict: ReleaseGate['verdict']): ReleaseGate => ({
  metric: 'app.errors.ratio',
  title: 'Failed requests',
  unit: '%',
  releaseKey: 'demo/err',
  releaseValue: 0.66,
  baselineValue: 0.3,
  difference: 1.2,
  tolerance: 0.5,
  direction: 'above',
  verdict,
});
const release = (verdict: ReleaseGate['verdict']): ReleaseStatus => ({
  endpointId: 'demo',
  service: 'web',
  serviceName: 'Web app',
  environment: 'production',
  version: '5.9.0',
  baselineVersion: '5.8.1',
  rings: [beta, everyone],
  ring: beta,
  nextRing: everyone,
  gates: [gate(verdict)],
  promote: { allowed: false },
});

describe('releaseNotices', () => {
  it('a gate turning worse names the gate, the ring and both values', () => {
    expect(releaseNotices([release('same')], [release('worse')])).toEqual([
      {
        title: 'Gate failed: Failed requests in Beta customers',
        body: 'Web app production 5.9.0 is worse than 5.8.1: Failed requests 0.66 % on 5.9.0 vs 0.3 % on 5.8.1 (+120 %, tolerance 50 %). Beta customers is failing; promotion is blocked.',
        tag: 'demo/web/production/5.9.0/beta/app.errors.ratio',
      },
    ]);
  });

  it('tells it once: a gate already worse does not notify again', () => {
    expect(releaseNotices([release('worse')], [release('worse')])).toEqual([]);
  });
});
