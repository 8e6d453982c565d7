// The deployments the bridge serves: the runbooks' state, with the status of
// the actions running now laid over it (deploying, rolling-back), a
// resourceVersion that grows with every change and across restarts (it starts
// from the clock), and the recent changes, so a console can resume.
import type { DeploymentsChange, EnvironmentState, ServiceState } from '../../shared/protocol';
import { readState, type StateSource } from './state-source';

export interface DeploymentsStateOptions {
  source: StateSource;
  pollMs: number;
  onChange(change: DeploymentsChange): void;
  warn(message: string): void;
}

type Overlay = EnvironmentState['status'];
const LOG_SIZE = 500;

export class DeploymentsState {
  private kept: ServiceState[] = [];
  private served: ServiceState[] = [];
  private readonly overlays = new Map<string, Overlay>();
  private readonly log: DeploymentsChange[] = [];
  private version = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private lastProblem: string | undefined;
  private reading: Promise<void> | undefined;

  constructor(private readonly options: DeploymentsStateOptions) {}

  get resourceVersion(): number {
    return this.version;
  }

  get services(): ServiceState[] {
    return this.served;
  }

  /** The environment as the runbooks last described it (no overlay). */
  environment(service: string, environment: string): EnvironmentState | undefined {
    return this.kept.find((s) => s.id === service)?.environments.find((e) => e.id === environment);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.refresh(), this.options.pollMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Re-reads the state (one read at a time; a call during one waits for the next). */
  async refresh(): Promise<void> {
    const previous = this.reading ?? Promise.resolve();
    const next = previous.then(() => this.readOnce());
    this.reading = next;
    await next;
  }

  /** Lays an action's status over an environment (undefined lifts it). */
  overlay(subject: string, status: Overlay | undefined): void {
    if (status) this.overlays.set(subject, status);
    else this.overlays.delete(subject);
    this.publish();
  }

  /** The changes after `version`, or undefined when they are not all known (relist). */
  since(version: number): DeploymentsChange[] | undefined {
    if (version > this.version) return undefined;
    if (version === this.version) return [];
    const first = this.log[0];
    if (!first || first.resourceVersion > version + 1) return undefined;
    return this.log.filter((change) => change.resourceVersion > version);
  }

  private async readOnce(): Promise<void> {
    try {
      this.kept = await readState(this.options.source);
      this.lastProblem = undefined;
    } catch (err) {
      const message = (err as Error).message;
      if (message !== this.lastProblem) this.options.warn(message);
      this.lastProblem = message;
      return;
    }
    this.publish();
  }

  private publish(): void {
    const next = this.kept.map((service) => this.withOverlays(service));
    const before = new Map(this.served.map((service) => [service.id, JSON.stringify(service)]));
    const changes: DeploymentsChange[] = [];
    for (const service of next) {
      if (before.get(service.id) !== JSON.stringify(service)) changes.push(this.next({ service }));
      before.delete(service.id);
    }
    for (const removed of before.keys()) changes.push(this.next({ removed }));
    this.served = next;
    for (const change of changes) {
      this.log.push(change);
      if (this.log.length > LOG_SIZE) this.log.shift();
      this.options.onChange(change);
    }
  }

  private next(body: Omit<DeploymentsChange, 'resourceVersion'>): DeploymentsChange {
    this.version += 1;
    return { resourceVersion: this.version, ...body };
  }

  private withOverlays(service: ServiceState): ServiceState {
    return {
      ...service,
      environments: service.environments.map((env) => {
        const status = this.overlays.get(`${service.id}/${env.id}`);
        return status ? { ...env, status } : env;
      }),
    };
  }
}
