// Selectors shared by views; list selectors are meant for `useShallow`.
import type { ActionRecord, EndpointStatus } from '../../../shared/console-api';
import type { Level } from '../../../shared/protocol';
import type { ConsoleStore } from './console-store';

export const selectSeriesKeysOfLevel =
  (level: Level) =>
  (store: ConsoleStore): string[] =>
    Object.values(store.series)
      .filter((series) => series.level === level)
      .map((series) => series.key);

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

/** An endpoint's name, only when several share the wall and it tells them apart. */
export const selectEndpointLabel =
  (endpointId: string) =>
  (store: ConsoleStore): string | undefined =>
    store.endpoints.length > 1 ? selectEndpoint(endpointId)(store)?.name : undefined;
