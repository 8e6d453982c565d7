import { describe, expect, it } from 'vitest';
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

describe('summarizeWall', () => {
  it('reads all clear only when every series has a fresh sample within bounds', () => {
    const summary = summarizeWall(wall([availability, errors, users], healthy), NOW);
    expect(summary.status).toBe('ok');
    expect(summary.counts.ok).toBe(3);
  });

  it('reads the worst status of the series: a bad deploy is critical', () => {
    const badDeploy = { ...healthy, [availability.key]: sampled(99.42), [errors.key]: sampled(9) };
    const summary = summarizeWall(wall([availability, errors, users], badDeploy), NOW);
    expect(summary.status).toBe('critical');
    expect(summary.counts).toMatchObject({ critical: 1, warning: 1, ok: 1 });
  });

  it('never reads a series without data as all clear', () => {
    const { [errors.key]: _missing, ...rest } = healthy;
    const summary = summarizeWall(wall([availability, errors, users], rest), NOW);
    expect(summary.status).toBe('stale');
    expect(summary.counts.nodata).toBe(1);
  });

  it('never reads a wall whose series all lack data as all clear', () => {
    expect(summarizeWall(wall([availability, errors, users], {}), NOW).status).toBe('stale');
  });

  it('never reads a wall with nothing on it as all clear', () => {
    expect(summarizeWall(wall([], {}, { endpoints: [] }), NOW).status).toBe('stale');
  });

  it('calls a series that stopped updating a blind spot', () => {
    const late = { ...healthy, [users.key]: sampled(4820, 3_001) };
    const summary = summarizeWall(wall([availability, errors, users], late), NOW);
    expect(summary.status).toBe('stale');
    expect(summary.counts.stale).toBe(1);
  });

  it('calls a series whose query fails a blind spot, whatever its last value', () => {
    const failing = { ...errors, error: 'query timed out' };
    const summary = summarizeWall(wall([availability, failing, users], healthy), NOW);
    expect(summary.status).toBe('stale');
    expect(summary.counts.error).toBe(1);
  });

  it('counts links that are down or degraded, and a lost host, as blind spots', () => {
    const series = [availability, errors, users];
    const reconnecting = wall(series, healthy, { endpoints: [link('reconnecting')] });
    expect(summarizeWall(reconnecting, NOW)).toMatchObject({ status: 'stale', linksDown: 1 });
    const degraded = wall(series, healthy, { endpoints: [link('degraded')] });
    expect(summarizeWall(degraded, NOW)).toMatchObject({
      status: 'stale',
      linksDown: 0,
      linksDegraded: 1,
    });
    const lost = wall(series, healthy, { connection: 'lost' });
    expect(summarizeWall(lost, NOW)).toMatchObject({ status: 'stale', linksDown: 1 });
  });

  it('still puts a critical series above a blind spot', () => {
    const summary = summarizeWall(
      wall(
        [availability, errors, users],
        { [errors.key]: sampled(31) },
        {
          endpoints: [link('degraded')],
        },
      ),
      NOW,
    );
    expect(summary.status).toBe('critical');
  });
});
