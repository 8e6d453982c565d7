import { describe, expect, it } from 'vitest';
import { actionKeySchema } from '../api/actions';
import { autoHaltDue, autoHaltKey } from './ring-rollout';

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
