// Keeps the store in step with the host: deltas as they come, and a full
// state on every (re)open of the bridge, since deltas missed while it was
// down cannot be replayed. While a snapshot is reviewed the wall shows the
// snapshot, not the host: a reload then keeps only a request to open a file
// (leaving the review loads the live state again).
import type { ConsoleApi } from '../../../shared/api/console-api';
import type { ConsoleState } from '../../../shared/api/console-state';
import type { ConnectionListener } from '../bridge/bridge-connection';
import { useConsoleStore } from './console-store';

const RETRY_MS = 3_000;

/** A full state that arrives during a review: only its request to open a snapshot is kept. */
function keepReviewing(state: ConsoleState): void {
  useConsoleStore.setState({
    loadError: undefined,
    ...(state.openSnapshot ? { pendingSnapshot: state.openSnapshot } : {}),
  });
}

export function startConsoleSync(
  api: ConsoleApi,
  onConnection: (listener: ConnectionListener) => () => void,
): () => void {
  const store = useConsoleStore.getState;
  let generation = 0;
  let retry: number | undefined;

  const load = async (): Promise<void> => {
    window.clearTimeout(retry);
    // A newer load supersedes one still in flight.
    const mine = ++generation;
    try {
      const state = await api.getState();
      if (mine !== generation) return;
      if (store().review) keepReviewing(state);
      else store().applyState(state);
    } catch (error) {
      if (mine !== generation) return;
      store().setLoadError(error instanceof Error ? error.message : String(error));
      retry = window.setTimeout(() => {
        if (store().connection === 'open') void load();
      }, RETRY_MS);
    }
  };

  const offDelta = api.onDelta((delta) => store().applyDelta(delta));
  const offConnection = onConnection((connection) => {
    store().setConnection(connection);
    if (connection === 'open') void load();
  });
  return () => {
    generation += 1;
    window.clearTimeout(retry);
    offDelta();
    offConnection();
  };
}
