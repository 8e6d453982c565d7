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

describe('tallyAlerts through the header', () => {
  const alert = (severity: Alert['severity'], state: Alert['state'] = 'firing'): Alert => ({
    ...firing(`demo/${severity}.${state}`, severity),
    state,
  });

  it('counts pending alerts, and stale and no-data firings as blind', () => {
    const status = overallStatus(
      inputs({
        alerts: [alert('critical', 'pending'), alert('warning', 'pending'), alert('stale')],
      }),
    );
    expect(status.alerts).toEqual({ firing: 1, critical: 0, warning: 0, blind: 1, pending: 2 });
    const nodata = overallStatus(inputs({ alerts: [alert('nodata')] }));
    expect(nodata.alerts).toMatchObject({ firing: 1, blind: 1 });
  });

  it('a blip is one that was resolved without firing, not a pending or a fired alert', () => {
    const resolved = { ...alert('critical'), state: 'resolved' as const };
    expect(neverFired(resolved)).toBe(false);
    expect(neverFired(alert('critical'))).toBe(false);
    expect(neverFired({ ...alert('critical', 'pending'), firedAt: undefined })).toBe(false);
  });
});

describe('overallStatus reasons and verdict', () => {
  const fresh = series.map((one) => ({ ...one, status: 'ok' as const }));

  it('is ok with no reason when every series is fresh and every link open', () => {
    const status = overallStatus(inputs({ alerts: [], series: fresh }));
    expect(status).toMatchObject({ verdict: 'ok', reasons: [], linksDown: 0, linksDegraded: 0 });
    expect(status).not.toHaveProperty('nextStep');
  });

  it('names each blind spot in the words the header shows, singular and plural', () => {
    const mixed: WatchedSeries[] = [
      billing(1, { status: 'error' }),
      billing(2, { status: 'error' }),
      billing(3, { status: 'stale' }),
      billing(4, { status: 'nodata' }),
      billing(5, { status: 'ok' }),
    ];
    const pending: Alert = { ...firing(series[0]!.key), state: 'pending' };
    const status = overallStatus({
      alerts: [pending],
      endpoints: [
        { id: 'demo', name: 'Demo SaaS', state: 'open' },
        { id: 'a', name: 'A', state: 'failed' },
        { id: 'b', name: 'B', state: 'reconnecting' },
        { id: 'c', name: 'C', state: 'degraded' },
      ],
      series: mixed,
    });
    expect(status.verdict).toBe('stale');
    expect(status.linksDegraded).toBe(1);
    expect(status.reasons).toEqual([
      '2 series errors',
      '1 stale',
      '1 no data',
      '2 links down',
      '1 link degraded',
      '1 pending',
    ]);
  });

  it('says "1 series error" and "1 link down" for one of each', () => {
    const status = overallStatus(
      inputs({
        alerts: [],
        series: [billing(1, { status: 'error' }), billing(2, { status: 'ok' })],
        endpoints: [
          { id: 'demo', name: 'Demo SaaS', state: 'open' },
          { id: 'x', name: 'X', state: 'failed' },
        ],
      }),
    );
    expect(status.reasons).toEqual(['1 series error', '1 link down']);
  });

  it('asks for an endpoint when there is none', () => {
    const status = overallStatus({ alerts: [], endpoints: [], series: [] });
    expect(status).toMatchObject({
      verdict: 'nodata',
      nextStep: 'add-endpoint',
      reasons: ['no endpoints'],
    });
  });

  it('does not ask for an endpoint when the page lost its host: its links are down', () => {
    const status = overallStatus({ alerts: [], endpoints: [], series: [], hostLost: true });
    expect(status).toMatchObject({
      verdict: 'nodata',
      nextStep: 'check-connections',
      linksDown: 1,
      reasons: ['1 link down', 'no series to watch'],
    });
  });

  it('sends the operator to the connections when there is no series or none is fresh', () => {
    const empty = overallStatus(inputs({ alerts: [], series: [] }));
    expect(empty).toMatchObject({
      verdict: 'nodata',
      nextStep: 'check-connections',
      reasons: ['no series to watch'],
    });
    const stale = fresh.map((one) => ({ ...one, status: 'stale' as const }));
    const blind = overallStatus(inputs({ alerts: [], series: stale }));
    expect(blind).toMatchObject({ verdict: 'nodata', nextStep: 'check-connections' });
    const oneFresh = overallStatus(inputs({ alerts: [], series: [...stale.slice(1), fresh[0]!] }));
    expect(oneFresh.verdict).toBe('stale');
    expect(oneFresh).not.toHaveProperty('nextStep');
  });
});

describe('serviceHealth branches', () => {
  const quiet = (extra: Partial<StatusInputs> = {}) =>
    inputs({
      alerts: [],
      series: series.map((one) => ({ ...one, status: 'ok' as const })),
      ...extra,
    });

  it('is healthy when its fresh series fire nothing', () => {
    expect(serviceHealth(production, 'healthy', quiet())).toEqual({
      status: 'healthy',
      reported: 'healthy',
    });
  });

  it('ignores the same service on another endpoint', () => {
    const elsewhere = series.map((one) => ({
      ...one,
      key: one.key.replace('demo/', 'other/'),
      endpointId: 'other',
    }));
    const alerts = elsewhere.slice(0, 3).map((one) => firing(one.key));
    const health = serviceHealth(
      production,
      'healthy',
      inputs({ alerts, series: [...elsewhere, billing(9, { status: 'ok' })] }),
    );
    expect(health).toEqual({ status: 'healthy', reported: 'healthy' });
  });

  it('says the console host was lost rather than naming the endpoint', () => {
    expect(serviceHealth(production, 'healthy', quiet({ hostLost: true }))).toEqual({
      status: 'unknown',
      reported: 'healthy',
      reason: 'console host lost',
    });
  });

  it('keeps a reported failure, with or without alerts', () => {
    expect(serviceHealth(production, 'failed', quiet())).toEqual({
      status: 'failed',
      reported: 'failed',
    });
    expect(serviceHealth(production, 'failed', inputs())).toEqual({
      status: 'failed',
      reported: 'failed',
      reason: '3 critical alerts',
    });
  });

  it('keeps a deployment in progress without a reason when nothing fires', () => {
    expect(serviceHealth(production, 'deploying', quiet())).toEqual({
      status: 'deploying',
      reported: 'deploying',
    });
  });

  it('is unknown when its series read only no data and errors', () => {
    const blind = [billing(1, { status: 'nodata' }), billing(2, { status: 'error' })];
    expect(serviceHealth(production, 'healthy', quiet({ series: blind }))).toEqual({
      status: 'unknown',
      reported: 'healthy',
      reason: 'no fresh data',
    });
  });

  it('passes on a reported degradation with its reason', () => {
    expect(serviceHealth(production, 'degraded', quiet())).toEqual({
      status: 'degraded',
      reported: 'degraded',
      reason: 'reported degraded',
    });
  });
});
