import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActionRunner } from '../../../../endpoints/demo/action-runner';
import { DemoSimulation } from '../../../../endpoints/demo/demo-simulation';
import { SCENARIOS } from '../../../../endpoints/demo/scenarios/scenario-registry';
import type { ScenarioName } from '../../../../endpoints/demo/scenarios/scenario';
import {
  RPC_ERRORS,
  type ActionStatus,
  type ActionSubmitParams,
} from '../../../../shared/protocol';
import { T0 } from './simulation-drill';

const ACTION_MS = 1000;
const ROLLBACK: ActionSubmitParams = {
  key: 'rollback-key-1',
  action: 'deploy.rollback',
  args: { service: 'billing', environment: 'production' },
};

function setup(scenario: ScenarioName = 'bad-deploy') {
  let sim = new DemoSimulation(SCENARIOS[scenario], 1, T0);
  const log: string[] = [];
  const runner = new ActionRunner({
    actionMs: ACTION_MS,
    simulation: () => sim,
    now: () => Date.now(),
    publish: {
      status: (s) => log.push(`status ${s.key} ${s.state}${s.message ? `: ${s.message}` : ''}`),
      change: (c) => log.push(`change ${c.service?.id ?? ''} ${c.resourceVersion - T0}`),
      event: (e) => log.push(`event ${e.type} ${e.subject}`),
      settled: () => log.push('settled'),
    },
  });
  return {
    runner,
    log,
    sim: () => sim,
    replace: (name: ScenarioName) => (sim = new DemoSimulation(SCENARIOS[name], 1, T0)),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('ActionRunner', () => {
  it('goes accepted → running → succeeded, publishing changes, catalog check and events in order', () => {
    const { runner, log } = setup();
    expect(runner.submit(ROLLBACK)).toEqual({ result: { accepted: true } });
    expect(log).toEqual(['status rollback-key-1 accepted']);
    vi.advanceTimersByTime(ACTION_MS / 5);
    expect(log.slice(1)).toEqual([
      'status rollback-key-1 running: rolling back 2.14.0 → 2.13.2',
      'change billing 1',
      'settled',
      'event deploy.started billing/production',
    ]);
    vi.advanceTimersByTime(ACTION_MS);
    expect(log.slice(5)).toEqual([
      'change billing 2',
      'settled',
      'event deploy.rolledback billing/production',
      'status rollback-key-1 succeeded: billing production rolled back 2.14.0 → 2.13.2',
    ]);
    expect(runner.get(ROLLBACK.key)).toMatchObject({
      state: 'succeeded',
      updatedAt: T0 + ACTION_MS,
    });
  });

  it('answers a repeated key with the first reply and runs it once', () => {
    const { runner, log, sim } = setup();
    runner.submit(ROLLBACK);
    expect(runner.submit(ROLLBACK)).toEqual({ result: { accepted: true } });
    vi.advanceTimersByTime(5 * ACTION_MS);
    expect(runner.submit(ROLLBACK)).toEqual({ result: { accepted: true } });
    vi.advanceTimersByTime(5 * ACTION_MS);
    expect(log.filter((l) => l.startsWith('event deploy.rolledback'))).toHaveLength(1);
    expect(sim().deployments.environment('billing', 'production')?.version).toBe('2.13.2');
  });

  it('refuses the same key for a different payload with -32001, running nothing', () => {
    const { runner, log } = setup();
    runner.submit(ROLLBACK);
    const other = { ...ROLLBACK, args: { ...ROLLBACK.args, toVersion: '2.12.0' } };
    expect(runner.submit(other)).toEqual({
      error: {
        code: RPC_ERRORS.idempotencyConflict,
        message: 'idempotency key rollback-key-1 was used for a different action',
      },
    });
    vi.advanceTimersByTime(5 * ACTION_MS);
    expect(log.filter((l) => l.includes('accepted'))).toHaveLength(1);
  });

  it('keeps a refusal for its key: the same submission gets the same reason', () => {
    const { runner } = setup();
    const bad = {
      ...ROLLBACK,
      key: 'rollback-key-2',
      args: { ...ROLLBACK.args, toVersion: '9.9.9' },
    };
    const reply = {
      result: { accepted: false, reason: 'version 9.9.9 was never deployed to production' },
    };
    expect(runner.submit(bad)).toEqual(reply);
    expect(runner.submit(bad)).toEqual(reply);
    expect(runner.get(bad.key)).toBeUndefined();
  });

  it('refuses a second action on the same service and environment while one runs', () => {
    const { runner } = setup();
    runner.submit(ROLLBACK);
    const second = {
      ...ROLLBACK,
      key: 'rollback-key-3',
      args: { ...ROLLBACK.args, toVersion: '2.12.0' },
    };
    expect(runner.submit(second)).toEqual({
      result: {
        accepted: false,
        reason: 'billing production is busy: deploy.rollback (rollback-key-1) is still running',
      },
    });
    vi.advanceTimersByTime(ACTION_MS);
    const third = { ...second, key: 'rollback-key-4' };
    expect(runner.submit(third)).toEqual({ result: { accepted: true } });
  });

  it('refuses actions the scenario does not offer', () => {
    const { runner } = setup();
    const scale: ActionSubmitParams = {
      key: 'scale-key-1',
      action: 'capacity.scale',
      args: { service: 'web', environment: 'production', resource: 'servers', change: 2 },
    };
    expect(runner.submit(scale)).toEqual({
      result: {
        accepted: false,
        reason:
          'the bad-deploy scenario does not offer capacity.scale (it offers deploy.rollback, patch.apply)',
      },
    });
  });

  it('reports a failed action as failed, with its reason', () => {
    const { runner, log } = setup('load-spike');
    const scale: ActionSubmitParams = {
      key: 'scale-key-2',
      action: 'capacity.scale',
      args: { service: 'web', environment: 'production', resource: 'servers', change: 100 },
    };
    expect(runner.submit(scale)).toEqual({ result: { accepted: true } });
    vi.advanceTimersByTime(ACTION_MS);
    expect(runner.get(scale.key)).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/quota allows 32 servers/) as string,
    });
    expect(log.filter((l) => l.startsWith('change'))).toEqual([]);
  });

  it('cancels what is under way, and nothing more happens to it', () => {
    const { runner, log, replace } = setup();
    runner.submit(ROLLBACK);
    vi.advanceTimersByTime(ACTION_MS / 5);
    replace('load-spike');
    runner.cancelAll('cancelled: the demo switched to the load-spike scenario');
    expect(runner.get(ROLLBACK.key)).toMatchObject({
      state: 'cancelled',
      message: 'cancelled: the demo switched to the load-spike scenario',
    });
    const before = log.length;
    vi.advanceTimersByTime(5 * ACTION_MS);
    expect(log).toHaveLength(before);
  });

  it('knows nothing of a key never submitted', () => {
    expect(setup().runner.get('never-submitted')).toBeUndefined();
  });
});

describe('ActionRunner: every console is told who did what (v1.1)', () => {
  function described() {
    const statuses: ActionStatus[] = [];
    let sim = new DemoSimulation(SCENARIOS['bad-deploy'], 1, T0);
    const runner = new ActionRunner({
      actionMs: ACTION_MS,
      simulation: () => sim,
      now: () => Date.now(),
      publish: {
        status: (s) => statuses.push(s),
        change: () => {},
        event: () => {},
        settled: () => {},
      },
    });
    return {
      runner,
      statuses,
      reset: () => (sim = new DemoSimulation(SCENARIOS['bad-deploy'], 1, T0)),
    };
  }

  it('describes the action, its operator and reason on every status and in action.get', () => {
    const { runner, statuses } = described();
    runner.submit({ ...ROLLBACK, operator: 'ana', reason: 'INC-42' });
    vi.advanceTimersByTime(ACTION_MS);
    const description = {
      action: 'deploy.rollback',
      args: ROLLBACK.args,
      operator: 'ana',
      reason: 'INC-42',
      submittedAt: T0,
    };
    expect(statuses.map((s) => s.state)).toEqual(['accepted', 'running', 'succeeded']);
    for (const status of statuses) expect(status).toMatchObject(description);
    expect(runner.get(ROLLBACK.key)).toMatchObject({ state: 'succeeded', ...description });
  });

  it('keeps the first operator and reason when the same key comes again from someone else', () => {
    const { runner } = described();
    runner.submit({ ...ROLLBACK, operator: 'ana', reason: 'first' });
    expect(runner.submit({ ...ROLLBACK, operator: 'bo', reason: 'second' })).toEqual({
      result: { accepted: true },
    });
    expect(runner.get(ROLLBACK.key)).toMatchObject({ operator: 'ana', reason: 'first' });
  });

  it('lists the actions still under way, for a console that says hello now', () => {
    const { runner } = described();
    runner.submit({ ...ROLLBACK, operator: 'ana' });
    vi.advanceTimersByTime(ACTION_MS / 5);
    expect(runner.inFlightStatuses()).toEqual([
      expect.objectContaining({ key: ROLLBACK.key, state: 'running', operator: 'ana' }),
    ]);
    vi.advanceTimersByTime(ACTION_MS);
    expect(runner.inFlightStatuses()).toEqual([]);
  });

  it('has no status for a refused key: action.get answers it as unknown', () => {
    const { runner } = described();
    const refused = runner.submit({ ...ROLLBACK, args: { ...ROLLBACK.args, toVersion: '0.0.1' } });
    expect(refused).toMatchObject({ result: { accepted: false } });
    expect(runner.get(ROLLBACK.key)).toBeUndefined();
  });
});
