// Reads Unleash every pollMs (and at once after an action), turns what it
// read into services, and tells listeners what changed: one deployments.change
// per changed service with a resourceVersion that only grows (it starts at the
// epoch ms of startup, so it grows across restarts too), a flag.changed event
// per flag and ring that moved, and whether Unleash can be reached.
import type { DeploymentsChange, ServiceState } from '../../shared/protocol';
import { DeploymentsLog } from '../demo/deployments-log';
import type { BridgeConfig } from './bridge-config';
import { mapServices, type UnleashView } from './deployments-mapping';
import type { RingMapping } from './ring-mapping';
import { UnleashError, type UnleashClient, type UnleashFeature } from './unleash-client';

export interface WatchEvent {
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

export interface WatchListener {
  change(change: DeploymentsChange): void;
  event(event: WatchEvent): void;
  /** Unleash became unreachable (message) or reachable again (undefined). */
  reachability(problem: string | undefined): void;
}

const MAX_CONCURRENT_READS = 8;

export class DeploymentsWatch {
  private view: UnleashView | undefined;
  private services: ServiceState[] = [];
  private version: number;
  private readonly log = new DeploymentsLog(500);
  private readonly listeners = new Set<WatchListener>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again: Promise<void> | undefined;
  /** undefined: never read; null: fine; a string: what is wrong. */
  problem: string | null | undefined;

  constructor(
    private readonly client: UnleashClient,
    private readonly config: BridgeConfig,
    readonly mapping: RingMapping,
    private readonly now: () => number = Date.now,
  ) {
    this.version = now();
  }

  get resourceVersion(): number {
    return this.version;
  }

  get current(): { services: ServiceState[]; view: UnleashView | undefined } {
    return { services: this.services, view: this.view };
  }

  subscribe(listener: WatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The changes after `version`, or undefined when a console must re-list. */
  since(version: number) {
    return this.log.since(version, this.version);
  }

  start(): void {
    const tick = () => {
      this.timer = setTimeout(() => void this.refresh().finally(tick), this.config.pollMs);
    };
    tick();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Reads Unleash now; a read already under way is followed by a fresh one (it may predate a write). */
  refresh(): Promise<void> {
    if (!this.running) {
      this.running = this.read().finally(() => (this.running = undefined));
      return this.running;
    }
    this.again ??= this.running.then(() => {
      this.again = undefined;
      return this.refresh();
    });
    return this.again;
  }

  /** The first read: it throws what is wrong (bad URL, bad token) instead of reporting it. */
  async load(): Promise<void> {
    this.apply(await this.readView());
    this.problem = null;
  }

  private async read(): Promise<void> {
    let view: UnleashView;
    try {
      view = await this.readView();
    } catch (err) {
      this.setProblem((err as Error).message);
      return;
    }
    this.setProblem(null);
    this.apply(view);
  }

  private async readView(): Promise<UnleashView> {
    const [environments, all] = await Promise.all([
      this.client.environments(),
      this.client.projects(),
    ]);
    const wanted = this.config.projects;
    const projects = wanted ? all.filter((p) => wanted.includes(p.id)) : all;
    const missing = (wanted ?? []).filter((id) => !all.some((p) => p.id === id));
    if (missing.length > 0 && this.view === undefined) {
      throw new UnleashError(
        `Unleash has no project ${missing.join(', ')} (see "projects" in the config)`,
        'missing',
      );
    }
    const withFeatures = await Promise.all(
      projects.map(async (project) => ({
        project,
        features: await this.readFeatures(project.id),
      })),
    );
    return { environments, projects: withFeatures };
  }

  private async readFeatures(project: string): Promise<UnleashFeature[]> {
    const names = await this.client.featureNames(project);
    const features: Array<UnleashFeature | undefined> = [];
    for (let start = 0; start < names.length; start += MAX_CONCURRENT_READS) {
      const batch = names.slice(start, start + MAX_CONCURRENT_READS);
      features.push(
        ...(await Promise.all(
          batch.map((name) =>
            this.client.feature(project, name).catch((err: unknown) => {
              // Archived between the list and this read: it is simply gone.
              if (err instanceof UnleashError && err.kind === 'missing') return undefined;
              throw err;
            }),
          ),
        )),
      );
    }
    return features.filter((feature) => feature !== undefined);
  }

  private apply(view: UnleashView): void {
    const stamp = this.now();
    const next = mapServices(view, this.mapping, this.config.releases, stamp);
    const before = new Map(this.services.map((s) => [s.id, s]));
    const changes: DeploymentsChange[] = [];
    const events: WatchEvent[] = [];
    for (const service of next) {
      const old = before.get(service.id);
      before.delete(service.id);
      keepTimes(service, old);
      if (old && same(old, service)) continue;
      changes.push({ resourceVersion: 0, service });
      if (old && this.view) events.push(...flagEvents(old, service));
    }
    for (const removed of before.keys()) changes.push({ resourceVersion: 0, removed });
    this.view = view;
    this.services = next;
    for (const change of changes) {
      this.version = Math.max(this.version + 1, stamp);
      change.resourceVersion = this.version;
      this.log.record(change);
      for (const listener of this.listeners) listener.change(change);
    }
    for (const event of events) for (const listener of this.listeners) listener.event(event);
  }

  private setProblem(problem: string | null): void {
    if (this.problem === problem) return;
    const was = this.problem;
    this.problem = problem;
    if (was === undefined && problem === null) return;
    for (const listener of this.listeners) listener.reachability(problem ?? undefined);
  }
}

/** An environment keeps its updatedAt while nothing in it changes. */
function keepTimes(service: ServiceState, old: ServiceState | undefined): void {
  for (const env of service.environments) {
    const was = old?.environments.find((e) => e.id === env.id);
    if (was && same({ ...was, updatedAt: 0 }, { ...env, updatedAt: 0 }))
      env.updatedAt = was.updatedAt;
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** flag.changed for every flag and ring whose state moved, and for flags that came or went. */
function flagEvents(old: ServiceState, next: ServiceState): WatchEvent[] {
  const events: WatchEvent[] = [];
  for (const env of next.environments) {
    const subject = `${next.id}/${env.id}`;
    const was = old.environments.find((e) => e.id === env.id);
    const before = new Map((was?.flags ?? []).map((f) => [f.id, f.enabled]));
    for (const flag of env.flags ?? []) {
      const prior = before.get(flag.id);
      before.delete(flag.id);
      for (const [ring, enabled] of Object.entries(flag.enabled)) {
        if (prior?.[ring] === enabled) continue;
        if (prior === undefined && ring !== '*') continue;
        const data = ring === '*' ? { flag: flag.id, enabled } : { flag: flag.id, enabled, ring };
        events.push({
          type: 'flag.changed',
          subject,
          data: prior ? data : { ...data, added: true },
        });
      }
    }
    for (const gone of before.keys()) {
      events.push({
        type: 'flag.changed',
        subject,
        data: { flag: gone, enabled: false, removed: true },
      });
    }
  }
  return events;
}
