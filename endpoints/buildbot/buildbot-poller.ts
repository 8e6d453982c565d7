// Asks Buildbot for news every pollMs, however many consoles watch: its
// builders, their latest builds and its queue. From that it keeps the
// deployment state (versioned, for resuming watches), the builders' series
// with their recent history (for backfills), their errors, and tells its
// listeners what changed: deployments, build events, samples, errors.
import { randomUUID } from 'node:crypto';
import type { CloudEvent, DeploymentsChange, SampleBatch, SeriesInfo } from '../../shared/protocol';
import { defaultMapping, type BridgeConfig, type BuilderMapping } from './bridge-config';
import { buildId, readFailure, summarize, type BuildSummary } from './build-summary';
import { METRICS, builderSeries, builderValues, seriesId } from './builder-metrics';
import type { Build, BuildbotClient, Builder, BuildRequest } from './buildbot-client';
import { servicesOf, type MappedBuilder } from './deployments-mapping';
import { DeploymentsLog } from './deployments-log';

export interface PollerListener {
  /** The whole catalog, when the mapped builders changed. */
  catalog(series: SeriesInfo[]): void;
  deployments(change: DeploymentsChange): void;
  event(event: CloudEvent): void;
  /** New points, one batch per series that has one: one call per poll. */
  samples(batches: SampleBatch[]): void;
  /** A series failed (message) or recovered (undefined). */
  seriesError(series: string, message: string | undefined): void;
}

export interface BuildbotPollerOptions {
  client: BuildbotClient;
  config: BridgeConfig;
  now?: () => number;
  warn?: (message: string) => void;
  /** How much history the backfill holds. */
  historyMs?: number;
}

/** What the poller knows of one mapped builder. */
export interface BuilderTrack extends MappedBuilder {
  builderid: number | undefined;
  /** Read at least once: from then on, a newly finished build is an event. */
  observed: boolean;
}

export const EVENT_SOURCE = 'watchfloor-buildbot-bridge';

export class BuildbotPoller {
  readonly log: DeploymentsLog;
  private tracks: BuilderTrack[] = [];
  private series: SeriesInfo[] = [];
  private readonly points = new Map<string, Array<[number, number]>>();
  private readonly errors = new Map<string, string | null>();
  private readonly failures = new Map<number, BuildSummary>();
  private readonly listeners = new Set<PollerListener>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  /** Buildbot as a whole is unreachable or not Buildbot: the message; undefined when fine. */
  private down: string | undefined;
  private readonly now: () => number;

  constructor(private readonly options: BuildbotPollerOptions) {
    this.now = options.now ?? Date.now;
    this.log = new DeploymentsLog(this.now());
  }

  get problem(): string | undefined {
    return this.down;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  subscribe(listener: PollerListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  catalog(): SeriesInfo[] {
    return this.series;
  }

  /** Every series whose state is known: its error, or undefined when it is fine. */
  seriesErrors(): Array<{ series: string; message: string | undefined }> {
    return [...this.errors].map(([series, message]) => ({ series, message: message ?? undefined }));
  }

  history(): SampleBatch[] {
    return [...this.points]
      .filter(([, points]) => points.length > 0)
      .map(([series, points]) => ({ series, points: points.slice() }));
  }

  /** The builder mapped to a service and environment, as last read. */
  track(service: string, environment: string): BuilderTrack | undefined {
    return this.tracks.find(
      (t) => t.mapping.service === service && t.mapping.environment === environment,
    );
  }

  mapped(): BuilderMapping[] {
    return this.tracks.map((t) => t.mapping);
  }

  /** Polls now (or waits for the poll under way): after an action, tests. */
  poll(): Promise<void> {
    this.running ??= this.pollOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    if (this.stopped) return;
    await this.poll();
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.loop(), this.options.config.pollMs);
  }

  private async pollOnce(): Promise<void> {
    const { client, config } = this.options;
    let builders: Builder[];
    let pending: BuildRequest[];
    try {
      [builders, pending] = await Promise.all([client.builders(), client.pendingRequests()]);
    } catch (err) {
      return this.goneDown((err as Error).message);
    }
    if (this.down !== undefined) this.cameBack();
    const byName = new Map(builders.map((b) => [b.name, b]));
    this.remap(config.builders ?? defaultMapping(builders.map((b) => b.name)));
    const known = builders.map((b) => b.name).join(', ') || 'none';
    const now = this.now();
    const batches: SampleBatch[] = [];
    const finished: Array<{ track: BuilderTrack; build: BuildSummary }> = [];
    for (const track of this.tracks) {
      const builder = byName.get(track.mapping.builder);
      track.builderid = builder?.builderid;
      if (!builder) {
        this.setErrors(
          track.mapping,
          `Buildbot at ${client.origin} has no builder "${track.mapping.builder}" (it has: ${known}); fix the bridge's config`,
        );
        continue;
      }
      try {
        const before = track.lastFinished?.buildid;
        const reading = await this.read(track, builder.builderid, pending);
        // Builds that finished before the bridge first looked are history, not news.
        if (track.observed && track.lastFinished && before !== track.lastFinished.buildid) {
          finished.push({ track, build: track.lastFinished });
        }
        track.observed = true;
        this.setErrors(track.mapping, undefined);
        batches.push(...this.sample(track.mapping, builderValues(reading), now));
      } catch (err) {
        this.setErrors(track.mapping, (err as Error).message);
      }
    }
    const url = client.origin;
    for (const change of this.log.update(servicesOf(this.tracks, url))) {
      this.emit((l) => l.deployments(change));
    }
    for (const { track, build } of finished)
      this.emit((l) => l.event(buildEvent(track.mapping, build)));
    if (batches.length > 0) this.emit((l) => l.samples(batches));
  }

  /** Reads one builder's recent builds into its track; returns what its series need. */
  private async read(track: BuilderTrack, builderid: number, pending: BuildRequest[]) {
    const { client, config } = this.options;
    const builds = await client.builds(builderid, config.successWindow + 1);
    const done = builds.filter((b) => b.complete).slice(0, config.successWindow);
    track.latest = builds[0] && (await this.summary(track.mapping.builder, builds[0]));
    const lastDone = done[0];
    track.lastFinished = lastDone && (await this.summary(track.mapping.builder, lastDone));
    const current = track.lastFinished?.revision;
    track.earlierRevisions = [
      ...new Set(
        done
          .map((b) => b.properties?.got_revision?.[0])
          .filter((r): r is string => typeof r === 'string' && r !== current),
      ),
    ];
    const passedCount = done.filter((b) => summarize('', b).status === 'passed').length;
    return {
      lastFinished: track.lastFinished,
      queued: pending.filter((r) => r.builderid === builderid && !r.claimed).length,
      finished: done.length,
      passed: passedCount,
    };
  }

  /** A build's summary; a failed build's failing step and tests are read once and kept. */
  private async summary(builder: string, build: Build): Promise<BuildSummary> {
    const plain = summarize(builder, build);
    if (plain.status !== 'failed') return plain;
    const known = this.failures.get(build.buildid);
    if (known) return known;
    const full = await readFailure(
      this.options.client,
      plain,
      this.options.config.failingTestPattern,
    );
    this.failures.set(build.buildid, full);
    if (this.failures.size > 1_000)
      this.failures.delete(this.failures.keys().next().value as number);
    return full;
  }

  /** New mapped builders (the default mapping follows Buildbot's builders): a new catalog. */
  private remap(mappings: BuilderMapping[]): void {
    const same =
      mappings.length === this.tracks.length &&
      mappings.every((m, i) => JSON.stringify(m) === JSON.stringify(this.tracks[i]?.mapping));
    if (same) return;
    const old = new Map(this.tracks.map((t) => [JSON.stringify(t.mapping), t]));
    this.tracks = mappings.map(
      (mapping) =>
        old.get(JSON.stringify(mapping)) ?? {
          mapping,
          builderid: undefined,
          latest: undefined,
          lastFinished: undefined,
          earlierRevisions: [],
          observed: false,
        },
    );
    this.series = this.tracks.flatMap((t) => builderSeries(t.mapping, this.options.config.pollMs));
    const ids = new Set(this.series.map((s) => s.id));
    for (const id of [...this.points.keys()]) if (!ids.has(id)) this.points.delete(id);
    for (const id of [...this.errors.keys()]) if (!ids.has(id)) this.errors.delete(id);
    this.emit((l) => l.catalog(this.series));
  }

  private sample(
    mapping: BuilderMapping,
    values: Partial<Record<string, number>>,
    now: number,
  ): SampleBatch[] {
    const historyMs = this.options.historyMs ?? 15 * 60_000;
    const batches: SampleBatch[] = [];
    for (const metric of METRICS) {
      const value = values[metric];
      if (value === undefined) continue;
      const id = seriesId(metric, mapping);
      const points = this.points.get(id) ?? [];
      if ((points.at(-1)?.[0] ?? -Infinity) >= now) continue;
      points.push([now, value]);
      while ((points[0]?.[0] ?? now) < now - historyMs) points.shift();
      this.points.set(id, points);
      batches.push({ series: id, points: [[now, value]] });
    }
    return batches;
  }

  private setErrors(mapping: BuilderMapping, message: string | undefined): void {
    for (const metric of METRICS) {
      const id = seriesId(metric, mapping);
      const now = message ?? null;
      if (this.errors.get(id) === now) continue;
      this.errors.set(id, now);
      this.emit((l) => l.seriesError(id, message));
    }
  }

  private goneDown(message: string): void {
    for (const track of this.tracks) this.setErrors(track.mapping, message);
    if (this.down === undefined) {
      this.options.warn?.(message);
      this.emit((l) => l.event(bridgeEvent('org.watchfloor.buildbot.unreachable', { message })));
    }
    this.down = message;
  }

  private cameBack(): void {
    this.options.warn?.(`Buildbot at ${this.options.client.origin} answers again`);
    this.emit((l) =>
      l.event(
        bridgeEvent('org.watchfloor.buildbot.reachable', { url: this.options.client.origin }),
      ),
    );
    this.down = undefined;
  }

  private emit(tell: (listener: PollerListener) => void): void {
    for (const listener of this.listeners) tell(listener);
  }
}

function bridgeEvent(type: string, data: Record<string, unknown>, subject?: string): CloudEvent {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: EVENT_SOURCE,
    type,
    time: new Date().toISOString(),
    ...(subject ? { subject } : {}),
    datacontenttype: 'application/json',
    data: data as CloudEvent['data'],
  };
}

/** build.passed or build.failed for a build that just finished. */
export function buildEvent(mapping: BuilderMapping, build: BuildSummary): CloudEvent {
  const subject = `${mapping.service}/${mapping.environment}`;
  const id = buildId(build.builder, build.number);
  const version = build.revision?.slice(0, 12);
  return build.status === 'passed'
    ? bridgeEvent('build.passed', { build: id, ...(version ? { version } : {}) }, subject)
    : bridgeEvent(
        'build.failed',
        {
          build: id,
          failingTests: build.failingTests,
          ...(build.failingStep ? { failingStep: build.failingStep } : {}),
          ...(version ? { version } : {}),
        },
        subject,
      );
}
