// Until the first full state is in: say so, and why it has not arrived yet
// or how far taking it in has got. Never a wall that is not there yet.
import { useConsoleStore } from '../store/console-store';

const count = (n: number) => n.toLocaleString('en');

export function ConnectingScreen() {
  const connection = useConsoleStore((store) => store.connection);
  const loadError = useConsoleStore((store) => store.loadError);
  const hydrating = useConsoleStore((store) => store.hydrating);
  const loaded = useConsoleStore((store) => store.loaded);
  const loading = hydrating !== undefined || loaded;
  return (
    <main className="connecting" role="status" data-testid="connecting">
      <p className="connecting__title">{loading ? 'Loading…' : 'Connecting…'}</p>
      {hydrating && (
        <p data-testid="loading-progress">
          {count(hydrating.done)} of {count(hydrating.total)} series
        </p>
      )}
      {connection === 'lost' && <p>The console host is not answering; retrying.</p>}
      {loadError && <p className="connecting__error">{loadError}</p>}
    </main>
  );
}

/** The view's place while it mounts, under a header that is already there. */
export function LoadingView() {
  return (
    <main className="connecting" role="status" data-testid="view-loading">
      <p className="connecting__title">Loading…</p>
    </main>
  );
}
