// Unleash's client metrics as series: for every feature and environment, how
// many evaluations SDKs reported as yes (on) and no (off) over the last hour.
// One poll per interval for everyone; recent points are kept for the backfill
// of consoles that connect later. When Unleash cannot be read, every series
// shows why, and the error clears with the next good read.
import { createHash } from 'node:crypto';
import type { Level, SampleBatch, SeriesInfo } from '../../shared/protocol';
import type { UnleashView } from './deployments-mapping';
import type { UnleashClient } from './unleash-client';

export interface MetricsListener {
  catalog(series: SeriesInfo[]): void;
  samples(batches: SampleBatch[]): void;
  seriesError(series: string, message: string | undefined): void;
}

export interface MetricsPollerOptions {
  client: UnleashClient;
  view: () => UnleashView | undefined;
  intervalMs: number;
  level: Level;
  /** How much history to keep for the backfill. */
  keepMs?: number;
  now?: () => number;
}

type Answer = 'yes' | 'no';
interface Tracked {
  info: SeriesInfo;
  feature: string;
  environment: string;
  answer: Answer;
  points: Array<[number, number]>;
  error: string | undefined;
}

export class MetricsPoller {
  private readonly tracked = new Map<string, Tracked>();
  private readonly listeners = new Set<MetricsListener>();
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly options: MetricsPollerOptions) {
    this.now = options.now ?? Date.now;
  }

  subscribe(listener: MetricsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  catalog(): SeriesInfo[] {
    return [...this.tracked.values()].map((t) => t.info);
  }

  backfill(): SampleBatch[] {
    return [...this.tracked.values()]
      .filter((t) => t.points.length > 0)
      .map((t) => ({ series: t.info.id, points: t.points.slice() }));
  }

  errors(): Array<{ series: string; message: string }> {
    return [...this.tracked.values()].flatMap((t) =>
      t.error ? [{ series: t.info.id, message: t.error }] : [],
    );
  }

  start(): void {
    const tick = () => {
      this.timer = setTimeout(() => void this.poll().finally(tick), this.options.intervalMs);
    };
    void this.poll().finally(tick);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One round: the catalog follows the features, then one value per series. */
  async poll(): Promise<void> {
    this.follow(this.options.view());
    const time = Math.floor(this.now() / 1000) * 1000;
    const features = new Set([...this.tracked.values()].map((t) => t.feature));
    const usage = new Map<string, Map<string, { yes: number; no: number }> | Error>();
    await Promise.all(
      [...features].map(async (feature) => {
        usage.set(feature, await this.options.client.usage(feature).catch((err: Error) => err));
      }),
    );
    const batches: SampleBatch[] = [];
    for (const tracked of this.tracked.values()) {
      const answer = usage.get(tracked.feature);
      if (answer instanceof Error || answer === undefined) {
        this.setError(tracked, answer?.message ?? 'no answer');
        continue;
      }
      this.setError(tracked, undefined);
      const value = answer.get(tracked.environment)?.[tracked.answer] ?? 0;
      if ((tracked.points.at(-1)?.[0] ?? 0) >= time) continue;
      tracked.points.push([time, value]);
      const keepAfter = time - (this.options.keepMs ?? 15 * 60_000);
      while ((tracked.points[0]?.[0] ?? time) < keepAfter) tracked.points.shift();
      batches.push({ series: tracked.info.id, points: [[time, value]] });
    }
    if (batches.length) for (const listener of this.listeners) listener.samples(batches);
  }

  /** Adds series for new features and environments, drops those of features gone. */
  private follow(view: UnleashView | undefined): void {
    if (!view) return;
    const seen = new Set<string>();
    let changed = false;
    const environments = view.environments.filter((env) => env.enabled).map((env) => env.name);
    for (const { project, features } of view.projects) {
      for (const feature of features) {
        for (const environment of environments) {
          for (const answer of ['yes', 'no'] as const) {
            const id = seriesId(feature.name, environment, answer);
            seen.add(id);
            if (this.tracked.has(id)) continue;
            changed = true;
            this.tracked.set(id, {
              info: this.info(id, project.id, feature.name, environment, answer),
              feature: feature.name,
              environment,
              answer,
              points: [],
              error: undefined,
            });
          }
        }
      }
    }
    for (const id of [...this.tracked.keys()]) {
      if (seen.has(id)) continue;
      this.tracked.delete(id);
      changed = true;
    }
    if (changed) {
      for (const listener of this.listeners) listener.catalog(this.catalog());
    }
  }

  private info(
    id: string,
    project: string,
    feature: string,
    environment: string,
    answer: Answer,
  ): SeriesInfo {
    return {
      id,
      title: `${feature} ${answer === 'yes' ? 'on' : 'off'} (${environment})`.slice(0, 200),
      level: this.options.level,
      unit: '{evaluation}',
      kind: 'gauge',
      intervalMs: this.options.intervalMs,
      description: `Evaluations of ${feature} in ${environment} that SDKs reported as ${answer === 'yes' ? 'enabled' : 'disabled'} over the last hour (Unleash client metrics).`,
      service: project,
      attributes: {
        flag: feature.slice(0, 200),
        'deployment.environment.name': environment.slice(0, 200),
        answer,
      },
    };
  }

  private setError(tracked: Tracked, message: string | undefined): void {
    if (tracked.error === message) return;
    tracked.error = message;
    for (const listener of this.listeners) listener.seriesError(tracked.info.id, message);
  }
}

/** `unleash.flag.production.new-checkout.yes`, shortened with a hash past the 128-character limit. */
export function seriesId(feature: string, environment: string, answer: Answer): string {
  const id = `unleash.flag.${environment}.${feature}.${answer}`;
  if (id.length <= 128) return id;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 12);
  return `${id.slice(0, 110)}.${hash}.${answer}`.slice(0, 128);
}
