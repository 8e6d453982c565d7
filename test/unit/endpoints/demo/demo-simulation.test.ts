import { describe, expect, it } from 'vitest';
import { DEMO_METRICS } from '../../../../endpoints/demo/demo-catalog';
import { DemoSimulation, FAULTY_RELEASE } from '../../../../endpoints/demo/demo-simulation';
import {
  LEVELS,
  sampleBatchSchema,
  seriesInfoSchema,
  serviceStateSchema,
  type SampleBatch,
} from '../../../../shared/protocol';

const T0 = 1_700_000_000_000;
const ERRORS = 'app.errors.rate';

function run(sim: DemoSimulation, ticks: number, from = T0): SampleBatch[][] {
  const out: SampleBatch[][] = [];
  for (let k = 1; k <= ticks; k += 1) out.push(sim.tick(from + k * 1000));
  return out;
}

function valuesOf(ticks: SampleBatch[][], series: string): number[] {
  return ticks.map((batches) => {
    const point = batches.find((b) => b.series === series)?.points[0];
    if (!point) throw new Error(`no ${series} sample`);
    return point[1];
  });
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

const billingProduction = (sim: DemoSimulation) =>
  sim.services.find((s) => s.id === 'billing')?.environments.find((e) => e.id === 'production');

describe('demo catalog', () => {
  it('has at least two series on every level', () => {
    for (const level of LEVELS) {
      const count = DEMO_METRICS.filter((m) => m.info.level === level).length;
      expect(count, level).toBeGreaterThanOrEqual(2);
    }
  });

  it('every entry passes the protocol schema', () => {
    for (const m of DEMO_METRICS) {
      const parsed = seriesInfoSchema.safeParse(m.info);
      expect(parsed.success, `${m.info.id}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });

  it('series ids are unique', () => {
    const ids = DEMO_METRICS.map((m) => m.info.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('models are consistent: min <= base, bad <= max', () => {
    for (const m of DEMO_METRICS) {
      expect(m.min, m.info.id).toBeLessThanOrEqual(Math.min(m.base, m.bad));
      expect(m.max, m.info.id).toBeGreaterThanOrEqual(Math.max(m.base, m.bad));
    }
  });

  it('includes the error-rate series of the faulty service', () => {
    const errors = DEMO_METRICS.find((m) => m.info.id === ERRORS);
    expect(errors?.info.service).toBe(FAULTY_RELEASE.service);
  });
});

describe('DemoSimulation determinism', () => {
  it('the same seed gives the same samples', () => {
    const a = run(new DemoSimulation(42, T0), 50);
    const b = run(new DemoSimulation(42, T0), 50);
    expect(a).toEqual(b);
    expect(new DemoSimulation(42, T0).historyBatches()).toEqual(
      new DemoSimulation(42, T0).historyBatches(),
    );
  });

  it('different seeds give different samples', () => {
    const a = run(new DemoSimulation(1, T0), 50);
    const b = run(new DemoSimulation(2, T0), 50);
    expect(a).not.toEqual(b);
    expect(valuesOf(a, 'system.cpu.utilization')).not.toEqual(
      valuesOf(b, 'system.cpu.utilization'),
    );
  });

  it('each tick gives one valid sample per catalog series at the given time', () => {
    const sim = new DemoSimulation(3, T0);
    const batches = sim.tick(T0 + 1000);
    expect(batches.map((b) => b.series)).toEqual(DEMO_METRICS.map((m) => m.info.id));
    for (const batch of batches) {
      expect(sampleBatchSchema.safeParse(batch).success).toBe(true);
      expect(batch.points).toHaveLength(1);
      expect(batch.points[0]?.[0]).toBe(T0 + 1000);
    }
  });

  it('keeps values within each metric bounds', () => {
    const ticks = run(new DemoSimulation(5, T0), 300);
    for (const m of DEMO_METRICS) {
      for (const v of valuesOf(ticks, m.info.id)) {
        expect(v).toBeGreaterThanOrEqual(m.min);
        expect(v).toBeLessThanOrEqual(m.max);
      }
    }
  });

  it('keeps a bounded history, oldest first, ending with the latest tick', () => {
    const sim = new DemoSimulation(9, T0);
    const before = sim.historyBatches().find((b) => b.series === ERRORS)?.points ?? [];
    expect(before.length).toBeGreaterThan(0);
    const ticks = run(sim, 10);
    const after = sim.historyBatches().find((b) => b.series === ERRORS)?.points ?? [];
    expect(after).toHaveLength(before.length);
    const times = after.map((p) => p[0]);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(after.at(-1)).toEqual(ticks.at(-1)?.find((b) => b.series === ERRORS)?.points[0]);
  });

  it('history is a copy: changing it does not change the simulation', () => {
    const sim = new DemoSimulation(9, T0);
    const first = sim.historyBatches();
    first[0]?.points.splice(0);
    expect(sim.historyBatches()[0]?.points.length).toBeGreaterThan(0);
  });
});

describe('DemoSimulation rollbacks', () => {
  it('resourceVersion starts at the clock given to the constructor', () => {
    expect(new DemoSimulation(1, T0).resourceVersion).toBe(T0);
    expect(new DemoSimulation(1, T0 + 60_000).resourceVersion).toBe(T0 + 60_000);
  });

  it("a demo restarted later never reuses an earlier run's versions", () => {
    const first = new DemoSimulation(1, T0);
    for (let k = 0; k < 5; k += 1) first.setStatus('billing', 'production', 'healthy');
    expect(new DemoSimulation(1, T0 + 1000).resourceVersion).toBeGreaterThan(first.resourceVersion);
  });

  it('starts with the faulty billing release in production', () => {
    const sim = new DemoSimulation(1, T0);
    expect(billingProduction(sim)?.version).toBe(FAULTY_RELEASE.version);
    for (const service of sim.services)
      expect(serviceStateSchema.safeParse(service).success).toBe(true);
  });

  it('checkRollback defaults to the previous version', () => {
    const sim = new DemoSimulation(1, T0);
    expect(sim.checkRollback({ service: 'billing', environment: 'production' })).toEqual({
      ok: true,
      from: '2.14.0',
      to: '2.13.2',
    });
  });

  it('checkRollback accepts an older version that was deployed', () => {
    const sim = new DemoSimulation(1, T0);
    expect(
      sim.checkRollback({ service: 'billing', environment: 'production', toVersion: '2.12.0' }),
    ).toEqual({ ok: true, from: '2.14.0', to: '2.12.0' });
  });

  it('checkRollback refuses an unknown service or environment', () => {
    const sim = new DemoSimulation(1, T0);
    const service = sim.checkRollback({ service: 'nope', environment: 'production' });
    expect(service).toEqual({ ok: false, reason: expect.stringMatching(/nope/) as string });
    const env = sim.checkRollback({ service: 'billing', environment: 'staging' });
    expect(env).toEqual({ ok: false, reason: expect.stringMatching(/staging/) as string });
  });

  it('checkRollback refuses a version never deployed', () => {
    const sim = new DemoSimulation(1, T0);
    const result = sim.checkRollback({
      service: 'billing',
      environment: 'production',
      toVersion: '9.9.9',
    });
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/9\.9\.9.*never deployed/) as string,
    });
  });

  it('checkRollback refuses while a rollback is in progress', () => {
    const sim = new DemoSimulation(1, T0);
    sim.setStatus('billing', 'production', 'rolling-back');
    const result = sim.checkRollback({ service: 'billing', environment: 'production' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/busy/);
    sim.setStatus('billing', 'production', 'healthy');
    expect(sim.checkRollback({ service: 'billing', environment: 'production' }).ok).toBe(true);
  });

  it('checkRollback refuses rolling back to the version already running', () => {
    const sim = new DemoSimulation(1, T0);
    const result = sim.checkRollback({
      service: 'billing',
      environment: 'production',
      toVersion: FAULTY_RELEASE.version,
    });
    expect(result).toEqual({ ok: false, reason: 'billing already runs 2.14.0' });
  });

  it('checkRollback refuses while a deploy is in progress', () => {
    const sim = new DemoSimulation(1, T0);
    const env = billingProduction(sim);
    if (env) env.status = 'deploying';
    const result = sim.checkRollback({ service: 'billing', environment: 'production' });
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/busy \(deploying\)/) as string,
    });
  });

  it('checkRollback refuses when nothing earlier is left', () => {
    const sim = new DemoSimulation(1, T0);
    sim.completeRollback('billing', 'production', '2.12.0', T0);
    const result = sim.checkRollback({ service: 'billing', environment: 'production' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/no earlier version/);
  });

  it('completeRollback updates version, previousVersions, status and resourceVersion', () => {
    const sim = new DemoSimulation(1, T0);
    const before = sim.resourceVersion;
    const web = sim.services.find((s) => s.id === 'web');
    const changed = sim.completeRollback('billing', 'production', '2.13.2', T0 + 5000);
    expect(changed).toEqual(sim.services.find((s) => s.id === 'billing'));
    expect(serviceStateSchema.safeParse(changed).success).toBe(true);
    expect(billingProduction(sim)).toMatchObject({
      version: '2.13.2',
      previousVersions: ['2.13.1', '2.12.0'],
      status: 'healthy',
      updatedAt: T0 + 5000,
    });
    expect(sim.resourceVersion).toBe(before + 1);
    expect(sim.services.find((s) => s.id === 'web')).toEqual(web);
  });

  it('completeRollback to an older version drops the versions in between', () => {
    const sim = new DemoSimulation(1, T0);
    sim.completeRollback('billing', 'production', '2.13.1', T0);
    expect(billingProduction(sim)).toMatchObject({
      version: '2.13.1',
      previousVersions: ['2.12.0'],
    });
  });

  it('setStatus bumps resourceVersion and does not mutate earlier snapshots', () => {
    const sim = new DemoSimulation(1, T0);
    const snapshot = sim.services;
    const before = sim.resourceVersion;
    const changed = sim.setStatus('billing', 'production', 'rolling-back');
    expect(sim.resourceVersion).toBe(before + 1);
    expect(billingProduction(sim)?.status).toBe('rolling-back');
    expect(changed.id).toBe('billing');
    expect(changed.environments[0]?.status).toBe('rolling-back');
    expect(changed).toEqual(sim.services.find((s) => s.id === 'billing'));
    expect(snapshot.find((s) => s.id === 'billing')?.environments[0]?.status).toBe('degraded');
  });

  it('the error rate is clearly higher while the faulty release runs than after a rollback', () => {
    const sim = new DemoSimulation(11, T0);
    const faulty = mean(valuesOf(run(sim, 300, T0), ERRORS));
    sim.completeRollback(FAULTY_RELEASE.service, FAULTY_RELEASE.environment, '2.13.2', T0);
    run(sim, 50, T0 + 300_000); // let the walk settle
    const healthy = mean(valuesOf(run(sim, 300, T0 + 350_000), ERRORS));
    expect(faulty).toBeGreaterThan(20);
    expect(healthy).toBeLessThan(5);
    expect(faulty).toBeGreaterThan(healthy * 4);
  });
});
