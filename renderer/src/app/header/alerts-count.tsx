// The header's count of active (firing) alerts, the critical ones called out;
// a button to the alerts view, or plain text in kiosk mode.
import { useShallow } from 'zustand/react/shallow';
import { useConsoleStore } from '../../store/console-store';

export function AlertsCount() {
  const [firing, critical, pending] = useConsoleStore(
    useShallow((store) => {
      let firingCount = 0;
      let criticalCount = 0;
      let pendingCount = 0;
      for (const alert of store.alerts) {
        if (alert.state === 'pending') pendingCount += 1;
        if (alert.state !== 'firing') continue;
        firingCount += 1;
        if (alert.severity === 'critical') criticalCount += 1;
      }
      return [firingCount, criticalCount, pendingCount];
    }),
  );
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
