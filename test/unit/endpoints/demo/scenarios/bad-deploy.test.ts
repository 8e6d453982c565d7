import { describe, expect, it } from 'vitest';
import { SERIES } from '../../../../../endpoints/demo/demo-catalog';
import { badDeploy, FAULTY_RELEASE } from '../../../../../endpoints/demo/scenarios/bad-deploy';
import { Drill, T0 } from '../simulation-drill';

const ROLLBACK = { service: 'billing', environment: 'production' };

describe('bad-deploy', () => {
  it('keeps the facts the rest of the app relies on', () => {
    const drill = new Drill('bad-deploy');
    expect(drill.sim.services.map((s) => [s.id, s.name])).toEqual([
      ['billing', 'Billing API'],
      ['web', 'Web app'],
    ]);
    expect(drill.env('billing')).toMatchObject({
      version: '2.14.0',
      previousVersions: ['2.13.2', '2.13.1', '2.12.0'],
      status: 'degraded',
    });
    expect(drill.env('web')).toMatchObject({
      version: '5.8.1',
      previousVersions: ['5.8.0', '5.7.4'],
      status: 'healthy',
    });
    expect(drill.sim.catalog()).toHaveLength(12);
    expect(badDeploy.actions.map((a) => a.name)).toEqual(['deploy.rollback', 'patch.apply']);
    expect(FAULTY_RELEASE.version).toBe('2.14.0');
  });

  it('runs errors, p95 and availability critical while 2.14.0 runs', () => {
    const drill = new Drill('bad-deploy', 11);
    expect(drill.mean(SERIES.errors, 300)).toBeGreaterThan(20);
    expect(drill.mean(SERIES.p95)).toBeGreaterThan(800);
    expect(drill.mean(SERIES.availability)).toBeLessThan(99.5);
  });

  it('suggests rolling billing back to 2.13.2 for the error rate', () => {
    const errors = new Drill('bad-deploy').sim.catalog().find((s) => s.id === SERIES.errors);
    expect(errors?.service).toBe('billing');
    expect(errors?.procedures).toContainEqual({
      when: 'critical',
      title: 'Roll back billing to 2.13.2',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production', toVersion: '2.13.2' },
      expectRecoveryMs: 15_000,
    });
  });

  it('rolling back to 2.13.2 recovers the metrics within 15 ticks', () => {
    const drill = new Drill('bad-deploy', 11);
    drill.ticks(30);
    const outcome = drill.act({ action: 'deploy.rollback', args: ROLLBACK });
    expect(outcome.state).toBe('succeeded');
    expect(outcome.message).toBe('billing production rolled back 2.14.0 → 2.13.2');
    expect(outcome.events).toEqual([
      {
        type: 'deploy.rolledback',
        subject: 'billing/production',
        data: { from: '2.14.0', to: '2.13.2' },
      },
    ]);
    expect(drill.env('billing')).toMatchObject({
      version: '2.13.2',
      previousVersions: ['2.13.1', '2.12.0'],
      status: 'healthy',
      updatedAt: drill.now,
    });
    expect(drill.ticksUntil(() => drill.value(SERIES.errors) < 5, 15)).toBeLessThanOrEqual(15);
    drill.ticks(10);
    expect(drill.mean(SERIES.errors, 200)).toBeLessThan(5);
    expect(drill.mean(SERIES.p95)).toBeLessThan(400);
  });

  it('marks billing rolling back while the rollback runs', () => {
    const drill = new Drill('bad-deploy');
    const plan = drill.sim.plan({ action: 'deploy.rollback', args: ROLLBACK }, T0);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.running).toBe('rolling back 2.14.0 → 2.13.2');
    const effect = plan.start?.(drill.sim.deployments, T0);
    expect(effect?.changes[0]?.service?.environments[0]?.status).toBe('rolling-back');
    expect(effect?.events[0]).toMatchObject({
      type: 'deploy.started',
      data: { from: '2.14.0', to: '2.13.2', reason: 'rollback' },
    });
  });

  it('rolling back further drops the versions in between', () => {
    const drill = new Drill('bad-deploy');
    drill.act({ action: 'deploy.rollback', args: { ...ROLLBACK, toVersion: '2.13.1' } });
    expect(drill.env('billing')).toMatchObject({ version: '2.13.1', previousVersions: ['2.12.0'] });
  });

  it('a patch (2.14.1) also fixes it, though the scenario does not announce patch.apply yet', () => {
    const drill = new Drill('bad-deploy', 11);
    const plan = badDeploy.plan(
      { action: 'patch.apply', args: { ...ROLLBACK, version: '2.14.1' } },
      drill.sim.deployments,
      drill.now,
    );
    if (!plan.ok) throw new Error(plan.reason);
    const outcome = plan.finish(drill.sim.deployments, drill.now);
    expect(outcome.message).toBe('billing production patched 2.14.0 → 2.14.1');
    expect(outcome.events.map((e) => e.type)).toEqual(['patch.applied', 'deploy.finished']);
    expect(drill.env('billing')).toMatchObject({
      version: '2.14.1',
      previousVersions: ['2.14.0', '2.13.2', '2.13.1', '2.12.0'],
    });
    drill.ticks(20);
    expect(drill.mean(SERIES.errors, 100)).toBeLessThan(5);
  });

  it.each([
    [{ service: 'nope', environment: 'production' }, 'no production of nope'],
    [{ service: 'billing', environment: 'staging' }, 'no staging of billing'],
    [{ ...ROLLBACK, toVersion: '9.9.9' }, 'version 9.9.9 was never deployed to production'],
    [{ ...ROLLBACK, toVersion: '2.14.0' }, 'billing already runs 2.14.0'],
  ])('refuses a rollback of %o: %s', (args, reason) => {
    expect(new Drill('bad-deploy').refusal({ action: 'deploy.rollback', args })).toBe(reason);
  });

  it('refuses a rollback when nothing earlier is left', () => {
    const drill = new Drill('bad-deploy');
    drill.act({ action: 'deploy.rollback', args: { ...ROLLBACK, toVersion: '2.12.0' } });
    expect(drill.refusal({ action: 'deploy.rollback', args: ROLLBACK })).toBe(
      'billing has no earlier version to restore',
    );
  });

  it('refuses what it does not offer', () => {
    expect(
      new Drill('bad-deploy').refusal({
        action: 'capacity.scale',
        args: { ...ROLLBACK, resource: 'servers', change: 2 },
      }),
    ).toBe(
      'the bad-deploy scenario does not offer capacity.scale (it offers deploy.rollback, patch.apply)',
    );
  });
});
