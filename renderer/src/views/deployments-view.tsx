// Every service in every environment, larger than on the wall, with the
// endpoints' recent events (deploys, rollbacks, flags, scaling) beside them.
import { DeploymentsStrip } from '../components/deployments-strip';
import { eventDetail, eventLabel } from '../components/chart-markers';
import { useConsoleStore } from '../store/console-store';

const SHOWN_EVENTS = 100;

export function DeploymentsView() {
  const events = useConsoleStore((store) => store.events);
  const newestFirst = events.slice(-SHOWN_EVENTS).reverse();
  return (
    <main
      className="deployments-view"
      data-testid="deployments-view"
      aria-labelledby="deployments-title"
    >
      {/* The strip is the "Deployments" region itself. */}
      <div className="deployments-view__cards">
        <h2 className="alerts__title" id="deployments-title">
          Deployments
        </h2>
        <DeploymentsStrip />
      </div>
      <section className="deployments-view__events" aria-labelledby="events-title">
        <h2 className="alerts__title" id="events-title">
          Events
        </h2>
        {newestFirst.length === 0 ? (
          <p className="alerts__empty">No events yet.</p>
        ) : (
          <ol className="event-list" data-testid="event-list">
            {newestFirst.map((event) => (
              <li key={`${event.endpointId}/${event.id}`} className="event-list__entry">
                <span className="event-list__label">{eventLabel(event)}</span>
                <span className="event-list__detail">{eventDetail(event)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
