import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../shared/api/alerts';
import type { EndpointStatus, LinkState } from '../../../../shared/api/links';
import type { ConsoleSeries, Points } from '../../../../shared/api/series';
import { useConsoleStore, type ConsoleStore } from '../../store/console-store';
import { summarizeWall } from './wall-summary';

const NOW = Date.UTC(2026, 10, 26, 14, 30);

/** Demo series, sampled every second (endpoints/demo/demo-catalog.ts). */
const quick = { warning: 0, critical: 0, forMs: 2_000, recoveryMs: 3_000 };
const availability: ConsoleSeries = {
  key: 'demo/service.availability',
  endpointId: 'demo',
  id: 'service.availability',
  title: 'Availability',
  level: 'service',
  unit: '%',
  kind: 'gauge',
  intervalMs: 1000,
  thresholds: { ...quick, warning: 99.9, critical: 99.5, direction: 'below' },
};
const errors: ConsoleSeries = {
  key: 'demo/app.errors.rate',
  endpointId: 'demo',
  id: 'app.errors.rate',
  title: 'Errors in production',
  level: 'technical',
  unit: '{error}/min',
  kind: 'gauge',
  intervalMs: 1000,
  thresholds: { ...quick, warning: 5, critical: 20, direction: 'above' },
};
const users: ConsoleSeries = {
  key: 'demo/app.users.active',
  endpointId: 'demo',
  id: 'app.users.active',
  title: 'Current users',
  level: 'business',
  unit: '{user}',
  kind: 'gauge',
  intervalMs: 1000,
};

const link = (state: LinkState): EndpointStatus => ({
  id: 'demo',
  url: 'ws://127.0.0.1:8787',
  name: 'Demo',
  state,
  actions: ['deploy.rollback'],
  messageRate: 12,
  framesReceived: 4_200,
  framesRejected: 0,
  samplesDropped: 0,
  seriesCount: 12,
  recentErrors: [],
  hasToken: false,
  source: 'demo',
});

/** A sample `ageMs` old. */
const sampled = (value: number, ageMs = 500): Points => ({ t: [NOW - ageMs], v: [value] });

function wall(
  series: ConsoleSeries[],
  points: Record<string, Points>,
  extra: Partial<ConsoleStore> = {},
): ConsoleStore {
  return {
    ...useConsoleStore.getState(),
    series: Object.fromEntries(series.map((one) => [one.key, one])),
    points,
    endpoints: [link('open')],
    connection: 'open',
    ...extra,
  };
}

const healthy = {
  [availability.key]: sampled(99.98),
  [errors.key]: sampled(1.2),
  [users.key]: sampled(4820),
};

/** An alert as the core raises it for a series. */
const alert = (
  series: ConsoleSeries,
  severity: Alert['severity'],
  state: Alert['state'],
): Alert => ({
  id: `alert-${series.key}-${severity}`,
  seriesKey: series.key,
  endpointId: series.endpointId,
  title: series.title,
  severity,
  state,
  since: NOW - 10_000,
  ...(state === 'pending' ? {} : { firedAt: NOW - 8_000 }),
});

const all = [availability, errors, users];

describe('summarizeWall', () => {
  it('reads all clear only when every series is fresh and no alert fires', () => {
    const summary = summarizeWall(wall(all, healthy), NOW);
    expect(summary.verdict).toBe('ok');
    expect(summary.readings.ok).toBe(3);
    expect(summary.reasons).toEqual([]);
  });

  it('reads the firing alerts, as the alert count does: a bad deploy is critical', () => {
    const alerts = [
      alert(availability, 'critical', 'firing'),
      alert(errors, 'warning', 'firing'),
      alert(users, 'critical', 'resolved'),
    ];
    const summary = summarizeWall(wall(all, healthy, { alerts }), NOW);
    expect(summary.verdict).toBe('critical');
    expect(summary.alerts).toMatchObject({ firing: 2, critical: 1, warning: 1 });
    expect(summary.reasons.slice(0, 2)).toEqual(['1 critical', '1 warning']);
  });

  it('does not call a breach critical before its alert fires, but says it is pending', () => {
    const breach = { ...healthy, [availability.key]: sampled(99.42) };
    const alerts = [alert(availability, 'critical', 'pending')];
    const summary = summarizeWall(wall(all, breach, { alerts }), NOW);
    expect(summary.verdict).toBe('ok');
    expect(summary.reasons).toEqual(['1 pending']);
  });

  it('never reads a series without data as all clear', () => {
    const { [errors.key]: _missing, ...rest } = healthy;
    const summary = summarizeWall(wall(all, rest), NOW);
    expect(summary.verdict).toBe('stale');
    expect(summary.readings.nodata).toBe(1);
  });

  it('says NO DATA, and to check the connections, when no series has fresh data', () => {
    const late = Object.fromEntries(all.map((one) => [one.key, sampled(1, 60_000)]));
    for (const points of [{}, late]) {
      const summary = summarizeWall(wall(all, points), NOW);
      expect(summary).toMatchObject({ verdict: 'nodata', nextStep: 'check-connections' });
    }
  });

  it('says NO DATA, and to add an endpoint, on a console with no endpoints', () => {
    const summary = summarizeWall(wall([], {}, { endpoints: [] }), NOW);
    expect(summary).toMatchObject({ verdict: 'nodata', nextStep: 'add-endpoint' });
    expect(summary.reasons).toEqual(['no endpoints']);
  });

  it('calls a series that stopped updating a blind spot', () => {
    const late = { ...healthy, [users.key]: sampled(4820, 3_001) };
    const summary = summarizeWall(wall(all, late), NOW);
    expect(summary.verdict).toBe('stale');
    expect(summary.readings.stale).toBe(1);
  });

  it('reads staleness on the console clock: an endpoint 10 s behind is not stale', () => {
    const behind = Object.fromEntries(all.map((one) => [one.key, sampled(1, 10_500)]));
    const skewed = { endpoints: [{ ...link('open'), clockSkewMs: -10_000 }] };
    expect(summarizeWall(wall(all, behind, skewed), NOW).verdict).toBe('ok');
    expect(summarizeWall(wall(all, behind), NOW).verdict).toBe('nodata');
  });

  it('calls a series whose query fails a blind spot, whatever its last value', () => {
    const failing = { ...errors, error: 'query timed out' };
    const summary = summarizeWall(wall([availability, failing, users], healthy), NOW);
    expect(summary.verdict).toBe('stale');
    expect(summary.readings.error).toBe(1);
  });

  it('counts links that are down or degraded, and a lost host, as blind spots', () => {
    const reconnecting = wall(all, healthy, { endpoints: [link('reconnecting')] });
    expect(summarizeWall(reconnecting, NOW)).toMatchObject({ verdict: 'stale', linksDown: 1 });
    const degraded = wall(all, healthy, { endpoints: [link('degraded')] });
    expect(summarizeWall(degraded, NOW)).toMatchObject({
      verdict: 'stale',
      linksDown: 0,
      linksDegraded: 1,
    });
    const lost = wall(all, healthy, { connection: 'lost' });
    expect(summarizeWall(lost, NOW)).toMatchObject({ verdict: 'stale', linksDown: 1 });
  });

  it('still puts a critical alert above a blind spot', () => {
    const alerts = [alert(errors, 'critical', 'firing')];
    const store = wall(
      all,
      { [errors.key]: sampled(31) },
      { endpoints: [link('degraded')], alerts },
    );
    expect(summarizeWall(store, NOW).verdict).toBe('critical');
  });
});
