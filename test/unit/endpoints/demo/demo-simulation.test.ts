import { describe, expect, it } from 'vitest';
import { BASE_METRICS, SERIES } from '../../../../endpoints/demo/demo-catalog';
import { DemoSimulation } from '../../../../endpoints/demo/demo-simulation';
import { HISTORY_POINTS } from '../../../../endpoints/demo/metric-walk';
import { SCENARIOS } from '../../../../endpoints/demo/scenarios/scenario-registry';
import { SCENARIO_NAMES, type ScenarioName } from '../../../../endpoints/demo/scenarios/scenario';
import {
  LEVELS,
  actionArgsSchemas,
  sampleBatchSchema,
  seriesInfoSchema,
  serviceStateSchema,
  type ActionCall,
  type SampleBatch,
} from '../../../../shared/protocol';
import { Drill, T0, past, pointOf } from './simulation-drill';

const simulation = (name: (typeof SCENARIO_NAMES)[number], seed: number) =>
  new DemoSimulation(SCENARIOS[name], seed, T0);

function run(sim: DemoSimulation, ticks: number): SampleBatch[][] {
  const out: SampleBatch[][] = [];
  for (let k = 1; k <= ticks; k += 1) out.push(sim.tick(T0 + k * 1000));
  return out;
}

describe('the base catalog', () => {
  it('has the twelve everyday series, at least two on every level', () => {
    expect(BASE_METRICS).toHaveLength(12);
    for (const level of LEVELS) {
      expect(BASE_METRICS.filter((m) => m.info.level === level).length).toBeGreaterThanOrEqual(2);
    }
    expect(BASE_METRICS.find((m) => m.info.id === SERIES.cpu)?.info.unit).toBe('%');
  });

  it('models are consistent: min <= base <= max', () => {
    for (const m of BASE_METRICS) {
      expect(m.min, m.info.id).toBeLessThanOrEqual(m.base);
      expect(m.max, m.info.id).toBeGreaterThanOrEqual(m.base);
    }
  });
});

/**
 * Scenarios that start quiet, and the operator move that brings on their
 * incident: ring-rollout's release is fine in internal and fails in beta.
 */
const QUIET_START: Partial<Record<ScenarioName, ActionCall>> = {
  'ring-rollout': {
    action: 'ring.promote',
    args: { service: 'web', environment: 'production', toRing: 'beta' },
  },
};

/** The metrics past their warning threshold now. */
const alertingOf = (drill: Drill) =>
  drill.sim.metrics().filter((m) => {
    const t = m.info.thresholds;
    return t && past(drill.value(m.info.id), t, 'warning');
  });

describe.each(SCENARIO_NAMES)('the %s scenario', (name) => {
  const sim = simulation(name, 3);

  it('has a valid catalog: unique ids, 12+ series, 2+ per level, quick thresholds', () => {
    const catalog = sim.catalog();
    expect(catalog.length).toBeGreaterThanOrEqual(12);
    expect(new Set(catalog.map((s) => s.id)).size).toBe(catalog.length);
    for (const level of LEVELS) {
      expect(catalog.filter((s) => s.level === level).length).toBeGreaterThanOrEqual(2);
    }
    for (const info of catalog) {
      const parsed = seriesInfoSchema.safeParse(info);
      expect(parsed.success, `${info.id}: ${parsed.error?.message ?? ''}`).toBe(true);
      expect(info.thresholds?.forMs ?? 0, info.id).toBeLessThanOrEqual(5_000);
      expect(info.thresholds?.recoveryMs ?? 0, info.id).toBeLessThanOrEqual(5_000);
    }
  });

  it('starts with valid services', () => {
    for (const service of sim.services) {
      const parsed = serviceStateSchema.safeParse(service);
      expect(parsed.success, parsed.error?.message).toBe(true);
    }
  });

  it('offers only actions its procedures use, and every procedure is offered and valid', () => {
    const offered = new Set(sim.scenario.actions.map((a) => a.name));
    for (const info of sim.catalog()) {
      for (const p of info.procedures ?? []) {
        expect(offered, `${info.id}: ${p.action}`).toContain(p.action);
        const args = actionArgsSchemas[p.action].safeParse(p.args);
        expect(args.success, `${info.id}: ${JSON.stringify(p.args)}`).toBe(true);
        expect(p.expectRecoveryMs ?? 0).toBeLessThanOrEqual(20_000);
      }
    }
    for (const action of sim.scenario.actions) expect(action.title).toBeTruthy();
  });

  it('has an incident: some series crosses a threshold, and each such series has a procedure', () => {
    const drill = new Drill(name, 4);
    const trigger = QUIET_START[name];
    if (trigger) {
      drill.ticks(60);
      expect(
        alertingOf(drill).map((m) => m.info.id),
        'before the trigger',
      ).toEqual([]);
      drill.act(trigger);
    }
    drill.ticks(60);
    const alerting = alertingOf(drill);
    expect(alerting.length).toBeGreaterThan(0);
    for (const m of alerting) expect(m.info.procedures?.length, m.info.id).toBeGreaterThan(0);
  });

  it('replays the same samples for the same seed, and others for another seed', () => {
    expect(run(simulation(name, 42), 50)).toEqual(run(simulation(name, 42), 50));
    expect(simulation(name, 42).historyBatches()).toEqual(simulation(name, 42).historyBatches());
    const a = run(simulation(name, 1), 50).map((b) => pointOf(b, SERIES.users));
    const b = run(simulation(name, 2), 50).map((b) => pointOf(b, SERIES.users));
    expect(a).not.toEqual(b);
  });

  it('gives one valid sample per catalog series per tick, within bounds', () => {
    const s = simulation(name, 5);
    const ticks = run(s, 100);
    for (const batches of ticks) {
      expect(batches.map((b) => b.series)).toEqual(s.catalog().map((i) => i.id));
      for (const batch of batches) expect(sampleBatchSchema.safeParse(batch).success).toBe(true);
    }
    for (const m of s.metrics()) {
      for (const batches of ticks) {
        const v = pointOf(batches, m.info.id);
        expect(v).toBeGreaterThanOrEqual(m.min);
        expect(v).toBeLessThanOrEqual(m.max);
      }
    }
  });

  it('keeps 15 minutes of history per series, oldest first, ending with the latest tick', () => {
    const s = simulation(name, 9);
    const before = s.historyBatches();
    expect(before.map((b) => b.series)).toEqual(s.catalog().map((i) => i.id));
    for (const batch of before) expect(batch.points).toHaveLength(HISTORY_POINTS);
    const ticks = run(s, 10);
    const after = s.historyBatches().find((b) => b.series === SERIES.errors)?.points ?? [];
    expect(after).toHaveLength(HISTORY_POINTS);
    const times = after.map((p) => p[0]);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(after.at(-1)).toEqual(ticks.at(-1)?.find((b) => b.series === SERIES.errors)?.points[0]);
  });
});

describe('DemoSimulation', () => {
  it('history is a copy: changing it does not change the simulation', () => {
    const sim = simulation('bad-deploy', 9);
    sim.historyBatches()[0]?.points.splice(0);
    expect(sim.historyBatches()[0]?.points.length).toBe(HISTORY_POINTS);
  });

  it('resourceVersion starts at the clock, or past a floor (a switched scenario)', () => {
    expect(simulation('bad-deploy', 1).resourceVersion).toBe(T0);
    const floor = T0 + 5_000;
    const next = new DemoSimulation(SCENARIOS['load-spike'], 1, T0, {
      resourceVersionFloor: floor,
    });
    expect(next.resourceVersion).toBe(floor + 1);
  });

  it('refuses an action the scenario does not offer, naming what it offers', () => {
    const sim = simulation('load-spike', 1);
    const plan = sim.plan({
      action: 'deploy.rollback',
      args: { service: 'web', environment: 'production' },
    });
    expect(plan).toEqual({
      ok: false,
      reason: 'the load-spike scenario does not offer deploy.rollback (it offers capacity.scale)',
    });
  });

  it('an update bumps resourceVersion and leaves earlier snapshots alone', () => {
    const sim = simulation('bad-deploy', 1);
    const snapshot = sim.services;
    const change = sim.deployments.update('billing', 'production', (e) => ({
      ...e,
      status: 'rolling-back',
    }));
    expect(change.resourceVersion).toBe(T0 + 1);
    expect(sim.resourceVersion).toBe(T0 + 1);
    expect(change.service).toEqual(sim.services.find((s) => s.id === 'billing'));
    expect(snapshot.find((s) => s.id === 'billing')?.environments[0]?.status).toBe('degraded');
    expect(sim.services.find((s) => s.id === 'web')).toBe(snapshot.find((s) => s.id === 'web'));
    expect(() => sim.deployments.update('nope', 'production', (e) => e)).toThrow(
      'no production of nope',
    );
  });
});
