// Coalesces every change into one delta per flush, throttled on the leading
// edge: a change after a quiet spell goes out at once (a 1 ms timer gathers the
// rest of its frame), and under load at most one delta per flushMs leaves, so
// the renderer gets a bounded number of messages however many samples arrive.
// A fixed timer instead made every sample wait up to flushMs (bench B2).
import type { Alert, AlertTransition } from '../../shared/api/alerts';
import type { ReleaseStatus } from '../../shared/api/releases';
import type { VisibleSettings } from '../../shared/api/settings';
import type { ActionRecord } from '../../shared/api/actions';
import type {
  ConsoleDelta,
  ConsoleEvent,
  EndpointDeployments,
} from '../../shared/api/console-state';
import type { ConsoleSeries, Points } from '../../shared/api/series';
import type { EndpointStatus } from '../../shared/api/links';

type Listener = (delta: ConsoleDelta) => void;

export class ConsoleFeed {
  private seq = 0;
  private endpoints = new Map<string, EndpointStatus>();
  private series = new Map<string, ConsoleSeries>();
  private points = new Map<string, Points>();
  private deployments = new Map<string, EndpointDeployments>();
  private actions = new Map<string, ActionRecord>();
  private events: ConsoleEvent[] = [];
  private alerts = new Map<string, Alert>();
  private alertTransitions: AlertTransition[] = [];
  private notices: string[] = [];
  private visibleSettings: VisibleSettings | undefined;
  private releaseList: ReleaseStatus[] | undefined;
  private snapshotToOpen: string | undefined;
  private endpointsRemoved = new Set<string>();
  private seriesRemoved = new Set<string>();
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private lastFlushAt = -Infinity;

  constructor(private readonly flushMs = 50) {}

  start(): void {
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Called by every change: arms one timer, never more. Cheap on the hot path. */
  private schedule(): void {
    if (this.timer || !this.running || !this.hasPending()) return;
    const wait = Math.max(1, this.lastFlushAt + this.flushMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  private hasPending(): boolean {
    return (
      this.points.size > 0 ||
      this.endpoints.size > 0 ||
      this.series.size > 0 ||
      this.deployments.size > 0 ||
      this.actions.size > 0 ||
      this.events.length > 0 ||
      this.alerts.size > 0 ||
      this.notices.length > 0 ||
      this.visibleSettings !== undefined ||
      this.releaseList !== undefined ||
      this.snapshotToOpen !== undefined ||
      this.endpointsRemoved.size > 0 ||
      this.seriesRemoved.size > 0
    );
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  endpoint(status: EndpointStatus): void {
    this.endpoints.set(status.id, status);
    this.schedule();
  }

  catalog(entries: ConsoleSeries[]): void {
    for (const entry of entries) this.series.set(entry.key, entry);
    this.schedule();
  }

  samples(key: string, added: Points): void {
    const pending = this.points.get(key);
    if (!pending) {
      // Adopted, not copied: callers hand over freshly built arrays.
      this.points.set(key, added);
      this.schedule();
      return;
    }
    // A loop, not push(...spread): a 100k-point batch would overflow the stack.
    for (let i = 0; i < added.t.length; i += 1) {
      pending.t.push(added.t[i] as number);
      pending.v.push(added.v[i] as number);
    }
  }

  deployment(state: EndpointDeployments): void {
    this.deployments.set(state.endpointId, state);
    this.schedule();
  }

  action(record: ActionRecord): void {
    this.actions.set(record.key, record);
    this.schedule();
  }

  event(event: ConsoleEvent): void {
    this.events.push(event);
    this.schedule();
  }

  alert(alert: Alert, transition: AlertTransition): void {
    this.alerts.set(alert.id, alert);
    this.alertTransitions.push(transition);
    this.schedule();
  }

  openSnapshot(fileName: string): void {
    this.snapshotToOpen = fileName;
    this.schedule();
  }

  releases(releases: ReleaseStatus[]): void {
    this.releaseList = releases;
    this.schedule();
  }

  settings(settings: VisibleSettings): void {
    this.visibleSettings = settings;
    this.schedule();
  }

  notice(message: string): void {
    this.notices.push(message);
    this.schedule();
  }

  /** An endpoint (when given) and series keys that are gone. */
  removed(endpointId: string | undefined, seriesKeys: string[]): void {
    if (endpointId !== undefined) {
      this.endpointsRemoved.add(endpointId);
      this.endpoints.delete(endpointId);
      this.deployments.delete(endpointId);
    }
    for (const key of seriesKeys) {
      this.seriesRemoved.add(key);
      this.series.delete(key);
      this.points.delete(key);
    }
    this.schedule();
  }

  /** Emits the pending changes as one delta; nothing when nothing changed. */
  flush(): ConsoleDelta | undefined {
    clearTimeout(this.timer);
    this.timer = undefined;
    const delta: ConsoleDelta = { seq: this.seq + 1 };
    if (this.endpoints.size) delta.endpoints = [...this.endpoints.values()];
    if (this.series.size) delta.series = [...this.series.values()];
    if (this.points.size) delta.points = Object.fromEntries(this.points);
    if (this.deployments.size) delta.deployments = [...this.deployments.values()];
    if (this.actions.size) delta.actions = [...this.actions.values()];
    if (this.events.length) delta.events = this.events;
    if (this.alerts.size) delta.alerts = [...this.alerts.values()];
    if (this.alertTransitions.length) delta.alertTransitions = this.alertTransitions;
    if (this.notices.length) delta.notices = this.notices;
    if (this.visibleSettings) delta.settings = this.visibleSettings;
    if (this.releaseList) delta.releases = this.releaseList;
    if (this.snapshotToOpen) delta.openSnapshot = this.snapshotToOpen;
    if (this.endpointsRemoved.size) delta.endpointsRemoved = [...this.endpointsRemoved];
    if (this.seriesRemoved.size) delta.seriesRemoved = [...this.seriesRemoved];
    if (Object.keys(delta).length === 1) return undefined;
    this.seq = delta.seq;
    this.lastFlushAt = Date.now();
    this.endpoints = new Map();
    this.series = new Map();
    this.points = new Map();
    this.deployments = new Map();
    this.actions = new Map();
    this.events = [];
    this.alerts = new Map();
    this.alertTransitions = [];
    this.notices = [];
    this.visibleSettings = undefined;
    this.releaseList = undefined;
    this.snapshotToOpen = undefined;
    this.endpointsRemoved = new Set();
    this.seriesRemoved = new Set();
    for (const listener of this.listeners) listener(delta);
    return delta;
  }
}
