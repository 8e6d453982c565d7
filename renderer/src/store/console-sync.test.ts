// @vitest-environment happy-dom
// The store against a scripted host: deltas in seq order apply, a gap costs
// one full reload whose state wins, and a host that restarts (its seq starting
// over) is followed. Events show double application: they append unchecked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleDelta, ConsoleState } from '../../../shared/api/console-state';
import type { BridgeConnection, ConnectionListener } from '../bridge/bridge-connection';
import { startConsoleSync } from './console-sync';
import { fixtureEvent as event, fixtureState as state } from './console-state-fixtures';
import { useConsoleStore } from './console-store';
import type { ReviewSession } from './review-slice';

const delta = (seq: number, eventId: string): ConsoleDelta => ({ seq, events: [event(eventId)] });

/**
 * A host the test scripts: it answers getState only when told, and sends
 * deltas on demand. With `manualTasks` each task the sync yields to (one per
 * slice of series it takes in) waits for runTask(); otherwise it runs at once.
 */
function scriptedHost({ manualTasks = false } = {}) {
  const tasks: (() => void)[] = [];
  const yieldTask = () =>
    manualTasks ? new Promise<void>((resolve) => tasks.push(resolve)) : Promise.resolve();
  const deltaListeners = new Set<(delta: ConsoleDelta) => void>();
  const connectionListeners = new Set<ConnectionListener>();
  const replies: { resolve(state: ConsoleState): void; reject(error: Error): void }[] = [];
  const getState = vi.fn(
    () => new Promise<ConsoleState>((resolve, reject) => replies.push({ resolve, reject })),
  );
  const api = {
    getState,
    onDelta: (listener: (delta: ConsoleDelta) => void) => {
      deltaListeners.add(listener);
      return () => deltaListeners.delete(listener);
    },
  };
  const onConnection = (listener: ConnectionListener) => {
    connectionListeners.add(listener);
    return () => connectionListeners.delete(listener);
  };
  const stop = startConsoleSync(api, onConnection, yieldTask);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    getState,
    stop,
    /** Tasks the sync is waiting for. */
    get waitingTasks() {
      return tasks.length;
    },
    /** Runs the oldest task the sync yielded to, and what follows it. */
    async runTask() {
      tasks.shift()?.();
      await settle();
    },
    connection(next: BridgeConnection) {
      for (const listener of connectionListeners) listener(next);
    },
    send(...deltas: ConsoleDelta[]) {
      for (const d of deltas) for (const listener of deltaListeners) listener(d);
    },
    /** Answers the oldest unanswered getState and lets the store take it. */
    async answer(reply: ConsoleState) {
      replies.shift()?.resolve(reply);
      await settle();
    },
    /** Fails the oldest unanswered getState. */
    async fail(error: Error) {
      replies.shift()?.reject(error);
      await settle();
    },
  };
}

const eventIds = () => useConsoleStore.getState().events.map((e) => e.id);
const initial = useConsoleStore.getState();
let host: ReturnType<typeof scriptedHost>;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  useConsoleStore.setState(initial, true);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  host = scriptedHost();
});

afterEach(() => {
  host.stop();
  vi.restoreAllMocks();
});

describe('startConsoleSync', () => {
  it('applies deltas that follow the state in seq order, without reloading', async () => {
    host.connection('open');
    await host.answer(state(4, ['a']));
    host.send(delta(5, 'b'), delta(6, 'c'));
    expect(eventIds()).toEqual(['a', 'b', 'c']);
    expect(host.getState).toHaveBeenCalledTimes(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it('on a gap, reloads once, logs it once, and ends equal to the reloaded state', async () => {
    host.connection('open');
    await host.answer(state(1, ['a']));
    host.send(delta(2, 'b'));
    // Delta 3 was lost (or malformed and dropped by the bridge).
    host.send(delta(4, 'd'));
    expect(host.getState).toHaveBeenCalledTimes(2);
    host.send(delta(5, 'e'));
    expect(host.getState).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledTimes(1);
    await host.answer(state(5, ['a', 'b', 'c', 'd', 'e']));
    expect(eventIds()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('holds deltas during the reload: those in its state are not applied again, later ones are', async () => {
    host.connection('open');
    await host.answer(state(1, ['a']));
    host.send(delta(3, 'c'));
    host.send(delta(4, 'd'), delta(5, 'e'));
    expect(eventIds()).toEqual(['a']);
    await host.answer(state(4, ['a', 'b', 'c', 'd']));
    expect(eventIds()).toEqual(['a', 'b', 'c', 'd', 'e']);
    host.send(delta(6, 'f'));
    expect(eventIds()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(host.getState).toHaveBeenCalledTimes(2);
  });

  it('follows a host that restarted behind a reconnect, its seq starting over', async () => {
    host.connection('open');
    await host.answer(state(40, ['a']));
    host.send(delta(41, 'b'));
    host.connection('lost');
    host.connection('open');
    // The new host flushes before it answers: the delta is already in its state.
    host.send(delta(1, 'x'));
    await host.answer(state(1, ['x']));
    host.send(delta(2, 'y'));
    expect(eventIds()).toEqual(['x', 'y']);
    expect(host.getState).toHaveBeenCalledTimes(2);
    expect(warn).not.toHaveBeenCalled();
  });

  it('takes a seq that starts over without a reconnect as a gap and reloads', async () => {
    host.connection('open');
    await host.answer(state(40, ['a']));
    host.send(delta(1, 'x'));
    expect(host.getState).toHaveBeenCalledTimes(2);
    await host.answer(state(1, ['x']));
    host.send(delta(2, 'y'));
    expect(eventIds()).toEqual(['x', 'y']);
  });

  it('applies no delta before the first state, which already holds it', async () => {
    host.connection('open');
    host.send(delta(1, 'a'));
    await host.answer(state(1, ['a']));
    expect(eventIds()).toEqual(['a']);
  });
});

/** A state with `count` series, each with one point. */
function bigState(seq: number, count: number, eventIds: string[]): ConsoleState {
  const series = Array.from({ length: count }, (_, i) => ({
    key: `ep1/s${i}`,
    endpointId: 'ep1',
    id: `s${i}`,
    title: `Series ${i}`,
    level: 'service' as const,
    unit: '%',
    kind: 'gauge' as const,
    intervalMs: 1000,
  }));
  const points = Object.fromEntries(series.map((s, i) => [s.key, { t: [i + 1], v: [i] }]));
  return { ...state(seq, eventIds), series, points };
}

const seriesCount = () => Object.keys(useConsoleStore.getState().series).length;

describe('startConsoleSync taking a large state in', () => {
  beforeEach(() => {
    host.stop();
    host = scriptedHost({ manualTasks: true });
  });

  it('takes it a slice of series per task, showing progress, and lands it whole at the end', async () => {
    host.connection('open');
    await host.answer(bigState(1, 1_200, ['a']));
    // The task that received the state ends before any of it is taken in.
    expect(useConsoleStore.getState().loaded).toBe(false);
    await host.runTask();
    expect(useConsoleStore.getState().hydrating).toEqual({ done: 500, total: 1_200 });
    expect(useConsoleStore.getState().loaded).toBe(false);
    expect(seriesCount()).toBe(0);
    await host.runTask();
    expect(useConsoleStore.getState().hydrating).toEqual({ done: 1_000, total: 1_200 });
    expect(seriesCount()).toBe(0);
    await host.runTask();
    const store = useConsoleStore.getState();
    expect(store.loaded).toBe(true);
    expect(store.hydrating).toBeUndefined();
    expect(seriesCount()).toBe(1_200);
    expect(Object.keys(store.series).at(-1)).toBe('ep1/s1199');
    expect(store.points['ep1/s1199']).toEqual({ t: [1200], v: [1199] });
    expect(host.waitingTasks).toBe(0);
  });

  it('holds the deltas sent meanwhile and applies, in order, those after its seq', async () => {
    host.connection('open');
    await host.answer(bigState(4, 1_200, ['a', 'b', 'c', 'd']));
    await host.runTask();
    host.send(delta(4, 'd'), delta(5, 'e'));
    await host.runTask();
    host.send(delta(6, 'f'));
    expect(eventIds()).toEqual([]);
    await host.runTask();
    expect(eventIds()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    host.send(delta(7, 'g'));
    expect(eventIds()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(host.getState).toHaveBeenCalledTimes(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it('reloads once on a gap among the held deltas', async () => {
    host.connection('open');
    await host.answer(bigState(1, 600, ['a']));
    await host.runTask();
    // Delta 3 was lost while the state was taken in.
    host.send(delta(2, 'b'), delta(4, 'd'), delta(5, 'e'));
    await host.runTask();
    expect(host.getState).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledTimes(1);
    await host.answer(bigState(5, 600, ['a', 'b', 'c', 'd', 'e']));
    await host.runTask();
    await host.runTask();
    expect(eventIds()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(host.getState).toHaveBeenCalledTimes(2);
  });

  it('drops a state being taken in when a newer load supersedes it', async () => {
    host.connection('open');
    await host.answer(bigState(40, 1_200, ['old']));
    await host.runTask();
    host.connection('lost');
    host.connection('open');
    expect(host.getState).toHaveBeenCalledTimes(2);
    // The superseded state's remaining slices run, and land nothing.
    await host.runTask();
    await host.runTask();
    expect(useConsoleStore.getState().loaded).toBe(false);
    expect(eventIds()).toEqual([]);
    await host.answer(bigState(1, 10, ['new']));
    await host.runTask();
    expect(eventIds()).toEqual(['new']);
    expect(seriesCount()).toBe(10);
  });

  it('stops showing its progress when a newer load that fails supersedes it', async () => {
    host.connection('open');
    await host.answer(bigState(40, 1_200, ['old']));
    await host.runTask();
    expect(useConsoleStore.getState().hydrating).toEqual({ done: 500, total: 1_200 });
    host.connection('lost');
    host.connection('open');
    expect(useConsoleStore.getState().hydrating).toBeUndefined();
    // The old reply is answered already: the newer load's is the one pending.
    await host.fail(new Error('the host went away'));
    await host.runTask();
    await host.runTask();
    const store = useConsoleStore.getState();
    expect(store.loadError).toBe('the host went away');
    expect(store.hydrating).toBeUndefined();
  });

  it('stops showing its progress when a review began while it was taken in', async () => {
    host.connection('open');
    await host.answer(bigState(1, 1_200, ['a']));
    await host.runTask();
    useConsoleStore.setState({ review: {} as ReviewSession });
    await host.runTask();
    await host.runTask();
    expect(useConsoleStore.getState().hydrating).toBeUndefined();
    expect(seriesCount()).toBe(0);
  });
});
