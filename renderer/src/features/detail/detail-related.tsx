// What surrounds a series in its detail view: its service's deployments (with
// their guarded roll back), the actions taken on that service, and the changes
// that mark its chart, as sentences.
import { useShallow } from 'zustand/react/shallow';
import type { ConsoleSeries } from '../../../../shared/api/series';
import { useConsoleStore } from '../../store/console-store';
import { ActionStatus } from '../actions';
import { markersOf } from '../../ui/chart/chart-markers';
import { ServiceCard } from '../deployments';

export function DetailDeployments({ series }: { series: ConsoleSeries }) {
  const service = useConsoleStore((store) =>
    store.deployments
      .find((entry) => entry.endpointId === series.endpointId)
      ?.services.find((candidate) => candidate.id === series.service),
  );
  if (series.service === undefined) {
    return <p className="detail__none">This series belongs to no service.</p>;
  }
  if (!service) {
    return <p className="detail__none">No deployments reported for {series.service}.</p>;
  }
  return (
    <div className="detail__cards">
      {service.environments.map((environment) => (
        <ServiceCard
          key={environment.id}
          endpointId={series.endpointId}
          service={service}
          environment={environment}
        />
      ))}
    </div>
  );
}

export function DetailActions({ series }: { series: ConsoleSeries }) {
  const records = useConsoleStore(
    useShallow((store) =>
      Object.values(store.actions)
        .filter(
          (record) =>
            record.endpointId === series.endpointId && record.args.service === series.service,
        )
        .sort((a, b) => b.submittedAt - a.submittedAt),
    ),
  );
  if (series.service === undefined) return null;
  if (records.length === 0) {
    return <p className="detail__none">No actions on {series.service} from this console.</p>;
  }
  return (
    <ul className="detail__list" data-testid="detail-actions">
      {records.map((record) => (
        <li key={record.key}>
          <ActionStatus record={record} />
        </li>
      ))}
    </ul>
  );
}

/** Every deploy, rollback, flag flip, ring change and action in the chart's window, newest first. */
export function DetailChanges({ series, since }: { series: ConsoleSeries; since: number }) {
  // Read again whenever what makes a marker changes.
  useConsoleStore(useShallow((store) => [store.events, store.actions, store.deployments]));
  const changes = markersOf(useConsoleStore.getState(), series)
    .filter((marker) => marker.at >= since)
    .slice(-30)
    .reverse();
  if (series.service === undefined) return null;
  if (changes.length === 0) {
    return <p className="detail__none">No changes to {series.service} in this window.</p>;
  }
  return (
    <ul className="detail__list" data-testid="detail-events">
      {changes.map((marker, index) => (
        <li
          key={`${marker.at}-${index}`}
          className="detail__event"
          data-testid="detail-change"
          data-kind={marker.kind}
          data-at={marker.at}
        >
          {marker.detail}
        </li>
      ))}
    </ul>
  );
}
