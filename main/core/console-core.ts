// The console core: owns the links, the stores, the action desk and the feed,
// and serves the ConsoleApi that both hosts (Electron IPC, browser host) expose.
import { randomUUID } from 'node:crypto';
import { dequal } from 'dequal';
import {
  actionRequestSchema,
  type ActionRecord,
  type ActionRequest,
} from '../../shared/api/actions';
import {
  endpointConfigSchema,
  type EndpointConfig,
  type EndpointStatus,
} from '../../shared/api/links';
import { type ConsoleApi } from '../../shared/api/contract';
import { BLOCKER } from '../../shared/rules/action-blockers';
import { releaseMoving } from '../../shared/rules/ring-rollout';
import {
  type ConsoleDelta,
  type ConsoleEvent,
  type ConsoleState,
  type EndpointDeployments,
} from '../../shared/api/console-state';
import {
  type SnapshotAnnotate,
  type SnapshotExport,
  type SnapshotFileInfo,
  type SnapshotOpen,
} from '../../shared/api/snapshot-files';
import { auditQuerySchema, type AuditEntry, type AuditQuery } from '../../shared/api/audit';
import type { EndpointNotification, HelloResult, SampleBatch } from '../../shared/protocol';
import { ActionDesk } from './actions/action-desk';
import { AlertEngine } from './alerts/alert-engine';
import { ReleaseGates } from './deploys/release-gates';
import {
  autoHaltRequestSchema,
  type AutoHaltRequest,
  type ReleaseStatus,
} from '../../shared/api/releases';
import { AutoHaltDesk } from './deploys/auto-halt';
import { AuditWriteError, type AuditLog } from './actions/audit-log';
import { ConsoleFeed } from './console-feed';
import { auditEntryFor } from './actions/audit-entry';
import { EventLog } from './deploys/event-log';
import { DeployStore } from './deploys/deploy-store';
import { EndpointLink } from './links/endpoint-link';
import { endpointIdFor } from './links/endpoint-id';
import { SeriesStore } from './series/series-store';
import { SnapshotDesk, type SnapshotFile } from './snapshot/snapshot-desk';
import { ConsoleHistory } from './snapshot/console-history';
import { DepartedSeries } from './snapshot/departed-series';
import type { Points } from '../../shared/api/series';

import type { Snapshot, SnapshotSource } from '../../shared/api/snapshot';
import type { SettingsStore } from './settings/settings-store';
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  type SettingsPatch,
  type VisibleSettings,
} from '../../shared/api/settings';
import type { EndpointRegistry, EndpointSpec } from './links/endpoint-registry';

export interface ConsoleCoreOptions {
  endpoints: EndpointSpec[];
  clientVersion: string;
  /** Where the user's own endpoints and their tokens are kept. */
  registry?: EndpointRegistry;
  /** History per series (3600: an hour at 1 Hz): exact within the raw budget, older min/max. */
  seriesCapacity?: number;
  maxSeriesPerEndpoint?: number;
  /** Least gap between two deltas to the renderer under load (leading-edge throttle). */
  flushMs?: number;
  /** How much history a fresh renderer receives. */
  initialWindowMs?: number;
  heartbeatMs?: number;
  profile?: 'operator' | 'display';
  operator?: () => string;
  notices?: string[];
  /** Where every action transition is recorded; none in tests that do not need one. */
  audit?: AuditLog;
  settings?: SettingsStore;
  kiosk?: boolean;
  /** Where snapshots and reports are written; none means snapshots are unavailable. */
  snapshotDir?: string;
}

export class ConsoleCore implements ConsoleApi {
  readonly links = new Map<string, EndpointLink>();
  private readonly specs = new Map<string, EndpointSpec>();
  private readonly series: SeriesStore;
  private readonly deploys = new DeployStore();
  private readonly feed: ConsoleFeed;
  private readonly desk: ActionDesk;
  private readonly alertEngine: AlertEngine;
  private readonly gates = new ReleaseGates();
  private readonly autoHalt = new AutoHaltDesk();
  /** The gates' last verdicts, before this console's armings are added. */
  private evaluated: ReleaseStatus[] = [];
  private releases: ReleaseStatus[] = [];
  private readonly events = new EventLog();
  private readonly notices: string[];
  private alertTimer: NodeJS.Timeout | undefined;
  private readonly snapshots: SnapshotDesk | undefined;
  /** What snapshots need besides the stores: how deployments, releases, links and actions changed. */
  private readonly history = new ConsoleHistory();
  private readonly departed = new DepartedSeries();
  /** Offered to the page and not opened yet: a page that loads later still gets it. */
  private offeredSnapshot: string | undefined;
  private started = false;

  constructor(private readonly options: ConsoleCoreOptions) {
    this.series = new SeriesStore(options.seriesCapacity ?? 3600, options.maxSeriesPerEndpoint);
    this.feed = new ConsoleFeed(options.flushMs ?? 50);
    this.notices = [...(options.notices ?? [])];
    if (options.audit?.notice) this.notices.push(options.audit.notice);
    this.alertEngine = new AlertEngine((alert, transition) => this.feed.alert(alert, transition), {
      runningVersion: (endpointId, service) => this.runningVersion(endpointId, service),
    });
    this.desk = new ActionDesk({
      links: this.links,
      onChange: (record) => this.onActionChange(record),
      operator: options.operator ?? (() => 'operator'),
      readOnly: () =>
        this.profile === 'display' ? 'this console runs the read-only display profile' : undefined,
      gateBlock: (request) => this.gateBlock(request),
      environmentOf: (endpointId, service, environment) =>
        this.deploys.environment(endpointId, service, environment),
    });
    for (const spec of options.endpoints) this.addLink(spec);
    this.history.releasesChanged(Date.now(), this.releases);
    this.snapshots = options.snapshotDir
      ? new SnapshotDesk(options.snapshotDir, this.snapshotSource())
      : undefined;
  }

  get profile(): 'operator' | 'display' {
    return this.options.profile ?? 'operator';
  }

  start(): void {
    this.started = true;
    this.feed.start();
    this.alertTimer = setInterval(() => this.everySecond(Date.now()), 1_000);
    this.alertTimer.unref();
    for (const link of this.links.values()) link.start();
  }

  stop(): void {
    this.started = false;
    clearInterval(this.alertTimer);
    this.feed.stop();
    for (const link of this.links.values()) link.stop();
  }

  /**
   * Flushes first, so the state stands exactly at a delta: everything up to
   * `seq` is in it, and every later delta holds only what changed after it.
   */
  getState(): Promise<ConsoleState> {
    this.feed.flush();
    const since = Date.now() - (this.options.initialWindowMs ?? 15 * 60_000);
    return Promise.resolve(this.state(this.series.pointsSince(since)));
  }

  /** The console as it is now, with the given points: what a page loads and a snapshot records. */
  private state(points: ConsoleState['points']): ConsoleState {
    return {
      seq: this.feed.seq,
      endpoints: [...this.links.values()].map((link) => link.status),
      series: this.series.catalog(),
      points,
      deployments: this.deploys.all(),
      actions: this.desk.list(),
      events: this.events.list(),
      profile: this.profile,
      notices: [...this.notices],
      alerts: this.alertEngine.alerts(),
      alertTimeline: this.alertEngine.transitions(),
      settings: this.visibleSettings(),
      releases: this.releases,
      kiosk: this.options.kiosk ?? false,
      ...(this.offeredSnapshot ? { openSnapshot: this.offeredSnapshot } : {}),
    };
  }

  updateSettings(patch: SettingsPatch): Promise<void> {
    const store = this.options.settings;
    if (!store) return Promise.reject(new Error('this console has no settings store'));
    store.update(settingsPatchSchema.parse(patch));
    this.feed.settings(this.visibleSettings());
    return Promise.resolve();
  }

  settingsValue(): VisibleSettings {
    return this.visibleSettings();
  }

  private visibleSettings(): VisibleSettings {
    const { endpoints: _endpoints, ...visible } = this.options.settings?.value ?? DEFAULT_SETTINGS;
    return visible;
  }

  private refuseInDisplay(what: string): void {
    if (this.profile === 'display') {
      throw new Error(`${what} is not allowed: this console runs the read-only display profile`);
    }
  }

  /** Records who acknowledged an alert; refused in the display profile. */
  async acknowledgeAlert(id: string): Promise<void> {
    this.refuseInDisplay('acknowledging an alert');
    const operator = (this.options.operator ?? (() => 'operator'))();
    if (!this.alertEngine.acknowledge(id, operator, Date.now())) {
      throw new Error(`no open alert ${id} to acknowledge`);
    }
  }

  /** Arms or disarms a release's automatic halt; audited. Refused in the display profile. */
  async setAutoHalt(request: AutoHaltRequest): Promise<void> {
    this.refuseInDisplay('arming an automatic halt');
    const parsed = autoHaltRequestSchema.parse(request);
    const { endpointId, service, environment, version, armed, after } = parsed;
    const known = this.evaluated.some(
      (r) =>
        r.endpointId === endpointId &&
        r.service === service &&
        r.environment === environment &&
        r.version === version,
    );
    if (!known && armed) {
      throw new Error(`no release ${version} of ${service} in ${environment} to arm a halt for`);
    }
    const operator = (this.options.operator ?? (() => 'operator'))();
    const now = Date.now();
    if (!this.autoHalt.set(parsed, operator, now)) return;
    this.appendAudit({
      at: new Date(now).toISOString(),
      operator,
      endpointId,
      key: `autohalt-${randomUUID()}`,
      action: armed ? 'autohalt.arm' : 'autohalt.disarm',
      args: { service, environment, version, ...(armed ? { after } : {}) },
      state: 'succeeded',
    });
    this.publishReleases(now);
  }

  queryAudit(query: AuditQuery = {}): Promise<AuditEntry[]> {
    return Promise.resolve(this.options.audit?.query(auditQuerySchema.parse(query)) ?? []);
  }

  /** Validates here as well as at the IPC edge: the core trusts no caller. */
  submitAction(request: ActionRequest): Promise<ActionRecord> {
    return this.desk.submit(actionRequestSchema.parse(request));
  }

  async addEndpoint(config: EndpointConfig): Promise<EndpointStatus> {
    this.refuseInDisplay('adding an endpoint');
    const { url, token, caFile } = endpointConfigSchema.parse(config);
    const registry = this.requireRegistry();
    const id = endpointIdFor(url, new Set(this.links.keys()));
    const spec = await registry.prepare(id, { url, token, caFile });
    const link = this.addLink(spec);
    await this.persist();
    if (this.started) link.start();
    return link.status;
  }

  async updateEndpoint(id: string, config: EndpointConfig): Promise<EndpointStatus> {
    this.refuseInDisplay('editing an endpoint');
    const { url, token, caFile } = endpointConfigSchema.parse(config);
    const before = this.userSpec(id);
    const spec = await this.requireRegistry().prepare(id, { url, token, caFile }, before);
    this.dropLink(id);
    const link = this.addLink(spec);
    await this.persist();
    if (this.started) link.start();
    return link.status;
  }

  async removeEndpoint(id: string): Promise<void> {
    this.refuseInDisplay('removing an endpoint');
    this.userSpec(id);
    this.dropLink(id);
    await this.requireRegistry().forget(id);
    await this.persist();
  }

  reconnectEndpoint(id: string): Promise<void> {
    const link = this.links.get(id);
    if (!link) return Promise.reject(new Error(`unknown endpoint ${id}`));
    link.reconnect();
    return Promise.resolve();
  }

  async exportSnapshot(request: SnapshotExport): Promise<SnapshotFileInfo> {
    return fileInfo(await this.snapshotDesk().export(request));
  }

  openSnapshot(request: SnapshotOpen): Promise<Snapshot> {
    if ('fileName' in request && request.fileName === this.offeredSnapshot)
      this.offeredSnapshot = undefined;
    return this.snapshotDesk().open(request);
  }

  async annotateSnapshot(request: SnapshotAnnotate): Promise<SnapshotFileInfo> {
    const { fileName, notes, annotations } = request;
    return fileInfo(await this.snapshotDesk().annotate(fileName, notes, annotations));
  }

  async exportReport(request: { fileName: string }): Promise<SnapshotFileInfo> {
    return fileInfo(await this.snapshotDesk().report(request.fileName));
  }

  /** Main-process only: a file from the command line or File > Open, which the page is asked to open. */
  async offerSnapshot(path: string): Promise<void> {
    this.offeredSnapshot = await this.snapshotDesk().import(path);
    this.feed.openSnapshot(this.offeredSnapshot);
  }

  snapshotPath(fileName: string): string | undefined {
    return this.snapshots?.servable(fileName);
  }

  private snapshotDesk(): SnapshotDesk {
    if (!this.snapshots) throw new Error('this console has no folder for snapshots');
    return this.snapshots;
  }

  private snapshotSource(): SnapshotSource {
    return {
      appVersion: this.options.clientVersion,
      operator: () => (this.options.operator ?? (() => 'operator'))(),
      // Points are asked per series below, so the state goes without them.
      state: (from) => this.snapshotState(from),
      points: (key, from) => this.snapshotPoints(key, from),
      audit: (from, to) =>
        this.options.audit?.query({ since: from, until: to, limit: 5_000 }) ?? [],
    };
  }

  /** The console now, with the series that left within the window and the history since `from`. */
  private snapshotState(from: number) {
    const state = this.state({});
    const listed = new Set(state.series.map((s) => s.key));
    const gone = this.departed.since(from).filter((s) => !listed.has(s.key));
    return { ...state, series: [...state.series, ...gone], history: this.history.since(from) };
  }

  /** A series' points, with those it had before it left the catalog and came back. */
  private snapshotPoints(key: string, from: number): Points {
    const live = this.series.pointsOf(key, from);
    const before = this.departed.pointsOf(key, from);
    const first = live.t[0] ?? Infinity;
    const end = before.t.findIndex((t) => t >= first);
    const cut = end < 0 ? before.t.length : end;
    if (cut === 0) return live;
    return { t: [...before.t.slice(0, cut), ...live.t], v: [...before.v.slice(0, cut), ...live.v] };
  }

  /** Before a replacing catalog drops series, their entries and points are kept for snapshots. */
  private keepDeparting(endpointId: string, entries: { id: string }[], replace?: boolean): void {
    if (!replace) return;
    const listed = new Set(entries.map((entry) => `${endpointId}/${entry.id}`));
    const now = Date.now();
    for (const series of this.series.catalog()) {
      if (series.endpointId !== endpointId || listed.has(series.key)) continue;
      this.departed.keep(now, series, this.series.pointsOf(series.key, now - 3_600_000));
      this.history.seriesLeft(now, series.key);
    }
  }

  private recordDeployments(deployments: EndpointDeployments): void {
    this.history.deploymentsChanged(Date.now(), deployments);
  }

  /** Silence is noticed by the clock; release gates soak by it. */
  private everySecond(now: number): void {
    this.alertEngine.tick(now);
    this.evaluated = this.gates.evaluate(
      this.deploys.all(),
      this.series.catalog(),
      (key, since) => this.series.meanSince(key, since),
      now,
    );
    this.alertEngine.releases(this.evaluated, now);
    for (const halt of this.autoHalt.due(this.evaluated, now)) {
      this.desk.submit(halt.request, halt.operator).catch((err: unknown) => {
        this.notice(`automatic halt not sent: ${err instanceof Error ? err.message : String(err)}`);
      });
    }
    this.publishReleases(now);
  }

  /** The releases with this console's armings; fed and recorded only when they changed. */
  private publishReleases(now: number): void {
    const releases = this.autoHalt.decorate(this.evaluated);
    if (!dequal(releases, this.releases)) {
      this.releases = releases;
      this.history.releasesChanged(now, releases);
      this.feed.releases(releases);
    }
  }

  private gateBlock(request: ActionRequest): string | undefined {
    if (request.action !== 'ring.promote') return undefined;
    const release = this.releases.find(
      (r) =>
        r.endpointId === request.endpointId &&
        r.service === request.args.service &&
        r.environment === request.args.environment,
    );
    if (!release) return this.notJudged(request);
    return release.promote.allowed ? undefined : release.promote.reason;
  }

  /** No verdict is no pass: a release moving before the first evaluation waits for one. */
  private notJudged(request: ActionRequest & { action: 'ring.promote' }): string | undefined {
    const { service, environment } = request.args;
    const env = this.deploys.environment(request.endpointId, service, environment);
    // Nothing moving (or nothing known): there is nothing to judge; the endpoint says why.
    if (!env || !releaseMoving(env)) return undefined;
    return BLOCKER.notJudged;
  }

  /** After the machine wakes from sleep: every socket is suspect, dial them all again. */
  reconnectAll(): void {
    for (const link of this.links.values()) link.reconnect();
  }

  onDelta(listener: (delta: ConsoleDelta) => void): () => void {
    return this.feed.subscribe(listener);
  }

  /** What a service runs now (production first), for the alert that starts now. */
  private runningVersion(endpointId: string, service: string): string | undefined {
    const environments =
      this.deploys
        .all()
        .find((d) => d.endpointId === endpointId)
        ?.services.find((s) => s.id === service)?.environments ?? [];
    return (environments.find((e) => e.id === 'production') ?? environments[0])?.version;
  }

  private addLink(spec: EndpointSpec): EndpointLink {
    const id = spec.id ?? endpointIdFor(spec.url, new Set(this.links.keys()));
    const stored = { ...spec, id };
    const link = new EndpointLink({
      id,
      url: spec.url,
      token: spec.token,
      ca: spec.ca,
      caFile: spec.caFile,
      source: spec.source,
      clientVersion: this.options.clientVersion,
      heartbeatMs: this.options.heartbeatMs,
      resume: () => {
        const version = this.deploys.versionOf(id);
        return version === undefined ? undefined : { deploymentsVersion: version };
      },
    });
    link.on('status', (status) => this.feed.endpoint(status));
    link.on('status', (status) => this.alertEngine.link(status, Date.now()));
    link.on('status', (status) => this.history.linkState(Date.now(), id, status.state));
    link.on('hello', (hello) => this.onHello(id, hello));
    link.on('notification', (message) => this.onNotification(link, message));
    for (const problem of spec.problems ?? []) link.problem(problem);
    this.links.set(id, link);
    this.specs.set(id, stored);
    return link;
  }

  private dropLink(id: string): void {
    this.links.get(id)?.stop();
    this.links.delete(id);
    this.specs.delete(id);
    this.deploys.forget(id);
    const removed = this.series.dropEndpoint(id);
    for (const key of removed) this.alertEngine.untrack(key, Date.now());
    this.alertEngine.forgetEndpoint(id, Date.now());
    this.feed.removed(id, removed);
  }

  private onActionChange(record: ActionRecord): void {
    this.feed.action(record);
    this.history.actionChanged(record.updatedAt, record);
    const entry = auditEntryFor(record);
    if (entry) this.appendAudit(entry);
  }

  /** A full disk or a read-only log is told, not thrown: the action itself went ahead. */
  private appendAudit(entry: Omit<AuditEntry, 'seq'>): void {
    try {
      this.options.audit?.append(entry);
    } catch (err) {
      if (!(err instanceof AuditWriteError)) throw err;
      this.notice(err.message);
    }
  }

  private notice(message: string): void {
    this.notices.push(message);
    this.feed.notice(message);
  }

  private onHello(endpointId: string, hello: HelloResult): void {
    if (hello.deployments !== 'resumed') this.deploys.forget(endpointId);
    void this.desk.reconcile(endpointId);
  }

  private onNotification(link: EndpointLink, message: EndpointNotification): void {
    const endpointId = link.status.id;
    switch (message.method) {
      case 'catalog':
        return this.onCatalog(link, message.params.series, message.params.replace);
      case 'samples':
        return this.onSamples(link, message.params.batches);
      case 'series.error': {
        const changed = this.series.setError(
          endpointId,
          message.params.series,
          message.params.message,
        );
        if (changed) this.feed.catalog([changed]);
        return;
      }
      case 'deployments.snapshot': {
        const { resourceVersion, services } = message.params;
        const next = this.deploys.snapshot(endpointId, resourceVersion, services);
        this.feed.deployment(next);
        this.recordDeployments(next);
        return;
      }
      case 'deployments.change': {
        const next = this.deploys.change(endpointId, message.params);
        if (next) this.feed.deployment(next);
        if (next) this.recordDeployments(next);
        return;
      }
      case 'event':
        return this.onEvent({ ...message.params, endpointId });
      case 'action.status':
        return this.desk.status(endpointId, message.params);
    }
  }

  private onCatalog(
    link: EndpointLink,
    entries: Extract<EndpointNotification, { method: 'catalog' }>['params']['series'],
    replace?: boolean,
  ): void {
    const endpointId = link.status.id;
    this.keepDeparting(endpointId, entries, replace);
    const report = this.series.upsertCatalog(endpointId, entries, replace);
    const now = Date.now();
    for (const entry of report.changed) this.alertEngine.track(entry, now);
    for (const key of report.removed) this.alertEngine.untrack(key, now);
    this.feed.catalog(report.changed);
    if (report.removed.length) this.feed.removed(undefined, report.removed);
    link.setSeriesCount(this.series.countOf(endpointId));
    if (report.overCap) {
      const cap = this.options.maxSeriesPerEndpoint ?? 5_000;
      link.problem(`series cap of ${cap} per endpoint reached: ${report.overCap} series ignored`);
    }
  }

  private onSamples(link: EndpointLink, batches: SampleBatch[]): void {
    const skew = link.status.clockSkewMs ?? 0;
    const report = this.series.append(link.status.id, batches, skew);
    for (const { key, points } of report.added) {
      this.feed.samples(key, points);
      // Alerts run on our clock: endpoint time corrected for the measured skew.
      for (let i = 0; i < points.t.length; i += 1) {
        this.alertEngine.sample(key, (points.t[i] as number) - skew, points.v[i] as number);
      }
    }
    if (report.outOfOrder) {
      link.dropped(
        report.outOfOrder,
        `${report.outOfOrder} samples out of order or repeated: dropped`,
      );
    }
    if (report.absurd) {
      link.dropped(report.absurd, `${report.absurd} samples with absurd timestamps: dropped`);
    }
    if (report.unknown.length) {
      const names = report.unknown.slice(0, 3).join(', ');
      link.problem(`samples for series not in the catalog: ${names}`);
    }
  }

  private onEvent(event: ConsoleEvent): void {
    this.events.add(event);
    this.feed.event(event);
  }

  private userSpec(id: string): EndpointSpec {
    const spec = this.specs.get(id);
    if (!spec) throw new Error(`unknown endpoint ${id}`);
    if (spec.source !== 'settings') {
      throw new Error(
        `endpoint ${id} comes from the ${spec.source === 'demo' ? 'embedded demo' : 'command line'}; it cannot be edited here`,
      );
    }
    return spec;
  }

  private requireRegistry(): EndpointRegistry {
    if (!this.options.registry) throw new Error('this console has no settings store for endpoints');
    return this.options.registry;
  }

  private persist(): Promise<void> {
    const mine = [...this.specs.values()].filter((s) => s.source === 'settings');
    return this.requireRegistry().save(mine);
  }
}

/** What the page may know of a written file: its name and size, not where it lies on disk. */
function fileInfo({ fileName, size }: SnapshotFile): SnapshotFileInfo {
  return { fileName, size };
}
