// Threshold alerts with hysteresis: a condition must hold for its for-duration
// before an alert fires, and must be clear for its recovery duration before it
// resolves. A pending that clears in time was a blip, not an alert. Stale and
// no-data are alerts of their own, so silence never looks healthy; an
// unreachable endpoint is one alert that mutes its series' silence (as
// Alertmanager's inhibition does). Series that keep firing flap: one alert.
// One clock throughout: the console's (sample times arrive corrected for the
// endpoint's measured skew; silence is noticed and ended on our own clock).
import type { Alert, AlertTransition } from '../../../shared/api/alerts';
import type { EndpointStatus } from '../../../shared/api/links';
import type { ConsoleSeries } from '../../../shared/api/series';
import { isLinkLive } from '../../../shared/rules/link-liveness';
import {
  MIN_STALE_MS,
  staleAfterMs,
  thresholdStatus,
  type ThresholdCondition,
} from '../../../shared/rules/series-status';
import type { ReleaseStatus } from '../../../shared/api/releases';
import { FLAP_FIRINGS, FlapDetector, flapWindowMs } from './flap-detector';
import { ReleaseAlerts } from './release-alerts';
import { TransitionLog } from './transition-log';

type Condition = ThresholdCondition;

interface Watch {
  series: ConsoleSeries;
  registeredAt: number;
  lastSampleAt?: number;
  lastValue?: number;
  /** When the current non-ok condition started (continuously). */
  badSince?: number;
  badCondition?: Condition;
  /** When the condition last became ok while an alert is active. */
  clearSince?: number;
  active?: Alert;
  /** The stale / no-data alert, separate from the threshold alert. */
  silence?: Alert;
  flaps?: FlapDetector;
}

interface EndpointWatch {
  name: string;
  live: boolean;
  /** When the link stopped carrying data (unset while live). */
  downSince?: number;
  /** When the link last came back: silence is measured from here too. */
  upSince?: number;
  problem?: string;
  alert?: Alert;
  /** Watches whose silence its alert mutes: what coming back must look at, and no other. */
  muted?: Set<Watch>;
}

export type LinkInput = Pick<EndpointStatus, 'id' | 'name' | 'state' | 'lastError'>;

export interface AlertEngineOptions {
  /** The console's clock: when a sample is received, when silence is noticed. */
  clock?: () => number;
  /** What the service runs now, recorded on an alert when it starts. */
  runningVersion?: (endpointId: string, service: string) => string | undefined;
}

type Change = (alert: Alert, transition: AlertTransition) => void;

const RANK: Record<Condition, number> = { ok: 0, warning: 1, critical: 2 };
const MAX_RESOLVED = 200;
const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`;

export class AlertEngine {
  private readonly watches = new Map<string, Watch>();
  private readonly endpoints = new Map<string, EndpointWatch>();
  private resolved: Alert[] = [];
  private readonly timeline = new TransitionLog();
  private nextId = 1;
  private readonly clock: () => number;
  private readonly releaseAlerts = new ReleaseAlerts({
    nextId: () => `alert-${this.nextId++}`,
    record: (alert, transition) => this.record(alert, transition),
    resolve: (alert, at, note) => this.resolve(alert, at, note),
  });

  constructor(
    private readonly onChange: Change,
    private readonly options: AlertEngineOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
  }

  track(series: ConsoleSeries, now: number): void {
    const watch = this.watches.get(series.key);
    if (watch) watch.series = series;
    else this.watches.set(series.key, { series, registeredAt: now });
  }

  untrack(key: string, now: number): void {
    const watch = this.watches.get(key);
    if (!watch) return;
    if (watch.active?.state === 'pending') this.dropBlip(watch, now, 'series removed');
    for (const alert of [watch.active, watch.silence]) {
      if (alert) this.resolve(alert, now, 'series removed');
    }
    this.watches.delete(key);
  }

  /** A new sample (time from the endpoint, corrected for clock skew). */
  sample(key: string, time: number, value: number): void {
    const watch = this.watches.get(key);
    if (!watch) return;
    watch.lastSampleAt = time;
    watch.lastValue = value;
    if (watch.silence) {
      // Ended when we hear again, on our clock: a backfilled point's own time
      // may be long before the silence was even noticed.
      this.resolve(
        watch.silence,
        Math.max(this.clock(), watch.silence.since),
        'data flowing again',
      );
      watch.silence = undefined;
    }
    this.evaluate(watch, thresholdStatus(value, watch.series.thresholds), time, value);
  }

  /** A link's state changed: an unreachable endpoint raises one alert, not one per series. */
  link(status: LinkInput, now: number): void {
    const endpoint = this.endpoints.get(status.id) ?? { name: status.name, live: false };
    this.endpoints.set(status.id, endpoint);
    endpoint.name = status.name;
    const live = isLinkLive(status.state);
    if (live && !endpoint.live) {
      endpoint.upSince = now;
      endpoint.downSince = undefined;
      if (endpoint.alert) this.resolve(endpoint.alert, now, `${endpoint.name} reachable again`);
      endpoint.alert = undefined;
    } else if (!live && status.state !== 'connecting') {
      // A first dial (or a redial asked for) is no outage; a failed attempt or a lost link is.
      endpoint.downSince ??= now;
      if (status.lastError) endpoint.problem = status.lastError;
    }
    endpoint.live = live;
  }

  /** The endpoint was removed from the console. */
  forgetEndpoint(endpointId: string, now: number): void {
    const alert = this.endpoints.get(endpointId)?.alert;
    if (alert) this.resolve(alert, now, 'endpoint removed');
    this.endpoints.delete(endpointId);
  }

  /** Called about once a second: silence is only noticed by the clock. */
  tick(now: number): void {
    for (const [id, endpoint] of this.endpoints) this.checkEndpoint(id, endpoint, now);
    for (const watch of this.watches.values()) this.checkSilence(watch, now);
  }

  /** The releases as just evaluated: a failing ring fires a critical alert (release-alerts.ts). */
  releases(releases: ReleaseStatus[], now: number): void {
    this.releaseAlerts.update(releases, now);
  }

  acknowledge(id: string, by: string, at: number): Alert | undefined {
    const alert = this.openAlerts().find((one) => one.id === id);
    if (!alert || alert.acknowledged) return undefined;
    alert.acknowledged = { by, at };
    this.record(alert, { at, alertId: id, state: alert.state, note: `acknowledged by ${by}` });
    return alert;
  }

  alerts(): Alert[] {
    const resolved = this.resolved.slice(-MAX_RESOLVED).reverse();
    return [...this.openAlerts(), ...resolved];
  }

  transitions(): AlertTransition[] {
    return this.timeline.list();
  }

  private openAlerts(): Alert[] {
    const series = [...this.watches.values()].flatMap((w) => [w.active, w.silence]);
    const endpoints = [...this.endpoints.values()].map((e) => e.alert);
    const releases = this.releaseAlerts.alerts();
    return [...series, ...endpoints, ...releases].filter((a): a is Alert => a !== undefined);
  }

  private evaluate(watch: Watch, condition: Condition, at: number, value: number): void {
    const thresholds = watch.series.thresholds;
    const interval = watch.series.intervalMs;
    const forMs = thresholds?.forMs ?? 2 * interval;
    const recoveryMs = thresholds?.recoveryMs ?? 3 * interval;
    if (condition === 'ok') return this.clear(watch, at, value, recoveryMs);
    watch.clearSince = undefined;
    if (watch.badCondition === undefined || RANK[condition] > RANK[watch.badCondition]) {
      // A new or worse condition starts its own for-duration.
      watch.badCondition = condition;
      watch.badSince = at;
    }
    const held = at - (watch.badSince ?? at) >= forMs;
    const active = watch.active;
    if (!active) {
      watch.active = this.open(watch, condition, at, { value, pending: !held });
    } else if (active.state === 'pending') {
      active.value = value;
      active.severity = condition;
      if (held) this.fire(watch, active, at, value, `${condition} held for ${seconds(forMs)}`);
    } else if (held && RANK[condition] > RANK[active.severity as Condition]) {
      active.severity = condition;
      this.fire(watch, active, at, value, `escalated to ${condition}`);
    } else {
      active.value = value;
    }
  }

  private clear(watch: Watch, at: number, value: number, recoveryMs: number): void {
    watch.badSince = undefined;
    watch.badCondition = undefined;
    const active = watch.active;
    if (!active) return;
    if (active.state === 'pending') return this.dropBlip(watch, at, value);
    watch.clearSince ??= at;
    const needed = active.flapping && watch.flaps ? watch.flaps.quietMs : recoveryMs;
    if (at - watch.clearSince < needed) return;
    const note = active.flapping
      ? `quiet for ${seconds(needed)}: no longer flapping`
      : `back within bounds at ${value}`;
    this.resolve(active, at, note, value);
    watch.active = undefined;
    watch.clearSince = undefined;
  }

  /** A pending that cleared before its for-duration: kept on the timeline, not as an alert. */
  private dropBlip(watch: Watch, at: number, valueOrWhy: number | string): void {
    const alert = watch.active;
    if (!alert) return;
    watch.active = undefined;
    alert.state = 'resolved';
    alert.resolvedAt = at;
    const value = typeof valueOrWhy === 'number' ? valueOrWhy : undefined;
    const note = typeof valueOrWhy === 'string' ? valueOrWhy : 'cleared before its for-duration';
    const title = alert.title;
    this.record(alert, { at, alertId: alert.id, state: 'resolved', note, value, title });
  }

  private fire(watch: Watch, alert: Alert, at: number, value: number, note: string): void {
    const first = alert.firedAt === undefined;
    alert.state = 'firing';
    alert.firedAt ??= at;
    alert.value = value;
    this.record(alert, {
      at,
      alertId: alert.id,
      state: 'firing',
      note: this.flapNote(watch, alert, at, first) ?? note,
      value,
    });
  }

  /** Counts a first firing toward flapping; the note when it makes the series flap. */
  private flapNote(watch: Watch, alert: Alert, at: number, first: boolean): string | undefined {
    if (!first) return undefined;
    const { forMs = 2 * watch.series.intervalMs, recoveryMs = 3 * watch.series.intervalMs } =
      watch.series.thresholds ?? {};
    const window = flapWindowMs(forMs, recoveryMs);
    watch.flaps ??= new FlapDetector(window);
    const firings = watch.flaps.fired(at);
    if (firings.length < FLAP_FIRINGS) return undefined;
    alert.flapping = { since: firings[0] as number, firings: firings.length };
    return `flapping: fired ${firings.length} times in ${seconds(window)}`;
  }

  private checkEndpoint(id: string, endpoint: EndpointWatch, now: number): void {
    if (endpoint.live) return this.liftMutes(endpoint, now);
    if (endpoint.alert || endpoint.downSince === undefined) return;
    // Raised no later than its series' own stale alerts would be, which it replaces.
    const limits = [...this.watches.values()]
      .filter((w) => w.series.endpointId === id)
      .map((w) => staleAfterMs(w.series.intervalMs));
    if (now - endpoint.downSince <= (limits.length ? Math.min(...limits) : MIN_STALE_MS)) return;
    const title = `${endpoint.name} unreachable`;
    const alert: Alert = {
      id: `alert-${this.nextId++}`,
      seriesKey: `${id}/`,
      endpointId: id,
      title: endpoint.problem ? `${title}: ${endpoint.problem}` : title,
      severity: 'stale',
      state: 'firing',
      since: endpoint.downSince,
      firedAt: now,
      scope: 'endpoint',
    };
    endpoint.alert = alert;
    this.record(alert, {
      at: now,
      alertId: alert.id,
      state: 'firing',
      note: 'endpoint unreachable',
    });
    for (const watch of this.watches.values()) {
      const silence = watch.silence;
      if (watch.series.endpointId !== id || !silence || silence.inhibitedBy) continue;
      silence.inhibitedBy = alert.id;
      (endpoint.muted ??= new Set()).add(watch);
      this.record(silence, {
        at: now,
        alertId: silence.id,
        state: silence.state,
        note: `muted: ${title}`,
      });
    }
  }

  /** Back online: a series that stays silent past its stale limit shows its own alert again. */
  private liftMutes(endpoint: EndpointWatch, now: number): void {
    // Every second for every live endpoint: only its muted watches, not every series (B6).
    const muted = endpoint.muted;
    if (!muted) return;
    for (const watch of muted) {
      const silence = watch.silence;
      const gone = this.watches.get(watch.series.key) !== watch;
      if (gone || !silence?.inhibitedBy) {
        muted.delete(watch);
        continue;
      }
      if (now - (endpoint.upSince ?? 0) <= staleAfterMs(watch.series.intervalMs)) continue;
      muted.delete(watch);
      delete silence.inhibitedBy;
      const note = `still silent with ${endpoint.name} reachable`;
      this.record(silence, { at: now, alertId: silence.id, state: silence.state, note });
    }
  }

  private checkSilence(watch: Watch, now: number): void {
    if (watch.silence) return;
    const endpoint = this.endpoints.get(watch.series.endpointId);
    // Inhibited: while its link is down, the endpoint's one alert speaks for every series.
    if (endpoint && !endpoint.live) return;
    const limit = staleAfterMs(watch.series.intervalMs);
    const heard = Math.max(watch.lastSampleAt ?? watch.registeredAt, endpoint?.upSince ?? 0);
    if (now - heard <= limit) return;
    const severity = watch.lastSampleAt === undefined ? 'nodata' : 'stale';
    watch.silence = this.open(watch, severity, now, {
      since: heard + limit,
      value: watch.lastValue,
    });
  }

  private open(
    watch: Watch,
    severity: Alert['severity'],
    at: number,
    how: { value?: number | undefined; pending?: boolean; since?: number },
  ): Alert {
    const { key, endpointId, title, service, thresholds, procedures } = watch.series;
    const state = how.pending ? 'pending' : 'firing';
    const version = service ? this.options.runningVersion?.(endpointId, service) : undefined;
    const alert: Alert = {
      id: `alert-${this.nextId++}`,
      seriesKey: key,
      endpointId,
      title,
      severity,
      state,
      since: how.since ?? watch.badSince ?? at,
      ...(how.value === undefined ? {} : { value: how.value }),
      ...(service ? { service } : {}),
      ...(version ? { version } : {}),
      ...(thresholds ? { thresholds } : {}),
      ...(procedures?.length ? { procedures } : {}),
    };
    if (state === 'firing' && how.since === undefined) {
      this.fire(watch, alert, at, how.value as number, `${severity} fired`);
      return alert;
    }
    if (state === 'firing') alert.firedAt = at;
    if (state === 'firing') {
      this.record(alert, {
        at,
        alertId: alert.id,
        state,
        note: `${severity} fired`,
        value: how.value,
      });
    } else {
      const note = `${severity} pending`;
      this.record(alert, { at, alertId: alert.id, state, note, value: how.value, title });
    }
    return alert;
  }

  private resolve(alert: Alert, at: number, note: string, value?: number): void {
    alert.state = 'resolved';
    alert.resolvedAt = at;
    this.resolved.push(alert);
    if (this.resolved.length > 2 * MAX_RESOLVED) this.resolved = this.resolved.slice(-MAX_RESOLVED);
    this.record(alert, { at, alertId: alert.id, state: 'resolved', note, value });
  }

  private record(alert: Alert, transition: AlertTransition): void {
    if (transition.value === undefined) delete transition.value;
    this.timeline.add(transition);
    this.onChange({ ...alert }, transition);
  }
}
