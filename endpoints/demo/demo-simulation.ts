// A simulated SaaS running one scenario: its deployment state, its series
// walking toward where the scenario says they should be, and the actions it
// offers. Everything random comes from the seed, so `--seed N` replays a day.
import type { ActionCall, SampleBatch, SeriesInfo, ServiceState } from '../../shared/protocol';
import type { DemoMetric } from './demo-catalog';
import { DeploymentState } from './deployment-state';
import { HISTORY_POINTS, MetricWalk } from './metric-walk';
import { createRandom } from './prng';
import { refuse, type ActionPlan, type Scenario } from './scenarios/scenario';

/** Backfilled history is spaced as the default tick, whatever the live tick is. */
const HISTORY_SPACING_MS = 1000;

export interface DemoSimulationOptions {
  /** Where resourceVersions start at least: after a switch, past the previous scenario's. */
  resourceVersionFloor?: number;
}

export class DemoSimulation {
  readonly deployments: DeploymentState;
  private readonly walk: MetricWalk;
  /** Ticks since the scenario started; negative while backfilling. */
  private tickIndex = -HISTORY_POINTS;

  constructor(
    readonly scenario: Scenario,
    seed: number,
    now = Date.now(),
    options: DemoSimulationOptions = {},
  ) {
    this.walk = new MetricWalk(createRandom(seed));
    const version = Math.max(now, (options.resourceVersionFloor ?? 0) + 1);
    this.deployments = new DeploymentState(scenario.initialServices(now), version);
    this.backfill(now);
  }

  get resourceVersion(): number {
    return this.deployments.resourceVersion;
  }

  get services(): ServiceState[] {
    return this.deployments.services;
  }

  metrics(): DemoMetric[] {
    return this.scenario.catalog(this.deployments);
  }

  catalog(): SeriesInfo[] {
    return this.metrics().map((m) => m.info);
  }

  /** One sample per catalog series at `now`, also kept for consoles that connect later. */
  tick(now: number): SampleBatch[] {
    const targets = this.scenario.targets(this.deployments, this.tickIndex, now);
    this.tickIndex += 1;
    return this.walk.step(this.metrics(), targets, now);
  }

  historyBatches(): SampleBatch[] {
    return this.walk.historyOf(this.metrics());
  }

  /** The latest value of a series, for tests and for anyone asking "is it over yet?". */
  latest(series: string): number | undefined {
    return this.walk.latest(series);
  }

  /** Announced actions go to the scenario; any other is refused, naming what is offered. */
  plan(call: ActionCall, now = Date.now()): ActionPlan {
    const offered = this.scenario.actions.map((a) => a.name);
    if (!offered.includes(call.action)) {
      return refuse(
        `the ${this.scenario.name} scenario does not offer ${call.action} (it offers ${offered.join(', ')})`,
      );
    }
    return this.scenario.plan(call, this.deployments, now);
  }

  /** Fifteen minutes of history, starting mid-incident where the scenario starts there. */
  private backfill(now: number): void {
    const start = now - HISTORY_POINTS * HISTORY_SPACING_MS;
    this.walk.startAt(
      this.metrics(),
      this.scenario.targets(this.deployments, this.tickIndex, start),
    );
    for (let k = HISTORY_POINTS; k > 0; k -= 1) this.tick(now - k * HISTORY_SPACING_MS);
  }
}
