// Hysteresis as an operator would see it: nothing fires on a blip, a held
// breach fires after its for-duration, recovery needs its own duration,
// and silence raises stale / no-data.
import { describe, expect, it } from 'vitest';
import { AlertEngine } from './alert-engine';
import type { Alert, AlertTransition } from '../../../shared/api/alerts';
import type { ConsoleSeries } from '../../../shared/api/series';
import { neverFired } from '../../../shared/rules/status-model';

const series: ConsoleSeries = {
  key: 'demo/errors',
  endpointId: 'demo',
  id: 'errors',
  title: 'Errors',
  level: 'technical',
  unit: '{error}/min',
  kind: 'gauge',
  intervalMs: 1000,
  service: 'billing',
  thresholds: { warning: 5, critical: 20, direction: 'above', forMs: 3000, recoveryMs: 5000 },
};

function engine() {
  const changes: [Alert, AlertTransition][] = [];
  const alerts = new AlertEngine((a, t) => changes.push([a, t]));
  alerts.track(series, 0);
  const feed = (from: number, values: number[]) =>
    values.forEach((v, i) => alerts.sample(series.key, from + i * 1000, v));
  return { alerts, changes, feed };
}

const T0 = 1_800_000_000_000;

describe('AlertEngine', () => {
  it('lists a pending that clears before its for-duration as no alert, and keeps it on the timeline', () => {
    const { alerts, feed, changes } = engine();
    feed(T0, [1, 30, 30, 1, 1]);
    expect(alerts.alerts()).toEqual([]);
    // The renderer is told the blip is over: resolved, never fired.
    const told = changes.at(-1)?.[0] as Alert;
    expect(told.state).toBe('resolved');
    expect(neverFired(told)).toBe(true);
    expect(alerts.transitions().map((t) => [t.state, t.note])).toEqual([
      ['pending', 'critical pending'],
      ['resolved', 'cleared before its for-duration'],
    ]);
  });

  it('is pending while the breach holds, then fires after the for-duration', () => {
    const { alerts, feed } = engine();
    feed(T0, [30, 30, 30]);
    expect(alerts.alerts()[0]).toMatchObject({ state: 'pending', severity: 'critical' });
    feed(T0 + 3000, [30]);
    expect(alerts.alerts()[0]).toMatchObject({
      state: 'firing',
      severity: 'critical',
      since: T0,
      firedAt: T0 + 3000,
    });
  });

  it('resolves only after the condition is clear for its recovery duration', () => {
    const { alerts, feed } = engine();
    feed(T0, [30, 30, 30, 30]);
    feed(T0 + 4000, [1, 1, 1, 1, 1]);
    expect(alerts.alerts()[0]?.state).toBe('firing');
    feed(T0 + 9000, [1]);
    expect(alerts.alerts()[0]).toMatchObject({ state: 'resolved', resolvedAt: T0 + 9000 });
  });

  it('a relapse during recovery keeps the alert firing', () => {
    const { alerts, feed } = engine();
    feed(T0, [30, 30, 30, 30, 1, 1, 30, 1, 1, 1, 1]);
    expect(alerts.alerts()[0]?.state).toBe('firing');
  });

  it('escalates a firing warning to critical once critical holds', () => {
    const { alerts, feed, changes } = engine();
    feed(T0, [8, 8, 8, 8, 30, 30, 30]);
    expect(alerts.alerts()[0]).toMatchObject({ state: 'firing', severity: 'warning' });
    feed(T0 + 7000, [30]);
    expect(alerts.alerts()[0]).toMatchObject({ severity: 'critical' });
    expect(changes.at(-1)?.[1].note).toBe('escalated to critical');
    expect(alerts.alerts()).toHaveLength(1);
  });

  it('raises stale after three silent intervals, and no-data for a series that never spoke', () => {
    const { alerts, feed } = engine();
    alerts.track({ ...series, key: 'demo/quiet', id: 'quiet' }, T0);
    feed(T0, [1]);
    alerts.tick(T0 + 3000);
    expect(alerts.alerts()).toEqual([]);
    alerts.tick(T0 + 3001);
    const severities = alerts.alerts().map((a) => [a.seriesKey, a.severity]);
    expect(severities).toEqual(
      expect.arrayContaining([
        ['demo/errors', 'stale'],
        ['demo/quiet', 'nodata'],
      ]),
    );
    feed(T0 + 4000, [1]);
    expect(
      alerts.alerts().find((a) => a.seriesKey === 'demo/errors' && a.state !== 'resolved'),
    ).toBeUndefined();
  });

  it('records who acknowledged an alert and when', () => {
    const { alerts, feed } = engine();
    feed(T0, [30, 30, 30, 30]);
    const id = alerts.alerts()[0]?.id as string;
    expect(alerts.acknowledge(id, 'ana', T0 + 5000)?.acknowledged).toEqual({
      by: 'ana',
      at: T0 + 5000,
    });
    expect(alerts.acknowledge(id, 'bob', T0 + 6000)).toBeUndefined();
    expect(alerts.transitions().at(-1)?.note).toBe('acknowledged by ana');
  });

  it('uses below-direction thresholds for availability', () => {
    const alerts = new AlertEngine(() => undefined);
    const availability = {
      ...series,
      key: 'demo/av',
      thresholds: { warning: 99.9, critical: 99.5, direction: 'below' as const, forMs: 0 },
    };
    alerts.track(availability, 0);
    alerts.sample('demo/av', T0, 99.95);
    expect(alerts.alerts()).toEqual([]);
    alerts.sample('demo/av', T0 + 1000, 99.4);
    expect(alerts.alerts()[0]).toMatchObject({ state: 'firing', severity: 'critical' });
  });
});
