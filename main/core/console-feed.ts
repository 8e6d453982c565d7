// Coalesces every change into one delta per flush, throttled on the leading
// edge: a change after a quiet spell goes out at once (a 1 ms timer gathers the
// rest of its frame). The gap before the next delta follows the last one's
// size: after a small delta one display frame, after a large one flushMs, so
// the renderer gets a bounded number of messages however many samples arrive.
// A fixed timer made every sample wait up to flushMs, and a flushMs gap after
// every delta made a wall's 1 Hz samples wait 25 ms on average (bench B2).
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

/** One 60 Hz frame: a renderer cannot show deltas faster than it paints. */
const FRAME_MS = 16;
/**
 * Items (points, plus entries of the other kinds) up to which a delta is small.
 * A wall of 100 series at 1 Hz sends 1–2 points per frame; the flood row
 * (test/support/pulse-endpoint.ts, 50 series at 200 Hz) about 160 per frame
 * and 500 per 50 ms. At 64, anything above ~4,000 samples/s falls back to
 * flushMs, and below it no more than 60 deltas of ≤ 64 items leave a second.
 */
const SMALL_DELTA_ITEMS = 64;

/** One kind of change, gathered between flushes and sent as one field of the delta. */
interface Pending<Field> {
  readonly empty: boolean;
  /** Items gathered: what makes a delta large. */
  readonly size: number;
  /** The delta's field; asked once, when the delta is built. */
  emit(): Field;
}

/** Upserts: only the latest item per id. */
class LatestById<T> implements Pending<T[]> {
  private readonly items = new Map<string, T>();
  constructor(private readonly idOf: (item: T) => string) {}
  get empty(): boolean {
    return this.items.size === 0;
  }
  get size(): number {
    return this.items.size;
  }
  put(item: T): void {
    this.items.set(this.idOf(item), item);
  }
  drop(id: string): void {
    this.items.delete(id);
  }
  emit(): T[] {
    return [...this.items.values()];
  }
}

/** Every item once, in arrival order, never coalesced. */
class Appended<T> implements Pending<T[]> {
  private readonly items: T[] = [];
  get empty(): boolean {
    return this.items.length === 0;
  }
  get size(): number {
    return this.items.length;
  }
  push(item: T): void {
    this.items.push(item);
  }
  emit(): T[] {
    return this.items;
  }
}

/** Removals: each id once, however often it is removed. */
class IdSet implements Pending<string[]> {
  private readonly ids = new Set<string>();
  get empty(): boolean {
    return this.ids.size === 0;
  }
  get size(): number {
    return this.ids.size;
  }
  add(id: string): void {
    this.ids.add(id);
  }
  emit(): string[] {
    return [...this.ids];
  }
}

/** A whole value: the latest replaces the one before. */
class Latest<T> implements Pending<T | undefined> {
  private value: T | undefined;
  get empty(): boolean {
    return this.value === undefined;
  }
  get size(): number {
    return this.empty ? 0 : 1;
  }
  set(value: T): void {
    this.value = value;
  }
  emit(): T | undefined {
    return this.value;
  }
}

/**
 * New points per series key, appended across calls. Kept as flat columns, one
 * run per call, and grouped by key only when the delta is built: an object per
 * call that waits out the flush gap outlives the young generation, and at
 * 20,000 samples/s such objects were most of what the old generation had to
 * collect (B6 in docs/performance.md). A run keeps a batch's copy cost to two
 * pushes a point and its grouping to one lookup (B1's 500-point batches).
 */
class PointsByKey implements Pending<Record<string, Points>> {
  private runKeys: string[] = [];
  /** Where each run ends in `t` and `v`. */
  private runEnds: number[] = [];
  private t: number[] = [];
  private v: number[] = [];
  get empty(): boolean {
    return this.runKeys.length === 0;
  }
  get size(): number {
    return this.t.length;
  }
  add(key: string, added: Points): void {
    // A loop, not push(...spread): a 100k-point batch would overflow the stack.
    for (let i = 0; i < added.t.length; i += 1) {
      this.t.push(added.t[i] as number);
      this.v.push(added.v[i] as number);
    }
    this.runKeys.push(key);
    this.runEnds.push(this.t.length);
  }
  /** Forgets the points of these keys: one pass however many keys go. */
  drop(gone: ReadonlySet<string>): void {
    let runs = 0;
    let kept = 0;
    let start = 0;
    for (let r = 0; r < this.runKeys.length; r += 1) {
      const key = this.runKeys[r] as string;
      const end = this.runEnds[r] as number;
      if (!gone.has(key)) {
        for (let i = start; i < end; i += 1, kept += 1) {
          this.t[kept] = this.t[i] as number;
          this.v[kept] = this.v[i] as number;
        }
        this.runKeys[runs] = key;
        this.runEnds[runs] = kept;
        runs += 1;
      }
      start = end;
    }
    this.runKeys.length = this.runEnds.length = runs;
    this.t.length = this.v.length = kept;
  }
  emit(): Record<string, Points> {
    // Series keys hold a '/', so none names an Object.prototype property.
    const out: Record<string, Points> = {};
    let start = 0;
    for (let r = 0; r < this.runKeys.length; r += 1) {
      const key = this.runKeys[r] as string;
      const end = this.runEnds[r] as number;
      const earlier = out[key];
      if (!earlier) {
        out[key] = { t: this.t.slice(start, end), v: this.v.slice(start, end) };
      } else {
        for (let i = start; i < end; i += 1) {
          earlier.t.push(this.t[i] as number);
          earlier.v.push(this.v[i] as number);
        }
      }
      start = end;
    }
    return out;
  }
}

type DeltaFields = Omit<ConsoleDelta, 'seq'>;

/**
 * The delta kinds, one line each: how a kind gathers says how it is sent. The
 * `satisfies` makes a field of ConsoleDelta without a line here a type error.
 */
const pendingKinds = () =>
  ({
    endpoints: new LatestById<EndpointStatus>((status) => status.id),
    endpointsRemoved: new IdSet(),
    series: new LatestById<ConsoleSeries>((entry) => entry.key),
    seriesRemoved: new IdSet(),
    points: new PointsByKey(),
    deployments: new LatestById<EndpointDeployments>((state) => state.endpointId),
    actions: new LatestById<ActionRecord>((record) => record.key),
    events: new Appended<ConsoleEvent>(),
    alerts: new LatestById<Alert>((alert) => alert.id),
    alertTransitions: new Appended<AlertTransition>(),
    notices: new Appended<string>(),
    settings: new Latest<VisibleSettings>(),
    releases: new Latest<ReleaseStatus[]>(),
    openSnapshot: new Latest<string>(),
  }) satisfies { [Field in keyof DeltaFields]-?: Pending<DeltaFields[Field]> };

export class ConsoleFeed {
  private sent = 0;
  private pending = pendingKinds();
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private lastFlushAt = -Infinity;
  /** The least time from the last delta to the next: one frame or flushMs. */
  private gapMs: number;

  constructor(private readonly flushMs = 50) {
    this.gapMs = flushMs;
  }

  /** The seq of the last delta sent: a full state taken right after a flush stands there. */
  get seq(): number {
    return this.sent;
  }

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
    const wait = Math.max(1, this.lastFlushAt + this.gapMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  private hasPending(): boolean {
    return Object.values(this.pending).some((kind) => !kind.empty);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  endpoint(status: EndpointStatus): void {
    this.pending.endpoints.put(status);
    this.schedule();
  }

  catalog(entries: ConsoleSeries[]): void {
    for (const entry of entries) this.pending.series.put(entry);
    this.schedule();
  }

  samples(key: string, added: Points): void {
    this.pending.points.add(key, added);
    this.schedule();
  }

  deployment(state: EndpointDeployments): void {
    this.pending.deployments.put(state);
    this.schedule();
  }

  action(record: ActionRecord): void {
    this.pending.actions.put(record);
    this.schedule();
  }

  event(event: ConsoleEvent): void {
    this.pending.events.push(event);
    this.schedule();
  }

  alert(alert: Alert, transition: AlertTransition): void {
    this.pending.alerts.put(alert);
    this.pending.alertTransitions.push(transition);
    this.schedule();
  }

  openSnapshot(fileName: string): void {
    this.pending.openSnapshot.set(fileName);
    this.schedule();
  }

  releases(releases: ReleaseStatus[]): void {
    this.pending.releases.set(releases);
    this.schedule();
  }

  settings(settings: VisibleSettings): void {
    this.pending.settings.set(settings);
    this.schedule();
  }

  notice(message: string): void {
    this.pending.notices.push(message);
    this.schedule();
  }

  /** An endpoint (when given) and series keys that are gone. */
  removed(endpointId: string | undefined, seriesKeys: string[]): void {
    const pending = this.pending;
    if (endpointId !== undefined) {
      pending.endpointsRemoved.add(endpointId);
      pending.endpoints.drop(endpointId);
      pending.deployments.drop(endpointId);
    }
    for (const key of seriesKeys) {
      pending.seriesRemoved.add(key);
      pending.series.drop(key);
    }
    if (seriesKeys.length) pending.points.drop(new Set(seriesKeys));
    this.schedule();
  }

  /** Emits the pending changes as one delta; nothing when nothing changed. */
  flush(): ConsoleDelta | undefined {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.hasPending()) return undefined;
    const taken = this.pending;
    this.pending = pendingKinds();
    this.sent += 1;
    const delta: ConsoleDelta = { seq: this.sent };
    let items = 0;
    for (const [field, kind] of Object.entries(taken)) {
      items += kind.size;
      if (!kind.empty) Object.assign(delta, { [field]: kind.emit() });
    }
    this.lastFlushAt = Date.now();
    this.gapMs = items <= SMALL_DELTA_ITEMS ? Math.min(FRAME_MS, this.flushMs) : this.flushMs;
    for (const listener of this.listeners) deliver(listener, delta);
    return delta;
  }
}

/**
 * One console's failure to take a delta (a serialiser that throws, a closed
 * window) must not reach the flush timer, where it would end the process, nor
 * the other consoles. That console misses this seq, sees the gap at the next
 * one and reloads the whole state.
 */
function deliver(listener: Listener, delta: ConsoleDelta): void {
  try {
    listener(delta);
  } catch (err) {
    console.error(
      `watchfloor: delta ${delta.seq} not delivered to one console, which will resync: ${(err as Error).message}`,
    );
  }
}
