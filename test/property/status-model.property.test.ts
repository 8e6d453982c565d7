// Whatever the alerts, links and staleness, the header's verdict, its alert
// count and the service cards tell one story: they are all read from the one
// status model, and these properties hold over random console states.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/api/alerts';
import { LINK_STATES } from '../../shared/api/links';
import {
  overallStatus,
  serviceHealth,
  speaksFor,
  tallyAlerts,
  type ServicePlace,
  type StatusInputs,
  type WatchedSeries,
} from '../../shared/rules/status-model';
import { isLinkLive } from '../../shared/rules/link-liveness';

const ENDPOINTS = ['demo', 'eu'];
const SERVICES = ['billing', 'web', undefined];
const ENVIRONMENTS = ['production', 'staging'];
const REPORTED = ['healthy', 'degraded', 'deploying', 'rolling-back', 'failed'] as const;

const watchedSeries = fc.record({
  endpointId: fc.constantFrom(...ENDPOINTS),
  service: fc.constantFrom(...SERVICES),
  environment: fc.constantFrom(undefined, ...ENVIRONMENTS),
  status: fc.constantFrom('ok', 'warning', 'critical', 'stale', 'nodata', 'error' as const),
});

const alertOn = fc.record({
  severity: fc.constantFrom('warning', 'critical', 'stale', 'nodata' as const),
  state: fc.constantFrom('pending', 'firing', 'resolved' as const),
  pick: fc.nat(),
});

const consoleState = fc
  .record({
    series: fc.array(watchedSeries, { maxLength: 12 }),
    alerts: fc.array(alertOn, { maxLength: 12 }),
    links: fc.array(fc.constantFrom(...LINK_STATES), { minLength: 0, maxLength: 2 }),
    hostLost: fc.boolean(),
    reported: fc.constantFrom(...REPORTED),
  })
  .map(({ series, alerts, links, hostLost, reported }) => {
    const watched: WatchedSeries[] = series.map((one, index) => ({
      key: `${one.endpointId}/s${index}`,
      endpointId: one.endpointId,
      status: one.status,
      ...(one.service ? { service: one.service } : {}),
      ...(one.environment ? { environment: one.environment } : {}),
    }));
    const raised: Alert[] = watched.length
      ? alerts.map((one, index) => {
          const target = watched[one.pick % watched.length] as WatchedSeries;
          return {
            id: `alert-${index}`,
            seriesKey: target.key,
            endpointId: target.endpointId,
            title: target.key,
            severity: one.severity,
            state: one.state,
            since: 1_000,
            ...(one.state === 'pending' ? {} : { firedAt: 2_000 }),
            ...(target.service ? { service: target.service } : {}),
          };
        })
      : [];
    const endpoints = links.map((state, index) => ({
      id: ENDPOINTS[index] as string,
      name: ENDPOINTS[index] as string,
      state,
    }));
    const inputs: StatusInputs = { alerts: raised, endpoints, series: watched, hostLost };
    return { inputs, reported };
  });

/** Every card the deployments board and the wall would show. */
function cards(inputs: StatusInputs) {
  return inputs.endpoints.flatMap((endpoint) =>
    ['billing', 'web'].flatMap((service) =>
      ENVIRONMENTS.map((environment): ServicePlace => ({
        endpointId: endpoint.id,
        service,
        environment,
        environments: ENVIRONMENTS,
      })),
    ),
  );
}

/** Firing threshold alerts on the series a card speaks for. */
function firingOn(place: ServicePlace, inputs: StatusInputs, severity: 'critical' | 'warning') {
  return inputs.alerts.filter((alert) => {
    const series = inputs.series.find((one) => one.key === alert.seriesKey);
    return (
      alert.state === 'firing' &&
      alert.severity === severity &&
      series?.endpointId === place.endpointId &&
      series.service === place.service &&
      speaksFor(series.environment, place)
    );
  }).length;
}

describe('the status model', () => {
  it('gives the pill and the alert count the same numbers and the same worst', () => {
    fc.assert(
      fc.property(consoleState, ({ inputs }) => {
        const pill = overallStatus(inputs);
        const count = tallyAlerts(inputs.alerts);
        expect(pill.alerts).toEqual(count);
        expect(pill.verdict === 'critical').toBe(count.critical > 0);
        expect(pill.verdict === 'warning').toBe(count.critical === 0 && count.warning > 0);
        if (count.critical > 0) expect(pill.reasons).toContain(`${count.critical} critical`);
        if (count.warning > 0) expect(pill.reasons).toContain(`${count.warning} warning`);
      }),
      { numRuns: 500 },
    );
  });

  it('never reads OK while anything is unseen: no endpoints, a link down, or stale data', () => {
    fc.assert(
      fc.property(consoleState, ({ inputs }) => {
        const pill = overallStatus(inputs);
        const unseen = inputs.series.some(
          (one) => !['ok', 'warning', 'critical'].includes(one.status),
        );
        const linkDown = inputs.hostLost || inputs.endpoints.some((e) => e.state !== 'open');
        if (inputs.endpoints.length === 0 || inputs.series.length === 0 || unseen || linkDown) {
          expect(pill.verdict).not.toBe('ok');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never shows a card healthy while its alerts fire or its link is down, and says why', () => {
    fc.assert(
      fc.property(consoleState, ({ inputs, reported }) => {
        const pill = overallStatus(inputs);
        for (const place of cards(inputs)) {
          const health = serviceHealth(place, reported, inputs);
          const critical = firingOn(place, inputs, 'critical');
          const warning = firingOn(place, inputs, 'warning');
          const endpoint = inputs.endpoints.find((e) => e.id === place.endpointId);
          const live = !inputs.hostLost && endpoint !== undefined && isLinkLive(endpoint.state);
          if (!live) {
            expect(health.status).toBe('unknown');
            expect(pill.verdict).not.toBe('ok');
            continue;
          }
          if (critical > 0) {
            expect(health.status).not.toBe('healthy');
            expect(health.reason).toBe(`${critical} critical alert${critical > 1 ? 's' : ''}`);
            expect(pill.verdict).toBe('critical');
          } else if (warning > 0) {
            expect(health.status).not.toBe('healthy');
            expect(health.reason).toBe(`${warning} warning alert${warning > 1 ? 's' : ''}`);
            expect(['critical', 'warning']).toContain(pill.verdict);
          }
          if (health.status === 'healthy') expect(critical + warning).toBe(0);
          if (pill.verdict === 'ok' && reported === 'healthy')
            expect(health.status).toBe('healthy');
          expect(critical).toBeLessThanOrEqual(pill.alerts.critical);
        }
      }),
      { numRuns: 500 },
    );
  });
});
