// Until the first full state arrives: say so, and why it has not yet.
import { useConsoleStore } from '../store/console-store';

export function ConnectingScreen() {
  const connection = useConsoleStore((store) => store.connection);
  const loadError = useConsoleStore((store) => store.loadError);
  return (
    <main className="connecting" role="status">
      <p className="connecting__title">Connecting…</p>
      {connection === 'lost' && <p>The console host is not answering; retrying.</p>}
      {loadError && <p className="connecting__error">{loadError}</p>}
    </main>
  );
}
