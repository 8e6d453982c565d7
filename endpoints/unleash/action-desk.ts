// The bridge's action desk: each idempotency key runs at most once (the same
// key and payload get the first reply again; another payload gets -32001),
// one action at a time per service and environment, each reported through
// accepted → running → succeeded | failed to every console, described (who
// asked, what and why) so that every console can show it. Records are kept
// for a day, as the protocol asks.
import {
  RPC_ERRORS,
  type ActionStatus,
  type ActionSubmitParams,
  type SubmitResult,
} from '../../shared/protocol';
import { describeSubmit, underWay, type ActionDescription } from '../shared/action-description';

export type SubmitReply = { result: SubmitResult } | { error: { code: number; message: string } };

/** What a handler makes of one action: a refusal at once, or work to run. */
export type ActionPlan =
  | { refused: string }
  | {
      /** What the running status says. */
      running: string;
      /** Does the work; resolves with the success message, or throws with the failure's. */
      run: () => Promise<string>;
    };

export interface ActionDeskOptions {
  plan(params: ActionSubmitParams): ActionPlan;
  publish(status: ActionStatus): void;
  now?: () => number;
}

const KEEP_MS = 24 * 60 * 60 * 1000;

export class ActionDesk {
  private readonly submitted = new Map<
    string,
    { payload: string; reply: SubmitResult; at: number }
  >();
  private readonly statuses = new Map<string, ActionStatus>();
  private readonly descriptions = new Map<string, ActionDescription>();
  private readonly busy = new Map<string, string>();
  private readonly now: () => number;
  private readonly settling = new Set<Promise<void>>();

  constructor(private readonly options: ActionDeskOptions) {
    this.now = options.now ?? Date.now;
  }

  submit(params: ActionSubmitParams): SubmitReply {
    this.forgetOld();
    const payload = JSON.stringify({ action: params.action, args: params.args });
    const earlier = this.submitted.get(params.key);
    if (earlier && earlier.payload !== payload) {
      const message = `idempotency key ${params.key} was used for a different action`;
      return { error: { code: RPC_ERRORS.idempotencyConflict, message } };
    }
    if (earlier) return { result: earlier.reply };
    const reply = this.accept(params);
    this.submitted.set(params.key, { payload, reply, at: this.now() });
    return { result: reply };
  }

  get(key: string): ActionStatus | undefined {
    return this.statuses.get(key);
  }

  /** The latest status of every action still under way, whoever submitted it. */
  inFlightStatuses(): ActionStatus[] {
    return [...this.statuses.values()].filter(underWay);
  }

  /** Resolves when every action under way has reached its final state. */
  async idle(): Promise<void> {
    await Promise.all(this.settling);
  }

  private accept(params: ActionSubmitParams): SubmitResult {
    const { service, environment } = params.args;
    const target = `${service}/${environment}`;
    const running = this.busy.get(target);
    if (running) {
      return {
        accepted: false,
        reason: `${service} ${environment} is busy: action ${running} is still running`,
      };
    }
    let plan: ActionPlan;
    try {
      plan = this.options.plan(params);
    } catch (err) {
      return { accepted: false, reason: (err as Error).message };
    }
    if ('refused' in plan) return { accepted: false, reason: plan.refused };
    this.busy.set(target, params.key);
    this.descriptions.set(params.key, describeSubmit(params, this.now()));
    this.setStatus(params.key, 'accepted');
    const work = Promise.resolve()
      .then(() => this.setStatus(params.key, 'running', plan.running))
      .then(plan.run)
      .then(
        (message) => this.setStatus(params.key, 'succeeded', message),
        (err: Error) => this.setStatus(params.key, 'failed', err.message),
      )
      .finally(() => {
        this.busy.delete(target);
        this.settling.delete(work);
      });
    this.settling.add(work);
    return { accepted: true };
  }

  private setStatus(key: string, state: ActionStatus['state'], message?: string): void {
    const status: ActionStatus = {
      key,
      state,
      ...(message ? { message: message.slice(0, 2_000) } : {}),
      updatedAt: this.now(),
      ...this.descriptions.get(key),
    };
    this.statuses.set(key, status);
    this.options.publish(status);
  }

  private forgetOld(): void {
    const before = this.now() - KEEP_MS;
    for (const [key, record] of this.submitted) {
      if (record.at >= before) break;
      this.submitted.delete(key);
      this.statuses.delete(key);
      this.descriptions.delete(key);
    }
  }
}
