import { describe, expect, it } from 'vitest';
import type { ReleaseStatus } from '../../../shared/api/releases';
import type { Ring } from '../../../shared/protocol';
import { AutoHaltDesk } from './auto-halt';

const beta: Ring = { id: 'beta', name: 'Beta customers', share: 0.05, version: '5.9.0' };

function release(evaluations: number | undefined, endpointId = 'demo', ring = beta): ReleaseStatus {
  return {
    endpointId,
    service: 'web',
    serviceName: 'Web app',
    environment: 'production',
    version: '5.9.0',
    baselineVersion: '5.8.1',
    rings: [ring],
    ring: { ...ring, status: 'active' },
    gates: [],
    ...(evaluations === undefined
      ? {}
      : { failing: { gates: ['Failed requests +300%'], since: 0, evaluations } }),
    promote: { allowed: false },
  };
}

const arm = (desk: AutoHaltDesk, after = 3, endpointId = 'demo') =>
  desk.set(
    { endpointId, service: 'web', environment: 'production', version: '5.9.0', armed: true, after },
    'ana',
    1_000,
  );

describe('AutoHaltDesk', () => {
  it('sends nothing for a release nobody armed, however long it fails', () => {
    expect(new AutoHaltDesk().due([release(100)], 5_000)).toEqual([]);
  });

  it('halts once the ring has failed for the armed number of evaluations, and only once', () => {
    const desk = new AutoHaltDesk();
    arm(desk, 3);
    expect(desk.due([release(2)], 2_000)).toEqual([]);
    const [halt] = desk.due([release(3)], 3_000);
    expect(halt?.request).toMatchObject({
      action: 'ring.halt',
      endpointId: 'demo',
      args: { service: 'web', environment: 'production', version: '5.9.0' },
      reason: 'automatic halt: Beta customers worse for 3 evaluations: Failed requests +300%',
    });
    expect(halt?.operator).toBe('automatic halt (armed by ana)');
    expect(desk.due([release(4)], 4_000)).toEqual([]);
    expect(desk.decorate([release(4)])[0]?.autoHalt).toMatchObject({
      after: 3,
      armedBy: 'ana',
      fired: { key: halt?.request.key, at: 3_000, ring: 'beta' },
    });
  });

  it('two consoles armed on one release send the same key, whatever they call the endpoint', () => {
    const a = new AutoHaltDesk();
    const b = new AutoHaltDesk();
    arm(a, 2, 'demo');
    arm(b, 2, 'ws-127-0-0-1-7400');
    const [fromA] = a.due([release(2, 'demo')], 2_000);
    const [fromB] = b.due([release(2, 'ws-127-0-0-1-7400')], 2_100);
    expect(fromA?.request.key).toMatch(/^auto-halt-[0-9a-f]{16}$/);
    expect(fromB?.request.key).toBe(fromA?.request.key);
  });

  it('disarmed, it sends nothing; a halted ring is not halted again', () => {
    const desk = new AutoHaltDesk();
    arm(desk, 1);
    desk.set(
      {
        endpointId: 'demo',
        service: 'web',
        environment: 'production',
        version: '5.9.0',
        armed: false,
        after: 1,
      },
      'ana',
      2_000,
    );
    expect(desk.due([release(5)], 3_000)).toEqual([]);
    expect(desk.decorate([release(5)])[0]?.autoHalt).toBeUndefined();
    arm(desk, 1);
    const halted = { ...release(5), ring: { ...beta, status: 'halted' as const } };
    expect(desk.due([halted], 4_000)).toEqual([]);
  });

  it('arming again with the same count changes nothing (nothing to audit twice)', () => {
    const desk = new AutoHaltDesk();
    expect(arm(desk, 3)).toBe(true);
    expect(arm(desk, 3)).toBe(false);
    expect(arm(desk, 5)).toBe(true);
  });
});
