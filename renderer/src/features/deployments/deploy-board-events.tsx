// The event history of one service in one environment (deploys, rollbacks,
// builds, flags, scaling), newest first: the endpoint's events whose subject
// is `service/environment`.
import { useShallow } from 'zustand/react/shallow';
import { useConsoleStore } from '../../store/console-store';
import { eventDetail, eventLabel } from '../../ui/chart/chart-markers';

const SHOWN = 20;

interface EventsProps {
  endpointId: string;
  serviceId: string;
  environmentId: string;
}

export function DeployBoardEvents({ endpointId, serviceId, environmentId }: EventsProps) {
  const subject = `${serviceId}/${environmentId}`;
  const events = useConsoleStore(
    useShallow((store) =>
      store.events.filter((event) => event.endpointId === endpointId && event.subject === subject),
    ),
  );
  const newestFirst = events.slice(-SHOWN).reverse();
  return (
    <section className="board-section" aria-label={`Events of ${subject}`}>
      <h4 className="board-section__title">History</h4>
      {newestFirst.length === 0 ? (
        <p className="board-muted">No events yet.</p>
      ) : (
        <ol className="event-list board-events" data-testid="board-events">
          {newestFirst.map((event) => (
            <li key={event.id} className="event-list__entry" data-type={event.type}>
              <span className="event-list__label">{eventLabel(event)}</span>
              <span className="event-list__detail">{eventDetail(event)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
