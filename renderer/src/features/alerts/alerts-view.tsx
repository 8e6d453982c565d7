// The alerts view: open alerts (worst and oldest first) with acknowledgement,
// the recently resolved, and the timeline of every transition.
import { useShallow } from 'zustand/react/shallow';
import { AlertTable } from './alert-table';
import { AlertTimeline } from './alert-timeline';
import { NotificationsControl } from './notifications-control';
import { isOpenAlert } from '../../store/alerts-slice';
import { useConsoleStore } from '../../store/console-store';

export function AlertsView() {
  // Muted alerts (an unreachable endpoint's series) are counted once, as that endpoint's alert.
  const open = useConsoleStore(
    useShallow((store) => store.alerts.filter((a) => isOpenAlert(a) && !a.inhibitedBy)),
  );
  const muted = useConsoleStore(
    (store) => store.alerts.filter((a) => isOpenAlert(a) && a.inhibitedBy).length,
  );
  const resolved = useConsoleStore(
    useShallow((store) => store.alerts.filter((alert) => !isOpenAlert(alert))),
  );
  const timeline = useConsoleStore((store) => store.alertTimeline);
  const readOnly = useConsoleStore((store) => store.profile === 'display' || store.kiosk);
  const kiosk = useConsoleStore((store) => store.kiosk);
  return (
    <main className="alerts" data-testid="alerts-view" aria-labelledby="alerts-title">
      <div className="alerts__lists">
        <section className="alerts__section" aria-labelledby="alerts-title">
          <div className="alerts__head">
            <h2 className="alerts__title" id="alerts-title">
              Open alerts <span className="alerts__count">{open.length}</span>
            </h2>
            {!kiosk && <NotificationsControl />}
          </div>
          <AlertTable
            alerts={open}
            caption="Open alerts"
            empty="No open alerts."
            readOnly={readOnly}
            testId="open-alerts"
          />
          {muted > 0 && (
            <p className="alerts__empty" data-testid="muted-alerts">
              {muted} stale alert{muted > 1 ? 's' : ''} muted while {muted > 1 ? 'their' : 'its'}{' '}
              endpoint is unreachable.
            </p>
          )}
        </section>
        <section className="alerts__section" aria-labelledby="resolved-title">
          <h2 className="alerts__title" id="resolved-title">
            Recently resolved <span className="alerts__count">{resolved.length}</span>
          </h2>
          <AlertTable
            alerts={resolved}
            caption="Recently resolved alerts"
            empty="Nothing resolved recently."
            readOnly
            testId="resolved-alerts"
          />
        </section>
      </div>
      <section className="alerts__section alerts__timeline" aria-labelledby="timeline-title">
        <h2 className="alerts__title" id="timeline-title">
          Timeline
        </h2>
        <AlertTimeline transitions={timeline} />
      </section>
    </main>
  );
}
