// The header's count of active (firing) alerts, the critical ones called out,
// read from the one status model; a button to the alerts view, or plain text
// in kiosk mode.
import { useMemo } from 'react';
import { shallow } from 'zustand/shallow';
import { tallyAlerts } from '../../../../shared/rules/status-model';
import { useConsoleStore, type ConsoleStore } from '../../store/console-store';
import { memoSelector } from '../../store/memo-selector';

/** Tallied again only when the alerts change, not on every delta. */
const selectTally = () =>
  memoSelector(
    [(store) => store.alerts],
    (store: ConsoleStore) => {
      const tally = tallyAlerts(store.alerts);
      return [tally.firing, tally.critical, tally.pending] as const;
    },
    shallow,
  );

export function AlertsCount() {
  // The same tally the overall verdict and the service cards read (status-model.ts).
  const [firing, critical, pending] = useConsoleStore(useMemo(selectTally, []));
  const kiosk = useConsoleStore((store) => store.kiosk);
  const setView = useConsoleStore((store) => store.setView);
  const tone = critical > 0 ? 'critical' : firing > 0 ? 'warning' : 'none';
  const words = `${firing} active alert${firing === 1 ? '' : 's'}`;
  const detail = [critical && `${critical} critical`, pending && `${pending} pending`]
    .filter(Boolean)
    .join(', ');
  const content = (
    <>
      <span className="alerts-count__icon" aria-hidden="true">
        {firing > 0 ? '⚑' : '○'}
      </span>
      <span className="alerts-count__number">{words}</span>
      {detail && <span className="alerts-count__detail">{detail}</span>}
    </>
  );
  const common = {
    className: `alerts-count alerts-count--${tone}`,
    'data-testid': 'alerts-count',
    'data-count': firing,
    'data-critical': critical,
  };
  if (kiosk) return <span {...common}>{content}</span>;
  return (
    <button
      type="button"
      {...common}
      title="Open the alerts view"
      onClick={() => setView('alerts')}
    >
      {content}
    </button>
  );
}
