import { describe, expect, it } from 'vitest';
import type { ReleaseStatus } from '../../../../shared/api/releases';
import { ringState } from './release-rings';

const beta = { id: 'beta', name: 'Beta customers', share: 0.05, version: '5.9.0' };
const everyone = { id: 'all', name: 'Everyone', share: 1, version: '5.8.1' };
const failing = { gates: ['Failed requests worse than baseline'], since: 0, evaluations: 1 };

const release = (status: 'active' | 'halted', isFailing: boolean): ReleaseStatus => ({
  endpointId: 'demo',
  service: 'web',
  serviceName: 'Web app',
  environment: 'production',
  version: '5.9.0',
  baselineVersion: '5.8.1',
  rings: [{ ...beta, status }, everyone],
  ring: { ...beta, status },
  nextRing: everyone,
  gates: [],
  promote: { allowed: false },
  ...(isFailing ? { failing } : {}),
});

describe('ringState', () => {
  it('an active ring whose gates are worse says failing, not active', () => {
    const r = release('active', true);
    expect(ringState(r.ring, r)).toBe('failing');
    expect(ringState(everyone, r)).toBe('waiting');
  });

  it('an active ring within tolerance is active; a halted one stays halted', () => {
    const healthy = release('active', false);
    expect(ringState(healthy.ring, healthy)).toBe('active');
    const halted = release('halted', true);
    expect(ringState(halted.ring, halted)).toBe('halted');
  });
});
