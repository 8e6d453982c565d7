// The action desk of the demo endpoint: each idempotency key runs at most
// once, one action at a time per service/environment, through the lifecycle
// accepted → running → succeeded | failed (or cancelled when the scenario
// changes under it). What the actions do is the scenario's business.
import {
  RPC_ERRORS,
  type ActionStatus,
  type ActionSubmitParams,
  type DeploymentsChange,
  type SubmitResult,
} from '../../shared/protocol';
import type { DemoSimulation } from './demo-simulation';
import type { ActionRun, DemoEvent, Effect } from './scenarios/scenario';

export interface ActionPublisher {
  status(status: ActionStatus): void;
  change(change: DeploymentsChange): void;
  event(event: DemoEvent): void;
  /** After every effect: the catalog may have changed (a ring joined the release). */
  settled(): void;
}

export interface ActionRunnerOptions {
  /** From accepted to the final state; running comes at a fifth of it. */
  actionMs: number;
  /** The simulation of the scenario running now (it changes on a switch). */
  simulation: () => DemoSimulation;
  publish: ActionPublisher;
  now?: () => number;
}

export type SubmitReply = { result: SubmitResult } | { error: { code: number; message: string } };

/** What every console is told of an action besides its state (v1.1): the call, who and why. */
type Description = Pick<ActionStatus, 'action' | 'args' | 'operator' | 'reason' | 'submittedAt'>;

interface InFlight {
  subject: string;
  action: string;
  timers: NodeJS.Timeout[];
}

export class ActionRunner {
  private readonly submitted = new Map<string, { payload: string; reply: SubmitResult }>();
  private readonly statuses = new Map<string, ActionStatus>();
  private readonly descriptions = new Map<string, Description>();
  private readonly inFlight = new Map<string, InFlight>();
  private readonly now: () => number;

  constructor(private readonly options: ActionRunnerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The same key and payload get the first reply again; another payload gets -32001. */
  submit(params: ActionSubmitParams): SubmitReply {
    const payload = JSON.stringify({ action: params.action, args: params.args });
    const earlier = this.submitted.get(params.key);
    if (earlier && earlier.payload !== payload) {
      const message = `idempotency key ${params.key} was used for a different action`;
      return { error: { code: RPC_ERRORS.idempotencyConflict, message } };
    }
    if (earlier) return { result: earlier.reply };
    const reply = this.accept(params);
    this.submitted.set(params.key, { payload, reply });
    return { result: reply };
  }

  /** The latest status of an accepted action; undefined for a key never accepted. */
  get(key: string): ActionStatus | undefined {
    return this.statuses.get(key);
  }

  /** The latest status of every action still under way: what a console saying hello is sent. */
  inFlightStatuses(): ActionStatus[] {
    return [...this.inFlight.keys()].flatMap((key) => this.statuses.get(key) ?? []);
  }

  /** Ends every action still under way, saying why (a scenario switch, a shutdown). */
  cancelAll(message: string): void {
    for (const [key, run] of this.inFlight) {
      for (const timer of run.timers) clearTimeout(timer);
      this.setStatus({ key, state: 'cancelled', message });
    }
    this.inFlight.clear();
  }

  stop(): void {
    for (const run of this.inFlight.values()) for (const timer of run.timers) clearTimeout(timer);
    this.inFlight.clear();
  }

  private accept(params: ActionSubmitParams): SubmitResult {
    const { service, environment } = params.args;
    const subject = `${service}/${environment}`;
    const busy = [...this.inFlight.entries()].find(([, run]) => run.subject === subject);
    if (busy) {
      const [key, run] = busy;
      return {
        accepted: false,
        reason: `${service} ${environment} is busy: ${run.action} (${key}) is still running`,
      };
    }
    const plan = this.options.simulation().plan(params, this.now());
    if (!plan.ok) return { accepted: false, reason: plan.reason };
    this.descriptions.set(params.key, describe(params, this.now()));
    this.setStatus({ key: params.key, state: 'accepted' });
    this.schedule(params.key, { subject, action: params.action, timers: [] }, plan);
    return { accepted: true };
  }

  private schedule(key: string, run: InFlight, plan: ActionRun): void {
    this.inFlight.set(key, run);
    const { actionMs } = this.options;
    run.timers.push(
      setTimeout(() => {
        const effect = plan.start?.(this.deployments(), this.now());
        this.setStatus({ key, state: 'running', message: plan.running });
        if (effect) this.publish(effect);
      }, actionMs / 5),
      setTimeout(() => {
        this.inFlight.delete(key);
        const outcome = plan.finish(this.deployments(), this.now());
        this.publish(outcome);
        this.setStatus({ key, state: outcome.state, message: outcome.message });
      }, actionMs),
    );
  }

  private deployments() {
    return this.options.simulation().deployments;
  }

  /** Changes first, then the catalog they imply, then the events that tell of them. */
  private publish(effect: Effect): void {
    const { publish } = this.options;
    for (const change of effect.changes) publish.change(change);
    publish.settled();
    for (const event of effect.events) publish.event(event);
  }

  /** Every status carries the description, so a console that joins mid-way can show it. */
  private setStatus(status: Pick<ActionStatus, 'key' | 'state' | 'message'>): void {
    const full = { ...status, updatedAt: this.now(), ...this.descriptions.get(status.key) };
    this.statuses.set(status.key, full);
    this.options.publish.status(full);
  }
}

function describe(params: ActionSubmitParams, now: number): Description {
  return {
    action: params.action,
    args: params.args,
    ...(params.operator ? { operator: params.operator } : {}),
    ...(params.reason ? { reason: params.reason } : {}),
    submittedAt: now,
  };
}
