// One status model for the whole console: the header's verdict, its alert count
// and every service card are read from here, so they cannot contradict each other.
// Alerts are the core's (hysteresis applied once, in the main process); staleness
// is what the tiles show; link states are the links'. Anything the console cannot
// see is a blind spot or "no data", never OK.
import type { Alert } from '../api/alerts';
import type { EndpointStatus } from '../api/links';
import type { EnvironmentState } from '../protocol';
import { isLinkLive } from './link-liveness';

/** What a series' tile reads now (SeriesStatus, or `error` for a failing query). */
export type WatchedStatus = 'ok' | 'warning' | 'critical' | 'stale' | 'nodata' | 'error';

export interface WatchedSeries {
  key: string;
  endpointId: string;
  service?: string;
  /** The series' `environment` attribute, when it has one. */
  environment?: string;
  status: WatchedStatus;
}

export type WatchedEndpoint = Pick<EndpointStatus, 'id' | 'name' | 'state' | 'lastError'>;

export interface StatusInputs {
  alerts: readonly Alert[];
  endpoints: readonly WatchedEndpoint[];
  series: readonly WatchedSeries[];
  /** The page lost its console host: nothing it shows is live. */
  hostLost?: boolean;
}

/** Open alerts as the header counts them. */
export interface AlertTally {
  /** Firing alerts of every severity: the header's "N active alerts". */
  firing: number;
  critical: number;
  warning: number;
  /** Firing stale / no-data / unreachable alerts. */
  blind: number;
  pending: number;
}

export type Verdict = 'ok' | 'warning' | 'critical' | 'stale' | 'nodata';

/** What the operator can do about a console that sees nothing. */
export type NextStep = 'add-endpoint' | 'check-connections';

export interface OverallStatus {
  verdict: Verdict;
  alerts: AlertTally;
  /** Series by what their tiles read. */
  readings: Record<WatchedStatus, number>;
  linksDown: number;
  linksDegraded: number;
  /** Short phrases, worst first: "3 critical", "1 link down". */
  reasons: string[];
  nextStep?: NextStep;
}

const isBlindSeverity = (alert: Alert): boolean =>
  alert.severity === 'stale' || alert.severity === 'nodata';

/** A resolved alert that never fired was a blip: not an alert an operator had. */
export const neverFired = (alert: Alert): boolean =>
  alert.state === 'resolved' && alert.firedAt === undefined;

export function tallyAlerts(alerts: readonly Alert[]): AlertTally {
  const tally: AlertTally = { firing: 0, critical: 0, warning: 0, blind: 0, pending: 0 };
  for (const alert of alerts) {
    // Muted by an unreachable endpoint's alert: counted once, as that alert.
    if (alert.inhibitedBy !== undefined) continue;
    if (alert.state === 'pending') tally.pending += 1;
    if (alert.state !== 'firing') continue;
    tally.firing += 1;
    if (alert.severity === 'critical') tally.critical += 1;
    else if (alert.severity === 'warning') tally.warning += 1;
    else if (isBlindSeverity(alert)) tally.blind += 1;
  }
  return tally;
}

function countReadings(series: readonly WatchedSeries[]): Record<WatchedStatus, number> {
  const counts: Record<WatchedStatus, number> = {
    ok: 0,
    warning: 0,
    critical: 0,
    stale: 0,
    nodata: 0,
    error: 0,
  };
  for (const one of series) counts[one.status] += 1;
  return counts;
}

const plural = (count: number, word: string): string => `${count} ${word}${count > 1 ? 's' : ''}`;

export function overallStatus(inputs: StatusInputs): OverallStatus {
  const alerts = tallyAlerts(inputs.alerts);
  const readings = countReadings(inputs.series);
  const linksDown =
    inputs.endpoints.filter((endpoint) => !isLinkLive(endpoint.state)).length +
    (inputs.hostLost ? 1 : 0);
  const linksDegraded = inputs.endpoints.filter((e) => e.state === 'degraded').length;
  const unseen = readings.stale + readings.nodata + readings.error;
  const nextStep = nextStepFor(inputs, unseen);
  const blindSpots = unseen + alerts.blind + linksDown + linksDegraded;
  const verdict: Verdict =
    alerts.critical > 0
      ? 'critical'
      : alerts.warning > 0
        ? 'warning'
        : nextStep
          ? 'nodata'
          : blindSpots > 0
            ? 'stale'
            : 'ok';
  const reasons = [
    alerts.critical && `${alerts.critical} critical`,
    alerts.warning && `${alerts.warning} warning`,
    readings.error && plural(readings.error, 'series error'),
    readings.stale && `${readings.stale} stale`,
    readings.nodata && `${readings.nodata} no data`,
    linksDown && `${plural(linksDown, 'link')} down`,
    linksDegraded && `${plural(linksDegraded, 'link')} degraded`,
    alerts.pending && `${alerts.pending} pending`,
  ].filter((reason): reason is string => typeof reason === 'string');
  if (inputs.endpoints.length === 0 && !inputs.hostLost) reasons.unshift('no endpoints');
  else if (inputs.series.length === 0) reasons.push('no series to watch');
  return {
    verdict,
    alerts,
    readings,
    linksDown,
    linksDegraded,
    reasons,
    ...(nextStep ? { nextStep } : {}),
  };
}

/** No endpoints, no series, or nothing fresh: the console sees nothing at all. */
function nextStepFor(inputs: StatusInputs, unseen: number): NextStep | undefined {
  if (inputs.endpoints.length === 0 && !inputs.hostLost) return 'add-endpoint';
  if (inputs.series.length === 0 || unseen === inputs.series.length) return 'check-connections';
  return undefined;
}

// ---- Service health ----

/** The environment a series without an `environment` attribute speaks for. */
export const PRIMARY_ENVIRONMENT = 'production';

export interface ServicePlace {
  endpointId: string;
  service: string;
  environment: string;
  /** Every environment of the service, to tell where unlabelled series belong. */
  environments: readonly string[];
}

export type ServiceVerdict = EnvironmentState['status'] | 'unknown';

export interface ServiceHealth {
  status: ServiceVerdict;
  /** What the endpoint itself reports for the environment. */
  reported: EnvironmentState['status'];
  /** Why the status differs from a plain healthy: "3 critical alerts". */
  reason?: string;
}

/** Whether a series (by its environment attribute) speaks for this environment. */
export function speaksFor(seriesEnvironment: string | undefined, place: ServicePlace): boolean {
  if (seriesEnvironment !== undefined) return seriesEnvironment === place.environment;
  const hasPrimary = place.environments.includes(PRIMARY_ENVIRONMENT);
  return !hasPrimary || place.environment === PRIMARY_ENVIRONMENT;
}

function seriesOf(place: ServicePlace, inputs: StatusInputs): WatchedSeries[] {
  return inputs.series.filter(
    (one) =>
      one.endpointId === place.endpointId &&
      one.service === place.service &&
      speaksFor(one.environment, place),
  );
}

/**
 * An environment's health: what its endpoint reports, overruled by the alerts
 * firing on its series and by its link. A card never reads healthy while its
 * service's alerts fire or its endpoint cannot be reached.
 */
export function serviceHealth(
  place: ServicePlace,
  reported: EnvironmentState['status'],
  inputs: StatusInputs,
): ServiceHealth {
  const endpoint = inputs.endpoints.find((one) => one.id === place.endpointId);
  if (inputs.hostLost || !endpoint || !isLinkLive(endpoint.state)) {
    const name = endpoint?.name ?? place.endpointId;
    const why = inputs.hostLost ? 'console host lost' : `${name} unreachable`;
    return { status: 'unknown', reported, reason: why };
  }
  const series = seriesOf(place, inputs);
  const keys = new Set(series.map((one) => one.key));
  const alerts = tallyAlerts(inputs.alerts.filter((alert) => keys.has(alert.seriesKey)));
  const alerting = alerts.critical > 0 ? 'critical' : alerts.warning > 0 ? 'warning' : undefined;
  const count = alerting === 'critical' ? alerts.critical : alerts.warning;
  const alertReason = alerting && `${count} ${alerting} alert${count > 1 ? 's' : ''}`;
  if (reported === 'failed') return { status: 'failed', reported, reason: alertReason };
  if (reported === 'deploying' || reported === 'rolling-back') {
    return alertReason
      ? { status: reported, reported, reason: alertReason }
      : { status: reported, reported };
  }
  if (alertReason) return { status: 'degraded', reported, reason: alertReason };
  const blind = series.filter((one) => ['stale', 'nodata', 'error'].includes(one.status)).length;
  if (series.length > 0 && blind === series.length) {
    return { status: 'unknown', reported, reason: 'no fresh data' };
  }
  if (reported === 'degraded') return { status: 'degraded', reported, reason: 'reported degraded' };
  return { status: 'healthy', reported };
}
