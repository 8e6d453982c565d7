import { describe, expect, it } from 'vitest';
import type { ActionCall, EnvironmentState, Ring, ServiceState } from '../../../../shared/protocol';
import { previewAction, typedNameReasons } from './action-preview';

const billing: ServiceState = { id: 'billing', name: 'Billing API', environments: [] };

const env = (overrides: Partial<EnvironmentState> = {}): EnvironmentState => ({
  id: 'production',
  version: '2.14.0',
  previousVersions: ['2.13.2', '2.13.1'],
  status: 'degraded',
  updatedAt: 0,
  ...overrides,
});

const rings: Ring[] = [
  { id: 'internal', name: 'Internal staff', share: 0.01, version: '5.9.0', status: 'complete' },
  { id: 'beta', name: 'Beta customers', share: 0.05, version: '5.9.0', status: 'active' },
  { id: 'all', name: 'Everyone', share: 1, version: '5.8.1' },
];
const rolling = env({ version: '5.9.0', previousVersions: ['5.8.1', '5.8.0'], rings });
const target = { service: 'billing', environment: 'production' };

describe('previewAction: what each action says', () => {
  it('roll back: from the running version to the previous one, for every user', () => {
    const preview = previewAction({ action: 'deploy.rollback', args: target }, billing, env());
    expect(preview).toMatchObject({
      summary: 'Roll back Billing API in production: 2.14.0 → 2.13.2',
      from: '2.14.0',
      to: '2.13.2',
      affects: 'every user (100%) of production',
      affectsAll: true,
      production: true,
      problems: [],
    });
  });

  it('roll back during a rollout: to what the rings not reached run', () => {
    const preview = previewAction({ action: 'deploy.rollback', args: target }, billing, rolling);
    expect(preview.to).toBe('5.8.1');
    expect(preview.affects).toBe(
      'every ring ends on 5.8.1: every user (100%); now on 5.9.0: internal, beta (5% of users)',
    );
  });

  it('roll back to a version that never ran is a problem', () => {
    const preview = previewAction(
      { action: 'deploy.rollback', args: { ...target, toVersion: '9.9.9' } },
      billing,
      env(),
    );
    expect(preview.problems).toEqual(['9.9.9 never ran in production']);
  });

  it('retry a build: CI only, nobody affected', () => {
    const failed = env({
      build: { id: 'b-7', status: 'failed', version: '2.14.1', failingTests: ['a', 'b'] },
    });
    const preview = previewAction({ action: 'build.retry', args: target }, billing, failed);
    expect(preview).toMatchObject({
      from: 'build b-7 of 2.14.1 failed, 2 failing tests',
      to: 'a new run of 2.14.1',
      affects: 'no users: it re-runs CI only',
      affectsAll: false,
      problems: [],
    });
    const passed = env({ build: { id: 'b-8', status: 'passed', failingTests: [] } });
    expect(
      previewAction({ action: 'build.retry', args: target }, billing, passed).problems,
    ).toEqual(['build b-8 passed: nothing to retry']);
  });

  it('flip a flag for one ring: that ring and its share', () => {
    const flagged = { ...rolling, flags: [{ id: 'dark', enabled: { '*': false, beta: true } }] };
    const preview = previewAction(
      { action: 'flag.set', args: { ...target, flag: 'dark', enabled: false, ring: 'beta' } },
      billing,
      flagged,
    );
    expect(preview).toMatchObject({
      from: 'on for beta',
      to: 'off for beta',
      affects: 'Beta customers (beta, 5% of users)',
      affectsAll: false,
      problems: [],
    });
  });

  it('flip a flag for everyone: every user', () => {
    const flagged = env({ flags: [{ id: 'dark', enabled: { '*': false, beta: true } }] });
    const preview = previewAction(
      { action: 'flag.set', args: { ...target, flag: 'dark', enabled: true } },
      billing,
      flagged,
    );
    expect(preview).toMatchObject({
      from: 'on for beta; off for everyone else',
      to: 'on for everyone (per-ring settings cleared)',
      affects: 'every user (100%)',
      affectsAll: true,
    });
  });

  it('apply a patch: a new version, refused when it ran before', () => {
    const patch = (version: string) =>
      previewAction({ action: 'patch.apply', args: { ...target, version } }, billing, env());
    expect(patch('2.14.1')).toMatchObject({ from: '2.14.0', to: '2.14.1', problems: [] });
    expect(patch('2.13.2').problems).toEqual([
      '2.13.2 ran here before: a patch must be new (roll back to restore it)',
    ]);
  });

  it('a patch after a rollback goes to the first ring only: one confirm', () => {
    const settled = env({
      version: '5.8.1',
      previousVersions: ['5.9.0', '5.8.1'],
      rings: rings.map(({ status: _status, ...ring }) => ({ ...ring, version: '5.8.1' })),
    });
    const preview = previewAction(
      { action: 'patch.apply', args: { ...target, version: '5.8.2' } },
      billing,
      settled,
    );
    expect(preview).toMatchObject({
      affects:
        'internal first (1% of users); the other rings get it ring by ring, as it is promoted',
      affectsAll: false,
      direction: 'narrow',
    });
    expect(preview.risk.confirmation).toBe('one-confirm');
  });

  it('"all rings now" is the explicit choice to skip the rings: every user, typed', () => {
    const preview = previewAction(
      { action: 'patch.apply', args: { ...target, version: '5.9.1', allRings: true } },
      billing,
      rolling,
    );
    expect(preview).toMatchObject({
      affects: `every ring at once (${rings.map((r) => r.id).join(', ')}): every user (100%)`,
      affectsAll: true,
      direction: 'widen',
    });
    expect(preview.risk.confirmation).toBe('typed');
    expect(preview.risk.reasons).toContain('it reaches every user');
  });

  it('a patch during a rollout goes to the rings on the release first', () => {
    const preview = previewAction(
      { action: 'patch.apply', args: { ...target, version: '5.9.1' } },
      billing,
      rolling,
    );
    expect(preview.affects).toBe(
      'internal, beta first (5% of users); the other rings get it ring by ring, as it is promoted',
    );
    expect(preview.affectsAll).toBe(false);
  });

  it('scale: from and to in the resource’s unit, not every user', () => {
    const sized = env({ capacity: { servers: 4 } });
    const preview = previewAction(
      { action: 'capacity.scale', args: { ...target, resource: 'servers', change: 2 } },
      billing,
      sized,
    );
    expect(preview).toMatchObject({
      summary: 'Scale servers +2 for Billing API in production: 4 servers → 6 servers',
      affectsAll: false,
    });
  });

  it('promote: to the next ring; to the last ring reaches every user', () => {
    const next = previewAction({ action: 'ring.promote', args: target }, billing, rolling);
    expect(next).toMatchObject({
      from: 'in Beta customers (beta, 5% of users)',
      to: 'in Everyone (all, 100% of users)',
      affectsAll: true,
      problems: [],
    });
  });

  it('halt: keeps the current ring, never every user', () => {
    const preview = previewAction({ action: 'ring.halt', args: target }, billing, rolling);
    expect(preview).toMatchObject({
      from: 'moving, in beta',
      to: 'halted in beta',
      affects: 'Beta customers (beta, 5% of users) keep 5.9.0; all will not get it',
      affectsAll: false,
    });
  });
});

describe('previewAction: production, by tier then by name', () => {
  // Promoting to beta widens exposure: typed in production only.
  const promote = (environment: EnvironmentState) =>
    previewAction(
      { action: 'ring.promote', args: { ...target, environment: environment.id, toRing: 'beta' } },
      billing,
      {
        ...environment,
        rings: [rings[0]!, { ...rings[1]!, version: '5.8.1', status: undefined }, rings[2]!],
      },
    );

  it.each([
    [{ id: 'eu-1', tier: 'production' as const }, true],
    [{ id: 'prod', tier: 'staging' as const }, false],
    [{ id: 'live' }, true],
    [{ id: 'prd' }, true],
    [{ id: 'prod-eu' }, true],
    [{ id: 'preprod' }, false],
    [{ id: 'pre-prod' }, false],
    [{ id: 'staging' }, false],
  ])('%j is production: %s', (which, production) => {
    const preview = promote({ ...rolling, ...which });
    expect(preview.production).toBe(production);
    expect(typedNameReasons(preview)).toEqual(
      production ? ['it widens exposure', 'it runs in production'] : [],
    );
  });
});

describe('previewAction: confirmation follows risk', () => {
  const risk = (call: ActionCall, environment: EnvironmentState = rolling) =>
    previewAction(call, billing, environment).risk.confirmation;

  it('promote in production is typed; halt in production is one confirm', () => {
    expect(risk({ action: 'ring.promote', args: target })).toBe('typed');
    expect(risk({ action: 'ring.halt', args: target })).toBe('one-confirm');
  });

  it('roll back to the last known-good is one confirm; further back is typed', () => {
    expect(risk({ action: 'deploy.rollback', args: target }, env())).toBe('one-confirm');
    expect(
      risk({ action: 'deploy.rollback', args: { ...target, toVersion: '2.13.1' } }, env()),
    ).toBe('typed');
  });

  it('a flag turned on for a ring in production is typed; turned off, one confirm', () => {
    const flagged = { ...rolling, flags: [{ id: 'dark', enabled: { '*': false, beta: true } }] };
    const flag = (enabled: boolean, ring: string) =>
      risk({ action: 'flag.set', args: { ...target, flag: 'dark', enabled, ring } }, flagged);
    expect(flag(true, 'internal')).toBe('typed');
    expect(flag(false, 'beta')).toBe('one-confirm');
  });

  it('scaling in production: removing capacity is typed, adding it one confirm', () => {
    const sized = env({ capacity: { servers: 4 } });
    const scale = (change: number) =>
      risk({ action: 'capacity.scale', args: { ...target, resource: 'servers', change } }, sized);
    expect(scale(-1)).toBe('typed');
    expect(scale(2)).toBe('one-confirm');
  });

  it('the dialog says why', () => {
    const preview = previewAction({ action: 'ring.halt', args: target }, billing, rolling);
    expect(preview.risk.why).toBe(
      'One confirm for “Halt”: it stops a rollout; nobody new gets the release.',
    );
  });
});
