// Keeps the store in step with the host: a full state on every (re)open of the
// bridge, then deltas in seq order. A delta that does not follow the last one
// (lost, or malformed and dropped by the bridge) means the store has diverged:
// one full reload repairs it. While a reload is in flight deltas are held; the
// state wins and only the held deltas after its seq are applied, so nothing
// applies twice. While a snapshot is reviewed the wall shows the snapshot, not
// the host: a reload then keeps only a request to open a file (leaving the
// review loads the live state again). A state is taken in slices of series,
// each in a task of its own (hydrateLive), and lands in the store at once:
// the wall never shows part of a catalog; until the first one lands the
// screen says how far loading has got (and no more once that load fails or
// gives way to another).
import type { ConsoleStateFeed } from '../../../shared/api/contract';
import type { ConsoleDelta, ConsoleState } from '../../../shared/api/console-state';
import type { ConnectionListener } from '../bridge/bridge-connection';
import { useConsoleStore } from './console-store';
import { hydrateLive, type HydrationOptions } from './live-hydration';

const RETRY_MS = 3_000;

/** Where the store stands in the host's delta stream. */
type Stream =
  /** Up to date as of delta `last`. */
  | { phase: 'live'; last: number }
  /** A full state is on its way (or being taken in); deltas meanwhile are held for after it. */
  | { phase: 'loading'; held: ConsoleDelta[] }
  /** No state to apply deltas to (none yet, or the load failed): the next load covers them. */
  | { phase: 'waiting' };

/** A full state that arrives during a review: only its request to open a snapshot is kept. */
function keepReviewing(state: ConsoleState): void {
  useConsoleStore.setState({
    loadError: undefined,
    hydrating: undefined,
    ...(state.openSnapshot ? { pendingSnapshot: state.openSnapshot } : {}),
  });
}

export function startConsoleSync(
  api: ConsoleStateFeed,
  onConnection: (listener: ConnectionListener) => () => void,
  yieldTask?: HydrationOptions['yieldTask'],
): () => void {
  const store = useConsoleStore.getState;
  let generation = 0;
  let retry: number | undefined;
  let stream: Stream = { phase: 'waiting' };

  /** Takes the state in slices; false when a newer load superseded it meanwhile. */
  const hydrate = async (state: ConsoleState, mine: number): Promise<boolean> => {
    if (store().review) {
      keepReviewing(state);
      return true;
    }
    const live = await hydrateLive(state, {
      stillWanted: () => mine === generation,
      progress: (done, total) => store().setHydrating({ done, total }),
      ...(yieldTask ? { yieldTask } : {}),
    });
    if (!live) return false;
    // A review that began while the slices were taken keeps the wall on the snapshot.
    if (store().review) keepReviewing(state);
    else store().applyState(state, live);
    return true;
  };

  /** The state is in: the stream stands at its seq, and held deltas after it follow. */
  const resumeAfter = (state: ConsoleState): void => {
    const held = stream.phase === 'loading' ? stream.held : [];
    stream = { phase: 'live', last: state.seq };
    // Held deltas up to the state's seq are already in it.
    for (const delta of held) {
      if (stream.phase !== 'live') break;
      if (delta.seq > state.seq) receive(delta);
    }
  };

  const load = async (): Promise<void> => {
    window.clearTimeout(retry);
    // A newer load supersedes one still in flight, and its state covers what was held.
    const mine = ++generation;
    stream = { phase: 'loading', held: [] };
    store().setHydrating(undefined);
    try {
      const state = await api.getState();
      if (mine === generation && (await hydrate(state, mine))) resumeAfter(state);
    } catch (error) {
      if (mine !== generation) return;
      stream = { phase: 'waiting' };
      store().setHydrating(undefined);
      store().setLoadError(error instanceof Error ? error.message : String(error));
      retry = window.setTimeout(() => {
        if (store().connection === 'open') void load();
      }, RETRY_MS);
    }
  };

  const receive = (delta: ConsoleDelta): void => {
    if (stream.phase === 'loading') stream.held.push(delta);
    if (stream.phase !== 'live') return;
    if (delta.seq === stream.last + 1) {
      stream = { phase: 'live', last: delta.seq };
      store().applyDelta(delta);
      return;
    }
    // Sent before the reload is asked for, so the reloaded state includes it.
    console.warn(
      `Watchfloor: delta ${delta.seq} does not follow ${stream.last}; reloading the full state`,
    );
    void load();
  };

  const offDelta = api.onDelta(receive);
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
