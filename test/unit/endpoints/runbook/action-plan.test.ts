import { describe, expect, it } from 'vitest';
import { planAction, readBackProblem } from '../../../../endpoints/runbook/action-plan';
import type { ActionSubmitParams, EnvironmentState } from '../../../../shared/protocol';

const env: EnvironmentState = {
  id: 'production',
  version: '1.0.1',
  previousVersions: ['1.0.0', '0.9.0'],
  status: 'healthy',
  updatedAt: 0,
  capacity: { servers: 2 },
};
const target = { service: 'shop', environment: 'production' };
const call = (body: Omit<ActionSubmitParams, 'key'>) =>
  ({ key: 'k-000001', ...body }) as ActionSubmitParams;

describe('planAction', () => {
  it('resolves a rollback to the previous version and expects it afterwards', () => {
    const planned = planAction(call({ action: 'deploy.rollback', args: target }), env);
    expect(planned).toMatchObject({
      ok: true,
      plan: { values: { toVersion: '1.0.0', fromVersion: '1.0.1' }, overlay: 'rolling-back' },
    });
    if (planned.ok) expect(planned.plan.expect).toEqual({ field: 'version', value: '1.0.0' });
  });

  it('refuses a rollback to a version the environment never ran, or with nothing earlier', () => {
    expect(
      planAction(call({ action: 'deploy.rollback', args: { ...target, toVersion: '3.0.0' } }), env),
    ).toEqual({
      ok: false,
      reason: 'shop production never ran 3.0.0: nothing to roll back to',
    });
    expect(
      planAction(call({ action: 'deploy.rollback', args: target }), {
        ...env,
        previousVersions: [],
      }),
    ).toEqual({
      ok: false,
      reason: 'shop production has no earlier version to roll back to',
    });
  });

  it('computes the new total of a scale and refuses one below zero', () => {
    const scale = (change: number) =>
      planAction(
        call({ action: 'capacity.scale', args: { ...target, resource: 'servers', change } }),
        env,
      );
    expect(scale(1)).toMatchObject({ ok: true, plan: { values: { total: 3 } } });
    expect(scale(-3)).toMatchObject({
      ok: false,
      reason: 'shop production has 2 servers: cannot remove 3',
    });
  });

  it('refuses unknown targets and unsafe values', () => {
    expect(
      planAction(call({ action: 'patch.apply', args: { ...target, version: '1.0.2' } }), undefined),
    ).toEqual({
      ok: false,
      reason: 'shop production is not in the deployments state',
    });
    expect(
      planAction(call({ action: 'patch.apply', args: { ...target, version: '$(id)' } }), env),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining('is refused'),
    });
  });
});

describe('readBackProblem', () => {
  it('says what the state shows when it is not what the action promised', () => {
    expect(readBackProblem({ field: 'version', value: '1.0.0' }, env)).toBe(
      'the state says 1.0.1, not 1.0.0',
    );
    expect(readBackProblem({ field: 'version', value: '1.0.1' }, env)).toBeUndefined();
    expect(readBackProblem({ field: 'capacity', resource: 'servers', value: 3 }, env)).toBe(
      'the state says 2 servers, not 3',
    );
  });
});
