import { describe, expect, it } from 'vitest';
import type { EnvironmentState, Ring, ServiceState } from '../../../../shared/protocol';
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
  const halt = (environment: EnvironmentState) =>
    previewAction(
      { action: 'ring.halt', args: { ...target, environment: environment.id } },
      billing,
      environment,
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
    const preview = halt({ ...rolling, ...which });
    expect(preview.production).toBe(production);
    expect(typedNameReasons(preview)).toEqual(production ? ['it runs in production'] : []);
  });

  it('asks for the name when it runs in production and when it reaches every user', () => {
    const preview = previewAction({ action: 'deploy.rollback', args: target }, billing, env());
    expect(typedNameReasons(preview)).toEqual(['it runs in production', 'it affects every user']);
    const staging = previewAction(
      { action: 'capacity.scale', args: { ...target, resource: 'cpu', change: 1 } },
      billing,
      env({ id: 'staging', tier: 'staging' }),
    );
    expect(typedNameReasons(staging)).toEqual([]);
  });
});
