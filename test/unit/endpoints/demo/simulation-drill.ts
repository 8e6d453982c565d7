// A scenario driven by hand, tick by tick, with actions run straight through
// their plan (no timers): what the unit tests of each scenario share.
import { DemoSimulation } from '../../../../endpoints/demo/demo-simulation';
import { SCENARIOS } from '../../../../endpoints/demo/scenarios/scenario-registry';
import type { Outcome, ScenarioName } from '../../../../endpoints/demo/scenarios/scenario';
import type { ActionCall, EnvironmentState, SampleBatch } from '../../../../shared/protocol';

export const T0 = 1_700_000_000_000;

export class Drill {
  readonly sim: DemoSimulation;
  now = T0;

  constructor(name: ScenarioName, seed = 1) {
    this.sim = new DemoSimulation(SCENARIOS[name], seed, T0);
  }

  /** `n` ticks a second apart; returns every tick's batches. */
  ticks(n: number): SampleBatch[][] {
    const out: SampleBatch[][] = [];
    for (let k = 0; k < n; k += 1) {
      this.now += 1000;
      out.push(this.sim.tick(this.now));
    }
    return out;
  }

  value(series: string): number {
    const value = this.sim.latest(series);
    if (value === undefined) throw new Error(`no value for ${series}`);
    return value;
  }

  /** The mean of a series over the next `n` ticks. */
  mean(series: string, n = 20): number {
    const values = this.ticks(n).map((batches) => pointOf(batches, series));
    return values.reduce((s, v) => s + v, 0) / values.length;
  }

  /** Ticks until `done` holds, at most `limit` ticks; returns how many it took. */
  ticksUntil(done: () => boolean, limit = 60): number {
    for (let k = 1; k <= limit; k += 1) {
      this.ticks(1);
      if (done()) return k;
    }
    throw new Error(`not done after ${limit} ticks`);
  }

  /** Runs an action that must be accepted, start to finish, one second apart. */
  act(call: ActionCall): Outcome {
    const plan = this.sim.plan(call, this.now);
    if (!plan.ok) throw new Error(`refused: ${plan.reason}`);
    plan.start?.(this.sim.deployments, this.now);
    this.now += 1000;
    return plan.finish(this.sim.deployments, this.now);
  }

  /** The reason an action is refused (throws when it is accepted). */
  refusal(call: ActionCall): string {
    const plan = this.sim.plan(call, this.now);
    if (plan.ok) throw new Error(`accepted: ${plan.running}`);
    return plan.reason;
  }

  env(service: string, environment = 'production'): EnvironmentState {
    const env = this.sim.deployments.environment(service, environment);
    if (!env) throw new Error(`no ${environment} of ${service}`);
    return env;
  }
}

export function pointOf(batches: SampleBatch[], series: string): number {
  const point = batches.find((b) => b.series === series)?.points[0];
  if (!point) throw new Error(`no ${series} sample`);
  return point[1];
}

/** Whether a value is past a threshold level, in the threshold's direction. */
export function past(
  value: number,
  thresholds: { warning: number; critical: number; direction: 'above' | 'below' },
  level: 'warning' | 'critical',
): boolean {
  const limit = thresholds[level];
  return thresholds.direction === 'above' ? value >= limit : value <= limit;
}
