import { describe, expect, it } from 'vitest';
import type { EnvironmentState, Ring } from '../../../../shared/protocol';
import { serviceVersionWords } from './service-versions';

const ring = (id: string, share: number, version: string): Ring => ({
  id,
  name: id,
  share,
  version,
});
const env = (rings: Ring[] | undefined, version = '5.9.0'): EnvironmentState => ({
  id: 'production',
  version,
  previousVersions: ['5.8.1'],
  status: 'healthy',
  updatedAt: 0,
  ...(rings ? { rings } : {}),
});

describe('serviceVersionWords', () => {
  it('names the stable version, then each ring version with its share', () => {
    const rings = [
      ring('internal', 0.01, '5.9.0'),
      ring('beta', 0.05, '5.9.0'),
      ring('all', 1, '5.8.1'),
    ];
    expect(serviceVersionWords(env(rings))).toBe('5.8.1 · 5.9.0 on 5 % (beta)');
  });

  it('a patch in the first ring after a roll back: stable, then the patch on 1 %', () => {
    const rings = [
      ring('internal', 0.01, '5.8.2'),
      ring('beta', 0.05, '5.8.1'),
      ring('all', 1, '5.8.1'),
    ];
    expect(serviceVersionWords(env(rings, '5.8.2'))).toBe('5.8.1 · 5.8.2 on 1 % (internal)');
  });

  it('one version everywhere, or no rings: just that version', () => {
    expect(serviceVersionWords(env([ring('all', 1, '5.8.1')], '5.8.1'))).toBe('5.8.1');
    expect(serviceVersionWords(env(undefined, '2.14.0'))).toBe('2.14.0');
  });
});
