// The bridge's action desk: each key carried out at most once (a reused key is
// answered as the first time, or refused with -32001 for another payload), one
// action at a time per service and environment, each action's command run as
// a process group and followed to its end: accepted → running (its last output
// lines as progress) → succeeded or failed, by exit code and a read-back of the
// state. Every fact goes to the journal before anyone is told, and a restarted
// bridge picks up the commands still running.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import {
  RPC_ERRORS,
  type ActionStatus,
  type ActionSubmitParams,
  type SubmitResult,
} from '../../shared/protocol';
import { describeSubmit, underWay } from '../shared/action-description';
import type { ActionJournal, JournalRecord } from './action-journal';
import { argumentsProblem } from './argument-safety';
import { planAction, readBackProblem, type ActionPlan, type Expectation } from './action-plan';
import { startedEvent, succeededEvents, type RunbookEvent } from './action-events';
import { UnsafeArgumentError, buildArgv } from './argv-template';
import { canonicalJson } from './canonical-json';
import { followCommand, startCommand, type RunOutcome } from './command-run';
import type { DeploymentsState } from './deployments-state';
import { OutputTail } from './output-tail';
import type { RunbookConfig } from './runbook-config';

export interface DeskPublisher {
  status(status: ActionStatus): void;
  event(event: RunbookEvent): void;
}

export type SubmitReply = { result: SubmitResult } | { error: { code: number; message: string } };

/** What the journal keeps of a plan, to finish the action after a restart. */
interface KeptPlan {
  summary: string;
  expect: Expectation;
  overlay?: ActionPlan['overlay'];
  from: string;
  to?: string;
}

const PROGRESS_EVERY_MS = 1_000;
const isFinal = (state: string | undefined) =>
  state === 'succeeded' || state === 'failed' || state === 'cancelled';

export class RunbookDesk {
  /** `service/environment` → the key of the action running there. */
  private readonly busy = new Map<string, string>();
  private readonly followers = new Set<() => void>();
  private stopped = false;

  constructor(
    private readonly config: RunbookConfig,
    private readonly journal: ActionJournal,
    private readonly state: DeploymentsState,
    private readonly publish: DeskPublisher,
  ) {}

  /** After a restart: follow the commands a previous process started, fail the ones it never did. */
  resume(): void {
    for (const record of this.journal.all()) {
      if (!record.reply.accepted || isFinal(record.status?.state)) continue;
      const plan = record.plan as unknown as KeptPlan;
      if (!record.run) {
        this.setStatus(
          record.key,
          'failed',
          `${plan.summary}: the bridge stopped before starting it`,
        );
        continue;
      }
      this.follow(record, plan);
    }
  }

  submit(params: ActionSubmitParams): SubmitReply {
    const payload = canonicalJson({ action: params.action, args: params.args });
    const earlier = this.journal.get(params.key);
    if (earlier && earlier.payload !== payload) {
      const message = `idempotency key ${params.key} was used for a different action`;
      return { error: { code: RPC_ERRORS.idempotencyConflict, message } };
    }
    if (earlier) return { result: earlier.reply };
    return { result: this.accept(params, payload) };
  }

  get(key: string): ActionStatus | undefined {
    return this.journal.get(key)?.status;
  }

  /** The latest status of every action still under way, whoever submitted it. */
  inFlightStatuses(): ActionStatus[] {
    return this.journal
      .all()
      .flatMap((record) => (record.status && underWay(record.status) ? [record.status] : []));
  }

  /** Stops following (the commands go on; a restarted bridge picks them up). */
  stop(): void {
    this.stopped = true;
    for (const stop of this.followers) stop();
    this.followers.clear();
  }

  private accept(params: ActionSubmitParams, payload: string): SubmitResult {
    const refusal = (reason: string): SubmitResult => {
      const reply = { accepted: false, reason } as const;
      this.journal.append({ type: 'submit', key: params.key, payload, reply });
      return reply;
    };
    const { service, environment } = params.args;
    const command = this.config.actions[params.action];
    if (!command) return refusal(`this bridge has no runbook for ${params.action}`);
    // Hostile values are named as such, whatever else is going on.
    const unsafe = argumentsProblem(params.args);
    if (unsafe) return refusal(unsafe);
    const subject = `${service}/${environment}`;
    const running = this.busy.get(subject);
    if (running) {
      const other = this.journal.get(running);
      const what = other ? (JSON.parse(other.payload) as { action: string }).action : 'an action';
      return refusal(`${service} ${environment} is busy: ${what} (${running}) is still running`);
    }
    const env = this.state.environment(service, environment);
    const planned = planAction(params, env);
    if (!planned.ok) return refusal(planned.reason);
    let argv: string[];
    try {
      argv = buildArgv(command.args, planned.plan.values);
    } catch (err) {
      if (err instanceof UnsafeArgumentError) return refusal(err.message);
      throw err;
    }
    const plan = keptPlan(planned.plan, env?.version ?? '');
    const reply = { accepted: true } as const;
    this.journal.append({
      type: 'submit',
      key: params.key,
      payload,
      reply,
      subject,
      plan: plan as unknown as Record<string, unknown>,
      description: describeSubmit(params, Date.now()),
    });
    this.busy.set(subject, params.key);
    this.setStatus(params.key, 'accepted');
    this.launch(params, plan, command, argv);
    return reply;
  }

  private launch(
    params: ActionSubmitParams,
    plan: KeptPlan,
    command: NonNullable<RunbookConfig['actions'][keyof RunbookConfig['actions']]>,
    argv: string[],
  ): void {
    try {
      const run = startCommand({
        command: command.command,
        argv,
        cwd: command.cwd,
        env: command.env,
        timeoutMs: command.timeoutMs,
        runsDir: this.journal.runsDir,
        name: fileName(params.key),
      });
      this.journal.append({ type: 'run', key: params.key, ...run });
    } catch (err) {
      this.busy.delete(subjectOf(params));
      this.setStatus(params.key, 'failed', `${plan.summary}: ${(err as Error).message}`);
      return;
    }
    const started = startedEvent(params, subjectOf(params), plan.from, plan.to);
    if (started) this.publish.event(started);
    const record = this.journal.get(params.key) as JournalRecord;
    this.setStatus(params.key, 'running', `${plan.summary}: started ${basename(command.command)}`);
    this.follow(record, plan);
  }

  private follow(record: JournalRecord, plan: KeptPlan): void {
    const subject = record.subject as string;
    const run = record.run;
    if (!run) return;
    this.busy.set(subject, record.key);
    if (plan.overlay) this.state.overlay(subject, plan.overlay);
    const tail = new OutputTail(this.config.progressLines);
    let lastSent = 0;
    let pending: NodeJS.Timeout | undefined;
    const progress = () => {
      pending = undefined;
      lastSent = Date.now();
      this.setStatus(record.key, 'running', tail.message(`${plan.summary}: running`));
    };
    const stop = followCommand(run, {
      lines: (lines) => {
        tail.add(lines);
        if (pending) return;
        pending = setTimeout(progress, Math.max(0, lastSent + PROGRESS_EVERY_MS - Date.now()));
      },
      done: (outcome) => {
        clearTimeout(pending);
        this.followers.delete(stop);
        void this.finish(record, plan, tail, outcome);
      },
    });
    this.followers.add(stop);
  }

  private async finish(
    record: JournalRecord,
    plan: KeptPlan,
    tail: OutputTail,
    outcome: RunOutcome,
  ): Promise<void> {
    const subject = record.subject as string;
    const [service, environment] = subject.split('/') as [string, string];
    await this.state.refresh();
    // Stopped while reading back: the journal is closing. It keeps the run
    // without a final status, so the next start follows it and finishes it.
    if (this.stopped) return;
    const after = this.state.environment(service, environment);
    const failure = outcomeProblem(outcome) ?? readBackProblem(plan.expect, after);
    this.busy.delete(subject);
    if (plan.overlay) this.state.overlay(subject, undefined);
    if (failure) {
      this.setStatus(record.key, 'failed', tail.message(`${plan.summary} failed: ${failure}`));
      return;
    }
    this.setStatus(record.key, 'succeeded', tail.message(`${plan.summary}: done (exit 0)`));
    const params = { key: record.key, ...JSON.parse(record.payload) } as ActionSubmitParams;
    for (const event of succeededEvents(params, subject, plan.from, after))
      this.publish.event(event);
  }

  private setStatus(key: string, state: ActionStatus['state'], message?: string): void {
    const status: ActionStatus = {
      key,
      state,
      updatedAt: Date.now(),
      ...(message ? { message } : {}),
      ...this.journal.get(key)?.description,
    };
    this.journal.append({ type: 'status', key, status });
    this.publish.status(status);
  }
}

function keptPlan(plan: ActionPlan, from: string): KeptPlan {
  const to = plan.expect.field === 'version' ? plan.expect.value : undefined;
  return {
    summary: plan.summary,
    expect: plan.expect,
    from,
    ...(to ? { to } : {}),
    ...(plan.overlay ? { overlay: plan.overlay } : {}),
  };
}

function outcomeProblem(outcome: RunOutcome): string | undefined {
  switch (outcome.kind) {
    case 'exited':
      if (outcome.error) return `cannot start the command: ${outcome.error}`;
      if (outcome.code === 0) return undefined;
      return outcome.code === null ? `killed by ${outcome.signal}` : `exit code ${outcome.code}`;
    case 'timeout':
      return `timed out after ${Math.round(outcome.timeoutMs / 1000)} s: its process group was killed`;
    case 'lost':
      return 'the command ended without recording an exit status';
  }
}

const subjectOf = (params: ActionSubmitParams) =>
  `${params.args.service}/${params.args.environment}`;

/** Keys are free text: files are named after their digest. */
const fileName = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);
