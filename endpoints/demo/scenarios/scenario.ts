// What a scenario is: a starting world (services, versions, flags, rings),
// where each series heads given the world, the actions it offers, and what
// each of them does. The simulation, the action runner and the wire around
// it are the same for every scenario.
import type {
  ActionCall,
  ActionDescriptor,
  DeploymentsChange,
  EVENT_TYPES,
  ServiceState,
} from '../../../shared/protocol';
import type { DemoMetric, Targets } from '../demo-catalog';
import type { DeploymentState } from '../deployment-state';

export const SCENARIO_NAMES = [
  'bad-deploy',
  'load-spike',
  'bad-flag',
  'failing-build',
  'ring-rollout',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface Scenario {
  readonly name: ScenarioName;
  /** One sentence for the CLI and for operators: what goes wrong. */
  readonly summary: string;
  /** Announced in hello; anything else is refused. */
  readonly actions: readonly ActionDescriptor[];
  initialServices(now: number): ServiceState[];
  /** The series as the world stands (a ring rollout adds per-ring series as it moves). */
  catalog(state: DeploymentState): DemoMetric[];
  /**
   * Where each series heads at the tick's time `now`; `tick` counts from the
   * scenario's start (negative in the backfill), so a scenario can unfold over time.
   */
  targets(state: DeploymentState, tick: number, now: number): Targets;
  /** Checks an announced action against the world now: a refusal, or what it will do. */
  plan(call: ActionCall, state: DeploymentState, now: number): ActionPlan;
}

export type EventType = (typeof EVENT_TYPES)[number];

/** A CloudEvent before the wire gives it an id, source and time. */
export interface DemoEvent {
  type: EventType;
  /** `service/environment`. */
  subject: string;
  data: Record<string, unknown>;
}

export interface Effect {
  changes: DeploymentsChange[];
  events: DemoEvent[];
}

export interface Outcome extends Effect {
  state: 'succeeded' | 'failed';
  message: string;
}

/** What an accepted action does, in two steps: as it starts running, and as it ends. */
export interface ActionRun {
  /** What the operator reads while it runs. */
  running: string;
  start?: (state: DeploymentState, now: number) => Effect;
  finish: (state: DeploymentState, now: number) => Outcome;
}

export type Refusal = { ok: false; reason: string };
export type ActionPlan = Refusal | ({ ok: true } & ActionRun);

export const refuse = (reason: string): Refusal => ({ ok: false, reason });
export const accept = (run: ActionRun): ActionPlan => ({ ok: true, ...run });
export const NO_EFFECT: Effect = { changes: [], events: [] };
