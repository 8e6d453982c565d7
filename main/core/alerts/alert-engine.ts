// Threshold alerts with hysteresis: a condition must hold for its for-duration
// before an alert fires, and must be clear for its recovery duration before it
// resolves. Stale (no update for three intervals) and no-data are alerts of
// their own, so silence never looks healthy.
import type { Alert, AlertTransition } from '../../../shared/api/alerts';
import type { ConsoleSeries } from '../../../shared/api/series';
import {
  staleAfterMs,
  thresholdStatus,
  type ThresholdCondition,
} from '../../../shared/rules/series-status';

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
}

const RANK: Record<Condition, number> = { ok: 0, warning: 1, critical: 2 };
const MAX_RESOLVED = 200;
const MAX_TIMELINE = 2_000;

export class AlertEngine {
  private readonly watches = new Map<string, Watch>();
  private resolved: Alert[] = [];
  private timeline: AlertTransition[] = [];
  private nextId = 1;

  constructor(private readonly onChange: (alert: Alert, transition: AlertTransition) => void) {}

  track(series: ConsoleSeries, now: number): void {
    const watch = this.watches.get(series.key);
    if (watch) watch.series = series;
    else this.watches.set(series.key, { series, registeredAt: now });
  }

  untrack(key: string, now: number): void {
    const watch = this.watches.get(key);
    if (!watch) return;
    for (const alert of [watch.active, watch.silence]) {
      if (alert) this.transition(alert, 'resolved', now, 'series removed');
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
      this.transition(watch.silence, 'resolved', time, 'data flowing again');
      watch.silence = undefined;
    }
    this.evaluate(watch, thresholdStatus(value, watch.series.thresholds), time, value);
  }

  /** Called about once a second: silence is only noticed by the clock. */
  tick(now: number): void {
    for (const watch of this.watches.values()) this.checkSilence(watch, now);
  }

  acknowledge(id: string, by: string, at: number): Alert | undefined {
    for (const watch of this.watches.values()) {
      for (const alert of [watch.active, watch.silence]) {
        if (alert?.id !== id || alert.acknowledged) continue;
        alert.acknowledged = { by, at };
        this.record(alert, { at, alertId: id, state: alert.state, note: `acknowledged by ${by}` });
        return alert;
      }
    }
    return undefined;
  }

  alerts(): Alert[] {
    const open = [...this.watches.values()].flatMap((w) => [w.active, w.silence]);
    const resolved = this.resolved.slice(-MAX_RESOLVED).reverse();
    return [...open.filter((a): a is Alert => a !== undefined), ...resolved];
  }

  transitions(): AlertTransition[] {
    return this.timeline.slice(-MAX_TIMELINE);
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
      watch.active = this.open(watch, condition, at, value, held ? 'firing' : 'pending');
    } else if (active.state === 'pending') {
      active.value = value;
      active.severity = condition;
      if (held) this.fire(active, at, value, `${condition} held for ${Math.round(forMs / 1000)} s`);
    } else if (held && RANK[condition] > RANK[active.severity as Condition]) {
      active.severity = condition;
      this.fire(active, at, value, `escalated to ${condition}`);
    } else {
      active.value = value;
    }
  }

  private clear(watch: Watch, at: number, value: number, recoveryMs: number): void {
    watch.badSince = undefined;
    watch.badCondition = undefined;
    const active = watch.active;
    if (!active) return;
    if (active.state === 'pending') {
      this.transition(active, 'resolved', at, 'cleared before its for-duration', value);
      watch.active = undefined;
      return;
    }
    watch.clearSince ??= at;
    if (at - watch.clearSince < recoveryMs) return;
    this.transition(active, 'resolved', at, `back within bounds at ${value}`, value);
    watch.active = undefined;
    watch.clearSince = undefined;
  }

  private fire(alert: Alert, at: number, value: number, note: string): void {
    alert.state = 'firing';
    alert.firedAt ??= at;
    alert.value = value;
    this.record(alert, { at, alertId: alert.id, state: 'firing', note, value });
  }

  private checkSilence(watch: Watch, now: number): void {
    if (watch.silence) return;
    const limit = staleAfterMs(watch.series.intervalMs);
    if (watch.lastSampleAt === undefined) {
      if (now - watch.registeredAt > limit) watch.silence = this.open(watch, 'nodata', now);
    } else if (now - watch.lastSampleAt > limit) {
      watch.silence = this.open(watch, 'stale', now, watch.lastValue);
    }
  }

  private open(
    watch: Watch,
    severity: Alert['severity'],
    at: number,
    value?: number,
    state: 'pending' | 'firing' = 'firing',
  ): Alert {
    const { key, endpointId, title, service, thresholds, procedures } = watch.series;
    const alert: Alert = {
      id: `alert-${this.nextId++}`,
      seriesKey: key,
      endpointId,
      title,
      severity,
      state,
      since: severity === 'stale' || severity === 'nodata' ? at : (watch.badSince ?? at),
      ...(state === 'firing' ? { firedAt: at } : {}),
      ...(value === undefined ? {} : { value }),
      ...(service ? { service } : {}),
      ...(thresholds ? { thresholds } : {}),
      ...(procedures?.length ? { procedures } : {}),
    };
    const note = state === 'firing' ? `${severity} fired` : `${severity} pending`;
    this.record(alert, { at, alertId: alert.id, state, note, value });
    return alert;
  }

  private transition(
    alert: Alert,
    state: 'resolved',
    at: number,
    note: string,
    value?: number,
  ): void {
    alert.state = state;
    alert.resolvedAt = at;
    this.resolved.push(alert);
    if (this.resolved.length > 2 * MAX_RESOLVED) this.resolved = this.resolved.slice(-MAX_RESOLVED);
    this.record(alert, { at, alertId: alert.id, state, note, value });
  }

  private record(alert: Alert, transition: AlertTransition): void {
    if (transition.value === undefined) delete transition.value;
    this.timeline.push(transition);
    // Trim in chunks: slicing on every push would make a flapping series quadratic.
    if (this.timeline.length > 2 * MAX_TIMELINE) this.timeline = this.timeline.slice(-MAX_TIMELINE);
    this.onChange({ ...alert }, transition);
  }
}
