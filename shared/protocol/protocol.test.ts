import { describe, expect, it } from 'vitest';
import {
  ACTION_NAMES,
  SUBPROTOCOL,
  actionCallSchema,
  actionSubmitParamsSchema,
  cloudEventSchema,
  helloResultSchema,
  type ActionName,
} from './index';

const target = { service: 'billing', environment: 'production' };

const validArgs: Record<ActionName, Record<string, unknown>> = {
  'build.retry': { ...target, build: 'b-1234' },
  'flag.set': { ...target, flag: 'new-checkout', enabled: true, ring: 'canary' },
  'patch.apply': { ...target, version: '2.14.1' },
  'deploy.rollback': { ...target, toVersion: '2.13.2' },
  'capacity.scale': { ...target, resource: 'servers', change: -2 },
  'ring.promote': { ...target, version: '2.14.0', toRing: 'everyone' },
  'ring.halt': { ...target },
};

describe('actionCallSchema', () => {
  it('knows exactly the seven actions', () => {
    expect([...ACTION_NAMES].sort()).toEqual(Object.keys(validArgs).sort());
  });

  it.each(Object.entries(validArgs))('accepts %s with valid args', (action, args) => {
    const parsed = actionCallSchema.safeParse({ action, args });
    expect(parsed.success, parsed.error?.message).toBe(true);
    expect(parsed.data).toEqual({ action, args });
  });

  it.each(Object.keys(validArgs))('rejects %s without a service', (action) => {
    expect(
      actionCallSchema.safeParse({ action, args: { environment: 'production' } }).success,
    ).toBe(false);
  });

  it('rejects an unknown action', () => {
    expect(actionCallSchema.safeParse({ action: 'rm.rf', args: target }).success).toBe(false);
  });

  it('rejects capacity.scale with change 0, a fraction or beyond ±1000', () => {
    for (const change of [0, 1.5, 1001, -1001]) {
      const call = { action: 'capacity.scale', args: { ...target, resource: 'cpu', change } };
      expect(actionCallSchema.safeParse(call).success, String(change)).toBe(false);
    }
    const zero = actionCallSchema.safeParse({
      action: 'capacity.scale',
      args: { ...target, resource: 'cpu', change: 0 },
    });
    expect(zero.error?.issues[0]?.message).toBe('change must not be zero');
  });

  it('rejects capacity.scale of an unknown resource', () => {
    const call = { action: 'capacity.scale', args: { ...target, resource: 'gpus', change: 1 } };
    expect(actionCallSchema.safeParse(call).success).toBe(false);
  });

  it('rejects flag.set without enabled, or with enabled not a boolean', () => {
    const args = { ...target, flag: 'new-checkout' };
    expect(actionCallSchema.safeParse({ action: 'flag.set', args }).success).toBe(false);
    expect(
      actionCallSchema.safeParse({ action: 'flag.set', args: { ...args, enabled: 'yes' } }).success,
    ).toBe(false);
  });

  it("checks args against the action's own schema, not another's", () => {
    expect(
      actionCallSchema.safeParse({ action: 'patch.apply', args: validArgs['deploy.rollback'] })
        .success,
    ).toBe(false);
  });

  it('rejects an empty version', () => {
    const call = { action: 'patch.apply', args: { ...target, version: '' } };
    expect(actionCallSchema.safeParse(call).success).toBe(false);
  });
});

describe('actionSubmitParamsSchema', () => {
  const call = { action: 'deploy.rollback', args: target };

  it('accepts a key with an action call, and operator and reason', () => {
    const params = { key: 'key-0000000001', operator: 'alice', reason: 'errors', ...call };
    expect(actionSubmitParamsSchema.parse(params)).toEqual(params);
  });

  it('requires the key', () => {
    expect(actionSubmitParamsSchema.safeParse(call).success).toBe(false);
    expect(actionSubmitParamsSchema.safeParse({ key: '', ...call }).success).toBe(false);
  });

  it('still checks the args of the action', () => {
    const params = { key: 'k1', action: 'flag.set', args: { ...target, flag: 'f' } };
    expect(actionSubmitParamsSchema.safeParse(params).success).toBe(false);
  });
});

describe('cloudEventSchema', () => {
  const event = {
    specversion: '1.0',
    id: 'evt-1',
    source: 'demo/billing',
    type: 'deploy.started',
    time: '2024-05-01T12:00:00Z',
  };

  it('accepts a CloudEvent 1.0 with an RFC 3339 time, in UTC or with an offset', () => {
    expect(cloudEventSchema.safeParse(event).success).toBe(true);
    expect(
      cloudEventSchema.safeParse({ ...event, time: '2024-05-01T14:00:00.123+02:00' }).success,
    ).toBe(true);
  });

  it.each([undefined, '0.3', '1', 1])('rejects specversion %s', (specversion) => {
    expect(cloudEventSchema.safeParse({ ...event, specversion }).success).toBe(false);
  });

  it.each(['yesterday', '2024-05-01', '2024-05-01 12:00:00', '1714564800000', ''])(
    'rejects the time %j',
    (time) => {
      expect(cloudEventSchema.safeParse({ ...event, time }).success).toBe(false);
    },
  );

  it('rejects an epoch number as time', () => {
    expect(cloudEventSchema.safeParse({ ...event, time: 1714564800000 }).success).toBe(false);
  });
});

describe('helloResultSchema', () => {
  const hello = {
    protocol: SUBPROTOCOL,
    endpoint: { id: 'demo', name: 'Demo endpoint' },
    roles: ['metrics', 'deployments'],
    actions: [{ name: 'deploy.rollback' }],
    clock: 1_700_000_000_000,
  };

  it("accepts protocol 'watchfloor.v1'", () => {
    expect(SUBPROTOCOL).toBe('watchfloor.v1');
    expect(helloResultSchema.safeParse(hello).success).toBe(true);
  });

  it.each(['watchfloor.v2', 'watchfloor', '', undefined])('rejects protocol %j', (protocol) => {
    expect(helloResultSchema.safeParse({ ...hello, protocol }).success).toBe(false);
  });

  it('accepts an action name from a newer endpoint (the console ignores it), but not an empty one', () => {
    expect(
      helloResultSchema.safeParse({ ...hello, actions: [{ name: 'db.vacuum' }] }).success,
    ).toBe(true);
    expect(helloResultSchema.safeParse({ ...hello, actions: [{ name: '' }] }).success).toBe(false);
  });
});
