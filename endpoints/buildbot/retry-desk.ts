// build.retry: asks Buildbot to rebuild a service's latest failed build,
// then follows Buildbot's build request to its end, reporting accepted (the
// request is queued) → running (a build took it) → succeeded or failed (how
// Buildbot says it ended). Each idempotency key runs at most once; records
// are kept for a day so reconnecting consoles can ask about them.
import {
  RPC_ERRORS,
  type ActionStatus,
  type ActionSubmitParams,
  type SubmitResult,
} from '../../shared/protocol';
import { describeSubmit, underWay, type ActionDescription } from '../shared/action-description';
import { buildId, passed, readFailure, summarize, RESULT_NAMES } from './build-summary';
import type { Build, BuildbotClient } from './buildbot-client';
import type { BuildbotPoller } from './buildbot-poller';

export type SubmitReply = { result: SubmitResult } | { error: { code: number; message: string } };

export interface RetryDeskOptions {
  client: BuildbotClient;
  poller: BuildbotPoller;
  /** Every status change, for every console. */
  publish: (status: ActionStatus) => void;
  /** How often a followed build request is looked at. */
  followMs: number;
  now?: () => number;
}

const KEEP_MS = 24 * 3_600_000;
const CANCELLED = 6;

interface Run {
  subject: string;
  builder: string;
  request: number;
  rerunOf: string;
}

interface Submitted {
  payload: string;
  reply: Promise<SubmitResult>;
  at: number;
}

export class RetryDesk {
  private readonly records = new Map<string, Submitted>();
  private readonly statuses = new Map<string, ActionStatus>();
  /** Who asked for each accepted key, what and why: told to every console with each status. */
  private readonly descriptions = new Map<string, ActionDescription>();
  /** service/environment → key of the retry under way there. */
  private readonly busy = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly now: () => number;
  private stopped = false;

  constructor(private readonly options: RetryDeskOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Same key and payload: the first answer again; another payload: -32001. */
  async submit(params: ActionSubmitParams): Promise<SubmitReply> {
    this.forgetOld();
    const payload = JSON.stringify({ action: params.action, args: params.args });
    const earlier = this.records.get(params.key);
    if (earlier && earlier.payload !== payload) {
      const message = `idempotency key ${params.key} was used for a different action`;
      return { error: { code: RPC_ERRORS.idempotencyConflict, message } };
    }
    if (earlier) return { result: await earlier.reply };
    if (params.action !== 'build.retry') {
      const reason = `the Buildbot bridge carries out build.retry only, not ${params.action}`;
      return { error: { code: RPC_ERRORS.actionUnsupported, message: reason } };
    }
    const reply = this.accept(params.key, params.args, describeSubmit(params, this.now()));
    this.records.set(params.key, { payload, reply, at: this.now() });
    return { result: await reply };
  }

  get(key: string): ActionStatus | undefined {
    return this.statuses.get(key);
  }

  /** The latest status of every retry still under way, whoever submitted it. */
  inFlightStatuses(): ActionStatus[] {
    return [...this.statuses.values()].filter(underWay);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async accept(
    key: string,
    args: { service: string; environment: string; build?: string },
    description: ActionDescription,
  ): Promise<SubmitResult> {
    const where = `${args.service} ${args.environment}`;
    const subject = `${args.service}/${args.environment}`;
    const track = this.options.poller.track(args.service, args.environment);
    if (!track) {
      const mapped = this.options.poller.mapped().map((m) => `${m.service} ${m.environment}`);
      return refuse(
        `no Buildbot builder is mapped to ${where} (mapped: ${mapped.join(', ') || 'none'})`,
      );
    }
    const problem = this.options.poller.problem;
    if (problem) return refuse(problem);
    const builder = track.mapping.builder;
    if (track.builderid === undefined)
      return refuse(`Buildbot has no builder "${builder}" (mapped to ${where})`);
    const latest = track.latest;
    if (!latest) return refuse(`${builder} has no build to retry yet`);
    const latestId = buildId(builder, latest.number);
    if (args.build && args.build !== latestId) {
      return refuse(`${args.build} is not the latest build of ${where} (${latestId} is)`);
    }
    if (latest.status !== 'failed')
      return refuse(`build ${latestId} ${latest.status}: nothing to retry`);
    const other = this.busy.get(subject);
    if (other) return refuse(`${where} is busy: retry ${other} is still under way`);
    this.busy.set(subject, key);
    let request: number;
    try {
      request = await this.options.client.rebuild(latest.buildid);
    } catch (err) {
      this.busy.delete(subject);
      return refuse((err as Error).message);
    }
    this.descriptions.set(key, description);
    this.setStatus(
      key,
      'accepted',
      `Buildbot queued build request ${request} to re-run ${latestId}`,
    );
    this.follow(key, { subject, builder, request, rerunOf: latestId });
    void this.options.poller.poll();
    return { accepted: true };
  }

  /** Looks at the build request every followMs until Buildbot says how it ended. */
  private follow(key: string, run: Run): void {
    const { client } = this.options;
    const look = async () => {
      try {
        const state = await client.buildRequest(run.request);
        const [build] = await client.buildsOfRequest(run.request);
        if (build && this.statuses.get(key)?.state === 'accepted') {
          this.setStatus(
            key,
            'running',
            `build ${buildId(run.builder, build.number)} re-runs ${run.rerunOf}`,
          );
        }
        if (state?.complete) {
          this.busy.delete(run.subject);
          return await this.finish(key, run, state.results ?? -1, build);
        }
      } catch {
        // Buildbot down or restarting: its build request survives; look again.
      }
      if (this.stopped) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void look();
      }, this.options.followMs);
      this.timers.add(timer);
    };
    void look();
  }

  private async finish(
    key: string,
    run: Run,
    results: number,
    build: Build | undefined,
  ): Promise<void> {
    const name = build ? `build ${buildId(run.builder, build.number)}` : 'the rebuild';
    void this.options.poller.poll();
    if (results === CANCELLED)
      return this.setStatus(key, 'cancelled', `${name} was cancelled in Buildbot`);
    if (passed(results))
      return this.setStatus(key, 'succeeded', `${name} passed (re-ran ${run.rerunOf})`);
    let detail = RESULT_NAMES[results] ?? `result ${results}`;
    if (build) {
      const failure = await readFailure(this.options.client, summarize(run.builder, build)).catch(
        () => undefined,
      );
      const tests = failure?.failingTests ?? [];
      if (tests.length > 0) {
        detail = `${tests.length} failing: ${tests.slice(0, 5).join(', ')}${tests.length > 5 ? ', …' : ''}`;
      }
    }
    this.setStatus(key, 'failed', `${name} failed again (${detail})`.slice(0, 2_000));
  }

  private setStatus(key: string, state: ActionStatus['state'], message: string): void {
    const status: ActionStatus = {
      key,
      state,
      message,
      updatedAt: this.now(),
      ...this.descriptions.get(key),
    };
    this.statuses.set(key, status);
    this.options.publish(status);
  }

  private forgetOld(): void {
    const cutoff = this.now() - KEEP_MS;
    for (const [key, record] of this.records) {
      if (record.at >= cutoff) break;
      this.records.delete(key);
      this.statuses.delete(key);
      this.descriptions.delete(key);
    }
  }
}

function refuse(reason: string): SubmitResult {
  return { accepted: false, reason: reason.slice(0, 2_000) };
}
