import { describe, expect, it } from 'vitest';
import { actionKeySchema } from '../api/actions';
import type { EnvironmentState, Ring } from '../protocol';
import {
  autoHaltDue,
  autoHaltKey,
  flagOnIn,
  isEveryone,
  percent,
  ringWords,
  rolloutOf,
} from './ring-rollout';

const beta = { service: 'web', environment: 'production', ring: 'beta', version: '5.9.0' };

describe('automatic halt', () => {
  it('derives one key from release, ring and verdict: the same in every console', () => {
    const key = autoHaltKey(beta);
    expect(autoHaltKey({ ...beta })).toBe(key);
    expect(actionKeySchema.safeParse(key).success).toBe(true);
    expect(key).toMatch(/^auto-halt-[0-9a-f]{16}$/);
  });

  it('a different ring, version, service or environment is another halt', () => {
    const key = autoHaltKey(beta);
    const others = [
      { ...beta, ring: 'ring-10' },
      { ...beta, version: '5.9.1' },
      { ...beta, service: 'billing' },
      { ...beta, environment: 'staging' },
    ].map(autoHaltKey);
    expect(new Set([key, ...others]).size).toBe(5);
  });

  it('is due after N consecutive worse evaluations, only while the ring is still rolling', () => {
    expect(autoHaltDue({ status: 'active' }, 2, 3)).toBe(false);
    expect(autoHaltDue({ status: 'active' }, 3, 3)).toBe(true);
    expect(autoHaltDue({ status: 'active' }, undefined, 1)).toBe(false);
    expect(autoHaltDue({ status: 'halted' }, 9, 3)).toBe(false);
  });
});

/** FNV-1a (32 bits), written out from its definition to check the key against. */
function referenceFnv1a(text: string): string {
  let hash = 2166136261n;
  for (const char of text) {
    hash ^= BigInt(char.charCodeAt(0));
    hash = (hash * 16777619n) % 2n ** 32n;
  }
  return hash.toString(16).padStart(8, '0');
}

describe('automatic halt key', () => {
  it('is FNV-1a of the halt, then of the same text reversed: any console computes the same', () => {
    // The reference itself, on the published test vectors.
    expect(referenceFnv1a('')).toBe('811c9dc5');
    expect(referenceFnv1a('a')).toBe('e40c292c');
    const text = 'web\nproduction\nbeta\n5.9.0\nworse';
    const reversed = [...text].reverse().join('');
    expect(autoHaltKey(beta)).toBe(`auto-halt-${referenceFnv1a(text)}${referenceFnv1a(reversed)}`);
  });
});

const ring = (id: string, share: number, version: string, status?: Ring['status']): Ring => ({
  id,
  name: id,
  share,
  version,
  ...(status ? { status } : {}),
});
const production = (version: string, rings?: Ring[]): EnvironmentState => ({
  id: 'production',
  version,
  previousVersions: [],
  status: 'healthy',
  updatedAt: 0,
  ...(rings ? { rings } : {}),
});

describe('rolloutOf', () => {
  const internal = ring('internal', 0.01, '5.9.0', 'complete');
  const everyone = ring('everyone', 1, '5.8.1');

  it('reads the release, the rings it reached, the active ring and the rings after it', () => {
    const betaRing = ring('beta', 0.05, '5.9.0', 'active');
    const half = ring('ring-50', 0.5, '5.8.1');
    expect(rolloutOf(production('5.9.0', [internal, betaRing, half, everyone]))).toEqual({
      release: '5.9.0',
      baseline: '5.8.1',
      reached: [internal, betaRing],
      current: betaRing,
      later: [half, everyone],
    });
  });

  it('has no release when everyone runs the version, or without rings', () => {
    const done = [
      ring('internal', 0.01, '5.9.0'),
      ring('beta', 0.05, '5.9.0'),
      ring('all', 1, '5.9.0'),
    ];
    expect(rolloutOf(production('5.9.0', done))).toEqual({
      baseline: '5.9.0',
      reached: [],
      later: [],
    });
    expect(rolloutOf(production('5.9.0'))).toEqual({ baseline: '5.9.0', reached: [], later: [] });
  });

  it('is in the active ring even before that ring runs the release', () => {
    const betaRing = ring('beta', 0.05, '5.9.0', 'complete');
    const promoting = ring('ring-50', 0.5, '5.8.1', 'active');
    const rollout = rolloutOf(production('5.9.0', [internal, betaRing, promoting, everyone]));
    expect(rollout).toMatchObject({ reached: [internal, betaRing], current: promoting });
    expect(rollout.later).toEqual([everyone]);
  });

  it('stays in a halted ring, even one rolled back to the baseline', () => {
    const halted = ring('beta', 0.05, '5.8.1', 'halted');
    const half = ring('ring-50', 0.5, '5.8.1');
    const rollout = rolloutOf(production('5.9.0', [internal, halted, half, everyone]));
    expect(rollout).toMatchObject({ reached: [internal], current: halted });
    expect(rollout.later).toEqual([half, everyone]);
  });

  it('is in the furthest ring reached when no ring is active or halted', () => {
    const rings = [
      internal,
      ring('beta', 0.05, '5.9.0', 'complete'),
      ring('ring-10', 0.1, '5.9.0', 'complete'),
      everyone,
    ];
    const rollout = rolloutOf(production('5.9.0', rings));
    expect(rollout.current).toBe(rings[2]);
    expect(rollout.later).toEqual([everyone]);
  });
});

describe('ring words', () => {
  it('writes a share as a whole percentage, with one decimal below 1%', () => {
    expect(percent(0.05)).toBe('5%');
    expect(percent(0.005)).toBe('0.5%');
    expect(percent(0.01)).toBe('1%');
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
  });

  it('names a ring with its id and share', () => {
    expect(ringWords(ring('beta', 0.05, '5.9.0'))).toBe('beta (beta, 5% of users)');
    expect(ringWords({ ...ring('beta', 0.05, '5.9.0'), name: 'Beta customers' })).toBe(
      'Beta customers (beta, 5% of users)',
    );
  });

  it('counts as everyone the last ring and any ring of 100%', () => {
    const rings = [ring('a', 0.05, '1'), ring('b', 0.5, '1'), ring('c', 0.9, '1')];
    expect(isEveryone(rings[2], rings)).toBe(true);
    expect(isEveryone(rings[1], rings)).toBe(false);
    expect(isEveryone(ring('all', 1, '1'), rings)).toBe(true);
    expect(isEveryone(rings[1])).toBe(false);
    expect(isEveryone(undefined, rings)).toBe(false);
  });
});

describe('flagOnIn', () => {
  it("takes the ring's own setting, else the global default, else off", () => {
    expect(flagOnIn({ beta: true, '*': false }, 'beta')).toBe(true);
    expect(flagOnIn({ beta: false, '*': true }, 'beta')).toBe(false);
    expect(flagOnIn({ '*': true }, 'beta')).toBe(true);
    expect(flagOnIn({}, 'beta')).toBe(false);
  });
});
