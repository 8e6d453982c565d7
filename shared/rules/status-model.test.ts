import { describe, expect, it } from 'vitest';
import type { Alert } from '../api/alerts';
import {
  neverFired,
  overallStatus,
  serviceHealth,
  type StatusInputs,
  type WatchedSeries,
} from './status-model';

const billing = (index: number, extra: Partial<WatchedSeries> = {}): WatchedSeries => ({
  key: `demo/billing.${index}`,
  endpointId: 'demo',
  service: 'billing',
  status: 'critical',
  ...extra,
});

const firing = (seriesKey: string, severity: Alert['severity'] = 'critical'): Alert => ({
  id: `alert-${seriesKey}`,
  seriesKey,
  endpointId: 'demo',
  title: seriesKey,
  severity,
  state: 'firing',
  since: 1_000,
  firedAt: 2_000,
});

const series = [billing(1), billing(2), billing(3), billing(4, { status: 'ok' })];
const inputs = (extra: Partial<StatusInputs> = {}): StatusInputs => ({
  alerts: series.slice(0, 3).map((one) => firing(one.key)),
  endpoints: [{ id: 'demo', name: 'Demo SaaS', state: 'open' }],
  series,
  ...extra,
});
const production = {
  endpointId: 'demo',
  service: 'billing',
  environment: 'production',
  environments: ['production', 'staging'],
};

describe('serviceHealth', () => {
  it('overrules a reported healthy with its firing alerts, and says why', () => {
    expect(serviceHealth(production, 'healthy', inputs())).toEqual({
      status: 'degraded',
      reported: 'healthy',
      reason: '3 critical alerts',
    });
  });

  it('keeps an unlabelled series to the production environment', () => {
    const staging = { ...production, environment: 'staging' };
    expect(serviceHealth(staging, 'healthy', inputs()).status).toBe('healthy');
  });

  it('reads a series labelled with an environment for that environment only', () => {
    const labelled = series.map((one) => ({ ...one, environment: 'staging' }));
    const staging = { ...production, environment: 'staging' };
    expect(serviceHealth(staging, 'healthy', inputs({ series: labelled })).status).toBe('degraded');
    expect(serviceHealth(production, 'healthy', inputs({ series: labelled })).status).toBe(
      'healthy',
    );
  });

  it('keeps a rollback in progress visible, with the alerts as its reason', () => {
    expect(serviceHealth(production, 'rolling-back', inputs())).toMatchObject({
      status: 'rolling-back',
      reason: '3 critical alerts',
    });
  });

  it('is unknown, naming the endpoint, while its link is down', () => {
    const down = inputs({ endpoints: [{ id: 'demo', name: 'Demo SaaS', state: 'reconnecting' }] });
    expect(serviceHealth(production, 'healthy', down)).toMatchObject({
      status: 'unknown',
      reason: 'Demo SaaS unreachable',
    });
  });

  it('is unknown when none of its series has fresh data', () => {
    const stale = series.map((one) => ({ ...one, status: 'stale' as const }));
    expect(
      serviceHealth(production, 'healthy', inputs({ alerts: [], series: stale })),
    ).toMatchObject({ status: 'unknown', reason: 'no fresh data' });
  });
});

describe('overallStatus', () => {
  it('names what it counts, worst first', () => {
    const status = overallStatus(
      inputs({ alerts: [firing(series[0]!.key), firing(series[1]!.key, 'warning')] }),
    );
    expect(status.verdict).toBe('critical');
    expect(status.reasons).toEqual(['1 critical', '1 warning']);
  });

  it('counts an alert that never fired as no alert at all', () => {
    const blip: Alert = { ...firing(series[0]!.key), state: 'resolved', firedAt: undefined };
    expect(neverFired(blip)).toBe(true);
    expect(overallStatus(inputs({ alerts: [blip] })).alerts.firing).toBe(0);
  });
});
