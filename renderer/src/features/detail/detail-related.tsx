// What surrounds a series in its detail view: its service's deployments (with
// their guarded roll back), the actions taken on that service, and the events
// that mark its chart.
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

export function DetailEvents({ series }: { series: ConsoleSeries }) {
  const events = useConsoleStore((store) => store.events);
  const markers = markersOf(useConsoleStore.getState(), series)
    .filter((marker) => marker.kind === 'event')
    .slice(-20)
    .reverse();
  if (series.service === undefined) return null;
  if (markers.length === 0 || events.length === 0) {
    return <p className="detail__none">No events for {series.service} yet.</p>;
  }
  return (
    <ul className="detail__list" data-testid="detail-events">
      {markers.map((marker, index) => (
        <li key={`${marker.at}-${index}`} className="detail__event">
          <span className="detail__event-label">{marker.label}</span> {marker.detail}
        </li>
      ))}
    </ul>
  );
}
