// Selectors shared by features; list selectors are meant for `useShallow`.
import type { ActionRecord } from '../../../shared/api/actions';
import type { EndpointStatus } from '../../../shared/api/links';
import type { StatusInputs, WatchedSeries } from '../../../shared/rules/status-model';
import { seriesStatus } from '../../../shared/rules/series-status';
import type { ConsoleStore } from './console-store';
import { latestSample } from './points-window';

export const selectEndpoint =
  (endpointId: string) =>
  (store: ConsoleStore): EndpointStatus | undefined =>
    store.endpoints.find((endpoint) => endpoint.id === endpointId);

/** The most recently submitted action on one service in one environment. */
export const selectLatestAction =
  (endpointId: string, service: string, environment: string) =>
  (store: ConsoleStore): ActionRecord | undefined => {
    let latest: ActionRecord | undefined;
    for (const record of Object.values(store.actions)) {
      const mine =
        record.endpointId === endpointId &&
        record.args.service === service &&
        record.args.environment === environment;
      if (mine && (!latest || record.submittedAt >= latest.submittedAt)) latest = record;
    }
    return latest;
  };

/**
 * An endpoint's label, only when several share the wall: its name, told
 * apart by its port (or else its id) when another endpoint has the same name.
 */
export const selectEndpointLabel =
  (endpointId: string) =>
  (store: ConsoleStore): string | undefined => {
    if (store.endpoints.length < 2) return undefined;
    const endpoint = selectEndpoint(endpointId)(store);
    if (!endpoint) return endpointId;
    const shared = store.endpoints.some(
      (other) => other.id !== endpoint.id && other.name === endpoint.name,
    );
    if (!shared) return endpoint.name;
    const port = /:(\d+)(?:\/|$)/.exec(endpoint.id)?.[1];
    return port ? `${endpoint.name} :${port}` : endpoint.id;
  };

/**
 * The same, as short as a tile's title row needs: the name, or only the port
 * (else the id) when the name does not tell the endpoint apart.
 */
export const selectEndpointTag =
  (endpointId: string) =>
  (store: ConsoleStore): string | undefined => {
    const label = selectEndpointLabel(endpointId)(store);
    const port = /\s(:\d+)$/.exec(label ?? '')?.[1];
    return port ?? label;
  };

/**
 * What the status model reads (shared/rules/status-model.ts): the core's
 * alerts, the links, and each series as its tile reads it now, on the
 * console's clock (endpoint times corrected for the link's measured skew).
 */
export function selectStatusInputs(store: ConsoleStore, now: number): StatusInputs {
  const skew = new Map(store.endpoints.map((endpoint) => [endpoint.id, endpoint.clockSkewMs ?? 0]));
  const series = Object.values(store.series).map((one): WatchedSeries => {
    const sample = latestSample(store.points[one.key]);
    const status =
      one.error !== undefined
        ? 'error'
        : seriesStatus(
            sample?.t,
            sample?.v,
            one.intervalMs,
            now,
            one.thresholds,
            skew.get(one.endpointId),
          );
    const environment = one.attributes?.environment;
    return {
      key: one.key,
      endpointId: one.endpointId,
      status,
      ...(one.service ? { service: one.service } : {}),
      ...(environment ? { environment } : {}),
    };
  });
  return {
    alerts: store.alerts,
    endpoints: store.endpoints,
    series,
    hostLost: store.connection === 'lost',
  };
}
